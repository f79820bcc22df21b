// Timeline layout: lane rows, the curves of forked lanes, event marks, ruler ticks and era bands.
#include "timeline/layout.h"

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

float smootherstep(double edge0, double edge1, double x) {
    if (edge1 <= edge0) return x < edge0 ? 0.0f : 1.0f;
    const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
    return static_cast<float>(t * t * t * (t * (t * 6 - 15) + 10));
}

const Event& eventAt(const Story& story, EventIndex index) { return story.events[static_cast<std::size_t>(index)]; }
const Lane& laneAt(const Story& story, LaneIndex index) { return story.lanes[static_cast<std::size_t>(index)]; }

// A "nice" step (1, 2 or 5 times a power of ten) no smaller than `minimum`.
double niceStepAtLeast(double minimum) {
    const double power = std::pow(10.0, std::floor(std::log10(minimum)));
    for (double mantissa : {1.0, 2.0, 5.0, 10.0}) {
        if (mantissa * power >= minimum) return mantissa * power;
    }
    return 10.0 * power;
}

}  // namespace

double laneStartTime(const Story& story, LaneIndex lane) {
    const Lane& l = laneAt(story, lane);
    return l.forkEvent == kNone ? story.startTime : eventAt(story, l.forkEvent).time;
}

double laneEndTime(const Story& story, LaneIndex lane) {
    const Lane& l = laneAt(story, lane);
    return l.rejoinEvent == kNone ? story.endTime : eventAt(story, l.rejoinEvent).time;
}

float laneSeparation(const Story& story, LaneIndex lane, double time) {
    const Lane& l = laneAt(story, lane);
    if (l.forkEvent == kNone) return 1.0f;
    const double fork = eventAt(story, l.forkEvent).time;
    const double rejoin = l.rejoinEvent == kNone ? story.endTime : eventAt(story, l.rejoinEvent).time;
    if (time <= fork || (l.rejoinEvent != kNone && time >= rejoin)) return 0.0f;
    // Without events of its own, a lane peels over a tenth of its span and returns over another.
    const double span = rejoin - fork;
    const double peelEnd = l.events.empty() ? fork + span * 0.1 : eventAt(story, l.events.front()).time;
    const double returnStart = l.events.empty() ? rejoin - span * 0.1 : eventAt(story, l.events.back()).time;
    float separation = smootherstep(fork, peelEnd, time);
    if (l.rejoinEvent != kNone) separation *= 1.0f - smootherstep(returnStart, rejoin, time);
    return separation;
}

float laneY(const Story& story, const TimelineLayout& layout, LaneIndex lane, double time) {
    const float ownRow = layout.laneRowY[static_cast<std::size_t>(lane)];
    const LaneIndex parent = story.parentLane(lane);
    if (parent == kNone) return ownRow;
    const float parentY = laneY(story, layout, parent, time);
    const float separation = laneSeparation(story, lane, time);
    return parentY + (ownRow - parentY) * separation;
}

TimelineLayout layoutTimeline(const Story& story, const TimelineView& view, const LayoutStyle& style) {
    TimelineLayout layout;
    layoutTimeline(story, view, style, layout);
    return layout;
}

void layoutTimeline(const Story& story, const TimelineView& view, const LayoutStyle& style, TimelineLayout& layout) {
    const Rect& canvas = view.canvas;
    layout.ruler = {canvas.x, canvas.bottom() - style.rulerHeight, canvas.width, style.rulerHeight};

    // Lane rows, top to bottom in story order, in the band between the label space and the ruler.
    const float bandTop = canvas.y + std::max(canvas.height * 0.16f, style.topInset);
    const float bandBottom = layout.ruler.y - canvas.height * 0.10f;
    const std::size_t laneCount = story.lanes.size();
    layout.laneRowY.resize(laneCount);
    for (std::size_t i = 0; i < laneCount; ++i) {
        layout.laneRowY[i] = bandTop + (bandBottom - bandTop) * (static_cast<float>(i) + 0.5f) /
                                           static_cast<float>(laneCount);
    }

    // Lane curves, sampled across the visible part of each lane (a little past the edges, so strokes
    // that leave the canvas leave it cleanly).
    const float edgeMargin = style.forkRadius * 2;
    layout.lanes.resize(laneCount);
    for (std::size_t i = 0; i < laneCount; ++i) {
        const LaneIndex lane = static_cast<LaneIndex>(i);
        LaneCurve& curve = layout.lanes[i];
        curve.lane = lane;
        curve.points.clear();
        curve.separation.clear();
        const float laneLeft = view.timeToX(laneStartTime(story, lane));
        const float laneRight = view.timeToX(laneEndTime(story, lane));
        const float left = std::max(laneLeft, canvas.x - edgeMargin);
        const float right = std::min(laneRight, canvas.right() + edgeMargin);
        if (right <= left) continue;
        const int steps = std::max(1, static_cast<int>(std::ceil((right - left) / style.samplePixels)));
        for (int s = 0; s <= steps; ++s) {
            const float x = left + (right - left) * static_cast<float>(s) / static_cast<float>(steps);
            const double time = view.xToTime(x);
            curve.points.emplace_back(x, laneY(story, layout, lane, time));
            curve.separation.push_back(story.parentLane(lane) == kNone ? 1.0f : laneSeparation(story, lane, time));
        }
    }

    // Event marks, lane by lane: only the visible stretch of each lane (found by binary search), and
    // events closer than clusterPixels on screen merged into one mark, so the work follows the pixels,
    // not the number of events.
    layout.events.clear();
    auto timeOf = [&](EventIndex event) { return story.events[static_cast<std::size_t>(event)].time; };
    const double reach = (style.forkRadius + style.clusterPixels) / view.pixelsPerTime();
    const double visibleStart = view.xToTime(canvas.x) - reach;
    const double visibleEnd = view.xToTime(canvas.right()) + reach;
    for (std::size_t laneIndex = 0; laneIndex < laneCount; ++laneIndex) {
        const std::vector<EventIndex>& own = story.lanes[laneIndex].events;
        auto at = std::lower_bound(own.begin(), own.end(), visibleStart,
                                   [&](EventIndex event, double time) { return timeOf(event) < time; });
        const auto end = std::upper_bound(at, own.end(), visibleEnd,
                                          [&](double time, EventIndex event) { return time < timeOf(event); });
        while (at != end) {
            const double clusterEnd = view.xToTime(view.timeToX(timeOf(*at)) + style.clusterPixels);
            auto next = std::upper_bound(at, end, clusterEnd,
                                         [&](double time, EventIndex event) { return time < timeOf(event); });
            if (next == at) ++next;  // a time that does not move on screen still makes progress
            EventMark mark;
            mark.event = *at;
            mark.lastEvent = *(next - 1);
            mark.count = static_cast<int>(next - at);
            const double time = (timeOf(mark.event) + timeOf(mark.lastEvent)) / 2;
            mark.position = {view.timeToX(time), laneY(story, layout, static_cast<LaneIndex>(laneIndex), time)};
            if (mark.isCluster()) {
                mark.radius = style.eventRadius + std::min(3.0f, 0.5f * std::log2(static_cast<float>(mark.count)));
            } else {
                const Event& event = story.events[static_cast<std::size_t>(mark.event)];
                mark.isFork = event.isFork;
                mark.isRejoin = event.isRejoin;
                mark.radius = (mark.isFork || mark.isRejoin) ? style.forkRadius : style.eventRadius;
            }
            layout.events.push_back(mark);
            at = next;
        }
    }

    // Ruler ticks: major ticks at a nice step at least minMajorTickPixels apart, minor ones between.
    const double pixelsPerTime = view.pixelsPerTime();
    const double majorStep = niceStepAtLeast(style.minMajorTickPixels / pixelsPerTime);
    const double mantissa = majorStep / std::pow(10.0, std::floor(std::log10(majorStep) + 1e-9));
    const int minorPerMajor = std::lround(mantissa) == 2 ? 4 : 5;
    layout.tickStep = majorStep / minorPerMajor;
    layout.ticks.clear();
    const auto firstTick = static_cast<long long>(std::ceil(view.startTime / layout.tickStep));
    const auto lastTick = static_cast<long long>(std::floor(view.endTime / layout.tickStep));
    for (long long k = firstTick; k <= lastTick; ++k) {
        const double time = static_cast<double>(k) * layout.tickStep;
        layout.ticks.push_back({time, view.timeToX(time), k % minorPerMajor == 0});
    }

    // Era bands, clipped to the canvas.
    layout.eras.clear();
    for (std::size_t i = 0; i < story.eras.size(); ++i) {
        const float x0 = std::max(view.timeToX(story.eras[i].start), canvas.x);
        const float x1 = std::min(view.timeToX(story.eras[i].end), canvas.right());
        if (x1 > x0) layout.eras.push_back({static_cast<int>(i), x0, x1, view.timeToX(story.eras[i].start)});
    }
}

const EventMark* hitTestMark(const TimelineLayout& layout, glm::vec2 point, float slack) {
    const EventMark* best = nullptr;
    float bestDistance = 0;
    for (const EventMark& mark : layout.events) {
        const glm::vec2 d = point - mark.position;
        const float distance = std::sqrt(d.x * d.x + d.y * d.y);
        if (distance <= mark.radius + slack && (!best || distance < bestDistance)) {
            best = &mark;
            bestDistance = distance;
        }
    }
    return best;
}

EventIndex hitTestEvent(const TimelineLayout& layout, glm::vec2 point, float slack) {
    const EventMark* mark = hitTestMark(layout, point, slack);
    return mark ? mark->event : kNone;
}

}  // namespace epilogue
