// The modal card.
#include "ui/modal_card.h"

#include <imgui.h>

#include <algorithm>

namespace epilogue {

bool beginModalCard(const char* name, const char* heading, float logicalWidth, float logicalHeight, float maxWidth,
                    float maxHeight, const UiFonts& fonts) {
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
    if (!ImGui::Begin(name, nullptr, flags)) return false;
    // Everything else dims: drawn first in the card's own list, which is in front of every panel.
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->PushClipRect({0, 0}, {logicalWidth, logicalHeight}, false);
    list->AddRectFilled({0, 0}, {logicalWidth, logicalHeight}, IM_COL32(6, 4, 14, 200));
    list->PopClipRect();
    ImGui::PushFont(fonts.title);
    ImGui::TextWrapped("%s", heading);
    ImGui::PopFont();
    ImGui::Spacing();
    return true;
}

void endModalCard() { ImGui::End(); }

}  // namespace epilogue
