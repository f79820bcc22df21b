// Describing the view as JSON.
#include "app/view_report.h"

#include "story/source_hash.h"

#include <filesystem>

namespace epilogue {

namespace {

nlohmann::json rectJson(float x, float y, float width, float height, float scale) {
    return {{"x", x * scale}, {"y", y * scale}, {"width", width * scale}, {"height", height * scale}};
}

}  // namespace

nlohmann::json describeView(const Story& story, const ViewState& state, const TimelineLayout& layout,
                            const ReportContext& context) {
    const float scale = context.pixelScale;
    auto eventId = [&](EventIndex index) -> nlohmann::json {
        return index == kNone ? nlohmann::json(nullptr) : nlohmann::json(story.events[static_cast<std::size_t>(index)].id);
    };
    nlohmann::json events = nlohmann::json::array();
    for (const EventMark& mark : layout.events) {
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        if (mark.isCluster()) {  // one mark for events too close to tell apart
            events.push_back({{"cluster", mark.count},
                              {"first", event.id},
                              {"last", story.events[static_cast<std::size_t>(mark.lastEvent)].id},
                              {"lane", story.lanes[static_cast<std::size_t>(event.lane)].id},
                              {"rect", rectJson(mark.position.x - mark.radius, mark.position.y - mark.radius,
                                                2 * mark.radius, 2 * mark.radius, scale)}});
            continue;
        }
        events.push_back({{"id", event.id},
                          {"lane", story.lanes[static_cast<std::size_t>(event.lane)].id},
                          {"time", event.time},
                          {"title", event.title},
                          {"rect", rectJson(mark.position.x - mark.radius, mark.position.y - mark.radius,
                                            2 * mark.radius, 2 * mark.radius, scale)}});
    }
    const Rect& canvas = state.view.canvas;
    const float playheadX = state.view.timeToX(state.playheadTime);
    return {
        {"story", {{"title", story.title}, {"file", context.storyPath}, {"hash", context.storyHash}}},
        {"playhead", state.playheadTime},
        {"view", {{"start", state.view.startTime}, {"end", state.view.endTime}}},
        {"selection", eventId(state.selectedEvent)},
        {"hovered", eventId(state.hoveredEvent)},
        {"playing", state.playing},
        {"reduced_motion", state.reducedMotion},
        {"animation_time", context.animationTime},
        {"ui", context.panels},
        {"size", {{"width", context.logicalWidth}, {"height", context.logicalHeight}, {"scale", scale}}},
        {"canvas", rectJson(canvas.x, canvas.y, canvas.width, canvas.height, scale)},
        {"ruler", rectJson(layout.ruler.x, layout.ruler.y, layout.ruler.width, layout.ruler.height, scale)},
        {"playhead_rect", rectJson(playheadX - 1, canvas.y, 2, layout.ruler.bottom() - canvas.y, scale)},
        {"events", events},
    };
}

ReportContext reportContextFor(const std::string& storyPath, const Story& story) {
    std::error_code ignored;
    ReportContext context;
    context.storyPath = std::filesystem::absolute(storyPath, ignored).lexically_normal().string();
    context.storyHash = hashText(story.sourceHash);
    return context;
}

}  // namespace epilogue
