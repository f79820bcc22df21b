// The events list with search, and its keyboard.
#include "ui/events_panel.h"

#include "render/palette.h"
#include "timeline/time_format.h"

#include <imgui.h>
#include <imgui_internal.h>  // the list's clip rectangle

#include <algorithm>

namespace epilogue {

namespace {

const ImVec4 kFocusRing{0.45f, 0.95f, 1.0f, 0.9f};  // the search's cyan, as on the canvas

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

// The row of `event` among `shown` (in time order), or -1: a binary search by time, then among equal times.
int rowOf(const Story& story, const std::vector<EventIndex>& shown, EventIndex event) {
    if (event == kNone) return -1;
    const double time = story.events[static_cast<std::size_t>(event)].time;
    auto at = std::lower_bound(shown.begin(), shown.end(), time, [&](EventIndex candidate, double t) {
        return story.events[static_cast<std::size_t>(candidate)].time < t;
    });
    while (at != shown.end() && *at != event && story.events[static_cast<std::size_t>(*at)].time == time) ++at;
    return at != shown.end() && *at == event ? static_cast<int>(at - shown.begin()) : -1;
}

}  // namespace

void EventsPanel::drawSearchBox(const Story& story, const ViewState& state, const FramePlan& plan,
                                const TextBoxInput& typing, PanelText& text, UiRequests& requests) {
    // The application changed the query (Escape cleared it, or it came with the window): the box shows it.
    if (search_.text() != state.searchQuery) search_.set(state.searchQuery);
    TextBoxInput input = typing;
    input.focused = state.focus == KeyboardFocus::Search && !state.helpVisible && !state.openDialogVisible;
    const TextBoxResult field = search_.draw(text, "Search (Ctrl+F)", input);
    if (field.edited) requests.push(ViewCommand::search(search_.text()));
    if (field.clicked && state.focus != KeyboardFocus::Search) {
        requests.push(ViewCommand::focus(KeyboardFocus::Search));  // clicked into it
    } else if (state.focus == KeyboardFocus::Search && !field.hovered && ImGui::IsMouseClicked(0) &&
               ImGui::IsWindowHovered(ImGuiHoveredFlags_AnyWindow)) {
        requests.push(ViewCommand::focus(KeyboardFocus::Canvas));  // clicked elsewhere on the panels
    }
    if (input.focused) requests.textInputArea = {field.left, field.top, field.width, field.height};
    // Enter or Down takes the keyboard to the list, at the first match.
    if (field.entered || field.down) {
        requests.push(ViewCommand::focus(KeyboardFocus::EventsList));
        jumpToFirstMatch_ = true;
    }
    if (state.focus == KeyboardFocus::Search) {
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                            ImGui::ColorConvertFloat4ToU32(kFocusRing), 5.0f, 0, 2.0f);
    }
    if (field.full) {
        ImGui::TextWrapped("A search holds at most %zu bytes: the rest of what was typed or pasted was left out.",
                           TextField::kMaxBytes);
    }
    if (plan.search.active) {
        ImGui::PushStyleColor(ImGuiCol_Text, kFocusRing);
        if (plan.search.matches.empty()) {
            ImGui::TextWrapped("No event matches.");
        } else {
            ImGui::TextWrapped("%zu of %zu events match, %d in view", plan.search.matches.size(), story.events.size(),
                               plan.search.inView);
        }
        ImGui::PopStyleColor();
    }
}

int EventsPanel::rowFromKeys(int currentRow, int rows, int rowsPerPage) const {
    if (rows == 0) return -1;
    if (keyPressed(ImGuiKey_Home)) return 0;
    if (keyPressed(ImGuiKey_End)) return rows - 1;
    int step = 0;
    if (keyPressed(ImGuiKey_DownArrow)) step = 1;
    if (keyPressed(ImGuiKey_UpArrow)) step = -1;
    if (keyPressed(ImGuiKey_PageDown)) step = rowsPerPage;
    if (keyPressed(ImGuiKey_PageUp)) step = -rowsPerPage;
    if (step == 0) return -1;
    if (currentRow < 0) return step > 0 ? 0 : rows - 1;  // nothing chosen in the list yet: from an end
    return std::clamp(currentRow + step, 0, rows - 1);
}

void EventsPanel::draw(const Story& story, const ViewState& state, const FramePlan& plan, const Rect& area,
                       const TextBoxInput& typing, const UiFonts& fonts, PanelText& text, UiRequests& requests) {
    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({area.width, area.height});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.045f, 0.032f, 0.09f, 0.97f));
    if (ImGui::Begin("Events", nullptr, flags)) {
        ImGui::PushFont(fonts.bold);
        ImGui::TextUnformatted("Events");
        ImGui::PopFont();
        ImGui::SameLine();
        drawSearchBox(story, state, plan, typing, text, requests);
        const std::vector<EventIndex>& shown = plan.search.matches;

        const bool listFocused = state.focus == KeyboardFocus::EventsList;
        ImGui::BeginChild("list", {0, 0}, false);
        const EventIndex described = eventToDescribe(story, state);
        const int describedRow = rowOf(story, shown, described);
        // The chosen row is brought into sight when it changes; a new query shows it centred among the
        // matches, or the list from its top when it is not one of them.
        const bool newMatches = shown.size() != lastMatchCount_ || listQuery_ != state.searchQuery;
        const bool centreDescribed = newMatches && describedRow >= 0;
        if (newMatches && describedRow < 0) ImGui::SetScrollY(0);
        lastMatchCount_ = shown.size();
        listQuery_ = state.searchQuery;
        const bool describedChanged = described != lastDescribed_;
        lastDescribed_ = described;

        // The keyboard, when the list has it: the selection moves through the rows.
        const float rowHeight = ImGui::GetTextLineHeightWithSpacing();
        const int rowsPerPage = std::max(1, static_cast<int>(ImGui::GetWindowHeight() / rowHeight) - 1);
        // Arriving from the search box pins the row the list shows as chosen (the event the playhead is
        // at, when it is a match), else the first match.
        int wanted = -1, from = describedRow;
        if (jumpToFirstMatch_ && listFocused) {
            jumpToFirstMatch_ = false;
            if (!shown.empty()) wanted = from = describedRow >= 0 ? describedRow : 0;
        }
        if (listFocused && !state.helpVisible) {
            const int moved = rowFromKeys(from, static_cast<int>(shown.size()), rowsPerPage);
            if (moved >= 0) wanted = moved;
        }
        if (wanted >= 0 && shown[static_cast<std::size_t>(wanted)] != state.selectedEvent) {
            requests.push(ViewCommand::select(shown[static_cast<std::size_t>(wanted)]));
        }

        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown.size()));
        if (describedRow >= 0) clipper.ForceDisplayRangeByIndices(describedRow, describedRow + 1);
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const EventIndex index = shown[static_cast<std::size_t>(row)];
                const Event& event = story.events[static_cast<std::size_t>(index)];
                const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
                ImGui::PushID(index);
                // The lane's mark: a filled dot for what happened, a ring for the dream (not colour alone).
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float lineHeight = ImGui::GetTextLineHeight();
                const ImU32 colour = ImGui::ColorConvertFloat4ToU32({palette.node.r, palette.node.g, palette.node.b, 1});
                const ImVec2 centre{at.x + 6, at.y + lineHeight / 2 + 1};
                if (palette.pattern == 0) {
                    ImGui::GetWindowDrawList()->AddCircleFilled(centre, 4.5f, colour);
                } else {
                    ImGui::GetWindowDrawList()->AddCircle(centre, 4.0f, colour, 0, 2.0f);
                }
                ImGui::SetCursorScreenPos({at.x + 18, at.y});
                // In a story in dates, each row ends with its event's date; the title is cut before it.
                float titleWidth = 0;  // the whole row
                TimeText when;
                float whenWidth = 0;
                const float rowRight = at.x + 18 + ImGui::GetContentRegionAvail().x;
                if (story.calendar) {
                    when = formatEventTime(story, event);
                    whenWidth = ImGui::CalcTextSize(when.c_str()).x;
                    titleWidth = std::max(40.0f, ImGui::GetContentRegionAvail().x - whenWidth - 10);
                }
                if (story.calendar) {
                    ImGui::GetWindowDrawList()->AddText({rowRight - whenWidth, at.y},
                                                        ImGui::GetColorU32(ImGuiCol_TextDisabled), when.c_str());
                }
                // The title, shortened with an ellipsis when it is longer than its row (whole in the tooltip).
                const ImVec2 titleAt = ImGui::GetCursorScreenPos();
                const float titleRoom = titleWidth > 0 ? titleWidth : ImGui::GetContentRegionAvail().x;
                const bool chosen = ImGui::Selectable("##event", index == described, 0, {titleWidth, 0});
                const float textTop = titleAt.y + (lineHeight - text.lineHeight(TextStyle::Body)) / 2;
                const bool shortened = text.lineAt({titleAt.x, textTop}, TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text),
                                                   event.title, titleRoom);
                if (chosen) {
                    requests.push(ViewCommand::select(index));
                    requests.push(ViewCommand::focus(KeyboardFocus::EventsList));
                }
                if (row == describedRow) {
                    // The chosen row stays in sight: scrolled to when it changes and is out of view.
                    const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
                    const bool outOfView = ImGui::GetItemRectMin().y < clip.Min.y || ImGui::GetItemRectMax().y > clip.Max.y;
                    if (centreDescribed || (describedChanged && outOfView)) ImGui::SetScrollHereY(0.5f);
                    if (listFocused) {
                        const ImVec2 max{std::min(ImGui::GetItemRectMax().x, clip.Max.x - 1), ImGui::GetItemRectMax().y};
                        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), max,
                                                            ImGui::ColorConvertFloat4ToU32(kFocusRing), 3.0f, 0, 1.5f);
                    }
                }
                if (ImGui::IsItemHovered() && (shortened || !event.summary.empty())) {
                    ImGui::BeginTooltip();
                    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
                    if (shortened) text.paragraph(TextStyle::Bold, ink, event.title, 320);
                    if (!event.summary.empty()) text.paragraph(TextStyle::Body, ink, event.summary, 320);
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
            }
        }
        ImGui::EndChild();
        if (listFocused) {
            ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                                ImGui::ColorConvertFloat4ToU32({kFocusRing.x, kFocusRing.y, kFocusRing.z, 0.6f}),
                                                6.0f, 0, 2.0f);
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace epilogue
