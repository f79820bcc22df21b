// Describing the view as JSON.
#include "app/view_report.h"

#include "story/source_hash.h"
#include "timeline/time_format.h"

#include <filesystem>

namespace epilogue {

namespace {

// How the story counts time, so that its numbers can be read: in its own unit, or in seconds since 00:00 of
// its epoch day (a story in dates).
nlohmann::json storyTimeJson(const Story& story) {
    if (!story.calendar) return {{"kind", "numbers"}, {"unit", story.timeUnit.str()}};
    CivilTime epoch = civilFromDays(story.epochDay);
    return {{"kind", "dates"}, {"epoch", isoDateText(epoch, DatePrecision::Day)}, {"unit", "seconds since the epoch"}};
}

// A rectangle in logical pixels, in the image's pixels.
nlohmann::json rectJson(const Rect& r, float scale) {
    return {{"x", r.x * scale}, {"y", r.y * scale}, {"width", r.width * scale}, {"height", r.height * scale}};
}

}  // namespace

nlohmann::json describeView(const Story& story, const ViewState& state, const FramePlan& plan, const StoryFile& file) {
    const float scale = plan.size.pixelScale;
    auto rect = [scale](const Rect& r) { return rectJson(r, scale); };
    auto eventId = [&](EventIndex index) -> nlohmann::json {
        return index == kNone ? nlohmann::json(nullptr) : nlohmann::json(story.events[static_cast<std::size_t>(index)].id);
    };
    nlohmann::json events = nlohmann::json::array();
    for (const EventMark& mark : plan.layout.events) {
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        const Rect markRect{mark.position.x - mark.radius, mark.position.y - mark.radius, 2 * mark.radius, 2 * mark.radius};
        if (mark.isCluster()) {  // one mark for events too close to tell apart
            events.push_back({{"cluster", mark.count},
                              {"first", event.id},
                              {"last", story.events[static_cast<std::size_t>(mark.lastEvent)].id},
                              {"lane", story.lanes[static_cast<std::size_t>(event.lane)].id},
                              {"rect", rect(markRect)}});
            continue;
        }
        events.push_back({{"id", event.id},
                          {"lane", story.lanes[static_cast<std::size_t>(event.lane)].id},
                          {"time", event.time},
                          {"when", formatEventNotation(story, event).c_str()},
                          {"title", event.title},
                          {"rect", rect(markRect)}});
    }
    nlohmann::json labels = nlohmann::json::array();
    for (const EventLabelPlan& label : plan.labels) {
        labels.push_back({{"id", story.events[static_cast<std::size_t>(label.event)].id}, {"rect", rect(label.box)}});
    }
    // The ruler's rectangle, with its numbered ticks.
    nlohmann::json ruler = rect(plan.layout.ruler);
    ruler["ticks"] = nlohmann::json::array();
    for (const RulerLabelPlan& label : plan.ruler.labels) {
        ruler["ticks"].push_back({{"x", (label.at.x - 4) * scale}, {"label", label.text.c_str()}});
    }
    const char* focus = state.focus == KeyboardFocus::Search       ? "search"
                        : state.focus == KeyboardFocus::EventsList ? "events"
                                                                   : "canvas";
    return {
        {"story", {{"title", story.title}, {"file", file.path}, {"hash", file.hash}}},
        {"time", storyTimeJson(story)},
        {"playhead", state.playheadTime},
        {"playhead_when", formatTimeNotation(story, state.playheadTime).c_str()},
        {"view", {{"start", plan.view.startTime},
                  {"end", plan.view.endTime},
                  {"start_when", formatTimeNotation(story, plan.view.startTime).c_str()},
                  {"end_when", formatTimeNotation(story, plan.view.endTime).c_str()}}},
        {"selection", eventId(state.selectedEvent)},
        {"hovered", eventId(state.hoveredEvent)},
        {"playing", state.playing},
        {"speed", state.speed},
        {"loop", state.loop},
        {"focus", focus},
        {"open_dialog", state.openDialogVisible},
        {"search", {{"query", state.searchQuery},
                    {"matches", plan.search.active ? static_cast<long long>(plan.search.matches.size()) : -1},
                    {"in_view", plan.search.inView}}},
        {"reduced_motion", state.reducedMotion},
        {"animation_time", plan.animationTime},
        {"ui", plan.panels},
        {"size", {{"width", plan.size.logicalWidth}, {"height", plan.size.logicalHeight}, {"scale", scale}}},
        {"canvas", rect(plan.view.canvas)},
        {"ruler", ruler},
        {"playhead_rect", rect(plan.playhead.rect())},
        {"events", events},
        {"labels", labels},
        {"hidden_lanes", plan.hiddenLanes},
        {"tour", tourJson(state, plan)},
    };
}

nlohmann::json tourJson(const ViewState& state, const FramePlan& plan) {
    if (!plan.tour.active || !state.tour.active) return {{"active", false}};
    return {{"active", true},
            {"stop", plan.tour.stop + 1},
            {"stops", plan.tour.stops},
            {"clock", state.tour.clock},
            {"paused", state.tour.paused},
            {"finished", plan.tour.finished},
            {"caption", plan.tour.caption}};
}

StoryFile storyFileFor(const std::string& storyPath, const Story& story) {
    std::error_code ignored;
    StoryFile file;
    file.path = std::filesystem::absolute(storyPath, ignored).lexically_normal().string();
    file.hash = hashText(story.sourceHash);
    return file;
}

}  // namespace epilogue
