// The events list with search.
#include "ui/events_panel.h"

#include "render/palette.h"

#include <imgui.h>

#include <algorithm>

namespace epilogue {

void EventsPanel::draw(const Story& story, const ViewState& state, const Rect& area, const UiFonts& fonts,
                       UiRequests& requests) {
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
        ImGui::SetNextItemWidth(-1);
        ImGui::InputTextWithHint("##search", "Search titles and summaries", query_, sizeof query_);
        const std::vector<EventIndex>& shown = search_.update(story, query_);
        ImGui::BeginChild("list", {0, 0}, false);
        if (shown.empty()) ImGui::TextDisabled("No event matches.");
        const EventIndex described = eventToDescribe(story, state);
        int describedRow = -1;
        if (described != lastDescribed_ && described != kNone) {
            // The list is in time order: search by time, then among equal times.
            const double time = story.events[static_cast<std::size_t>(described)].time;
            auto at = std::lower_bound(shown.begin(), shown.end(), time, [&](EventIndex event, double t) {
                return story.events[static_cast<std::size_t>(event)].time < t;
            });
            while (at != shown.end() && *at != described && story.events[static_cast<std::size_t>(*at)].time == time) ++at;
            if (at != shown.end() && *at == described) describedRow = static_cast<int>(at - shown.begin());
        }
        lastDescribed_ = described;
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
                if (ImGui::Selectable(event.title.c_str(), index == described)) {
                    requests.push(ViewCommand::select(index));
                }
                if (row == describedRow) ImGui::SetScrollHereY(0.5f);
                if (ImGui::IsItemHovered() && !event.summary.empty()) {
                    ImGui::BeginTooltip();
                    ImGui::PushTextWrapPos(320);
                    ImGui::TextUnformatted(event.summary.c_str());
                    ImGui::PopTextWrapPos();
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
            }
        }
        ImGui::EndChild();
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace epilogue
