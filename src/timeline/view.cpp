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

TimelineView fitStory(const Story& story, const Rect& canvas, float leftInset) {
    double span = story.endTime - story.startTime;
    // A story whose events all share one time still gets a usable view: a unit of its time, or a day of dates.
    if (span <= 0) span = story.calendar ? 86400 : 1;
    // The story fills the canvas less the inset, with 3% of that width free on each side.
    const double usable = std::max(static_cast<double>(canvas.width - leftInset), 1.0);
    const double pixelsPerTime = usable * 0.94 / span;
    TimelineView view;
    view.canvas = canvas;
    view.startTime = story.startTime - (leftInset + usable * 0.03) / pixelsPerTime;
    view.endTime = view.startTime + static_cast<double>(canvas.width) / pixelsPerTime;
    return view;
}

}  // namespace epilogue
