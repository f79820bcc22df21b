// Calendar time: the dates and times of day a story may give instead of numbers ("1942", "1942-06-04",
// "1942-06-04T09:30", "-0043-03-15" for 15 March 44 BC), read from ISO 8601 text, turned into seconds and
// back, all through C++20 <chrono>'s calendar types (no month arithmetic of our own). The proleptic
// Gregorian calendar, astronomical year numbering (year 0 is 1 BC, -43 is 44 BC), no time zones and no leap
// seconds: a story's dates are its own local times.
//
// A story in dates keeps its times as seconds since the start (00:00) of an epoch day of its own, the day
// of its earliest time: seconds since 1970 would make a story of a few minutes in 1942 too narrow for a
// double (see number_limits.h), while seconds since its own first day hold both minutes and ten
// millennia. No SDL, GL or ImGui.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace epilogue {

// How much of a date is given (and written back): "1942" is a Year, "1942-06-04T09:30" a Minute.
enum class DatePrecision : std::uint8_t { Year, Month, Day, Minute, Second };

// A moment on the calendar: astronomical year, month 1-12, day 1-31, and the time of day.
struct CivilTime {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0, minute = 0, second = 0;
};

namespace calendar {

inline constexpr std::int64_t kSecondsPerDay = 86400;
// The years a story or the command line may write (four digits, with a sign before the years BC).
inline constexpr int kMinYear = -9999;
inline constexpr int kMaxYear = 9999;
// The years the calendar converts and the ruler labels: wider than a story's, as a view reaches past it,
// and within what <chrono>'s year holds.
inline constexpr int kMinConvertibleYear = -32000;
inline constexpr int kMaxConvertibleYear = 32000;

}  // namespace calendar

// A date or time read from ISO 8601 text: when it is (seconds since 1970-01-01T00:00) and how much of it
// was given; or, when the text is not one, why not ("February 1942 has 28 days").
struct ParsedDate {
    bool ok = false;
    std::int64_t secondsSince1970 = 0;
    DatePrecision precision = DatePrecision::Year;
    std::string problem;  // when not ok: what is wrong, to follow the quoted text
};

// Reads "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm" or "YYYY-MM-DDThh:mm:ss", years -9999 to 9999
// with four digits (a minus sign before years BC, astronomical numbering: "-0043" is 44 BC), a space
// accepted for the "T". Refuses impossible dates ("1942-02-30", "1942-13"), time zones, fractions of a
// second, and anything else.
ParsedDate parseIsoDate(std::string_view text);

// Whether `text` has the shape of a date (digits and dashes, "T" and colons), right or wrong: the command
// line tells dates from numbers by it.
bool looksLikeIsoDate(std::string_view text);

// Days since 1970-01-01 of a calendar day, and back. The day must exist (CivilTime::day within its month).
std::int64_t daysSince1970(int year, int month, int day);
CivilTime civilFromDays(std::int64_t days);

// Seconds since 1970 of a calendar moment, and back (the latter false outside the convertible years).
std::int64_t secondsSince1970(const CivilTime& time);
bool civilFromSeconds(std::int64_t secondsSince1970, CivilTime& out);

// The same for a story's own times: seconds since 00:00 of `epochDay` (days since 1970). A time that is not
// a whole second is taken at the second it falls in (09:30:15.7 is 09:30:15). False when the time is not
// finite or falls outside the convertible years.
bool civilFromStoryTime(std::int64_t epochDay, double storyTime, CivilTime& out);
double storyTimeFromSeconds(std::int64_t epochDay, std::int64_t secondsSince1970);

// Day of the week, 0 for Monday to 6 for Sunday (ISO order).
int isoWeekdayIndex(std::int64_t daysSince1970);
// Days in a month of a year (28 to 31).
int daysInMonth(int year, int month);

// ISO 8601 text to the given precision, as a story file writes it: "1942", "1942-06-04T09:30",
// "-0043-03-15". Writes into `out` (of `size` bytes, at least 24 are always enough) and returns its length.
std::size_t writeIsoDate(const CivilTime& time, DatePrecision precision, char* out, std::size_t size);
std::string isoDateText(const CivilTime& time, DatePrecision precision);

// Month names for people ("June", "Jun"), month 1-12.
std::string_view monthName(int month);
std::string_view monthAbbreviation(int month);

}  // namespace epilogue
