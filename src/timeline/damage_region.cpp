// Damaged cells -> a few rectangles that do not overlap.
#include "timeline/damage_region.h"

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

PixelRect unite(const PixelRect& a, const PixelRect& b) {
    const int x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

bool overlap(const PixelRect& a, const PixelRect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

}  // namespace

void DamageRegion::reset(int width, int height) {
    width_ = std::max(width, 0);
    height_ = std::max(height, 0);
    columns_ = (width_ + kCell - 1) / kCell;
    rows_ = (height_ + kCell - 1) / kCell;
    cells_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), 0);
    everything_ = false;
    any_ = false;
    rectangles_.clear();
}

void DamageRegion::add(float left, float top, float right, float bottom) {
    if (everything_ || !(left < right) || !(top < bottom)) return;  // also refuses NaN
    const int x0 = static_cast<int>(std::max(0.0f, std::floor(left)));
    const int y0 = static_cast<int>(std::max(0.0f, std::floor(top)));
    const int x1 = static_cast<int>(std::min(static_cast<float>(width_), std::ceil(right)));
    const int y1 = static_cast<int>(std::min(static_cast<float>(height_), std::ceil(bottom)));
    if (x1 <= x0 || y1 <= y0) return;
    for (int row = y0 / kCell; row <= (y1 - 1) / kCell; ++row) {
        std::uint8_t* cells = cells_.data() + static_cast<std::ptrdiff_t>(row) * columns_;
        std::fill(cells + x0 / kCell, cells + (x1 - 1) / kCell + 1, std::uint8_t{1});
    }
    any_ = true;
}

bool DamageRegion::empty() const { return !everything_ && !any_; }

const std::vector<PixelRect>& DamageRegion::rectangles(int maxRectangles) {
    rectangles_.clear();
    if (width_ == 0 || height_ == 0 || empty()) return rectangles_;
    if (everything_) {
        rectangles_.push_back({0, 0, width_, height_});
        return rectangles_;
    }
    // Runs of damaged cells along each row; a run with the same columns as one in the row above extends it.
    std::vector<std::size_t>& open = open_;  // rectangles that reach the row above, by index
    std::vector<std::size_t>& nextOpen = nextOpen_;
    open.clear();
    for (int row = 0; row < rows_; ++row) {
        const std::uint8_t* cells = cells_.data() + static_cast<std::ptrdiff_t>(row) * columns_;
        nextOpen.clear();
        for (int column = 0; column < columns_;) {
            if (!cells[column]) {
                ++column;
                continue;
            }
            const int first = column;
            while (column < columns_ && cells[column]) ++column;
            const int x = first * kCell, right = std::min(width_, column * kCell);
            const int y = row * kCell, bottom = std::min(height_, y + kCell);
            const auto above = std::find_if(open.begin(), open.end(), [&](std::size_t i) {
                return rectangles_[i].x == x && rectangles_[i].right() == right;
            });
            if (above != open.end()) {
                rectangles_[*above].height = bottom - rectangles_[*above].y;
                nextOpen.push_back(*above);
            } else {
                rectangles_.push_back({x, y, right - x, bottom - y});
                nextOpen.push_back(rectangles_.size() - 1);
            }
        }
        open.swap(nextOpen);
    }
    // Too many: join the pair whose bounding rectangle adds the fewest pixels, taking in every rectangle that
    // the joined one then overlaps, so that none overlap.
    const auto limit = static_cast<std::size_t>(std::max(maxRectangles, 1));
    while (rectangles_.size() > limit) {
        std::size_t bestA = 0, bestB = 1;
        long long bestCost = -1;
        for (std::size_t a = 0; a < rectangles_.size(); ++a) {
            for (std::size_t b = a + 1; b < rectangles_.size(); ++b) {
                const long long cost = unite(rectangles_[a], rectangles_[b]).area() - rectangles_[a].area() -
                                       rectangles_[b].area();
                if (bestCost < 0 || cost < bestCost) {
                    bestCost = cost;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        PixelRect joined = unite(rectangles_[bestA], rectangles_[bestB]);
        rectangles_.erase(rectangles_.begin() + static_cast<std::ptrdiff_t>(bestB));
        rectangles_.erase(rectangles_.begin() + static_cast<std::ptrdiff_t>(bestA));
        for (bool grew = true; grew;) {
            grew = false;
            for (std::size_t i = 0; i < rectangles_.size(); ++i) {
                if (!overlap(joined, rectangles_[i])) continue;
                joined = unite(joined, rectangles_[i]);
                rectangles_.erase(rectangles_.begin() + static_cast<std::ptrdiff_t>(i));
                grew = true;
                break;
            }
        }
        rectangles_.push_back(joined);
    }
    return rectangles_;
}

long long DamageRegion::area() const {
    long long total = 0;
    for (const PixelRect& rect : rectangles_) total += rect.area();
    return total;
}

}  // namespace epilogue
