// Time <-> pixel mapping for a TimelineView.
#include "timeline/view.h"

#include <algorithm>

namespace epilogue {

double TimelineView::pixelsPerTime() const {
    const double span = std::max(endTime - startTime, 1e-12);
    return static_cast<double>(canvas.width) / span;
}

float TimelineView::timeToX(double time) const {
    return canvas.x + static_cast<float>((time - startTime) * pixelsPerTime());
}

double TimelineView::xToTime(float x) const {
    return startTime + static_cast<double>(x - canvas.x) / pixelsPerTime();
}

TimelineView fitStory(const Story& story, const Rect& canvas) {
    double span = story.endTime - story.startTime;
    if (span <= 0) span = 1;  // a story whose events all share one time still gets a usable view
    const double margin = span * 0.04;
    TimelineView view;
    view.startTime = story.startTime - margin;
    view.endTime = story.startTime + span + margin;
    view.canvas = canvas;
    return view;
}

}  // namespace epilogue
