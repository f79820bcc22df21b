// Greedy label placement: candidates above and below the anchor, nearer first.
#include "timeline/label_placement.h"

#include <glm/vec2.hpp>

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
    forEachCell(rect, [&](std::size_t cell) {
        cellEntries_.push_back({index, cellHeads_[cell]});
        cellHeads_[cell] = static_cast<std::int32_t>(cellEntries_.size() - 1);
    });
}

bool LabelPlacer::isFree(const Rect& rect) const {
    bool free = true;
    forEachCell(rect, [&](std::size_t cell) {
        if (!free) return;
        for (std::int32_t entry = cellHeads_[cell]; entry >= 0; entry = cellEntries_[static_cast<std::size_t>(entry)].next) {
            if (rectsOverlap(rect, taken_[cellEntries_[static_cast<std::size_t>(entry)].rect])) {
                free = false;
                return;
            }
        }
    });
    return free;
}

bool LabelPlacer::overNeighbour(const std::vector<LabelRequest>& requests, std::size_t index, const Rect& box) const {
    // The anchors sorted by x (byX_): only those within the box's reach are looked at.
    const LabelRequest& own = requests[index];
    const auto from = std::lower_bound(byX_.begin(), byX_.end(), box.x - kLabelSideGap, [&](std::size_t r, float x) {
        return requests[r].anchorX < x;
    });
    for (auto at = from; at != byX_.end() && requests[*at].anchorX <= box.right() + kLabelSideGap; ++at) {
        if (*at != index && std::abs(requests[*at].anchorY - own.anchorY) < 2) return true;
    }
    return false;
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

    byX_.resize(requests.size());
    std::iota(byX_.begin(), byX_.end(), std::size_t{0});
    std::sort(byX_.begin(), byX_.end(), [&](std::size_t a, std::size_t b) {
        return requests[a].anchorX != requests[b].anchorX ? requests[a].anchorX < requests[b].anchorX : a < b;
    });

    // The grid covers the bounds with a margin; what lies beyond lands in the edge cells.
    gridBounds_ = {bounds.x - kCellSize, bounds.y - kCellSize, bounds.width + 2 * kCellSize, bounds.height + 2 * kCellSize};
    columns_ = std::max(1, static_cast<int>(std::ceil(gridBounds_.width / kCellSize)));
    rows_ = std::max(1, static_cast<int>(std::ceil(gridBounds_.height / kCellSize)));
    cellHeads_.assign(static_cast<std::size_t>(columns_ * rows_), -1);
    cellEntries_.clear();
    taken_.clear();
    for (const Rect& obstacle : obstacles) file(obstacle);
    auto tryBox = [&](std::size_t index, const Rect& box) {
        if (box.y < bounds.y || box.bottom() > bounds.bottom() || box.x < bounds.x || box.right() > bounds.right()) {
            return false;
        }
        if (!isFree(box)) return false;
        placed[index] = {true, box.y < requests[index].anchorY, box};
        // Filed with the air labels keep between each other (obstacles bring their own margins).
        file({box.x - kLabelSideGap, box.y - kLabelLineGap, box.width + 2 * kLabelSideGap, box.height + 2 * kLabelLineGap});
        return true;
    };
    // First every label where it was, where that is still free; then the rest, each at its first free spot.
    for (std::size_t index : order) {
        const LabelRequest& request = requests[index];
        if (!request.hasPrevious) continue;
        tryBox(index, {request.anchorX + request.previousDx, request.anchorY + request.previousDy, request.width,
                       request.height});
    }
    for (std::size_t index : order) {
        if (placed[index].visible) continue;
        const LabelRequest& request = requests[index];
        const float low = bounds.x, high = std::max(bounds.x, bounds.right() - request.width);
        const float centred = std::clamp(request.anchorX - request.width / 2, low, high);
        const float right = std::clamp(request.anchorX + kLabelSideShift, low, high);
        const float left = std::clamp(request.anchorX - kLabelSideShift - request.width, low, high);
        const float aboveY = request.anchorY - request.clearance - request.height;
        const float belowY = request.anchorY + request.clearance;
        const float step = request.height + 2 * kLabelLineGap + 1;  // a line further out, clear of the near one
        const float near = request.preferAbove ? aboveY : belowY, other = request.preferAbove ? belowY : aboveY;
        const float farNear = request.preferAbove ? aboveY - step : belowY + step;
        const float farOther = request.preferAbove ? belowY + step : aboveY - step;
        // The preferred side first (centred, then beside the anchor), then the other side, then a line further out.
        const glm::vec2 candidates[12] = {{centred, near},    {right, near},     {left, near},     {centred, other},
                                          {right, other},     {left, other},     {centred, farNear}, {centred, farOther},
                                          {right, farNear},   {left, farNear},   {right, farOther},  {left, farOther}};
        // A label set beside its node must not stand over a neighbour on the same row, or it would seem to
        // name that one; only the selected event's label (the highest priority), which must show, may as a
        // last resort.
        for (int pass = 0; pass < (request.priority >= kMustShowPriority ? 2 : 1) && !placed[index].visible; ++pass) {
            for (const glm::vec2& at : candidates) {
                const Rect box{at.x, at.y, request.width, request.height};
                if (pass == 0 && at.x != centred && overNeighbour(requests, index, box)) continue;
                if (tryBox(index, box)) break;
            }
        }
    }
}

}  // namespace epilogue
