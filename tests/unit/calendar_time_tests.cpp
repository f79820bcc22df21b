// Tier 1 (pure logic): calendar time: ISO 8601 dates read and refused, seconds and days back and forth,
// years BC, and the text a story file writes.
#include "story/calendar_time.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

using namespace epilogue;

namespace {

std::int64_t secondsOf(const char* text) {
    const ParsedDate parsed = parseIsoDate(text);
    INFO(text << ": " << parsed.problem);
    REQUIRE(parsed.ok);
    return parsed.secondsSince1970;
}

std::string problemOf(const char* text) {
    const ParsedDate parsed = parseIsoDate(text);
    INFO(text);
    REQUIRE_FALSE(parsed.ok);
    return parsed.problem;
}

std::string iso(std::int64_t seconds, DatePrecision precision) {
    CivilTime civil;
    REQUIRE(civilFromSeconds(seconds, civil));
    return isoDateText(civil, precision);
}

}  // namespace

TEST_CASE("ISO 8601 dates of every precision read as seconds since 1970") {
    CHECK(secondsOf("1970") == 0);
    CHECK(secondsOf("1970-01-01T00:00:01") == 1);
    CHECK(secondsOf("1969-12-31T23:59:59") == -1);
    CHECK(secondsOf("1942-06-04") == daysSince1970(1942, 6, 4) * 86400);
    CHECK(secondsOf("1942-06-04T09:30") == daysSince1970(1942, 6, 4) * 86400 + 9 * 3600 + 30 * 60);
    CHECK(secondsOf("1942-06-04T09:30:15") == secondsOf("1942-06-04T09:30") + 15);
    CHECK(secondsOf("1942-06-04 09:30") == secondsOf("1942-06-04T09:30"));  // RFC 3339's space
    CHECK(secondsOf("1942-06") == secondsOf("1942-06-01"));
    CHECK(secondsOf("1942") == secondsOf("1942-01-01T00:00:00"));
    CHECK(secondsOf("+1942") == secondsOf("1942"));
    CHECK(parseIsoDate("1942").precision == DatePrecision::Year);
    CHECK(parseIsoDate("1942-06").precision == DatePrecision::Month);
    CHECK(parseIsoDate("1942-06-04").precision == DatePrecision::Day);
    CHECK(parseIsoDate("1942-06-04T09:30").precision == DatePrecision::Minute);
    CHECK(parseIsoDate("1942-06-04T09:30:15").precision == DatePrecision::Second);
    // Leap years of the Gregorian calendar, proleptic before 1582.
    CHECK(parseIsoDate("2000-02-29").ok);
    CHECK(parseIsoDate("1600-02-29").ok);
    CHECK_FALSE(parseIsoDate("1900-02-29").ok);
    CHECK(secondsOf("1582-10-15") - secondsOf("1582-10-04") == 11 * 86400);  // no Julian gap: one calendar throughout
}

TEST_CASE("Years BC in astronomical numbering, and the ends of the range") {
    // 15 March 44 BC is astronomical year -43; year 0 is 1 BC.
    CHECK(secondsOf("-0043-03-15") == daysSince1970(-43, 3, 15) * 86400);
    CHECK(secondsOf("0000-12-31") + 86400 == secondsOf("0001-01-01"));
    CHECK(secondsOf("-0001-12-31") + 86400 == secondsOf("0000-01-01"));
    CHECK(parseIsoDate("-9999-01-01").ok);
    CHECK(parseIsoDate("9999-12-31T23:59:59").ok);
    // Year -4 (5 BC) is a leap year in the proleptic calendar, as year 0 is.
    CHECK(parseIsoDate("-0004-02-29").ok);
    CHECK(parseIsoDate("0000-02-29").ok);
    CHECK_FALSE(parseIsoDate("-0001-02-29").ok);
    // Ten millennia apart and the whole range still whole seconds in a double.
    const auto span = static_cast<double>(secondsOf("9999-12-31T23:59:59") - secondsOf("-9999"));
    CHECK(span < 1e12);
    CHECK(span == std::floor(span));
}

TEST_CASE("Impossible dates and unreadable text are refused, saying why") {
    CHECK(problemOf("1942-02-30") == "is not a date: February 1942 has 28 days");
    CHECK(problemOf("1944-02-30") == "is not a date: February 1944 has 29 days");
    CHECK(problemOf("1942-04-31") == "is not a date: April 1942 has 30 days");
    CHECK(problemOf("1942-06-00") == "is not a date: there is no day 0 (days run from 01)");
    CHECK(problemOf("1942-13") == "is not a date: there is no month 13 (months run from 01 to 12)");
    CHECK(problemOf("1942-00-10") == "is not a date: there is no month 0 (months run from 01 to 12)");
    CHECK(problemOf("1942-06-04T24:00") == "is not a time: there is no hour 24 (00 to 23)");
    CHECK(problemOf("1942-06-04T09:60") == "is not a time: there is no minute 60 (00 to 59)");
    CHECK(problemOf("1942-06-04T09:30:60").find("no second 60") != std::string::npos);
    CHECK(problemOf("1942-06-04T09:30Z").find("time zone") != std::string::npos);
    CHECK(problemOf("1942-06-04T09:30:00+02:00").find("time zone") != std::string::npos);
    CHECK(problemOf("1942-06-04T09:30:00.5").find("fraction of a second") != std::string::npos);
    CHECK(problemOf("10000").find("four digits") != std::string::npos);
    CHECK(problemOf("-10000-01-01").find("four digits") != std::string::npos);
    CHECK(problemOf("42").find("four digits") != std::string::npos);
    for (const char* unreadable : {"June 4, 1942", "1942-6-4", "1942-06-04T09", "1942-06-04T9:30", "1942-06-04T",
                                   "1942/06/04", "1942-W23", "1942-06-04-", "x", "-", " 1942"}) {
        CHECK(problemOf(unreadable).find("ISO 8601") != std::string::npos);
    }
    CHECK(problemOf("").find("is empty") == 0);
}

TEST_CASE("Dates are told from numbers by their shape") {
    CHECK(looksLikeIsoDate("1942-06-04"));
    CHECK(looksLikeIsoDate("1942-06-04T09:30"));
    CHECK(looksLikeIsoDate("-0043-03-15"));
    CHECK(looksLikeIsoDate("1942-13"));  // a date's shape, wrong: reported as a date
    CHECK(looksLikeIsoDate("1942"));     // a year, and also a number
    CHECK_FALSE(looksLikeIsoDate("47"));
    CHECK_FALSE(looksLikeIsoDate("1942.5"));
    CHECK_FALSE(looksLikeIsoDate("-1e15"));
    CHECK_FALSE(looksLikeIsoDate("19420604"));
}

TEST_CASE("Seconds and days convert back to the calendar, before 1970 and before year 1") {
    CHECK(iso(secondsOf("1942-06-04T09:30:15"), DatePrecision::Second) == "1942-06-04T09:30:15");
    CHECK(iso(secondsOf("-0043-03-15T12:00"), DatePrecision::Minute) == "-0043-03-15T12:00");
    CHECK(iso(secondsOf("-9999"), DatePrecision::Day) == "-9999-01-01");
    CHECK(iso(secondsOf("9999-12-31T23:59:59"), DatePrecision::Second) == "9999-12-31T23:59:59");
    CHECK(iso(-1, DatePrecision::Second) == "1969-12-31T23:59:59");
    CHECK(iso(secondsOf("1942-06-04"), DatePrecision::Month) == "1942-06");
    CHECK(iso(secondsOf("0000-01-01"), DatePrecision::Year) == "0000");
    // Story times count from the story's own epoch day; a time inside a second is in that second.
    const std::int64_t epochDay = daysSince1970(1942, 6, 4);
    CivilTime civil;
    REQUIRE(civilFromStoryTime(epochDay, 9 * 3600 + 30 * 60 + 15.75, civil));
    CHECK(isoDateText(civil, DatePrecision::Second) == "1942-06-04T09:30:15");
    REQUIRE(civilFromStoryTime(epochDay, -0.5, civil));
    CHECK(isoDateText(civil, DatePrecision::Second) == "1942-06-03T23:59:59");
    CHECK(storyTimeFromSeconds(epochDay, secondsOf("1942-06-05")) == 86400);
    // Far outside the calendar: refused, never overflowing.
    CHECK_FALSE(civilFromStoryTime(epochDay, 1e15, civil));
    CHECK_FALSE(civilFromStoryTime(epochDay, -1e15, civil));
    CHECK_FALSE(civilFromStoryTime(epochDay, std::numeric_limits<double>::quiet_NaN(), civil));
    CHECK_FALSE(civilFromStoryTime(epochDay, std::numeric_limits<double>::infinity(), civil));
}

TEST_CASE("Weekdays, month lengths and names") {
    CHECK(isoWeekdayIndex(daysSince1970(1942, 6, 4)) == 3);  // a Thursday
    CHECK(isoWeekdayIndex(daysSince1970(1970, 1, 1)) == 3);
    CHECK(isoWeekdayIndex(daysSince1970(2024, 1, 1)) == 0);  // a Monday
    CHECK(daysInMonth(1942, 2) == 28);
    CHECK(daysInMonth(2000, 2) == 29);
    CHECK(daysInMonth(1942, 12) == 31);
    CHECK(monthName(6) == "June");
    CHECK(monthAbbreviation(9) == "Sep");
}
