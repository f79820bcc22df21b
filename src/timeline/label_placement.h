// Placing event labels so that they never overlap: each label has a preferred spot and alternatives;
// the first that collides with nothing already placed wins, and a label with no free spot is hidden.
// Pure logic on rectangles; text measuring happens in the UI, which passes in the sizes.
#pragma once

#include "timeline/view.h"

#include <cstdint>
#include <vector>

namespace epilogue {

struct LabelRequest {
    float anchorX = 0, anchorY = 0;  // the point the label names (an event node's centre)
    float width = 0, height = 0;     // the text's size
    float clearance = 0;             // distance kept from the anchor (the node's radius and a gap)
    bool preferAbove = true;         // first try above the anchor, then below
    int priority = 0;                // higher is placed first (the selected event, forks)
};

struct PlacedLabel {
    bool visible = false;
    Rect box;
};

// Places labels in priority order, then left to right. Nothing is placed outside `bounds` or over any
// rectangle in `obstacles` (the node marks themselves, the ribbons, the ruler). Keeps its working
// buffers between calls, so placing labels every frame allocates nothing once they are large enough.
class LabelPlacer {
public:
    // `placed` gets one entry per request, in request order.
    void place(const std::vector<LabelRequest>& requests, const Rect& bounds, const std::vector<Rect>& obstacles,
               std::vector<PlacedLabel>& placed);

private:
    // Taken rectangles are filed in a coarse grid, so each candidate is checked against its neighbours
    // only: placing stays fast with thousands of labels and obstacles.
    void file(const Rect& rect);
    bool isFree(const Rect& rect) const;
    template <typename Visit>
    void forEachCell(const Rect& rect, Visit&& visit) const;

    std::vector<std::size_t> order_;
    std::vector<Rect> taken_;
    std::vector<std::vector<std::uint32_t>> cells_;
    Rect gridBounds_;
    int columns_ = 0, rows_ = 0;
};

// The same as a one-off call.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const Rect& bounds,
                                     const std::vector<Rect>& obstacles);

bool rectsOverlap(const Rect& a, const Rect& b);

}  // namespace epilogue
