// The view onto a story: which stretch of story time is visible, where the canvas is on screen, and the
// mapping between story time and pixels. Plain data, in logical (window) pixels; HiDPI scaling to
// framebuffer pixels happens once, in the renderer.
#pragma once

#include "story/story.h"

namespace epilogue {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
    float right() const { return x + width; }
    float bottom() const { return y + height; }
    bool contains(float px, float py) const { return px >= x && px < right() && py >= y && py < bottom(); }
};

struct TimelineView {
    double startTime = 0;  // story time at the canvas's left edge
    double endTime = 1;    // story time at its right edge
    Rect canvas;           // where the timeline is drawn, in logical pixels

    float timeToX(double time) const;
    double xToTime(float x) const;
    double pixelsPerTime() const;
};

// The whole story with a margin on both sides, in the given canvas, keeping `leftInset` pixels free at
// the left edge (for row headers).
TimelineView fitStory(const Story& story, const Rect& canvas, float leftInset = 0);

}  // namespace epilogue
