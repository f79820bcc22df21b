// Panel colours and spacing.
#include "ui/theme.h"

#include <imgui.h>

namespace epilogue {

void applyUiTheme() {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 6;
    style.FrameRounding = 5;
    style.GrabRounding = 5;
    style.WindowBorderSize = 0;
    style.WindowPadding = ImVec2(18, 14);
    style.ItemSpacing = ImVec2(10, 7);
    style.ScrollbarSize = 10;
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = ImVec4(0.055f, 0.040f, 0.105f, 0.96f);
    colours[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colours[ImGuiCol_Text] = ImVec4(0.93f, 0.91f, 0.97f, 1.0f);
    colours[ImGuiCol_TextDisabled] = ImVec4(0.62f, 0.58f, 0.74f, 1.0f);
    colours[ImGuiCol_Separator] = ImVec4(0.45f, 0.36f, 0.62f, 0.45f);
    colours[ImGuiCol_Button] = ImVec4(0.26f, 0.20f, 0.45f, 0.75f);
    colours[ImGuiCol_ButtonHovered] = ImVec4(0.40f, 0.32f, 0.70f, 0.90f);
    colours[ImGuiCol_ButtonActive] = ImVec4(0.52f, 0.42f, 0.86f, 1.0f);
    colours[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    colours[ImGuiCol_ScrollbarGrab] = ImVec4(0.40f, 0.32f, 0.62f, 0.6f);
    colours[ImGuiCol_Border] = ImVec4(0.45f, 0.36f, 0.62f, 0.35f);
}

}  // namespace epilogue
