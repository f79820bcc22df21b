// The events list: every event in time order with its lane, filtered by a search box; clicking one
// selects it and brings the playhead to it. The filtered list is rebuilt only when the search or the
// story changes.
#pragma once

#include "story/story.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

#include <vector>

namespace epilogue {

// Case-insensitive (ASCII) match of `query` against an event's title, summary and id. Pure.
bool eventMatches(const Event& event, const char* query);

class EventsPanel {
public:
    void draw(const Story& story, const ViewState& state, const Rect& area,
              const UiFonts& fonts, UiRequests& requests);

private:
    char search_[128] = {};
    std::vector<EventIndex> shown_;
    const Story* filteredFor_ = nullptr;
    bool stale_ = true;
    EventIndex lastDescribed_ = kNone;  // when the described event changes, the list scrolls to it
};

}  // namespace epilogue
