// The error banner.
#include "ui/banner.h"

#include <imgui.h>

namespace epilogue {

void drawBanner(const char* heading, const char* message, const Rect& canvas, const UiFonts& fonts) {
    ImGui::SetNextWindowPos({canvas.x, canvas.y});
    ImGui::SetNextWindowSize({canvas.width, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.42f, 0.08f, 0.20f, 0.94f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("Banner", nullptr, flags)) {
        ImGui::PushFont(fonts.bold);
        ImGui::PushTextWrapPos(canvas.width - 24);
        ImGui::TextUnformatted(heading);
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
        ImGui::PushTextWrapPos(canvas.width - 24);
        ImGui::TextUnformatted(message);
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace epilogue
