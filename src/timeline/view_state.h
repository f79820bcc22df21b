// The state of the user's view, kept apart from the story: what is visible, where the playhead is,
// what is selected. One plain struct that is easy to save and restore.
#pragma once

#include "story/story.h"
#include "timeline/view.h"

namespace epilogue {

struct ViewState {
    TimelineView view;
    double playheadTime = 0;
    EventIndex selectedEvent = kNone;
    EventIndex hoveredEvent = kNone;
    bool reducedMotion = false;
};

// The event the commentary panel shows: the selection, or else the latest event at or before the
// playhead (the panel follows the playhead), or kNone before the first event.
EventIndex eventToDescribe(const Story& story, const ViewState& state);

}  // namespace epilogue
