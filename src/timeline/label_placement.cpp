// Greedy label placement: candidates above and below the anchor, nearer first.
#include "timeline/label_placement.h"

#include <algorithm>
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

    std::vector<Rect>& taken = taken_;
    taken.assign(obstacles.begin(), obstacles.end());
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
            const bool free = std::none_of(taken.begin(), taken.end(), [&](const Rect& other) {
                return rectsOverlap(padded, other);
            });
            if (!free) continue;
            placed[index] = {true, box};
            taken.push_back(box);
            break;
        }
    }
}

}  // namespace epilogue
