// Placing event labels so that they never overlap and never read as one: each label has a preferred spot
// and alternatives (centred above or below its anchor, then beside it, then a line further out); the
// first that keeps clear of everything already placed wins, and a label with no free spot is hidden.
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
    // Where the label was last frame, relative to its anchor: tried before anything else, so that labels
    // stay put while nothing forces them to move.
    bool hasPrevious = false;
    float previousDx = 0, previousDy = 0;
};

struct PlacedLabel {
    bool visible = false;
    bool above = false;  // on the anchor's upper side
    Rect box;
};

// Air kept between two labels: more than a word space to the sides, so that two labels never read as one,
// and a little above and below, so that lines of neighbouring lanes stay apart.
constexpr float kLabelSideGap = 12;
constexpr float kLabelLineGap = 3;
// How far a label set beside its anchor (not centred on it) keeps from the anchor's x: clear of a line through
// the anchor (the playhead).
constexpr float kLabelSideShift = 8;
// A label of this priority or more (the selected event's) is given every spot there is before it hides.
constexpr int kMustShowPriority = 3;

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
    bool overNeighbour(const std::vector<LabelRequest>& requests, std::size_t index, const Rect& box) const;
    template <typename Visit>
    void forEachCell(const Rect& rect, Visit&& visit) const;

    std::vector<std::size_t> order_;
    std::vector<std::size_t> byX_;  // requests by their anchor's x
    std::vector<Rect> taken_;
    // Each cell's rectangles as a linked list in one shared pool: filing never allocates once the pool is
    // as large as the busiest frame needed (a vector per cell would grow whenever one cell got busier).
    struct CellEntry {
        std::uint32_t rect;
        std::int32_t next;  // -1 ends the list
    };
    std::vector<std::int32_t> cellHeads_;
    std::vector<CellEntry> cellEntries_;
    Rect gridBounds_;
    int columns_ = 0, rows_ = 0;
};

// The same as a one-off call.
std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const Rect& bounds,
                                     const std::vector<Rect>& obstacles);

bool rectsOverlap(const Rect& a, const Rect& b);

}  // namespace epilogue
