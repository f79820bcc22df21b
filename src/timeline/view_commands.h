// Commands: every change the user can make to the view, as plain values applied to ViewState. The
// window's input, the panels and the tests all go through them, so all of it is testable without a
// window (and a recorded list of commands replays a session).
#pragma once

#include "story/story.h"
#include "timeline/view_state.h"

#include <vector>

namespace epilogue {

struct ViewCommand {
    enum class Type {
        SetPlayhead,     // time
        Select,          // event (kNone clears); also brings the playhead to it
        ClearSelection,
        Hover,           // event (kNone: nothing)
        StepEvent,       // amount: +1 next, -1 previous, in time order
        JumpToStart,
        JumpToEnd,
        ZoomAround,      // amount: factor (< 1 zooms in), time: the anchor that stays put
        ZoomTo,          // time: start, amount: end of the stretch to show (animated)
        PanBy,           // time: how far to move the view
        FitAll,          // animate to the whole story
        TogglePlay,
        SetSpeed,        // amount
        SetLoop,         // flag
        SetReducedMotion,  // flag
        ToggleHelp,
    };
    Type type = Type::SetPlayhead;
    double time = 0;
    double amount = 0;
    EventIndex event = kNone;
    bool flag = false;
};

// Applies one command. `fitInset` is the pixels kept free at the left edge when fitting (row headers).
void applyViewCommand(const Story& story, float fitInset, ViewState& state, const ViewCommand& command);

// Advances time by `seconds`: the playhead while playing, the view towards its zoom target. Returns
// whether anything is still moving (the window keeps drawing while it is).
bool advanceView(const Story& story, ViewState& state, double seconds);

// The time of the event nearest to `time` within `pixels` on screen, or `time` itself if none is
// (a binary search in the story's time order).
double snapToEvent(const Story& story, const TimelineView& view, double time, float pixels);

// Limits of zoom: the visible span stays between these.
double minimumVisibleSpan(const Story& story);
double maximumVisibleSpan(const Story& story);

}  // namespace epilogue
