// The commentary panel: the described event's title, lane, era and time, its summary, the characters'
// words, the article's commentary with attribution, and "in the other life" links to paired events.
#pragma once

#include "story/story.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/panel_text.h"
#include "ui/ui_requests.h"

namespace epilogue {

class CommentaryPanel {
public:
    // Draws the panel into `area` (logical pixels) and records what the user asked for.
    void draw(const Story& story, const ViewState& state, const Rect& area, PanelText& text, UiRequests& requests);

private:
    void drawMoment(const Story& story, const Event& event, const ViewState& state, PanelText& text);
    void drawCommentary(const Story& story, const Event& event, PanelText& text, UiRequests& requests);
};

}  // namespace epilogue
