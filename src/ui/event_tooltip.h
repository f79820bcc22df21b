// The tooltip beside a hovered event: title, lane, era and time, and its summary; and the whole name of a
// lane whose header shows it shortened.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/layout.h"
#include "ui/panel_text.h"

namespace epilogue {

void drawEventTooltip(const Story& story, EventIndex event, PanelText& text);
// For a mark that stands for many events: how many, over which stretch, and that a click zooms in.
void drawClusterTooltip(const Story& story, const EventMark& mark, PanelText& text);
// When the pointer is over a lane header whose name the plan shortened: the whole name.
void drawLaneNameTooltip(const Story& story, const FramePlan& plan, PanelText& text);

}  // namespace epilogue
