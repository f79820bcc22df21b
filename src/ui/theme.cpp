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
    colours[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.12f, 0.30f, 0.85f);
    colours[ImGuiCol_FrameBgHovered] = ImVec4(0.24f, 0.18f, 0.42f, 0.90f);
    colours[ImGuiCol_FrameBgActive] = ImVec4(0.30f, 0.23f, 0.52f, 1.0f);
    colours[ImGuiCol_SliderGrab] = ImVec4(1.00f, 0.78f, 0.40f, 0.95f);
    colours[ImGuiCol_SliderGrabActive] = ImVec4(1.00f, 0.90f, 0.62f, 1.0f);
    colours[ImGuiCol_CheckMark] = ImVec4(1.00f, 0.82f, 0.45f, 1.0f);
    colours[ImGuiCol_Header] = ImVec4(0.36f, 0.28f, 0.62f, 0.55f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.42f, 0.33f, 0.72f, 0.70f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.50f, 0.40f, 0.84f, 0.85f);
    colours[ImGuiCol_PopupBg] = ImVec4(0.07f, 0.05f, 0.13f, 0.97f);
    colours[ImGuiCol_TableRowBgAlt] = ImVec4(1.0f, 1.0f, 1.0f, 0.035f);
}

}  // namespace epilogue
