// The events list: every event in time order with its lane, filtered by a search box (see
// event_search.h); clicking one selects it and brings the playhead to it.
#pragma once

#include "story/story.h"
#include "timeline/event_search.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

#include <vector>

namespace epilogue {

class EventsPanel {
public:
    void draw(const Story& story, const ViewState& state, const Rect& area,
              const UiFonts& fonts, UiRequests& requests);

private:
    char query_[128] = {};
    EventSearch search_;  // the events the query matches, worked out again only when it or the story changes
    EventIndex lastDescribed_ = kNone;  // when the described event changes, the list scrolls to it
};

}  // namespace epilogue
