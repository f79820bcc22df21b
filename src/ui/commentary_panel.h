// The commentary panel: the described event's title, lane, era and time, its summary, the characters'
// words, the article's commentary with attribution, and "in the other life" links to paired events.
#pragma once

#include "story/story.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

namespace epilogue {

// Draws the panel into `area` (logical pixels) and records what the user asked for.
void drawCommentaryPanel(const Story& story, const ViewState& state, const Rect& area, const UiFonts& fonts,
                         UiRequests& requests);

}  // namespace epilogue
