// The text and the ruler over the timeline canvas: the story's title, lane names, event labels (placed
// so they never overlap), era names and ticks. Drawn with ImGui's background draw list, beneath the
// panels; no GL here.
#pragma once

#include "story/story.h"
#include "timeline/layout.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"

namespace epilogue {

// Room kept at the canvas's left edge for the lane names, in logical pixels.
constexpr float kLaneHeaderWidth = 150;

void drawCanvasLabels(const Story& story, const TimelineLayout& layout, const ViewState& state,
                      const UiFonts& fonts);

}  // namespace epilogue
