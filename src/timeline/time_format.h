// Story times written for people. In a story in numbers: as many decimals as the zoom needs, and the
// story's unit after them ("47 min"), or "time 47" for a story that names none. In a story in dates: as
// people write dates ("1942", "June 1942", "4 Jun", "09:30", "44 BC", "4 June 1942, 09:30"). The ruler,
// the transport bar, the panels, the tooltips, the events list and the time under the pointer all write
// times through these. The text is held in place (no allocation), as the panels write times every frame.
#pragma once

#include "story/number_limits.h"
#include "story/story.h"
#include "timeline/calendar_ruler.h"

namespace epilogue {

// A time as text; long enough for any story time with 12 decimals and the longest unit, and for any date.
struct TimeText {
    char text[32 + limits::kMaxTimeUnitBytes + 8] = {};
    const char* c_str() const { return text; }
};

// The decimals that tell multiples of `step` apart: 0 for a step of 1 or more, 2 for 0.05.
int decimalsForStep(double step);

// The number alone, with exactly `decimals` digits after the point ("47", "47.50"; never "-0").
TimeText formatTimeNumber(double time, int decimals);

// With the story's unit: "47.5 min", or "time 47.5" when the story names no unit. (Stories in numbers.)
TimeText formatStoryTime(const Story& story, double time, int decimals);

// A ruler tick's label. The ruler's major ticks are `majorStep` apart (in a story in dates, on
// `calendarStep`). Numbers: "47.5" (with `withContext`, the story's unit: "47.5 min"). Dates: the tick's own unit ("1942", "44 BC", "June", "4 Jun", "09:30"),
// a larger unit where the tick begins one (January: "1943"; midnight: "5 Jun"); `withContext` adds what
// the tick's unit leaves out, for the first label on the ruler ("June 1942", "4 Jun 1942, 09:30").
TimeText formatRulerLabel(const Story& story, double time, double majorStep, const CalendarStep& calendarStep,
                          bool withContext);

// Whether a ruler tick begins a larger unit than its step's, and is labelled with it ("1943" on a ruler of
// months, "5 Jun" on a ruler of hours). Never on a ruler of years, or in a story in numbers.
bool rulerTickBeginsLargerUnit(const Story& story, double time, const CalendarStep& calendarStep);

// Any time (the playhead, the time under the pointer) written in full, a step finer than the ruler's
// major ticks: "47.25 min", "4 Jun 1942, 09:37".
TimeText formatTimeFinerThanRuler(const Story& story, double time, double majorStep, const CalendarStep& calendarStep);
// The widest text that writes (for a column that must not move as the time does).
TimeText widestTimeFinerThanRuler(const Story& story, double majorStep, const CalendarStep& calendarStep);

// An event's own time as the story gives it. Numbers: up to 9 significant digits, no trailing zeros, whole
// times in full, with the unit ("time 47", "12.25 min"). Dates: as much of the date as the file gives
// ("1942", "June 1942", "4 June 1942", "4 June 1942, 09:30", "15 March 44 BC").
TimeText formatEventTime(const Story& story, const Event& event);
// The same for a time of the story's that is no event's (dates: as fine as the time needs).
TimeText formatEventTime(const Story& story, double time);

// A time in the story file's own notation: the number ("47.5"), or ISO 8601 text ("1942-06-04T09:30",
// "-0043-03-15"), as fine as the time needs, or as the event gives it.
TimeText formatTimeNotation(const Story& story, double time);
TimeText formatEventNotation(const Story& story, const Event& event);

}  // namespace epilogue
