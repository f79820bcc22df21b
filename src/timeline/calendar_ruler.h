// The calendar ruler of a story in dates: which calendar step its ticks follow at a zoom (ten millennia
// down to seconds, and fractions of a second below that), and where those ticks fall, as people count
// time: years on round years (100 BC, AD 1, AD 100: there is no year 0 to count from), months and quarters
// on their first days, weeks on Mondays, days at midnight, hours and minutes on the clock. The steps follow
// one another by at most 3.5 times (from two days to a week), so the ruler's density stays steady while
// zooming. Pure: layoutTimeline calls it; the times are the story's own (seconds since its epoch day, see
// calendar_time.h).
#pragma once

#include <cstdint>
#include <vector>

namespace epilogue {

// What a calendar step counts. Fraction: parts of a second (`count` is then in seconds, below 1).
enum class CalendarUnit : std::uint8_t { Fraction, Second, Minute, Hour, Day, Week, HalfMonth, Month, Year };

struct CalendarStep {
    CalendarUnit unit = CalendarUnit::Year;
    double count = 1;           // units per step: 10 years, 15 minutes, 0.25 seconds
    double nominalSeconds = 0;  // its usual length (a month: 30.44 days, a year: 365.2425)
};

// The major step (labelled ticks) for a zoom, and the minor step between, which falls on every major tick.
struct CalendarTickSteps {
    CalendarStep major;
    CalendarStep minor;
    bool minorTicks = false;  // false when even the coarsest minor step would crowd the ruler
};

// The finest step whose ticks lie at least `minMajorPixels` apart at `pixelsPerSecond`, and far enough
// apart for the step's labels (`labelCharacterPixels`: the width of a character of the ruler's font, at
// most); and the finest minor step for it whose ticks lie at least `minMinorPixels` apart.
CalendarTickSteps chooseCalendarSteps(double pixelsPerSecond, double minMajorPixels, double minMinorPixels,
                                      double labelCharacterPixels = 8);

// The characters of the longest usual label of a step's ticks ("September", "09:30:15.25").
int calendarLabelCharacters(const CalendarStep& step);

// Appends the times (story seconds since 00:00 of `epochDay`) of the step's ticks within [start, end], in
// order, stopping after `maxTicks`. Only times within the convertible years (calendar_time.h) get ticks.
void appendCalendarTicks(std::int64_t epochDay, const CalendarStep& step, double start, double end,
                         std::vector<double>& out, std::size_t maxTicks = 20000);

// Whether the year is one the ruler's year ticks fall on for a step of `yearsPerStep`: a multiple of it
// counted in years AD or BC, and AD 1 (astronomical numbering: year 0 is 1 BC).
bool isYearTick(int year, int yearsPerStep);

}  // namespace epilogue
