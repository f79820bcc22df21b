// Applying view commands, playback and zoom animation.
#include "timeline/view_commands.h"

#include "story/number_limits.h"

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

double storySpan(const Story& story) { return std::max(story.endTime - story.startTime, 1e-9); }

// Keeps a proposed visible range within the zoom limits, keeping its centre.
void clampSpan(const Story& story, double& start, double& end) {
    const double span = std::clamp(end - start, minimumVisibleSpan(story), maximumVisibleSpan(story));
    const double centre = (start + end) / 2;
    start = centre - span / 2;
    end = centre + span / 2;
}

}  // namespace

double minimumVisibleSpan(const Story& story) { return storySpan(story) / 2000; }
double maximumVisibleSpan(const Story& story) { return storySpan(story) * 4; }

double snapToEvent(const Story& story, const TimelineView& view, double time, float pixels) {
    const std::vector<EventIndex>& timeOrder = story.timeOrder;
    const double reach = pixels / view.pixelsPerTime();
    auto timeOf = [&](EventIndex event) { return story.events[static_cast<std::size_t>(event)].time; };
    const auto after = std::lower_bound(timeOrder.begin(), timeOrder.end(), time,
                                        [&](EventIndex event, double t) { return timeOf(event) < t; });
    double best = time;
    double bestDistance = reach;
    if (after != timeOrder.end() && timeOf(*after) - time <= bestDistance) {
        best = timeOf(*after);
        bestDistance = best - time;
    }
    if (after != timeOrder.begin() && time - timeOf(*(after - 1)) <= bestDistance) best = timeOf(*(after - 1));
    return best;
}

namespace {

ViewPlace currentPlace(const ViewState& state) { return {state.targetStartTime, state.targetEndTime, state.playheadTime}; }

// Before a fit, a cluster zoom or a jump: remember where the view was, for Back.
void rememberPlace(ViewState& state) {
    const ViewPlace here = currentPlace(state);
    if (!state.back.empty() && state.back.back().start == here.start && state.back.back().end == here.end &&
        state.back.back().playhead == here.playhead) {
        return;
    }
    if (state.back.size() == kViewHistoryLength) state.back.erase(state.back.begin());
    state.back.push_back(here);
    state.forward.clear();
}

void goTo(ViewState& state, const ViewPlace& place) {
    setTargetRange(state, place.start, place.end);
    state.playheadTime = place.playhead;
}

}  // namespace

void applyViewCommand(const Story& story, float fitInset, ViewState& state, const ViewCommand& command) {
    using Type = ViewCommand::Type;
    // An event that is not the story's (left from a story replaced since) selects, pins and hovers nothing.
    const bool eventCommand = command.type == Type::Select || command.type == Type::Pin || command.type == Type::Hover;
    if (eventCommand && command.event != kNone &&
        (command.event < 0 || static_cast<std::size_t>(command.event) >= story.events.size())) {
        return;
    }
    switch (command.type) {
        case Type::SetPlayhead:
            state.playheadTime = std::clamp(command.time, story.startTime, story.endTime);
            break;
        case Type::Select:
            if (command.event != kNone) rememberPlace(state);
            state.selectedEvent = command.event;
            if (command.event != kNone) {
                const double time = story.events[static_cast<std::size_t>(command.event)].time;
                state.playheadTime = time;
                // Bring it into view if it is off screen, keeping the zoom.
                if (time < state.targetStartTime || time > state.targetEndTime) {
                    const double span = state.targetEndTime - state.targetStartTime;
                    setTargetRange(state, time - span / 2, time + span / 2);
                }
            }
            break;
        case Type::ClearSelection:
            state.selectedEvent = kNone;
            break;
        case Type::Hover:
            state.hoveredEvent = command.event;
            break;
        case Type::StepEvent: {
            const std::vector<EventIndex>& timeOrder = story.timeOrder;
            if (timeOrder.empty()) break;
            const EventIndex current = eventToDescribe(story, state);
            const auto at = std::find(timeOrder.begin(), timeOrder.end(), current);
            long index = 0;
            if (at == timeOrder.end()) {
                index = command.direction > 0 ? 0 : static_cast<long>(timeOrder.size()) - 1;
            } else {
                index = static_cast<long>(at - timeOrder.begin()) + (command.direction > 0 ? 1 : -1);
                index = std::clamp(index, 0L, static_cast<long>(timeOrder.size()) - 1);
            }
            applyViewCommand(story, fitInset, state, ViewCommand::select(timeOrder[static_cast<std::size_t>(index)]));
            break;
        }
        case Type::JumpToStart:  // the playhead goes there and the panel follows it: nothing stays pinned
            rememberPlace(state);
            state.playheadTime = story.startTime;
            state.selectedEvent = kNone;
            break;
        case Type::JumpToEnd:
            rememberPlace(state);
            state.playheadTime = story.endTime;
            state.selectedEvent = kNone;
            state.playing = false;
            break;
        case Type::ZoomAround: {
            // Zooms the target range (successive wheel steps compound) around an anchor that stays put.
            const double factor = std::clamp(command.factor, 0.05, 20.0);
            double start = command.time - (command.time - state.targetStartTime) * factor;
            double end = command.time + (state.targetEndTime - command.time) * factor;
            const double span = end - start;
            // Zooming out stops a little past the whole story (a story lost in empty sky helps nobody).
            const TimelineView fitted = fitStory(story, state.view.canvas, fitInset);
            const double widest = std::min(maximumVisibleSpan(story), (fitted.endTime - fitted.startTime) * 1.15);
            const double clamped = std::clamp(span, std::min(minimumVisibleSpan(story), widest), widest);
            if (clamped != span) {  // at a limit: keep the anchor where it is on screen
                const double anchorShare = (command.time - start) / span;
                start = command.time - clamped * anchorShare;
                end = start + clamped;
            }
            setTargetRange(state, start, end);
            break;
        }
        case Type::ZoomTo: {
            double start = command.start, end = command.end;
            if (!(start < end)) break;
            const double margin = (end - start) * 0.1;
            start -= margin;
            end += margin;
            clampSpan(story, start, end);
            rememberPlace(state);
            setTargetRange(state, start, end);
            break;
        }
        case Type::PanBy:
            state.view.startTime += command.timeShift;
            state.view.endTime += command.timeShift;
            state.targetStartTime += command.timeShift;
            state.targetEndTime += command.timeShift;
            break;
        case Type::FitAll: {
            const TimelineView fitted = fitStory(story, state.view.canvas, fitInset);
            double start = fitted.startTime, end = fitted.endTime;
            clampSpan(story, start, end);
            rememberPlace(state);
            setTargetRange(state, start, end);
            break;
        }
        case Type::TogglePlay:
            state.playing = !state.playing;
            if (state.playing && state.playheadTime >= story.endTime) state.playheadTime = story.startTime;
            break;
        case Type::SetSpeed:
            state.speed = std::clamp(command.speed, limits::kMinSpeed, limits::kMaxSpeed);
            break;
        case Type::SetLoop:
            state.loop = command.enabled;
            break;
        case Type::SetReducedMotion:
            state.reducedMotion = command.enabled;
            if (command.enabled) setVisibleRange(state, state.targetStartTime, state.targetEndTime);
            break;
        case Type::ToggleHelp:
            state.helpVisible = !state.helpVisible;
            break;
        case Type::Pin:
            state.selectedEvent = command.event;
            break;
        case Type::Focus:
            state.focus = command.focusTo;
            break;
        case Type::Search:
            state.searchQuery = command.text;
            break;
        case Type::ShowOpenDialog:
            state.openDialogVisible = command.enabled;
            break;
        case Type::StartTour: {
            if (state.tour.active || story.events.empty()) break;
            TourState& tour = state.tour;
            tour.tour = makeTour(story);
            tour.before = {state.targetStartTime, state.targetEndTime, state.playheadTime};
            tour.selectedBefore = state.selectedEvent;
            tour.playingBefore = state.playing;
            tour.active = true;
            tour.paused = false;
            tour.clock = 0;
            state.playing = false;
            state.helpVisible = false;
            state.openDialogVisible = false;
            state.focus = KeyboardFocus::Canvas;
            state.hoveredEvent = kNone;
            showTourMoment(state);
            break;
        }
        case Type::LeaveTour: {
            if (!state.tour.active) break;
            const TourState& tour = state.tour;
            setVisibleRange(state, tour.before.start, tour.before.end);
            state.playheadTime = tour.before.playhead;
            state.selectedEvent = tour.selectedBefore;
            state.playing = tour.playingBefore;
            state.tour = {};
            break;
        }
        case Type::PauseTour:
            if (!state.tour.active) break;
            if (state.tour.clock >= state.tour.tour.totalSeconds()) {  // at the end: from the beginning
                state.tour.clock = 0;
                state.tour.paused = false;
                showTourMoment(state);
            } else {
                state.tour.paused = !state.tour.paused;
            }
            break;
        case Type::StepTour: {
            if (!state.tour.active) break;
            const Tour& tour = state.tour.tour;
            const int stop = tourMomentAt(tour, state.tour.clock, state.reducedMotion).stop;
            const int last = static_cast<int>(tour.stops.size()) - 1;
            if (command.direction > 0) {
                // On to the next stop, moving there (paused, already there: no time passes to move in); past the
                // last, to the tour's end.
                const TourStop* next = stop < last ? &tour.stops[static_cast<std::size_t>(stop + 1)] : nullptr;
                state.tour.clock = !next ? tour.totalSeconds() : state.tour.paused ? next->holdsAt() : next->startsAt;
            } else {
                // Back to the stop before, already there (a move backwards would retell it in reverse).
                state.tour.clock = stop > 0 ? tour.stops[static_cast<std::size_t>(stop - 1)].holdsAt() : 0;
            }
            showTourMoment(state);
            break;
        }
        case Type::Back:
            if (state.back.empty()) break;
            state.forward.push_back(currentPlace(state));
            goTo(state, state.back.back());
            state.back.pop_back();
            break;
        case Type::Forward:
            if (state.forward.empty()) break;
            state.back.push_back(currentPlace(state));
            goTo(state, state.forward.back());
            state.forward.pop_back();
            break;
    }
}

bool advanceView(const Story& story, ViewState& state, double seconds) {
    if (state.tour.active) {  // the tour's clock drives the camera and the playhead alone
        const double total = state.tour.tour.totalSeconds();
        const bool running = !state.tour.paused && state.tour.clock < total;
        if (running) state.tour.clock = std::min(state.tour.clock + seconds, total);
        showTourMoment(state);
        return running;
    }
    bool moving = false;
    if (state.playing) {
        state.playheadTime += seconds * state.speed * storySpan(story) / kSecondsPerStory;
        if (state.playheadTime >= story.endTime) {
            if (state.loop) {
                state.playheadTime = story.startTime + std::fmod(state.playheadTime - story.endTime, storySpan(story));
            } else {
                state.playheadTime = story.endTime;
                state.playing = false;
            }
        }
        moving = state.playing;
    }
    // Zoom: move a fixed share of the remaining way each frame, frame-rate independent (about 90% in 0.2 s).
    const double remainingStart = state.targetStartTime - state.view.startTime;
    const double remainingEnd = state.targetEndTime - state.view.endTime;
    const double closeEnough = (state.targetEndTime - state.targetStartTime) * 1e-4;
    if (std::abs(remainingStart) > closeEnough || std::abs(remainingEnd) > closeEnough) {
        const double share = state.reducedMotion ? 1.0 : 1.0 - std::exp(-seconds * 12.0);
        state.view.startTime += remainingStart * share;
        state.view.endTime += remainingEnd * share;
        moving = true;
    } else {
        state.view.startTime = state.targetStartTime;
        state.view.endTime = state.targetEndTime;
    }
    return moving;
}

}  // namespace epilogue
