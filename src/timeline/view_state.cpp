// Which event the panel describes.
#include "timeline/view_state.h"

#include <algorithm>
#include <string>

namespace epilogue {

EventIndex eventToDescribe(const Story& story, const ViewState& state) {
    if (state.selectedEvent != kNone) return state.selectedEvent;
    // The first event after the playhead; the one before it is the latest at or before it (at equal
    // times, the one listed later in the file, as the order is stable).
    const std::vector<EventIndex>& timeOrder = story.timeOrder;
    const auto after = std::upper_bound(timeOrder.begin(), timeOrder.end(), state.playheadTime,
                                        [&](double time, EventIndex event) {
                                            return time < story.events[static_cast<std::size_t>(event)].time;
                                        });
    return after == timeOrder.begin() ? kNone : *(after - 1);
}

void setVisibleRange(ViewState& state, double start, double end) {
    state.view.startTime = state.targetStartTime = start;
    state.view.endTime = state.targetEndTime = end;
}

void setTargetRange(ViewState& state, double start, double end) {
    state.targetStartTime = start;
    state.targetEndTime = end;
    if (state.reducedMotion) setVisibleRange(state, start, end);
}

void adoptStory(Story& story, Story&& reloaded, ViewState& state) {
    const std::string selected =
        state.selectedEvent == kNone ? "" : story.events[static_cast<std::size_t>(state.selectedEvent)].id.str();
    story = std::move(reloaded);
    state.selectedEvent = selected.empty() ? kNone : story.findEvent(selected);
    state.hoveredEvent = kNone;
    state.playheadTime = std::clamp(state.playheadTime, story.startTime, story.endTime);
}

}  // namespace epilogue
