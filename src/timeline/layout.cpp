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

LanePeel lanePeel(const Story& story, LaneIndex lane) {
    const Lane& l = laneAt(story, lane);
    LanePeel peel;
    if (l.forkEvent == kNone) return peel;
    peel.forked = true;
    peel.rejoins = l.rejoinEvent != kNone;
    peel.fork = eventAt(story, l.forkEvent).time;
    peel.rejoin = peel.rejoins ? eventAt(story, l.rejoinEvent).time : story.endTime;
    // Without events of its own, a lane peels over a tenth of its span and returns over another.
    const double span = peel.rejoin - peel.fork;
    peel.peelEnd = l.events.empty() ? peel.fork + span * 0.1 : eventAt(story, l.events.front()).time;
    peel.returnStart = l.events.empty() ? peel.rejoin - span * 0.1 : eventAt(story, l.events.back()).time;
    return peel;
}

float LanePeel::separationAt(double time) const {
    if (!forked) return 1.0f;
    if (time <= fork || (rejoins && time >= rejoin)) return 0.0f;
    float separation = smootherstep(fork, peelEnd, time);
    if (rejoins) separation *= 1.0f - smootherstep(returnStart, rejoin, time);
    return separation;
}

float laneSeparation(const Story& story, LaneIndex lane, double time) { return lanePeel(story, lane).separationAt(time); }

float LaneGrid::yAt(LaneIndex lane, float x) const {
    const float* row = y.data() + static_cast<std::size_t>(lane) * samples;
    const float at = std::clamp((x - x0) / step, 0.0f, static_cast<float>(samples - 1));
    const auto i = static_cast<std::size_t>(at);
    if (i + 1 >= samples) return row[samples - 1];
    const float share = at - static_cast<float>(i);
    return row[i] + (row[i + 1] - row[i]) * share;
}

float laneY(const Story& story, const TimelineLayout& layout, LaneIndex lane, double time, float x) {
    const float ownRow = layout.laneRowY[static_cast<std::size_t>(lane)];
    const LaneIndex parent = story.parentLane(lane);
    if (parent == kNone) return ownRow;
    const float parentY = layout.laneGrid.yAt(parent, x);
    return parentY + (ownRow - parentY) * laneSeparation(story, lane, time);
}

namespace {

// Samples every lane's y on one grid of x positions, each lane after its parent (found with an explicit
// stack, not recursion: a chain of ten thousand forks is as cheap as ten thousand separate lanes).
void sampleLaneGrid(const Story& story, const TimelineView& view, float left, float right, float step,
                    TimelineLayout& layout) {
    LaneGrid& grid = layout.laneGrid;
    std::vector<LaneIndex>& stack = grid.chain;
    std::vector<char>& done = grid.sampled;
    const std::size_t laneCount = story.lanes.size();
    grid.x0 = left;
    grid.step = step;
    grid.samples = static_cast<std::size_t>(std::ceil((right - left) / step)) + 1;
    grid.y.resize(laneCount * grid.samples);
    done.assign(laneCount, 0);
    // The story time of each sample, worked out once for all lanes.
    std::vector<double>& times = grid.times;
    times.resize(grid.samples);
    for (std::size_t i = 0; i < grid.samples; ++i) times[i] = view.xToTime(grid.x0 + step * static_cast<float>(i));
    for (std::size_t first = 0; first < laneCount; ++first) {
        // Walk up to the nearest lane already sampled (or a root), then sample back down.
        stack.clear();
        for (LaneIndex lane = static_cast<LaneIndex>(first); lane != kNone && !done[static_cast<std::size_t>(lane)];
             lane = story.parentLane(lane)) {
            done[static_cast<std::size_t>(lane)] = 1;  // also stops a cycle, which the loader refuses anyway
            stack.push_back(lane);
        }
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
            const LaneIndex lane = *it;
            const LaneIndex parent = story.parentLane(lane);
            const float ownRow = layout.laneRowY[static_cast<std::size_t>(lane)];
            float* row = grid.y.data() + static_cast<std::size_t>(lane) * grid.samples;
            const float* parentRow = parent == kNone ? nullptr : grid.y.data() + static_cast<std::size_t>(parent) * grid.samples;
            const LanePeel peel = lanePeel(story, lane);  // looked up once per lane, not once per sample
            for (std::size_t i = 0; i < grid.samples; ++i) {
                if (!parentRow) {
                    row[i] = ownRow;
                    continue;
                }
                row[i] = parentRow[i] + (ownRow - parentRow[i]) * peel.separationAt(times[i]);
            }
        }
    }
}

// A calendar ruler's ticks: the major and the minor steps' ticks, merged (every major tick is also on the
// minor step, within a hair for fractions of a second).
void layoutCalendarTicks(const Story& story, const TimelineView& view, const LayoutStyle& style, TimelineLayout& layout) {
    const CalendarTickSteps steps =
        chooseCalendarSteps(view.pixelsPerTime(), style.minMajorTickPixels, style.minMinorTickPixels,
                            style.rulerCharacterPixels);
    layout.calendarSteps = steps;
    layout.majorTickStep = steps.major.nominalSeconds;
    layout.tickStep = steps.minorTicks ? steps.minor.nominalSeconds : steps.major.nominalSeconds;
    std::vector<double>& majors = layout.majorTickTimes;
    std::vector<double>& minors = layout.minorTickTimes;
    majors.clear();
    minors.clear();
    appendCalendarTicks(story.epochDay, steps.major, view.startTime, view.endTime, majors);
    if (steps.minorTicks) appendCalendarTicks(story.epochDay, steps.minor, view.startTime, view.endTime, minors);
    const double hair = layout.tickStep * 1e-6;
    std::size_t minor = 0;
    for (double major : majors) {
        for (; minor < minors.size() && minors[minor] < major - hair; ++minor) {
            layout.ticks.push_back({minors[minor], view.timeToX(minors[minor]), false});
        }
        if (minor < minors.size() && minors[minor] <= major + hair) ++minor;
        layout.ticks.push_back({major, view.timeToX(major), true});
    }
    for (; minor < minors.size(); ++minor) layout.ticks.push_back({minors[minor], view.timeToX(minors[minor]), false});
}

}  // namespace

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

    // Lane curves over the visible part of each lane, a little past the canvas's edges (so strokes that
    // leave the canvas leave it cleanly, and marks just outside it still find their lane's y): the grid's
    // samples inside the lane's span, and its exact ends.
    const float edgeMargin = style.forkRadius * 2 + style.clusterPixels + style.samplePixels;
    const float gridLeft = canvas.x - edgeMargin, gridRight = canvas.right() + edgeMargin;
    sampleLaneGrid(story, view, gridLeft, gridRight, style.samplePixels, layout);
    const LaneGrid& grid = layout.laneGrid;
    layout.lanes.resize(laneCount);
    for (std::size_t i = 0; i < laneCount; ++i) {
        const LaneIndex lane = static_cast<LaneIndex>(i);
        LaneCurve& curve = layout.lanes[i];
        curve.lane = lane;
        curve.points.clear();
        curve.separation.clear();
        const float left = std::max(view.timeToX(laneStartTime(story, lane)), gridLeft);
        const float right = std::min(view.timeToX(laneEndTime(story, lane)), gridRight);
        if (right <= left) continue;
        // As laneY, with the parent looked up once per lane rather than once per point.
        const LaneIndex parent = story.parentLane(lane);
        const float ownRow = layout.laneRowY[i];
        const LanePeel peel = lanePeel(story, lane);
        auto add = [&](float x) {
            const double time = view.xToTime(x);
            const float separation = peel.separationAt(time);
            const float parentY = parent == kNone ? ownRow : grid.yAt(parent, x);
            curve.points.emplace_back(x, parentY + (ownRow - parentY) * separation);
            curve.separation.push_back(separation);
        };
        add(left);
        // Grid samples strictly inside, none closer than half a pixel to an end (no degenerate segment).
        const auto firstSample = static_cast<std::size_t>(std::max(0.0f, std::ceil((left + 0.5f - grid.x0) / grid.step)));
        for (std::size_t s = firstSample; s < grid.samples; ++s) {
            const float x = grid.x0 + grid.step * static_cast<float>(s);
            if (x > right - 0.5f) break;
            add(x);
        }
        add(right);
    }

    // Event marks, lane by lane: only the visible stretch of each lane (found by binary search), and
    // events closer than clusterPixels on screen merged into one mark, so the work follows the pixels,
    // not the number of events.
    layout.events.clear();
    const double reach = (style.forkRadius + style.clusterPixels) / view.pixelsPerTime();
    const double visibleStart = view.xToTime(canvas.x) - reach;
    const double visibleEnd = view.xToTime(canvas.right()) + reach;
    for (std::size_t laneIndex = 0; laneIndex < laneCount; ++laneIndex) {
        const Lane& lane = story.lanes[laneIndex];
        const std::vector<double>& times = lane.times;  // searched in place of the events they belong to
        auto at = std::lower_bound(times.begin(), times.end(), visibleStart);
        const auto end = std::upper_bound(at, times.end(), visibleEnd);
        while (at != end) {
            const double clusterEnd = view.xToTime(view.timeToX(*at) + style.clusterPixels);
            auto next = std::upper_bound(at, end, clusterEnd);
            if (next == at) ++next;  // a time that does not move on screen still makes progress
            const auto first = static_cast<std::size_t>(at - times.begin());
            const auto last = static_cast<std::size_t>(next - times.begin()) - 1;
            EventMark mark;
            mark.event = lane.events[first];
            mark.lastEvent = lane.events[last];
            mark.count = static_cast<int>(next - at);
            mark.firstInLane = static_cast<int>(first);
            const double time = (times[first] + times[last]) / 2;
            const float x = view.timeToX(time);
            mark.position = {x, laneY(story, layout, static_cast<LaneIndex>(laneIndex), time, x)};
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

    // Ruler ticks: major ticks at a nice step at least minMajorTickPixels apart, minor ones between; in a
    // story in dates, on calendar steps (years, months, days, hours...).
    const double pixelsPerTime = view.pixelsPerTime();
    layout.ticks.clear();
    if (story.calendar) {
        layoutCalendarTicks(story, view, style, layout);
    } else {
        const double majorStep = niceStepAtLeast(style.minMajorTickPixels / pixelsPerTime);
        const double mantissa = majorStep / std::pow(10.0, std::floor(std::log10(majorStep) + 1e-9));
        const int minorPerMajor = std::lround(mantissa) == 2 ? 4 : 5;
        layout.tickStep = majorStep / minorPerMajor;
        layout.majorTickStep = majorStep;
        const auto firstTick = static_cast<long long>(std::ceil(view.startTime / layout.tickStep));
        const auto lastTick = static_cast<long long>(std::floor(view.endTime / layout.tickStep));
        for (long long k = firstTick; k <= lastTick; ++k) {
            const double time = static_cast<double>(k) * layout.tickStep;
            layout.ticks.push_back({time, view.timeToX(time), k % minorPerMajor == 0});
        }
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
