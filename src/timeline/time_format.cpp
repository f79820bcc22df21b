// Writing story times: numbers with the story's unit, and dates as people write them.
//
// [SECTION] Appending to a time's text
// [SECTION] Stories in numbers
// [SECTION] Stories in dates
// [SECTION] The entry points
#include "timeline/time_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace epilogue {

namespace {

// ---------------------------------------------------------------------------------------------------
// [SECTION] Appending to a time's text
// ---------------------------------------------------------------------------------------------------

// Appends to a time's text, cutting at its end (the buffer is sized so that nothing is ever cut).
void append(TimeText& to, std::string_view text) {
    const std::size_t used = std::strlen(to.text);
    const std::size_t room = sizeof to.text - 1 - used;
    const std::size_t length = std::min(room, text.size());
    std::memcpy(to.text + used, text.data(), length);
    to.text[used + length] = '\0';
}

template <typename... Args>
void appendFormatted(TimeText& to, const char* format, Args... args) {
    char part[48];
    const int length = std::snprintf(part, sizeof part, format, args...);
    if (length > 0) append(to, std::string_view(part, std::min(static_cast<std::size_t>(length), sizeof part - 1)));
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Stories in numbers
// ---------------------------------------------------------------------------------------------------

TimeText withUnit(const Story& story, const TimeText& number) {
    TimeText written;
    if (story.timeUnit.empty()) {
        append(written, "time ");
        append(written, number.text);
    } else {
        append(written, number.text);
        append(written, " ");
        append(written, story.timeUnit.view());
    }
    return written;
}

// Up to 9 significant digits, whole numbers in full ("1000000", not "1e+06").
TimeText shortestNumber(double time) {
    TimeText number;
    if (time == std::round(time)) {
        std::snprintf(number.text, sizeof number.text, "%.0f", time);
    } else {
        std::snprintf(number.text, sizeof number.text, "%.9g", time);
    }
    return number;
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Stories in dates
// ---------------------------------------------------------------------------------------------------

// How much of a date to write, from the year alone to fractions of a second.
enum class Detail { Year, Month, Day, Minute, Second, Fraction };

Detail detailOf(DatePrecision precision) {
    switch (precision) {
        case DatePrecision::Year: return Detail::Year;
        case DatePrecision::Month: return Detail::Month;
        case DatePrecision::Day: return Detail::Day;
        case DatePrecision::Minute: return Detail::Minute;
        case DatePrecision::Second: return Detail::Second;
    }
    return Detail::Second;
}

// "1942"; "AD 476" (years before 1000 AD say so, as they sit near years BC); "44 BC" (astronomical year
// -43: there is no year 0, which is 1 BC).
void appendYear(TimeText& to, int year) {
    if (year <= 0) {
        appendFormatted(to, "%d BC", 1 - year);
    } else if (year < 1000) {
        appendFormatted(to, "AD %d", year);
    } else {
        appendFormatted(to, "%d", year);
    }
}

void appendMonth(TimeText& to, int month, bool abbreviated) {
    append(to, abbreviated ? monthAbbreviation(month) : monthName(month));
}

// "4 Jun" / "4 June".
void appendDayAndMonth(TimeText& to, const CivilTime& civil, bool abbreviated) {
    appendFormatted(to, "%d ", civil.day);
    appendMonth(to, civil.month, abbreviated);
}

// The seconds of a time with `decimals` digits after the point, cut (never rounded up to "60.0").
void appendSecondsWithFraction(TimeText& to, const CivilTime& civil, double storyTime, int decimals) {
    const double scale = std::pow(10.0, decimals);
    const double fraction = std::floor((storyTime - std::floor(storyTime)) * scale) / scale;
    appendFormatted(to, "%0*.*f", decimals + 3, decimals, civil.second + fraction);
}

void appendClock(TimeText& to, const CivilTime& civil, Detail detail, double storyTime, int decimals) {
    appendFormatted(to, "%02d:%02d", civil.hour, civil.minute);
    if (detail == Detail::Second) appendFormatted(to, ":%02d", civil.second);
    if (detail == Detail::Fraction) {
        append(to, ":");
        appendSecondsWithFraction(to, civil, storyTime, decimals);
    }
}

// A date in full to the given detail: "1942", "June 1942", "4 June 1942", "4 June 1942, 09:30",
// "4 June 1942, 09:30:15.25".
void appendFullDate(TimeText& to, const CivilTime& civil, Detail detail, bool abbreviated, double storyTime,
                    int decimals) {
    if (detail >= Detail::Day) appendFormatted(to, "%d ", civil.day);
    if (detail >= Detail::Month) {
        appendMonth(to, civil.month, abbreviated);
        append(to, " ");
    }
    appendYear(to, civil.year);
    if (detail >= Detail::Minute) {
        append(to, ", ");
        appendClock(to, civil, detail, storyTime, decimals);
    }
}

// A time the calendar cannot write (a view far past the story): the number of days from the epoch.
TimeText outsideCalendar(double time) {
    TimeText written;
    appendFormatted(written, "%.3g days", time / static_cast<double>(calendar::kSecondsPerDay));
    return written;
}

TimeText fullDate(const Story& story, double time, Detail detail, bool abbreviated, int decimals = 0) {
    CivilTime civil;
    if (!civilFromStoryTime(story.epochDay, time, civil)) return outsideCalendar(time);
    TimeText written;
    appendFullDate(written, civil, detail, abbreviated, time, decimals);
    return written;
}

// The detail a time needs to be written exactly (to the second).
Detail detailNeeded(const CivilTime& civil) {
    if (civil.second != 0) return Detail::Second;
    if (civil.hour != 0 || civil.minute != 0) return Detail::Minute;
    return Detail::Day;
}

// One step finer than the ruler's major ticks.
Detail detailFinerThan(const CalendarStep& step, int& decimals) {
    decimals = 0;
    switch (step.unit) {
        case CalendarUnit::Year: return step.count >= 10 ? Detail::Year : Detail::Month;
        case CalendarUnit::Month:
        case CalendarUnit::HalfMonth:
        case CalendarUnit::Week: return Detail::Day;
        case CalendarUnit::Day:
        case CalendarUnit::Hour: return Detail::Minute;
        case CalendarUnit::Minute: return step.count >= 5 ? Detail::Minute : Detail::Second;
        case CalendarUnit::Second:
            if (step.count >= 5) return Detail::Second;
            decimals = 1;
            return Detail::Fraction;
        case CalendarUnit::Fraction:
            decimals = std::min(decimalsForStep(step.count) + 1, 9);
            return Detail::Fraction;
    }
    return Detail::Second;
}

TimeText calendarRulerLabel(const Story& story, double time, const CalendarStep& step, bool withContext) {
    CivilTime civil;
    if (!civilFromStoryTime(story.epochDay, time, civil)) return outsideCalendar(time);
    TimeText label;
    const bool newYear = civil.month == 1 && civil.day == 1;
    const bool midnight = civil.hour == 0 && civil.minute == 0 && civil.second == 0 && time == std::floor(time);
    switch (step.unit) {
        case CalendarUnit::Year: appendYear(label, civil.year); break;
        case CalendarUnit::Month:
            if (civil.month == 1) {
                appendYear(label, civil.year);
                break;
            }
            appendMonth(label, civil.month, false);
            if (withContext) {
                append(label, " ");
                appendYear(label, civil.year);
            }
            break;
        case CalendarUnit::HalfMonth:
        case CalendarUnit::Week:
        case CalendarUnit::Day:
            appendDayAndMonth(label, civil, true);
            if (withContext || newYear) {
                append(label, " ");
                appendYear(label, civil.year);
            }
            break;
        case CalendarUnit::Hour:
        case CalendarUnit::Minute:
        case CalendarUnit::Second:
        case CalendarUnit::Fraction: {
            // A new day is named instead of its midnight; the first label names the day too.
            if (midnight || withContext) {
                appendDayAndMonth(label, civil, true);
                if (withContext || newYear) {
                    append(label, " ");
                    appendYear(label, civil.year);
                }
                if (midnight) break;
                append(label, ", ");
            }
            const Detail detail = step.unit == CalendarUnit::Fraction ? Detail::Fraction
                                  : step.unit == CalendarUnit::Second ? Detail::Second
                                                                      : Detail::Minute;
            appendClock(label, civil, detail, time, decimalsForStep(step.count));
            break;
        }
    }
    return label;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// [SECTION] The entry points
// ---------------------------------------------------------------------------------------------------

int decimalsForStep(double step) {
    if (!(step > 0) || step >= 1) return 0;
    // A step of 0.1 needs one decimal, 0.05 two: enough that every multiple of it is written exactly.
    int decimals = 0;
    for (double scaled = step; decimals < 12 && std::abs(scaled - std::round(scaled)) > 1e-6 * scaled; scaled *= 10) {
        ++decimals;
    }
    return decimals;
}

TimeText formatTimeNumber(double time, int decimals) {
    TimeText written;
    std::snprintf(written.text, sizeof written.text, "%.*f", std::clamp(decimals, 0, 12), time);
    // A small negative time that rounds to zero is written "0", not "-0".
    if (written.text[0] == '-' && std::strspn(written.text, "-0.") == std::strlen(written.text)) {
        std::memmove(written.text, written.text + 1, std::strlen(written.text));
    }
    return written;
}

TimeText formatStoryTime(const Story& story, double time, int decimals) {
    return withUnit(story, formatTimeNumber(time, decimals));
}

TimeText formatRulerLabel(const Story& story, double time, double majorStep, const CalendarStep& calendarStep,
                          bool withContext) {
    if (!story.calendar) {
        // The first number on the ruler carries the story's unit ("10 min"), as the first date its year.
        const TimeText number = formatTimeNumber(time, decimalsForStep(majorStep));
        return withContext && !story.timeUnit.empty() ? withUnit(story, number) : number;
    }
    return calendarRulerLabel(story, time, calendarStep, withContext);
}

bool rulerTickBeginsLargerUnit(const Story& story, double time, const CalendarStep& calendarStep) {
    CivilTime civil;
    if (!story.calendar || !civilFromStoryTime(story.epochDay, time, civil)) return false;
    switch (calendarStep.unit) {
        case CalendarUnit::Year: return false;
        case CalendarUnit::Month: return civil.month == 1;
        case CalendarUnit::HalfMonth:
        case CalendarUnit::Week:
        case CalendarUnit::Day: return civil.month == 1 && civil.day == 1;
        default: return civil.hour == 0 && civil.minute == 0 && civil.second == 0 && time == std::floor(time);
    }
}

TimeText formatTimeFinerThanRuler(const Story& story, double time, double majorStep, const CalendarStep& calendarStep) {
    if (!story.calendar) return formatStoryTime(story, time, decimalsForStep(majorStep) + 1);
    int decimals = 0;
    const Detail detail = detailFinerThan(calendarStep, decimals);
    return fullDate(story, time, detail, true, decimals);
}

TimeText widestTimeFinerThanRuler(const Story& story, double majorStep, const CalendarStep& calendarStep) {
    if (!story.calendar) {
        const double widest = std::abs(story.startTime) > std::abs(story.endTime) ? story.startTime : story.endTime;
        return formatStoryTime(story, widest, decimalsForStep(majorStep) + 1);
    }
    // The story's year with the most digits, in the month and on the day with the widest names.
    CivilTime first, last;
    civilFromStoryTime(story.epochDay, story.startTime, first);
    civilFromStoryTime(story.epochDay, story.endTime, last);
    CivilTime widest;
    widest.year = first.year <= 0 && 1 - first.year >= last.year ? first.year : last.year;
    widest.month = 9;
    widest.day = 28;
    widest.hour = 23;
    widest.minute = widest.second = 58;
    int decimals = 0;
    const Detail detail = detailFinerThan(calendarStep, decimals);
    TimeText written;
    appendFullDate(written, widest, detail, true, 0.0, decimals);
    return written;
}

TimeText formatEventTime(const Story& story, const Event& event) {
    if (!story.calendar) return withUnit(story, shortestNumber(event.time));
    return fullDate(story, event.time, detailOf(event.datePrecision), false);
}

TimeText formatEventTime(const Story& story, double time) {
    if (!story.calendar) return withUnit(story, shortestNumber(time));
    CivilTime civil;
    if (!civilFromStoryTime(story.epochDay, time, civil)) return outsideCalendar(time);
    TimeText written;
    appendFullDate(written, civil, detailNeeded(civil), false, time, 0);
    return written;
}

TimeText formatTimeNotation(const Story& story, double time) {
    if (!story.calendar) return shortestNumber(time);
    CivilTime civil;
    if (!civilFromStoryTime(story.epochDay, time, civil)) return shortestNumber(time);
    TimeText written;
    const Detail detail = detailNeeded(civil);
    writeIsoDate(civil, detail == Detail::Second ? DatePrecision::Second
                        : detail == Detail::Minute ? DatePrecision::Minute
                                                   : DatePrecision::Day,
                 written.text, sizeof written.text);
    return written;
}

TimeText formatEventNotation(const Story& story, const Event& event) {
    if (!story.calendar) return shortestNumber(event.time);
    CivilTime civil;
    if (!civilFromStoryTime(story.epochDay, event.time, civil)) return shortestNumber(event.time);
    TimeText written;
    writeIsoDate(civil, event.datePrecision, written.text, sizeof written.text);
    return written;
}

}  // namespace epilogue
