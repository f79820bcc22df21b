// The hover tooltip.
#include "ui/event_tooltip.h"

#include "timeline/time_format.h"

#include "render/palette.h"

#include <imgui.h>

namespace epilogue {

void drawEventTooltip(const Story& story, EventIndex index, const UiFonts& fonts) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    const LanePalette& palette = lanePalette(lane.kind);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(340);
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(event.title.c_str());
    ImGui::PopFont();
    const int era = story.eraAt(event.time);
    ImGui::TextColored(ImVec4(palette.label.r, palette.label.g, palette.label.b, 1), "%s%s%s  \u00B7  %s",
                       lane.title.c_str(), era == kNone ? "" : "  \u00B7  ",
                       era == kNone ? "" : story.eras[static_cast<std::size_t>(era)].name.c_str(),
                       formatEventTime(story, event).c_str());
    if (!event.summary.empty()) ImGui::TextUnformatted(event.summary.c_str());
    ImGui::TextDisabled("Click to pin its commentary");
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace epilogue

namespace epilogue {

void drawClusterTooltip(const Story& story, const EventMark& mark, const UiFonts& fonts) {
    const Event& first = story.events[static_cast<std::size_t>(mark.event)];
    const Event& last = story.events[static_cast<std::size_t>(mark.lastEvent)];
    ImGui::BeginTooltip();
    ImGui::PushFont(fonts.bold);
    ImGui::Text("%d events", mark.count);
    ImGui::PopFont();
    ImGui::Text("%s to %s", formatEventTime(story, first).c_str(), formatEventTime(story, last).c_str());
    ImGui::TextDisabled("from \u201C%s\u201D to \u201C%s\u201D", first.title.c_str(), last.title.c_str());
    ImGui::TextDisabled(last.time > first.time ? "Click to zoom in on them" : "Click to select the first");
    ImGui::EndTooltip();
}

}  // namespace epilogue

namespace epilogue {

void drawLaneNameTooltip(const Story& story, const FramePlan& plan, const UiFonts& fonts) {
    for (const LaneHeaderPlan& header : plan.laneHeaders) {
        const Rect& pill = header.pill;
        if (!header.name.shortened || !ImGui::IsMouseHoveringRect({pill.x, pill.y}, {pill.right(), pill.bottom()}, false)) {
            continue;
        }
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(340);
        ImGui::PushFont(fonts.bold);
        ImGui::TextUnformatted(story.lanes[static_cast<std::size_t>(header.lane)].title.c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
        return;
    }
}

}  // namespace epilogue
