// The hover tooltips: an event's, a cluster's and a shortened lane name's, their story text set by the story
// typesetter.
#include "ui/event_tooltip.h"

#include "timeline/time_format.h"

#include "render/palette.h"

#include <imgui.h>

namespace epilogue {

namespace {

constexpr float kTooltipWidth = 340;

ImU32 colourOf(const Colour& colour) { return ImGui::ColorConvertFloat4ToU32({colour.r, colour.g, colour.b, 1.0f}); }

}  // namespace

void drawEventTooltip(const Story& story, EventIndex index, PanelText& text) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    ImGui::BeginTooltip();
    text.paragraph(TextStyle::Bold, ImGui::GetColorU32(ImGuiCol_Text), event.title, kTooltipWidth);
    const int era = story.eraAt(event.time);
    std::string& where = text.buffer();
    where.clear();
    appendIsolated(where, lane.title);
    if (era != kNone) appendIsolated(where.append("  \u00B7  "), story.eras[static_cast<std::size_t>(era)].name);
    where.append("  \u00B7  ").append(formatEventTime(story, event).c_str());
    text.paragraph(TextStyle::Body, colourOf(lanePalette(lane.kind).label), where, kTooltipWidth);
    if (!event.summary.empty()) text.paragraph(TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text), event.summary, kTooltipWidth);
    ImGui::TextDisabled("Click to pin its commentary");
    ImGui::EndTooltip();
}

void drawClusterTooltip(const Story& story, const EventMark& mark, PanelText& text) {
    const Event& first = story.events[static_cast<std::size_t>(mark.event)];
    const Event& last = story.events[static_cast<std::size_t>(mark.lastEvent)];
    ImGui::BeginTooltip();
    ImGui::Text("%d events", mark.count);
    ImGui::Text("%s to %s", formatEventTime(story, first).c_str(), formatEventTime(story, last).c_str());
    std::string& titles = text.buffer();
    appendIsolated(titles.assign("from \u201C"), first.title);
    appendIsolated(titles.append("\u201D to \u201C"), last.title);
    titles.append("\u201D");
    text.paragraph(TextStyle::Body, ImGui::GetColorU32(ImGuiCol_TextDisabled), titles, kTooltipWidth);
    ImGui::TextDisabled(last.time > first.time ? "Click to zoom in on them" : "Click to select the first");
    ImGui::EndTooltip();
}

void drawLaneNameTooltip(const Story& story, const FramePlan& plan, PanelText& text) {
    for (const LaneHeaderPlan& header : plan.laneHeaders) {
        const Rect& pill = header.pill;
        if (!header.name.shortened || !ImGui::IsMouseHoveringRect({pill.x, pill.y}, {pill.right(), pill.bottom()}, false)) {
            continue;
        }
        ImGui::BeginTooltip();
        text.paragraph(TextStyle::Bold, ImGui::GetColorU32(ImGuiCol_Text),
                       story.lanes[static_cast<std::size_t>(header.lane)].title, kTooltipWidth);
        ImGui::EndTooltip();
        return;
    }
}

}  // namespace epilogue
