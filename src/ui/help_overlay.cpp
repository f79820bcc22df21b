// The help overlay.
#include "ui/help_overlay.h"

#include "ui/modal_card.h"

#include <imgui.h>

#include <algorithm>

namespace epilogue {

const KeyBinding kKeyBindings[] = {
    {"Drag on the ruler or the playhead's knob", "Scrub (snaps to nearby events)"},
    {"Shift while scrubbing", "Scrub without snapping"},
    {"Mouse wheel", "Zoom around the pointer"},
    {"Drag empty sky, sideways scroll, Shift+wheel", "Pan (a right or middle drag too)"},
    {"Ctrl+Left / Ctrl+Right", "Pan earlier / later"},
    {"Double-click empty sky, or F", "Fit the whole story"},
    {"Alt+Left / Alt+Right, mouse back / forward", "Back / forward through fits, zooms and jumps"},
    {"Click an event", "Pin its commentary"},
    {"Hover an event", "Show its summary"},
    {"Space", "Play / pause"},
    {"L, [ and ]", "Loop on / off, slower, faster"},
    {"P, or the Tour button", "Present the story stop by stop; on tour Space pauses, Left / Right (Page Up / Down) step, Escape leaves"},
    {"Left / Right", "Previous / next event"},
    {"Home / End", "Start / end of the story"},
    {"+ / -", "Zoom in / out"},
    {"Tab / Shift+Tab", "Keyboard to the search box, the events list, the canvas"},
    {"Ctrl+F", "Search titles and summaries (matches ringed on the canvas)"},
    {"Up / Down, Page Up / Down (in the list)", "Select the next or previous event in the list"},
    {"Escape", "Back out: close this help, clear the search, leave the list, unpin"},
    {"F1", "This help"},
    {"F11", "Fullscreen"},
    {"F12", "Screenshot (to the pictures folder)"},
    {"Ctrl+O, the Open menu, or drop a file here", "Open another story (those opened lately are in the menu)"},
    {"Ctrl+Q, or close the window", "Quit (the window's size and playback settings are kept)"},
};
const int kKeyBindingCount = static_cast<int>(sizeof(kKeyBindings) / sizeof(kKeyBindings[0]));

void drawHelpOverlay(float logicalWidth, float logicalHeight, const UiFonts& fonts, UiRequests& requests) {
    // As wide as the bindings need up to the window's width; in a window too small for the whole list, the
    // actions wrap and the list scrolls (the wheel, or the scroll bar).
    if (beginModalCard("Help", "Epilogue \u2014 keys and gestures", logicalWidth, logicalHeight, 900, 0, fonts)) {
        if (ImGui::BeginTable("bindings", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableSetupColumn("action", ImGuiTableColumnFlags_WidthStretch, 1.15f);
            for (int i = 0; i < kKeyBindingCount; ++i) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(fonts.bold);
                ImGui::TextWrapped("%s", kKeyBindings[i].keys);
                ImGui::PopFont();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", kKeyBindings[i].action);
            }
            ImGui::EndTable();
        }
        ImGui::Spacing();
        if (ImGui::Button("Close (Esc)")) requests.push(ViewCommand::toggleHelp());
    }
    endModalCard();
}

}  // namespace epilogue
