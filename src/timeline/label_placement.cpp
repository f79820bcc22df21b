// Greedy label placement: candidates above and below the anchor, nearer first.
#include "timeline/label_placement.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace epilogue {

bool rectsOverlap(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

std::vector<PlacedLabel> placeLabels(const std::vector<LabelRequest>& requests, const Rect& bounds,
                                     const std::vector<Rect>& obstacles) {
    std::vector<PlacedLabel> placed;
    LabelPlacer().place(requests, bounds, obstacles, placed);
    return placed;
}

namespace {
constexpr float kCellSize = 96;
}

template <typename Visit>
void LabelPlacer::forEachCell(const Rect& rect, Visit&& visit) const {
    const int x0 = std::clamp(static_cast<int>((rect.x - gridBounds_.x) / kCellSize), 0, columns_ - 1);
    const int x1 = std::clamp(static_cast<int>((rect.right() - gridBounds_.x) / kCellSize), 0, columns_ - 1);
    const int y0 = std::clamp(static_cast<int>((rect.y - gridBounds_.y) / kCellSize), 0, rows_ - 1);
    const int y1 = std::clamp(static_cast<int>((rect.bottom() - gridBounds_.y) / kCellSize), 0, rows_ - 1);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) visit(static_cast<std::size_t>(y * columns_ + x));
    }
}

void LabelPlacer::file(const Rect& rect) {
    const auto index = static_cast<std::uint32_t>(taken_.size());
    taken_.push_back(rect);
    forEachCell(rect, [&](std::size_t cell) { cells_[cell].push_back(index); });
}

bool LabelPlacer::isFree(const Rect& rect) const {
    bool free = true;
    forEachCell(rect, [&](std::size_t cell) {
        if (!free) return;
        for (std::uint32_t index : cells_[cell]) {
            if (rectsOverlap(rect, taken_[index])) {
                free = false;
                return;
            }
        }
    });
    return free;
}

void LabelPlacer::place(const std::vector<LabelRequest>& requests, const Rect& bounds,
                        const std::vector<Rect>& obstacles, std::vector<PlacedLabel>& placed) {
    placed.assign(requests.size(), PlacedLabel{});
    std::vector<std::size_t>& order = order_;
    order.resize(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // A total order (ties broken by index), so an in-place sort gives the same result as a stable one.
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (requests[a].priority != requests[b].priority) return requests[a].priority > requests[b].priority;
        if (requests[a].anchorX != requests[b].anchorX) return requests[a].anchorX < requests[b].anchorX;
        return a < b;
    });

    // The grid covers the bounds with a margin; what lies beyond lands in the edge cells.
    gridBounds_ = {bounds.x - kCellSize, bounds.y - kCellSize, bounds.width + 2 * kCellSize, bounds.height + 2 * kCellSize};
    columns_ = std::max(1, static_cast<int>(std::ceil(gridBounds_.width / kCellSize)));
    rows_ = std::max(1, static_cast<int>(std::ceil(gridBounds_.height / kCellSize)));
    cells_.resize(static_cast<std::size_t>(columns_ * rows_));
    for (auto& cell : cells_) cell.clear();
    taken_.clear();
    for (const Rect& obstacle : obstacles) file(obstacle);
    for (std::size_t index : order) {
        const LabelRequest& request = requests[index];
        const float left = std::clamp(request.anchorX - request.width / 2, bounds.x,
                                      std::max(bounds.x, bounds.right() - request.width));
        const float aboveY = request.anchorY - request.clearance - request.height;
        const float belowY = request.anchorY + request.clearance;
        const float step = request.height + 2;
        // Near spots first, then one line further out on each side.
        const float candidates[4] = {
            request.preferAbove ? aboveY : belowY,
            request.preferAbove ? belowY : aboveY,
            request.preferAbove ? aboveY - step : belowY + step,
            request.preferAbove ? belowY + step : aboveY - step,
        };
        for (float top : candidates) {
            const Rect box{left, top, request.width, request.height};
            if (box.y < bounds.y || box.bottom() > bounds.bottom()) continue;
            // Labels keep a little air between each other, more to the sides than above and below.
            const Rect padded{box.x - 5, box.y - 1, box.width + 10, box.height + 2};
            if (!isFree(padded)) continue;
            placed[index] = {true, box};
            file(box);
            break;
        }
    }
}

}  // namespace epilogue
