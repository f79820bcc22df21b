// Layout: story + view -> plain records of where everything goes on screen (lane curves, event marks,
// ruler ticks, era bands). Pure functions; the renderer and the UI only consume these records.
#pragma once

#include "story/story.h"
#include "timeline/calendar_ruler.h"
#include "timeline/view.h"

#include <glm/vec2.hpp>

#include <vector>

namespace epilogue {

struct LaneCurve {
    LaneIndex lane = kNone;             // empty points: the lane is not on screen
    std::vector<glm::vec2> points;      // the lane's centre line, left to right, a few pixels apart
    std::vector<float> separation;      // per point: 0 where the lane lies on its parent, 1 where fully apart
};

// One mark on a lane: an event, or a cluster of events too close together on screen to tell apart
// (they are drawn as one mark with a count, and a click zooms in on them).
struct EventMark {
    EventIndex event = kNone;      // the event, or a cluster's first event
    EventIndex lastEvent = kNone;  // a cluster's last event (the event itself for a single one)
    int count = 1;                 // events the mark stands for
    int firstInLane = 0;           // where `event` is in its lane's list (the cluster's events follow it)
    glm::vec2 position{0, 0};
    float radius = 0;
    bool isFork = false;    // another lane branches from this event
    bool isRejoin = false;  // another lane merges back into this event
    bool isCluster() const { return count > 1; }
};

struct RulerTick {
    double time = 0;
    float x = 0;
    bool major = false;
};

struct EraBand {
    int era = kNone;
    float x0 = 0, x1 = 0;  // the era's extent, clipped to the canvas
    float startX = 0;      // where the era begins, not clipped (its boundary is drawn when on the canvas)
};

// Every lane's centre line sampled at the same x positions across the canvas (and a margin), parents
// before their forks: each lane's y is its parent's y moved towards its own row, so the whole family costs
// one pass per lane, however deep forks nest.
struct LaneGrid {
    float x0 = 0, step = 1;        // the x of sample 0 and the distance between samples
    std::size_t samples = 0;       // per lane
    std::vector<float> y;          // lane-major: y[lane * samples + i]
    float yAt(LaneIndex lane, float x) const;  // linear between samples, clamped to the grid's ends

    // Working buffers of the sampling, kept so that a layout allocates nothing once they are large enough.
    std::vector<double> times;     // each sample's story time
    std::vector<LaneIndex> chain;  // lanes waiting for their parent to be sampled
    std::vector<char> sampled;     // per lane
};

struct TimelineLayout {
    Rect ruler;                        // the strip at the bottom of the canvas with ticks and eras
    std::vector<float> laneRowY;       // per lane: the y of its own row
    LaneGrid laneGrid;                 // every lane's y across the canvas
    std::vector<LaneCurve> lanes;      // one per story lane, indexed by LaneIndex
    std::vector<EventMark> events;     // visible marks, lane by lane, each lane's in time order
    std::vector<RulerTick> ticks;      // visible ticks, left to right
    double tickStep = 1;               // story time between minor ticks (in a story in dates, their usual length)
    double majorTickStep = 1;          // and between major ones (numbered on the ruler)
    CalendarTickSteps calendarSteps;   // in a story in dates: the calendar steps the ticks follow
    std::vector<double> majorTickTimes, minorTickTimes;  // working buffers of a calendar ruler's ticks
    std::vector<EraBand> eras;         // visible eras, left to right
};

struct LayoutStyle {
    float rulerHeight = 46;
    float eventRadius = 7;
    float forkRadius = 10;
    float samplePixels = 3;        // distance between curve points
    float clusterPixels = 14;      // events closer than this on screen share one mark (marks do not pile up)
    float minMajorTickPixels = 90; // major ticks at least this far apart
    float minMinorTickPixels = 7;  // a calendar ruler's minor ticks at least this far apart (else none)
    float rulerCharacterPixels = 8;  // the widest character of the ruler's labels, for a calendar ruler's steps
    float topInset = 0;            // pixels kept free above the lanes (the frame plan sets the title's)
    float laneHeaderWidth = 150;   // room kept at the canvas's left edge for the lane names
    float titleBlockHeight = 76;   // room the story's title and credit take above the lanes, when shown
    float playheadTopShare = 0.06f;  // the playhead's beam starts this share of the canvas height below its top
};

TimelineLayout layoutTimeline(const Story& story, const TimelineView& view, const LayoutStyle& style = {});
// The same, into an existing layout whose buffers are reused: no allocation once they are large enough.
void layoutTimeline(const Story& story, const TimelineView& view, const LayoutStyle& style, TimelineLayout& out);

// How far a lane has moved away from its parent at `time`: 0 on the parent, 1 on its own row. The peel
// from the fork to the lane's first event, and the return from its last event to the rejoin, follow a
// smootherstep, whose first and second derivatives vanish at both ends: no kink at any zoom.
float laneSeparation(const Story& story, LaneIndex lane, double time);

// The same, with the lane's fork, rejoin and first and last event looked up once (for sampling a lane at
// many times).
struct LanePeel {
    bool forked = false, rejoins = false;
    double fork = 0, peelEnd = 0, returnStart = 0, rejoin = 0;
    float separationAt(double time) const;
};
LanePeel lanePeel(const Story& story, LaneIndex lane);

// The y of a lane's centre line at `time` (which the view maps to `x`): its parent's y from the grid,
// moved towards the lane's own row by its exact separation there.
float laneY(const Story& story, const TimelineLayout& layout, LaneIndex lane, double time, float x);

// Time span a lane is drawn over: its fork (or the story start) to its rejoin (or the story end).
double laneStartTime(const Story& story, LaneIndex lane);
double laneEndTime(const Story& story, LaneIndex lane);

// The mark under a point: the nearest whose radius plus `slack` pixels contains it, or nullptr.
const EventMark* hitTestMark(const TimelineLayout& layout, glm::vec2 point, float slack = 4);
// The event under a point (a cluster's first event), or kNone.
EventIndex hitTestEvent(const TimelineLayout& layout, glm::vec2 point, float slack = 4);

}  // namespace epilogue
