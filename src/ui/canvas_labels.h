// The text and the ruler over the timeline canvas: the story's title, lane names, event labels (placed
// so they never overlap), era names and ticks. Drawn with ImGui's background draw list, beneath the
// panels; no GL here. Working buffers are kept between frames, so drawing allocates nothing.
#pragma once

#include "story/story.h"
#include "timeline/label_placement.h"
#include "timeline/layout.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"

#include <string>
#include <vector>

namespace epilogue {

// Room kept at the canvas's left edge for the lane names, in logical pixels.
constexpr float kLaneHeaderWidth = 150;

// The story's title and source sit at the canvas's top left when there is room for them.
bool showsTitleBlock(const Rect& canvas);
// Pixels the title block keeps free above the lanes (0 when it is not shown).
float titleBlockInset(const Rect& canvas);

class CanvasLabels {
public:
    void draw(const Story& story, const TimelineLayout& layout, const ViewState& state, const UiFonts& fonts);

private:
    std::vector<LabelRequest> requests_;
    std::vector<const EventMark*> marks_;
    std::vector<Rect> obstacles_;
    std::vector<PlacedLabel> placed_;
    LabelPlacer placer_;
    std::string creditSource_;  // the source title the credit line was made from
    std::string credit_;
};

}  // namespace epilogue
