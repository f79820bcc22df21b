// The modal card.
#include "ui/modal_card.h"

#include <imgui.h>
#include <imgui_internal.h>  // BringWindowToDisplayFront: the veil and the card stay in front of the panels

#include <algorithm>

namespace epilogue {

bool beginModalCard(const char* name, const char* heading, float logicalWidth, float logicalHeight, float maxWidth,
                    float maxHeight, const UiFonts& fonts) {
    // A veil across the whole frame, in front of every panel: it dims them and takes the clicks that miss
    // the card, so that nothing behind the card can be used while it is up.
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({logicalWidth, logicalHeight});
    const ImGuiWindowFlags veilFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                       ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoFocusOnAppearing |
                                       ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##veil", nullptr, veilFlags);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    ImDrawList* veil = ImGui::GetWindowDrawList();
    veil->PushClipRect({0, 0}, {logicalWidth, logicalHeight}, false);  // to the edges, past the window's padding
    veil->AddRectFilled({0, 0}, {logicalWidth, logicalHeight}, IM_COL32(6, 4, 14, 200));
    veil->PopClipRect();
    ImGui::End();

    const float margin = 12;
    const float width = std::min(maxWidth, logicalWidth - 2 * margin);
    ImGui::SetNextWindowPos({logicalWidth / 2, logicalHeight / 2}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings;
    if (maxHeight > 0) {
        ImGui::SetNextWindowSize({width, std::min(maxHeight, logicalHeight - 2 * margin)});
        flags |= ImGuiWindowFlags_NoScrollbar;  // its own parts scroll
    } else {
        ImGui::SetNextWindowSizeConstraints({width, 0}, {width, logicalHeight - 2 * margin});
        flags |= ImGuiWindowFlags_AlwaysAutoResize;
    }
    ImGui::SetNextWindowBgAlpha(1.0f);
    const bool open = ImGui::Begin(name, nullptr, flags);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());  // in front of the veil
    if (!open) return false;
    ImGui::PushFont(fonts.title);
    ImGui::TextWrapped("%s", heading);
    ImGui::PopFont();
    ImGui::Spacing();
    return true;
}

void endModalCard() { ImGui::End(); }

}  // namespace epilogue
