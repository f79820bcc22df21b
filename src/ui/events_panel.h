// The events list: every event in time order with its lane, filtered by a search box whose matches the
// frame plan works out (and the canvas rings). Clicking one selects it and brings the playhead to it.
// The keyboard reaches it with Tab (or Ctrl+F for the search box): in the search box, Enter or Down goes
// to the list; in the list, Up, Down, Page Up, Page Down, Home and End move the selection through the
// matches; the part that has the keyboard wears a ring. A title longer than its row ends in an ellipsis;
// hovering the row shows it whole.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/panel_text.h"
#include "ui/text_box.h"
#include "ui/ui_requests.h"

#include <string>

namespace epilogue {

class EventsPanel {
public:
    void draw(const Story& story, const ViewState& state, const FramePlan& plan, const Rect& area,
              const TextBoxInput& typing, const UiFonts& fonts, PanelText& text, UiRequests& requests);

private:
    void drawSearchBox(const Story& story, const ViewState& state, const FramePlan& plan, const TextBoxInput& typing,
                       PanelText& text, UiRequests& requests);
    // The list's keys when it has the keyboard: the row to select, or -1.
    int rowFromKeys(int currentRow, int rows, int rowsPerPage) const;

    TextBox search_;                    // the search box (its text: the view state's query once applied)
    EventIndex lastDescribed_ = kNone;  // when the described event changes, the list scrolls to it
    std::size_t lastMatchCount_ = 0;    // when the matches change, the list goes back to its top
    std::string listQuery_;             // the query the list was last scrolled for
    bool jumpToFirstMatch_ = false;     // Enter or Down in the search box: select the first match
};

}  // namespace epilogue
