// The part of a frame that differs from the frame before it: rectangles gathered from everything that
// changed (the scene's shapes, the animation's sweep, the panels' triangles), in framebuffer pixels with
// rows counted from the top, and handed out as a few rectangles that do not overlap and cover all of them.
// The window redraws only those pixels of its frame and shows only them (app/frame.h). Pure: no GL.
#pragma once

#include <cstdint>
#include <vector>

namespace epilogue {

struct PixelRect {
    int x = 0, y = 0, width = 0, height = 0;  // y: rows from the top
    int right() const { return x + width; }
    int bottom() const { return y + height; }
    long long area() const { return static_cast<long long>(width) * height; }
    bool operator==(const PixelRect&) const = default;
};

class DamageRegion {
public:
    // Rectangles are gathered on a grid of cells this many pixels a side: a change anywhere in a cell redraws
    // the whole cell (a few pixels more to draw, far fewer rectangles to draw them in).
    static constexpr int kCell = 16;

    // Starts a frame of `width` x `height` pixels with nothing damaged.
    void reset(int width, int height);
    // The whole frame.
    void addEverything() { everything_ = true; }
    // Pixels [left, right) x [top, bottom), grown outward to whole pixels and cut to the frame.
    void add(float left, float top, float right, float bottom);
    bool everything() const { return everything_; }
    bool empty() const;

    // At most `maxRectangles` rectangles (at least 1) that do not overlap and cover every damaged pixel: the
    // damaged cells in runs along each row, runs of the same columns in neighbouring rows joined, and then
    // the two rectangles whose joining adds the fewest pixels joined (with any others the join reaches)
    // until few enough are left. The whole frame when everything is damaged; none when nothing is.
    const std::vector<PixelRect>& rectangles(int maxRectangles);
    // The pixels the rectangles cover (after rectangles()).
    long long area() const;

private:
    int width_ = 0, height_ = 0;
    int columns_ = 0, rows_ = 0;
    bool everything_ = false;
    bool any_ = false;
    std::vector<std::uint8_t> cells_;  // 1 where damaged, rows from the top
    std::vector<PixelRect> rectangles_;
    std::vector<std::size_t> open_, nextOpen_;  // rectangles() keeps its work between calls: no allocation
};

}  // namespace epilogue
