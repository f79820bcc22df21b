// The calendar ruler (see calendar_ruler.h): the table of steps, and the ticks of each kind of step.
#include "timeline/calendar_ruler.h"

#include "story/calendar_time.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

namespace epilogue {

namespace {

namespace chr = std::chrono;

constexpr double kMinute = 60, kHour = 3600, kDay = 86400;
constexpr double kYear = 365.2425 * kDay;  // the Gregorian calendar's average year
constexpr double kMonth = kYear / 12;

constexpr CalendarStep step(CalendarUnit unit, double count, double unitSeconds) { return {unit, count, count * unitSeconds}; }

// A major step and the minor steps that fall on its ticks, finest first (the finest that is not crowded is
// drawn).
struct StepChoice {
    CalendarStep major;
    std::array<CalendarStep, 3> minors;
    int minorCount;
};

constexpr CalendarUnit S = CalendarUnit::Second, M = CalendarUnit::Minute, H = CalendarUnit::Hour, D = CalendarUnit::Day,
                       W = CalendarUnit::Week, HM = CalendarUnit::HalfMonth, MO = CalendarUnit::Month, Y = CalendarUnit::Year;

// Every step, finest first. Neighbours differ by 3.5 times at most (two days to a week), 2 to 2.5 mostly.
constexpr std::array<StepChoice, 45> kSteps{{
    {step(S, 1, 1), {}, 0},
    {step(S, 2, 1), {step(S, 1, 1)}, 1},
    {step(S, 5, 1), {step(S, 1, 1)}, 1},
    {step(S, 10, 1), {step(S, 2, 1), step(S, 5, 1)}, 2},
    {step(S, 15, 1), {step(S, 5, 1)}, 1},
    {step(S, 30, 1), {step(S, 5, 1), step(S, 10, 1)}, 2},
    {step(M, 1, kMinute), {step(S, 10, 1), step(S, 30, 1)}, 2},
    {step(M, 2, kMinute), {step(S, 30, 1), step(M, 1, kMinute)}, 2},
    {step(M, 5, kMinute), {step(M, 1, kMinute)}, 1},
    {step(M, 10, kMinute), {step(M, 2, kMinute), step(M, 5, kMinute)}, 2},
    {step(M, 15, kMinute), {step(M, 5, kMinute)}, 1},
    {step(M, 30, kMinute), {step(M, 5, kMinute), step(M, 10, kMinute)}, 2},
    {step(H, 1, kHour), {step(M, 10, kMinute), step(M, 15, kMinute), step(M, 30, kMinute)}, 3},
    {step(H, 2, kHour), {step(M, 30, kMinute), step(H, 1, kHour)}, 2},
    {step(H, 3, kHour), {step(H, 1, kHour)}, 1},
    {step(H, 6, kHour), {step(H, 1, kHour), step(H, 3, kHour)}, 2},
    {step(H, 12, kHour), {step(H, 3, kHour), step(H, 6, kHour)}, 2},
    {step(D, 1, kDay), {step(H, 3, kHour), step(H, 6, kHour), step(H, 12, kHour)}, 3},
    {step(D, 2, kDay), {step(H, 12, kHour), step(D, 1, kDay)}, 2},
    {step(W, 1, 7 * kDay), {step(D, 1, kDay)}, 1},
    {step(HM, 1, kMonth / 2), {step(D, 1, kDay)}, 1},
    {step(MO, 1, kMonth), {step(D, 1, kDay), step(HM, 1, kMonth / 2)}, 2},
    {step(MO, 2, kMonth), {step(HM, 1, kMonth / 2), step(MO, 1, kMonth)}, 2},
    {step(MO, 3, kMonth), {step(MO, 1, kMonth)}, 1},
    {step(MO, 6, kMonth), {step(MO, 1, kMonth), step(MO, 3, kMonth)}, 2},
    {step(Y, 1, kYear), {step(MO, 1, kMonth), step(MO, 3, kMonth)}, 2},
    {step(Y, 2, kYear), {step(MO, 3, kMonth), step(MO, 6, kMonth), step(Y, 1, kYear)}, 3},
    {step(Y, 5, kYear), {step(Y, 1, kYear)}, 1},
    {step(Y, 10, kYear), {step(Y, 1, kYear), step(Y, 2, kYear)}, 2},
    {step(Y, 20, kYear), {step(Y, 5, kYear)}, 1},
    {step(Y, 50, kYear), {step(Y, 10, kYear)}, 1},
    {step(Y, 100, kYear), {step(Y, 10, kYear), step(Y, 20, kYear)}, 2},
    {step(Y, 200, kYear), {step(Y, 50, kYear)}, 1},
    {step(Y, 500, kYear), {step(Y, 100, kYear)}, 1},
    {step(Y, 1000, kYear), {step(Y, 100, kYear), step(Y, 200, kYear)}, 2},
    {step(Y, 2000, kYear), {step(Y, 500, kYear)}, 1},
    {step(Y, 5000, kYear), {step(Y, 1000, kYear)}, 1},
    {step(Y, 10000, kYear), {step(Y, 1000, kYear), step(Y, 2000, kYear)}, 2},
    {step(Y, 20000, kYear), {step(Y, 5000, kYear)}, 1},
    {step(Y, 50000, kYear), {step(Y, 10000, kYear)}, 1},
    {step(Y, 100000, kYear), {step(Y, 10000, kYear), step(Y, 20000, kYear)}, 2},
    {step(Y, 200000, kYear), {step(Y, 50000, kYear)}, 1},
    {step(Y, 500000, kYear), {step(Y, 100000, kYear)}, 1},
    {step(Y, 1000000, kYear), {step(Y, 100000, kYear), step(Y, 200000, kYear)}, 2},
    {step(Y, 2000000, kYear), {step(Y, 500000, kYear)}, 1},
}};

// A "nice" number of seconds below one (1, 2 or 5 times a power of ten) no smaller than `minimum`.
double niceFraction(double minimum) {
    const double power = std::pow(10.0, std::floor(std::log10(minimum)));
    for (double mantissa : {1.0, 2.0, 5.0, 10.0}) {
        if (mantissa * power >= minimum * (1 - 1e-9)) return mantissa * power;
    }
    return 10.0 * power;
}

double yearStart(std::int64_t epochDay, int year) {
    return static_cast<double>((daysSince1970(year, 1, 1) - epochDay) * calendar::kSecondsPerDay);
}

double dayStart(std::int64_t epochDay, std::int64_t day) {
    return static_cast<double>((day - epochDay) * calendar::kSecondsPerDay);
}

std::int64_t daysOf(const chr::year_month_day& date) { return chr::sys_days{date}.time_since_epoch().count(); }

}  // namespace

bool isYearTick(int year, int yearsPerStep) {
    if (year == 1) return true;
    if (year >= 1) return year % yearsPerStep == 0;
    return (1 - year) % yearsPerStep == 0;
}

int calendarLabelCharacters(const CalendarStep& step) {
    switch (step.unit) {
        case CalendarUnit::Year: return 7;   // "9999 BC"
        case CalendarUnit::Month: return 9;  // "September"
        case CalendarUnit::HalfMonth:
        case CalendarUnit::Week:
        case CalendarUnit::Day: return 6;  // "30 Jun"
        case CalendarUnit::Hour:
        case CalendarUnit::Minute: return 5;  // "09:30"
        case CalendarUnit::Second: return 8;  // "09:30:15"
        case CalendarUnit::Fraction: {
            // "09:30:15." and the decimals the step needs.
            int decimals = 0;
            for (double scaled = step.count; decimals < 12 && std::abs(scaled - std::round(scaled)) > 1e-6 * scaled;
                 scaled *= 10) {
                ++decimals;
            }
            return 9 + decimals;
        }
    }
    return 8;
}

CalendarTickSteps chooseCalendarSteps(double pixelsPerSecond, double minMajorPixels, double minMinorPixels,
                                      double labelCharacterPixels) {
    CalendarTickSteps steps;
    if (!(pixelsPerSecond > 0)) pixelsPerSecond = 1e-300;
    // Ticks far enough apart for their labels, with a little room between.
    auto roomy = [&](const CalendarStep& candidate) {
        const double needed = std::max(minMajorPixels, calendarLabelCharacters(candidate) * labelCharacterPixels + 14);
        return candidate.nominalSeconds * pixelsPerSecond >= needed;
    };
    if (minMajorPixels / pixelsPerSecond < 1) {
        // Below a second: decimal fractions of it, with minor ticks as the numeric ruler has them.
        double major = niceFraction(minMajorPixels / pixelsPerSecond);
        while (major < 1 && !roomy({CalendarUnit::Fraction, major, major})) major = niceFraction(major * 1.5);
        if (major < 1) {
            steps.major = {CalendarUnit::Fraction, major, major};
            const double mantissa = major / std::pow(10.0, std::floor(std::log10(major) + 1e-9));
            const double minor = major / (std::lround(mantissa) == 2 ? 4 : 5);
            steps.minor = {CalendarUnit::Fraction, minor, minor};
            steps.minorTicks = minor * pixelsPerSecond >= minMinorPixels;
            return steps;
        }
    }
    const StepChoice* chosen = &kSteps.back();
    for (const StepChoice& choice : kSteps) {
        if (roomy(choice.major)) {
            chosen = &choice;
            break;
        }
    }
    steps.major = chosen->major;
    for (int i = 0; i < chosen->minorCount; ++i) {
        if (chosen->minors[static_cast<std::size_t>(i)].nominalSeconds * pixelsPerSecond >= minMinorPixels) {
            steps.minor = chosen->minors[static_cast<std::size_t>(i)];
            steps.minorTicks = true;
            break;
        }
    }
    return steps;
}

void appendCalendarTicks(std::int64_t epochDay, const CalendarStep& step, double start, double end,
                         std::vector<double>& out, std::size_t maxTicks) {
    // Only where the calendar converts: a view may reach far past a story.
    const double first = storyTimeFromSeconds(epochDay, secondsSince1970({calendar::kMinConvertibleYear, 1, 1}));
    const double last = storyTimeFromSeconds(epochDay, secondsSince1970({calendar::kMaxConvertibleYear, 12, 31}));
    start = std::max(start, first);
    end = std::min(end, last);
    if (!(end >= start)) return;
    const std::size_t limit = out.size() + maxTicks;
    auto push = [&](double time) {
        if (time >= start && time <= end && out.size() < limit) out.push_back(time);
    };
    CivilTime from;
    if (!civilFromStoryTime(epochDay, start, from)) return;
    const auto firstDay = static_cast<std::int64_t>(std::floor(start / calendar::kSecondsPerDay)) + epochDay;
    const auto lastDay = static_cast<std::int64_t>(std::floor(end / calendar::kSecondsPerDay)) + epochDay;

    switch (step.unit) {
        case CalendarUnit::Fraction:
        case CalendarUnit::Second:
        case CalendarUnit::Minute:
        case CalendarUnit::Hour: {
            // Every such step divides a day, and the epoch is a midnight: the ticks are its multiples.
            const double length = step.nominalSeconds;
            for (double k = std::ceil(start / length); k * length <= end && out.size() < limit; k += 1) push(k * length);
            break;
        }
        case CalendarUnit::Day:
            for (std::int64_t day = firstDay; day <= lastDay + 1 && out.size() < limit; ++day) {
                if (step.count >= 2) {
                    // Every other day of the month (1, 3, 5...), leaving out the last day of a month of odd
                    // length (the 31st, 29 February), which would crowd the 1st.
                    const CivilTime date = civilFromDays(day);
                    if ((date.day - 1) % 2 != 0) continue;
                    if (date.day >= 29 && date.day == daysInMonth(date.year, date.month)) continue;
                }
                push(dayStart(epochDay, day));
            }
            break;
        case CalendarUnit::Week: {
            std::int64_t monday = firstDay + (7 - isoWeekdayIndex(firstDay)) % 7;
            for (; monday <= lastDay + 1 && out.size() < limit; monday += 7) push(dayStart(epochDay, monday));
            break;
        }
        case CalendarUnit::HalfMonth:
        case CalendarUnit::Month: {
            const int monthsPerStep = step.unit == CalendarUnit::HalfMonth ? 1 : static_cast<int>(step.count);
            const int alignedMonth = from.month - (from.month - 1) % monthsPerStep;
            chr::year_month month{chr::year{from.year}, chr::month{static_cast<unsigned>(alignedMonth)}};
            while (out.size() < limit) {
                const std::int64_t firstOfMonth = daysOf(month / chr::day{1});
                if (dayStart(epochDay, firstOfMonth) > end) break;
                push(dayStart(epochDay, firstOfMonth));
                if (step.unit == CalendarUnit::HalfMonth) push(dayStart(epochDay, daysOf(month / chr::day{16})));
                month += chr::months{monthsPerStep};
            }
            break;
        }
        case CalendarUnit::Year: {
            CivilTime to;
            if (!civilFromStoryTime(epochDay, end, to)) return;
            const auto perStep = static_cast<long long>(step.count);
            const long long firstYear = from.year, lastYear = to.year;
            // Years BC (astronomical 0 and before) on multiples of the step counted BC, from the earliest.
            if (firstYear <= 0) {
                const long long latestBc = 1 - std::min(lastYear, 0LL);  // in years BC
                for (long long bc = (1 - firstYear) / perStep * perStep; bc >= latestBc && bc >= 1 && out.size() < limit;
                     bc -= perStep) {
                    push(yearStart(epochDay, static_cast<int>(1 - bc)));
                }
            }
            // AD 1, then the multiples of the step counted AD.
            if (firstYear <= 1 && lastYear >= 1) push(yearStart(epochDay, 1));
            const long long firstAd = std::max(firstYear, 2LL);
            for (long long year = (firstAd + perStep - 1) / perStep * perStep; year <= lastYear && out.size() < limit;
                 year += perStep) {
                push(yearStart(epochDay, static_cast<int>(year)));
            }
            break;
        }
    }
}

}  // namespace epilogue
