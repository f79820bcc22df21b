// The error banner.
#include "ui/banner.h"

#include <imgui.h>

namespace epilogue {

void drawBanner(const char* heading, const char* message, const Rect& canvas, PanelText& text) {
    ImGui::SetNextWindowPos({canvas.x, canvas.y});
    ImGui::SetNextWindowSize({canvas.width, 0});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.42f, 0.08f, 0.20f, 0.94f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("Banner", nullptr, flags)) {
        // The message quotes the story file (its path, the text at fault): in any script.
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        text.paragraph(TextStyle::Bold, ink, heading, canvas.width - 24);
        text.paragraph(TextStyle::Body, ink, message, canvas.width - 24);
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace epilogue
