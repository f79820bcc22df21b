// The toast.
#include "ui/toast.h"

#include <imgui.h>

namespace epilogue {

void drawToast(const char* message, const Rect& canvas, PanelText& text) {
    ImGui::SetNextWindowPos({canvas.right() - 16, canvas.y + 16}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.9f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("Toast", nullptr, flags)) {
        text.paragraph(TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text), message, canvas.width * 0.5f);  // a path in any script
    }
    ImGui::End();
}

}  // namespace epilogue
