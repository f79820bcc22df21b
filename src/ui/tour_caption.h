// The guided tour's presentation, drawn from the frame plan: the caption band under the canvas with the
// stop's words in large type, their attribution, a dot per stop and the tour's progress bar.
#pragma once

#include "timeline/frame_plan.h"
#include "ui/fonts.h"
#include "ui/story_typesetter.h"

namespace epilogue {

void drawTourCaption(const FramePlan& plan, const UiFonts& fonts, StoryTypesetter& type);

}  // namespace epilogue
