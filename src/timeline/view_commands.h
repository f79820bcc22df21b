// Commands: every change the user can make to the view, as plain values applied to ViewState. The
// window's input, the panels and the tests all go through them, so all of it is testable without a
// window (and a recorded list of commands replays a session).
#pragma once

#include "story/story.h"
#include "timeline/view_state.h"

#include <string>
#include <utility>
#include <vector>

namespace epilogue {

struct ViewCommand {
    enum class Type {
        SetPlayhead,
        Select,          // also brings the playhead to the event; kNone clears
        ClearSelection,
        Hover,           // kNone: nothing hovered
        StepEvent,       // to the next or previous event in time order
        JumpToStart,
        JumpToEnd,
        ZoomAround,      // keeps the anchor time where it is on screen
        ZoomTo,          // animates to show the stretch from start to end
        PanBy,
        FitAll,          // animates to the whole story
        TogglePlay,
        SetSpeed,
        SetLoop,
        SetReducedMotion,
        ToggleHelp,
        Pin,             // the selection, without moving the playhead or the view
        Back,            // to where the last fit, cluster zoom or jump left from
        Forward,         // undoes a Back
        Focus,           // where the keys go
        Search,          // the events list's query
        ShowOpenDialog,  // the built-in story chooser, shown or closed
        StartTour,       // the guided tour, from its first stop (tour.h)
        LeaveTour,       // back to the view as it was before the tour
        PauseTour,       // pauses or resumes it (at its end: starts it again)
        StepTour,        // to the next or previous stop
    };

    // Build commands with these; each sets only the fields its type reads.
    static ViewCommand setPlayhead(double time) { return withTime(Type::SetPlayhead, time); }
    static ViewCommand select(EventIndex event) { return withEvent(Type::Select, event); }
    static ViewCommand clearSelection() { return of(Type::ClearSelection); }
    static ViewCommand hover(EventIndex event) { return withEvent(Type::Hover, event); }
    static ViewCommand stepEvent(int direction) {  // +1 next, -1 previous
        ViewCommand command = of(Type::StepEvent);
        command.direction = direction;
        return command;
    }
    static ViewCommand jumpToStart() { return of(Type::JumpToStart); }
    static ViewCommand jumpToEnd() { return of(Type::JumpToEnd); }
    static ViewCommand zoomAround(double anchorTime, double factor) {  // factor < 1 zooms in
        ViewCommand command = withTime(Type::ZoomAround, anchorTime);
        command.factor = factor;
        return command;
    }
    static ViewCommand zoomTo(double start, double end) {
        ViewCommand command = of(Type::ZoomTo);
        command.start = start;
        command.end = end;
        return command;
    }
    static ViewCommand panBy(double timeShift) {  // positive moves the view later in the story
        ViewCommand command = of(Type::PanBy);
        command.timeShift = timeShift;
        return command;
    }
    static ViewCommand fitAll() { return of(Type::FitAll); }
    static ViewCommand togglePlay() { return of(Type::TogglePlay); }
    static ViewCommand setSpeed(double speed) {
        ViewCommand command = of(Type::SetSpeed);
        command.speed = speed;
        return command;
    }
    static ViewCommand setLoop(bool enabled) { return withEnabled(Type::SetLoop, enabled); }
    static ViewCommand setReducedMotion(bool enabled) { return withEnabled(Type::SetReducedMotion, enabled); }
    static ViewCommand toggleHelp() { return of(Type::ToggleHelp); }
    static ViewCommand pin(EventIndex event) { return withEvent(Type::Pin, event); }
    static ViewCommand back() { return of(Type::Back); }
    static ViewCommand forward() { return of(Type::Forward); }
    static ViewCommand focus(KeyboardFocus where) {
        ViewCommand command = of(Type::Focus);
        command.focusTo = where;
        return command;
    }
    static ViewCommand showOpenDialog(bool shown) { return withEnabled(Type::ShowOpenDialog, shown); }
    static ViewCommand startTour() { return of(Type::StartTour); }
    static ViewCommand leaveTour() { return of(Type::LeaveTour); }
    static ViewCommand pauseTour() { return of(Type::PauseTour); }
    static ViewCommand stepTour(int direction) {  // +1 next, -1 previous
        ViewCommand command = of(Type::StepTour);
        command.direction = direction;
        return command;
    }
    static ViewCommand search(std::string query) {
        ViewCommand command = of(Type::Search);
        command.text = std::move(query);
        return command;
    }

    Type type = Type::SetPlayhead;
    double time = 0;          // SetPlayhead: the new playhead; ZoomAround: the anchor
    double factor = 1;        // ZoomAround: span multiplier
    double start = 0;         // ZoomTo: the stretch to show
    double end = 0;
    double timeShift = 0;     // PanBy: story time to move the view by
    double speed = 1;         // SetSpeed
    EventIndex event = kNone; // Select, Hover, Pin
    int direction = 0;        // StepEvent, StepTour: +1 or -1
    bool enabled = false;     // SetLoop, SetReducedMotion, ShowOpenDialog
    KeyboardFocus focusTo = KeyboardFocus::Canvas;  // Focus
    std::string text;         // Search

private:
    static ViewCommand of(Type type) {
        ViewCommand command;
        command.type = type;
        return command;
    }
    static ViewCommand withTime(Type type, double time) {
        ViewCommand command = of(type);
        command.time = time;
        return command;
    }
    static ViewCommand withEvent(Type type, EventIndex event) {
        ViewCommand command = of(type);
        command.event = event;
        return command;
    }
    static ViewCommand withEnabled(Type type, bool enabled) {
        ViewCommand command = of(type);
        command.enabled = enabled;
        return command;
    }
};

// Applies one command. `fitInset` is the pixels kept free at the left edge when fitting (row headers).
void applyViewCommand(const Story& story, float fitInset, ViewState& state, const ViewCommand& command);

// Advances time by `seconds`: the tour's clock while it runs, the playhead while playing, the view towards
// its zoom target. Returns
// whether anything is still moving (the window keeps drawing while it is).
bool advanceView(const Story& story, ViewState& state, double seconds);

// The time of the event nearest to `time` within `pixels` on screen, or `time` itself if none is
// (a binary search in the story's time order).
double snapToEvent(const Story& story, const TimelineView& view, double time, float pixels);

// Limits of zoom: the visible span stays between these.
double minimumVisibleSpan(const Story& story);
double maximumVisibleSpan(const Story& story);

}  // namespace epilogue
