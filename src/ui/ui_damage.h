// What the panels and the canvas text changed between two frames, found in Dear ImGui's draw data: every
// triangle is keyed by what it draws (its vertices, texture and clip, and the triangle drawn before it, so
// that a change of order shows), and the triangles of this frame and the last that the other lacks are the
// damage. Then the frame's draw data is cut down to the triangles that reach into the damaged rectangles,
// each drawn with its clip cut to them. No GL: the renderer draws what is left.
#pragma once

#include "timeline/damage_region.h"

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace epilogue {

class UiDamage {
public:
    // Adds to `damage` the pixels of the triangles of `data` that the last frame compared lacked, and of the
    // last frame's that `data` lacks; `data` becomes the last frame.
    void compare(const ImDrawData& data, float pixelScale, DamageRegion& damage);
    // How many triangles the last compare went through.
    std::size_t triangles() const { return sequence_.size(); }

private:
    struct Triangle {
        std::uint64_t key = 0;
        float left = 0, top = 0, right = 0, bottom = 0;  // framebuffer pixels, cut to its clip
        bool operator<(const Triangle& other) const { return key < other.key; }
    };
    std::vector<Triangle> sequence_, lastSequence_;  // in drawing order
    std::vector<Triangle> sortedNow_, sortedLast_;
};

// Leaves in `data` only the triangles that reach into `rectangles` (framebuffer pixels, rows from the top),
// with each command's clip cut to the rectangles it reaches.
void keepTrianglesWithin(ImDrawData& data, const std::vector<PixelRect>& rectangles, float pixelScale);

}  // namespace epilogue
