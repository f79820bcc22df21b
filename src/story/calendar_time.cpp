// Calendar time (see calendar_time.h): ISO 8601 text, seconds and calendar days, through <chrono>.
#include "story/calendar_time.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace epilogue {

namespace {

namespace chr = std::chrono;

constexpr std::array<std::string_view, 12> kMonthNames{"January", "February", "March",     "April",   "May",      "June",
                                                       "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthAbbreviations{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr const char* kShapes =
    "write it as in ISO 8601: \"1942\", \"1942-06\", \"1942-06-04\", \"1942-06-04T09:30\" or \"1942-06-04T09:30:15\"";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at `at`; false when there are fewer.
bool readDigits(std::string_view text, std::size_t at, std::size_t count, int& out) {
    if (at + count > text.size()) return false;
    out = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!isDigit(text[i])) return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

// The run of digits starting at `at`.
std::size_t digitRun(std::string_view text, std::size_t at) {
    std::size_t end = at;
    while (end < text.size() && isDigit(text[end])) ++end;
    return end - at;
}

ParsedDate refuse(std::string problem) {
    ParsedDate parsed;
    parsed.problem = std::move(problem);
    return parsed;
}

// "1942"; "-0048 (49 BC)" for a year BC, as the file writes it and as people say it.
std::string yearText(int year) {
    char text[32];
    if (year > 0) {
        std::snprintf(text, sizeof text, "%d", year);
    } else {
        std::snprintf(text, sizeof text, "-%04d (%d BC)", -year, 1 - year);
    }
    return text;
}

}  // namespace

std::int64_t daysSince1970(int year, int month, int day) {
    const chr::year_month_day date{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                                   chr::day{static_cast<unsigned>(day)}};
    return chr::sys_days{date}.time_since_epoch().count();
}

CivilTime civilFromDays(std::int64_t days) {
    const chr::year_month_day date{chr::sys_days{chr::days{days}}};
    CivilTime civil;
    civil.year = static_cast<int>(date.year());
    civil.month = static_cast<int>(static_cast<unsigned>(date.month()));
    civil.day = static_cast<int>(static_cast<unsigned>(date.day()));
    return civil;
}

std::int64_t secondsSince1970(const CivilTime& time) {
    return daysSince1970(time.year, time.month, time.day) * calendar::kSecondsPerDay + time.hour * 3600 +
           time.minute * 60 + time.second;
}

namespace {

// The seconds since 1970 of the first and last moment of the convertible years.
std::int64_t firstConvertible() {
    static const std::int64_t first = daysSince1970(calendar::kMinConvertibleYear, 1, 1) * calendar::kSecondsPerDay;
    return first;
}
std::int64_t lastConvertible() {
    static const std::int64_t last =
        (daysSince1970(calendar::kMaxConvertibleYear, 12, 31) + 1) * calendar::kSecondsPerDay - 1;
    return last;
}

}  // namespace

bool civilFromSeconds(std::int64_t seconds, CivilTime& out) {
    if (seconds < firstConvertible() || seconds > lastConvertible()) return false;
    // Floor division: a moment before 1970 lies in the day that starts before it.
    std::int64_t days = seconds / calendar::kSecondsPerDay;
    std::int64_t ofDay = seconds % calendar::kSecondsPerDay;
    if (ofDay < 0) {
        ofDay += calendar::kSecondsPerDay;
        --days;
    }
    out = civilFromDays(days);
    const chr::hh_mm_ss<chr::seconds> clock{chr::seconds{ofDay}};
    out.hour = static_cast<int>(clock.hours().count());
    out.minute = static_cast<int>(clock.minutes().count());
    out.second = static_cast<int>(clock.seconds().count());
    return true;
}

bool civilFromStoryTime(std::int64_t epochDay, double storyTime, CivilTime& out) {
    if (!std::isfinite(storyTime)) return false;
    const double seconds = std::floor(storyTime) + static_cast<double>(epochDay * calendar::kSecondsPerDay);
    // Checked as a double first: a time far outside the calendar must not overflow the conversion.
    if (!(seconds >= static_cast<double>(firstConvertible()) && seconds <= static_cast<double>(lastConvertible()))) {
        return false;
    }
    return civilFromSeconds(static_cast<std::int64_t>(seconds), out);
}

double storyTimeFromSeconds(std::int64_t epochDay, std::int64_t secondsSince1970) {
    return static_cast<double>(secondsSince1970 - epochDay * calendar::kSecondsPerDay);
}

int isoWeekdayIndex(std::int64_t days) {
    return static_cast<int>(chr::weekday{chr::sys_days{chr::days{days}}}.iso_encoding()) - 1;
}

int daysInMonth(int year, int month) {
    const chr::year_month_day_last last{chr::year{year}, chr::month_day_last{chr::month{static_cast<unsigned>(month)}}};
    return static_cast<int>(static_cast<unsigned>(last.day()));
}

std::string_view monthName(int month) { return kMonthNames[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)]; }
std::string_view monthAbbreviation(int month) {
    return kMonthAbbreviations[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)];
}

bool looksLikeIsoDate(std::string_view text) {
    std::size_t at = text.size() > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
    // Four digits of a year, then nothing, or a dash: a number ("1942", "-5", "1e3") has no dash after its
    // digits.
    if (digitRun(text, at) != 4) return false;
    at += 4;
    return at == text.size() || text[at] == '-';
}

ParsedDate parseIsoDate(std::string_view text) {
    if (text.empty()) return refuse("is empty, not a date; " + std::string(kShapes));
    std::size_t at = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        at = 1;
    }
    const std::size_t yearDigits = digitRun(text, at);
    if (yearDigits == 0) return refuse("is not a date; " + std::string(kShapes));
    if (yearDigits != 4) {
        return refuse("is not a date: a year has four digits, from -9999 to 9999 (\"-0043\" is 44 BC)");
    }
    CivilTime civil;
    readDigits(text, at, 4, civil.year);
    if (negative) civil.year = -civil.year;
    at += 4;
    DatePrecision precision = DatePrecision::Year;
    auto field = [&](char separator, std::size_t digits, int& out, DatePrecision reached) -> int {
        // 0: the text ended before the separator; 1: read; -1: malformed.
        if (at == text.size()) return 0;
        if (text[at] != separator) return -1;
        if (digitRun(text, at + 1) != digits) return -1;
        readDigits(text, at + 1, digits, out);
        at += 1 + digits;
        precision = reached;
        return 1;
    };
    int read = field('-', 2, civil.month, DatePrecision::Month);
    if (read == 1) read = field('-', 2, civil.day, DatePrecision::Day);
    if (read == 1 && at < text.size() && text[at] == ' ') {
        // "1942-06-04 09:30", as RFC 3339 allows, reads as "1942-06-04T09:30".
        std::string withT(text);
        withT[at] = 'T';
        ParsedDate parsed = parseIsoDate(withT);
        return parsed;
    }
    if (read == 1) read = field('T', 2, civil.hour, DatePrecision::Minute);
    if (read == 1) {
        read = field(':', 2, civil.minute, DatePrecision::Minute);
        if (read != 1) read = -1;  // an hour alone ("T09") is not a time
    }
    if (read == 1) read = field(':', 2, civil.second, DatePrecision::Second);
    if (read == 1 && at < text.size()) read = -1;
    if (read == -1) {
        const char next = at < text.size() ? text[at] : '\0';
        if (precision >= DatePrecision::Minute && (next == 'Z' || next == '+' || next == '-')) {
            return refuse("has a time zone; a story's times are its own local times, written without one");
        }
        if (precision == DatePrecision::Second && (next == '.' || next == ',')) {
            return refuse("has a fraction of a second; story dates count whole seconds");
        }
        return refuse("is not a date; " + std::string(kShapes));
    }

    if (civil.year < calendar::kMinYear || civil.year > calendar::kMaxYear) {
        return refuse("is not a date: years run from -9999 to 9999");
    }
    if (precision >= DatePrecision::Month && (civil.month < 1 || civil.month > 12)) {
        return refuse("is not a date: there is no month " + std::to_string(civil.month) + " (months run from 01 to 12)");
    }
    if (precision >= DatePrecision::Day) {
        if (civil.day < 1) return refuse("is not a date: there is no day 0 (days run from 01)");
        const int length = daysInMonth(civil.year, civil.month);
        if (civil.day > length) {
            return refuse("is not a date: " + std::string(monthName(civil.month)) + " " + yearText(civil.year) + " has " +
                          std::to_string(length) + " days");
        }
    }
    if (civil.hour > 23) return refuse("is not a time: there is no hour " + std::to_string(civil.hour) + " (00 to 23)");
    if (civil.minute > 59) return refuse("is not a time: there is no minute " + std::to_string(civil.minute) + " (00 to 59)");
    if (civil.second > 59) {
        return refuse("is not a time: there is no second " + std::to_string(civil.second) + " (00 to 59; leap seconds are not counted)");
    }
    ParsedDate parsed;
    parsed.ok = true;
    parsed.precision = precision;
    parsed.secondsSince1970 = secondsSince1970(civil);
    return parsed;
}

std::size_t writeIsoDate(const CivilTime& time, DatePrecision precision, char* out, std::size_t size) {
    if (size == 0) return 0;
    const char* sign = time.year < 0 ? "-" : "";
    const int year = time.year < 0 ? -time.year : time.year;
    int length = 0;
    switch (precision) {
        case DatePrecision::Year: length = std::snprintf(out, size, "%s%04d", sign, year); break;
        case DatePrecision::Month: length = std::snprintf(out, size, "%s%04d-%02d", sign, year, time.month); break;
        case DatePrecision::Day:
            length = std::snprintf(out, size, "%s%04d-%02d-%02d", sign, year, time.month, time.day);
            break;
        case DatePrecision::Minute:
            length = std::snprintf(out, size, "%s%04d-%02d-%02dT%02d:%02d", sign, year, time.month, time.day, time.hour,
                                   time.minute);
            break;
        case DatePrecision::Second:
            length = std::snprintf(out, size, "%s%04d-%02d-%02dT%02d:%02d:%02d", sign, year, time.month, time.day,
                                   time.hour, time.minute, time.second);
            break;
    }
    return std::min(static_cast<std::size_t>(std::max(length, 0)), size - 1);
}

std::string isoDateText(const CivilTime& time, DatePrecision precision) {
    char text[40];
    const std::size_t length = writeIsoDate(time, precision, text, sizeof text);
    return std::string(text, length);
}

}  // namespace epilogue
