// Tier 1 (pure logic): the calendar ruler: the steps it chooses by zoom, where its ticks fall (round years
// counted BC and AD, first days of months, Mondays, the clock), the labels as people write them, and a
// sweep of the whole zoom range, from tens of millennia to fractions of a second, in which the labels never
// overlap, always read as a calendar, and keep a steady density.
#include "story/story_loader.h"
#include "timeline/calendar_ruler.h"
#include "timeline/frame_plan.h"
#include "timeline/time_format.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

using namespace epilogue;

namespace {

// Wider than the UI's small face (DejaVu Sans at 12.5 pixels: digits 8 pixels, most letters less), so that
// what fits here fits on screen.
class GenerousMeasurer : public TextMeasurer {
public:
    glm::vec2 measure(TextStyle style, std::string_view text) const override {
        const float width = style == TextStyle::Title ? 13.0f : style == TextStyle::Small ? 8.0f : 8.5f;
        return {width * static_cast<float>(text.size()), style == TextStyle::Title ? 28.0f : 15.0f};
    }
};

// A story from 10000 BC (astronomical year -9999) to AD 9999, with a morning in June 1942 to the second.
Story deepStory() {
    StoryLoadResult loaded = parseStory(R"({"format": "epilogue-story/1", "title": "Example: deep time",
        "lanes": [{"id": "a", "title": "A"}],
        "events": [{"id": "first", "lane": "a", "time": "-9999", "title": "First"},
                   {"id": "launch", "lane": "a", "time": "1942-06-04T04:30", "title": "Launch"},
                   {"id": "sighting", "lane": "a", "time": "1942-06-04T05:34:10", "title": "Sighting"},
                   {"id": "last", "lane": "a", "time": "9999-12-31", "title": "Last"}]})",
                                        "deep.json");
    REQUIRE(loaded.ok());
    return std::move(loaded.story);
}

double at(const Story& story, const char* iso) {
    const ParsedDate parsed = parseIsoDate(iso);
    REQUIRE(parsed.ok);
    return storyTimeFromSeconds(story.epochDay, parsed.secondsSince1970);
}

std::vector<std::string> isoTicks(const Story& story, CalendarStep step, const char* from, const char* to) {
    std::vector<double> times;
    appendCalendarTicks(story.epochDay, step, at(story, from), at(story, to), times);
    std::vector<std::string> written;
    for (double time : times) written.push_back(formatTimeNotation(story, time).c_str());
    return written;
}

std::string label(const Story& story, const char* iso, CalendarStep step, bool withContext = false) {
    return formatRulerLabel(story, at(story, iso), step.nominalSeconds, step, withContext).c_str();
}

constexpr double kDay = 86400, kYear = 365.2425 * kDay;
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

}  // namespace

TEST_CASE("the ruler's steps run from millennia to fractions of a second, neighbours at most 3.5 times apart") {
    std::vector<CalendarStep> seen;
    // From 20,000 years across a screen to a hundredth of a second, coarsest first.
    for (double pixelsPerSecond = 1e-9; pixelsPerSecond < 1e6; pixelsPerSecond *= 1.05) {
        const CalendarTickSteps steps = chooseCalendarSteps(pixelsPerSecond, 90, 7);
        // Never closer than 90 pixels, and as fine as that allows.
        CHECK(steps.major.nominalSeconds * pixelsPerSecond >= 90);
        if (steps.minorTicks) {
            CHECK(steps.minor.nominalSeconds * pixelsPerSecond >= 7);
            CHECK(steps.minor.nominalSeconds < steps.major.nominalSeconds);
        }
        if (seen.empty() || seen.back().nominalSeconds != steps.major.nominalSeconds) seen.push_back(steps.major);
    }
    std::vector<CalendarUnit> units;
    for (const CalendarStep& step : seen) {
        if (units.empty() || units.back() != step.unit) units.push_back(step.unit);
    }
    const std::vector<CalendarUnit> expected{CalendarUnit::Year,  CalendarUnit::Month, CalendarUnit::HalfMonth,
                                             CalendarUnit::Week,  CalendarUnit::Day,   CalendarUnit::Hour,
                                             CalendarUnit::Minute, CalendarUnit::Second, CalendarUnit::Fraction};
    CHECK(units == expected);
    for (std::size_t i = 1; i < seen.size(); ++i) {
        INFO("from " << seen[i - 1].nominalSeconds << " s to " << seen[i].nominalSeconds << " s");
        CHECK(seen[i - 1].nominalSeconds / seen[i].nominalSeconds <= 3.51);
    }
    // Quarters, decades, centuries and millennia are among them.
    auto has = [&](CalendarUnit unit, double count) {
        return std::any_of(seen.begin(), seen.end(), [&](const CalendarStep& s) { return s.unit == unit && s.count == count; });
    };
    CHECK(has(CalendarUnit::Month, 3));
    CHECK(has(CalendarUnit::Year, 10));
    CHECK(has(CalendarUnit::Year, 100));
    CHECK(has(CalendarUnit::Year, 1000));
    CHECK(has(CalendarUnit::Week, 1));
}

TEST_CASE("ticks fall where people count: round years BC and AD, months' first days, Mondays, the clock") {
    const Story story = deepStory();
    const CalendarStep centuries{CalendarUnit::Year, 100, 100 * kYear};
    CHECK(isoTicks(story, centuries, "-0250", "0250") ==
          std::vector<std::string>{"-0199-01-01", "-0099-01-01", "0001-01-01", "0100-01-01", "0200-01-01"});
    CHECK(label(story, "-0199", centuries) == "200 BC");
    CHECK(label(story, "-0099", centuries) == "100 BC");
    CHECK(label(story, "0001", centuries) == "AD 1");
    CHECK(label(story, "0200", centuries) == "AD 200");
    CHECK(label(story, "1900", centuries) == "1900");
    const CalendarStep years{CalendarUnit::Year, 1, kYear};
    CHECK(isoTicks(story, years, "-0001-06", "0002-06") ==
          std::vector<std::string>{"0000-01-01", "0001-01-01", "0002-01-01"});
    CHECK(label(story, "0000", years) == "1 BC");
    const CalendarStep quarters{CalendarUnit::Month, 3, kYear / 4};
    CHECK(isoTicks(story, quarters, "1942-02-10", "1943-01-01") ==
          std::vector<std::string>{"1942-04-01", "1942-07-01", "1942-10-01", "1943-01-01"});
    const CalendarStep weeks{CalendarUnit::Week, 1, 7 * kDay};
    CHECK(isoTicks(story, weeks, "1942-06-01", "1942-06-20") ==
          std::vector<std::string>{"1942-06-01", "1942-06-08", "1942-06-15"});  // 1 June 1942 was a Monday
    const CalendarStep twoDays{CalendarUnit::Day, 2, 2 * kDay};
    CHECK(isoTicks(story, twoDays, "1942-05-27", "1942-06-04") ==
          std::vector<std::string>{"1942-05-27", "1942-05-29", "1942-06-01", "1942-06-03"});  // no 31 May
    CHECK(isoTicks(story, twoDays, "1944-02-26", "1944-03-02") ==
          std::vector<std::string>{"1944-02-27", "1944-03-01"});  // no 29 February
    const CalendarStep halfMonths{CalendarUnit::HalfMonth, 1, kYear / 24};
    CHECK(isoTicks(story, halfMonths, "1942-05-20", "1942-06-20") == std::vector<std::string>{"1942-06-01", "1942-06-16"});
    const CalendarStep sixHours{CalendarUnit::Hour, 6, 6 * 3600};
    CHECK(isoTicks(story, sixHours, "1942-06-04T05:00", "1942-06-05T01:00") ==
          std::vector<std::string>{"1942-06-04T06:00", "1942-06-04T12:00", "1942-06-04T18:00", "1942-06-05"});
    // Far past the calendar's years (a view may reach there), no ticks and no overflow.
    std::vector<double> none;
    appendCalendarTicks(story.epochDay, centuries, 1e15, 2e15, none);
    CHECK(none.empty());
}

TEST_CASE("labels as people write them, naming a larger unit where a tick begins one") {
    const Story story = deepStory();
    const CalendarStep months{CalendarUnit::Month, 1, kYear / 12};
    CHECK(label(story, "1942-06", months) == "June");
    CHECK(label(story, "1942-06", months, true) == "June 1942");
    CHECK(label(story, "1943-01", months) == "1943");
    const CalendarStep days{CalendarUnit::Day, 1, kDay};
    CHECK(label(story, "1942-06-04", days) == "4 Jun");
    CHECK(label(story, "1942-06-04", days, true) == "4 Jun 1942");
    CHECK(label(story, "1943-01-01", days) == "1 Jan 1943");
    CHECK(label(story, "-0043-03-15", days, true) == "15 Mar 44 BC");
    const CalendarStep hours{CalendarUnit::Hour, 1, 3600};
    CHECK(label(story, "1942-06-04T09:00", hours) == "09:00");
    CHECK(label(story, "1942-06-04T09:00", hours, true) == "4 Jun 1942, 09:00");
    CHECK(label(story, "1942-06-05", hours) == "5 Jun");
    const CalendarStep minutes{CalendarUnit::Minute, 15, 900};
    CHECK(label(story, "1942-06-04T09:30", minutes) == "09:30");
    const CalendarStep seconds{CalendarUnit::Second, 10, 10};
    CHECK(label(story, "1942-06-04T09:30:10", seconds) == "09:30:10");
    const CalendarStep fractions{CalendarUnit::Fraction, 0.25, 0.25};
    CHECK(formatRulerLabel(story, at(story, "1942-06-04T09:30:10") + 0.75, 0.25, fractions, false).c_str() ==
          std::string("09:30:10.75"));
    // The pointer and the playhead: a step finer than the ticks, in full.
    CHECK(std::string(formatTimeFinerThanRuler(story, at(story, "1942-06-04T09:37:12"), 3600, hours).c_str()) ==
          "4 Jun 1942, 09:37");
    CHECK(std::string(formatTimeFinerThanRuler(story, at(story, "1942-06-04T09:37:12"), kYear / 12, months).c_str()) ==
          "4 Jun 1942");
    const CalendarStep decades{CalendarUnit::Year, 10, 10 * kYear};
    CHECK(std::string(formatTimeFinerThanRuler(story, at(story, "-0043-03-15"), 10 * kYear, decades).c_str()) == "44 BC");
}

TEST_CASE("ruler sweep: from tens of millennia to a hundredth of a second, labels never overlap and keep a steady density") {
    const Story story = deepStory();
    const GenerousMeasurer measurer;
    FramePlanner planner;
    const double centre = at(story, "1942-06-04T09:30:00");
    int zooms = 0;
    std::vector<CalendarUnit> unitsSeen;
    for (double span = 80000 * kYear; span > 0.01; span /= 1.15, ++zooms) {
        ViewState state;
        setVisibleRange(state, centre - span / 2, centre + span / 2);
        state.playheadTime = -1e15;  // off the canvas: its mark takes no room from the labels
        const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, measurer);
        const RulerPlan& ruler = plan.ruler;
        const CalendarUnit unit = plan.layout.calendarSteps.major.unit;
        if (unitsSeen.empty() || unitsSeen.back() != unit) unitsSeen.push_back(unit);
        INFO("span " << span << " s; major step " << plan.layout.calendarSteps.major.count << " of unit "
                     << static_cast<int>(unit) << "; " << ruler.labels.size() << " labels, first "
                     << (ruler.labels.empty() ? std::string() : std::string(ruler.labels.front().text.c_str())));
        // Steady density: at least four labels on the 1600-pixel canvas (the steps are at most 3.5 times apart,
        // ticks at least 90 pixels apart), and never more than fit 90 pixels apart.
        CHECK(ruler.labels.size() >= 4);
        CHECK(ruler.labels.size() <= 1600 / 90 + 1);
        float lastRight = -1e9f;
        for (const RulerLabelPlan& written : ruler.labels) {
            const std::string text = written.text.c_str();
            const float width = measurer.measure(TextStyle::Small, text).x;
            CHECK(written.at.x >= lastRight + 4);  // never overlapping, a gap between
            CHECK(written.at.x + width <= plan.view.canvas.right());
            lastRight = written.at.x + width;
            // A calendar's words: no number of days from the epoch, nothing empty.
            CHECK_FALSE(text.empty());
            CHECK(text.find("days") == std::string::npos);
        }
        // The first label says where on the calendar the ruler is: it names a year (193x or 194x); or, when
        // that would reach over the start of the next day or year, the label there does.
        if (ruler.labels.size() >= 2 && unit != CalendarUnit::Year) {
            const std::string first = ruler.labels[0].text.c_str(), second = ruler.labels[1].text.c_str();
            CHECK((first.find("19") != std::string::npos || second.find("19") != std::string::npos));
        }
        // Where a tick that begins a larger unit (a new year, a new day) found no room for its label, the
        // next label names it instead.
        bool namingDue = false;
        for (const RulerTick& tick : plan.layout.ticks) {
            if (!tick.major) continue;
            const auto labelled = std::find_if(ruler.labels.begin(), ruler.labels.end(),
                                               [&](const RulerLabelPlan& l) { return l.at.x == tick.x + 4; });
            if (labelled == ruler.labels.end()) {
                namingDue = namingDue || rulerTickBeginsLargerUnit(story, tick.time, plan.layout.calendarSteps.major);
                continue;
            }
            if (namingDue) {
                const std::string text = labelled->text.c_str();
                INFO("after a new day or year with no label: " << text);
                const bool namesIt = text.find("19") != std::string::npos ||
                                     std::any_of(std::begin(kMonths), std::end(kMonths),
                                                 [&](const char* month) { return text.find(month) != std::string::npos; });
                CHECK(namesIt);
            }
            namingDue = false;
        }
        // Ticks left to right, majors among them.
        for (std::size_t i = 1; i < plan.layout.ticks.size(); ++i) {
            CHECK(plan.layout.ticks[i].time > plan.layout.ticks[i - 1].time);
        }
    }
    CHECK(zooms > 150);
    CHECK(unitsSeen.size() == 9);  // every unit, from years down to fractions of a second
}

TEST_CASE("a ruler of years BC reads as such") {
    const Story story = deepStory();
    FramePlanner planner;
    ViewState state;
    setVisibleRange(state, at(story, "-3000"), at(story, "-0500"));
    state.playheadTime = -1e15;
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, GenerousMeasurer());
    REQUIRE(plan.ruler.labels.size() >= 4);
    for (const RulerLabelPlan& written : plan.ruler.labels) {
        const std::string text = written.text.c_str();
        CHECK(text.size() > 3);
        CHECK(text.substr(text.size() - 3) == " BC");
    }
}

TEST_CASE("a story in numbers that names its unit writes it after the ruler's first number") {
    StoryLoadResult loaded = parseStory(R"({"format": "epilogue-story/1", "title": "Minutes", "time_unit": "min",
        "lanes": [{"id": "a", "title": "A"}],
        "events": [{"id": "x", "lane": "a", "time": 0, "title": "X"}, {"id": "y", "lane": "a", "time": 120, "title": "Y"}]})",
                                        "minutes.json");
    REQUIRE(loaded.ok());
    FramePlanner planner;
    ViewState state;
    setVisibleRange(state, -10, 130);
    state.playheadTime = -1e15;
    const FramePlan& plan = planner.plan(loaded.story, state, {{1600, 900, 1}, true, 0}, GenerousMeasurer());
    REQUIRE(plan.ruler.labels.size() >= 4);
    CHECK(std::string(plan.ruler.labels[0].text.c_str()) == "-10 min");
    CHECK(std::string(plan.ruler.labels[1].text.c_str()).find("min") == std::string::npos);
}
