// Story times written for people: as many decimals as the zoom needs, and the story's unit after them
// ("47 min"), or "time 47" for a story that names none. The ruler, the transport bar, the panels, the
// tooltips and the time under the pointer all write times through these. The text is held in place (no
// allocation), as the panels write times every frame.
#pragma once

#include "story/number_limits.h"
#include "story/story.h"

namespace epilogue {

// A time as text; long enough for any story time with 12 decimals and the longest unit.
struct TimeText {
    char text[32 + limits::kMaxTimeUnitBytes + 8] = {};
    const char* c_str() const { return text; }
};

// The decimals that tell multiples of `step` apart: 0 for a step of 1 or more, 2 for 0.05.
int decimalsForStep(double step);

// The number alone, with exactly `decimals` digits after the point ("47", "47.50"; never "-0").
TimeText formatTimeNumber(double time, int decimals);

// With the story's unit: "47.5 min", or "time 47.5" when the story names no unit.
TimeText formatStoryTime(const Story& story, double time, int decimals);

// An event's own time as the story gives it (up to 9 significant digits, no trailing zeros; whole times
// in full), with the unit: "time 47", "12.25 min".
TimeText formatEventTime(const Story& story, double time);

}  // namespace epilogue
