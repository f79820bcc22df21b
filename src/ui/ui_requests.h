// What the panels ask the application to do. Panels read state and fill this in; they change nothing
// themselves.
#pragma once

#include "story/story.h"

namespace epilogue {

struct UiRequests {
    EventIndex selectEvent = kNone;  // select this event (and bring the playhead to it)
    bool clearSelection = false;
};

}  // namespace epilogue
