// The tooltip beside a hovered event: title, lane, era and time, and its summary.
#pragma once

#include "story/story.h"
#include "ui/fonts.h"

namespace epilogue {

void drawEventTooltip(const Story& story, EventIndex event, const UiFonts& fonts);

}  // namespace epilogue
