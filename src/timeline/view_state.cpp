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

void showTourMoment(ViewState& state) {
    const Tour& tour = state.tour.tour;
    if (!state.tour.active || tour.stops.empty()) return;
    const TourMoment moment = tourMomentAt(tour, state.tour.clock, state.reducedMotion);
    setVisibleRange(state, moment.viewStart, moment.viewEnd);
    state.playheadTime = moment.playhead;
    // The event the stop is about is selected (it shines); the opening and stretches select nothing.
    state.selectedEvent = tour.stops[static_cast<std::size_t>(moment.stop)].event;
}

void adoptStory(Story& story, Story&& reloaded, ViewState& state) {
    const std::string selected =
        state.selectedEvent == kNone ? "" : story.events[static_cast<std::size_t>(state.selectedEvent)].id.str();
    story = std::move(reloaded);
    state.selectedEvent = selected.empty() ? kNone : story.findEvent(selected);
    state.hoveredEvent = kNone;
    state.playheadTime = std::clamp(state.playheadTime, story.startTime, story.endTime);
    if (state.tour.active) {  // the tour of the story as it is now, at the same clock
        state.tour.tour = makeTour(story);
        state.tour.clock = std::min(state.tour.clock, state.tour.tour.totalSeconds());
        state.tour.selectedBefore = kNone;  // an event of the file before
        showTourMoment(state);
    }
}

}  // namespace epilogue
