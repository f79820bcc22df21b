// Tier 1 (pure logic): story times as people type them on the command line: numbers or dates by their
// shape, ranges "START:END" and "START..END" (times of day hold colons), read in the story's own notation;
// and a dated story's sidecar, which names its epoch so that a restored view keeps its dates.
#include "app/restore.h"
#include "story/story_loader.h"
#include "story/story_time_text.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

namespace {

Story loaded(const std::string& text) {
    StoryLoadResult result = parseStory(text, "story.json");
    for (const StoryError& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    return std::move(result.story);
}

Story datedStory() {
    return loaded(R"({"format": "epilogue-story/1", "title": "Example: dates", "lanes": [{"id": "a", "title": "A"}],
        "events": [{"id": "x", "lane": "a", "time": "1942-06-04T04:30", "title": "X"},
                   {"id": "y", "lane": "a", "time": "1942-06-06", "title": "Y"}]})");
}

Story numberStory() {
    return loaded(R"({"format": "epilogue-story/1", "title": "Numbers", "lanes": [{"id": "a", "title": "A"}],
        "events": [{"id": "x", "lane": "a", "time": 0, "title": "X"}, {"id": "y", "lane": "a", "time": 80, "title": "Y"}]})");
}

struct Split {
    bool ok;
    std::string start, end, problem;
};
Split split(const char* text) {
    Split result;
    result.ok = splitTimeRange(text, result.start, result.end, result.problem);
    return result;
}

}  // namespace

TEST_CASE("a typed time is a number within the limits or a date, told apart by its shape") {
    CHECK(checkTimeTextShape("47.5").kind == TimeTextKind::Number);
    CHECK(checkTimeTextShape("-1e15").kind == TimeTextKind::Number);
    CHECK(checkTimeTextShape("1942").kind == TimeTextKind::Number);  // a year too: the story decides
    CHECK(checkTimeTextShape("1942-06-04T09:30").kind == TimeTextKind::Date);
    CHECK(checkTimeTextShape("-0043-03-15").kind == TimeTextKind::Date);
    CHECK(checkTimeTextShape("nan").problem == "is nan, not a number");
    CHECK(checkTimeTextShape("1942-02-30").problem == "is not a date: February 1942 has 28 days");
    CHECK(checkTimeTextShape("soon").problem == "is not a number or a date (such as 1942-06-04T09:30)");
    CHECK(checkTimeTextShape("392-11-01").problem == "is not a date: a year has four digits, from -9999 to 9999 (\"-0043\" is 44 BC)");
}

TEST_CASE("ranges: START..END always, START:END where one colon splits it into two times of one kind") {
    const Split numbers = split("0:20");
    CHECK((numbers.ok && numbers.start == "0" && numbers.end == "20"));
    const Split negative = split("-5:-2.5");
    CHECK((negative.ok && negative.start == "-5" && negative.end == "-2.5"));
    const Split days = split("1942-06-01:1942-06-10");
    CHECK((days.ok && days.start == "1942-06-01" && days.end == "1942-06-10"));
    const Split clocks = split("1942-06-04T09:00:1942-06-04T12:00");  // the one colon that splits it in two dates
    CHECK((clocks.ok && clocks.start == "1942-06-04T09:00" && clocks.end == "1942-06-04T12:00"));
    const Split dots = split("1942-06-04T09:00..1942-06-04T12:00:30");
    CHECK((dots.ok && dots.start == "1942-06-04T09:00" && dots.end == "1942-06-04T12:00:30"));
    const Split decimals = split("1.5..2");
    CHECK((decimals.ok && decimals.start == "1.5" && decimals.end == "2"));
    CHECK_FALSE(split("20").ok);
    CHECK(split("nothing:at:all").problem.find("START..END") != std::string::npos);
}

TEST_CASE("a typed time is read in the story's notation; the other notation is an error saying so") {
    const Story dated = datedStory();
    StoryTimeReading reading = readStoryTimeText(dated, "1942-06-05");
    REQUIRE(reading.ok);
    CHECK(reading.time == 86400);  // the story counts from 4 June 1942, 00:00
    reading = readStoryTimeText(dated, "1942");
    REQUIRE(reading.ok);  // the year 1942
    CHECK(reading.time == storyTimeFromSeconds(dated.epochDay, parseIsoDate("1942").secondsSince1970));
    reading = readStoryTimeText(dated, "12.5");
    CHECK_FALSE(reading.ok);
    CHECK(reading.problem ==
          "is a number, but the story's times are dates (from 1942-06-04T04:30 to 1942-06-06): write one as the story "
          "does, e.g. 1942-06-04T04:30");
    CHECK(readStoryTimeText(dated, "1942-13").problem == "is not a date: there is no month 13 (months run from 01 to 12)");

    const Story numbers = numberStory();
    reading = readStoryTimeText(numbers, "1942");
    REQUIRE(reading.ok);
    CHECK(reading.time == 1942);
    reading = readStoryTimeText(numbers, "1942-06-04");
    CHECK_FALSE(reading.ok);
    CHECK(reading.problem == "is a date, but the story's times are numbers (from 0 to 80)");
    CHECK(readStoryTimeText(numbers, "inf").problem == "is inf; it must be from -1e+15 to 1e+15");
}

TEST_CASE("a dated story's sidecar names its epoch; restored into a story that now begins earlier, the view keeps its dates") {
    const std::string sidecar = R"({"story": {"file": "/stories/dated.json"},
        "time": {"kind": "dates", "epoch": "1942-06-04", "unit": "seconds since the epoch"},
        "playhead": 3600, "view": {"start": 0, "end": 86400}, "size": {"width": 640, "height": 360, "scale": 1}})";
    CommandLine options;
    SidecarStory story;
    std::string error;
    REQUIRE(readSidecar(sidecar, "shot.png.json", {}, options, story, error));
    CHECK(story.datesEpochKnown);
    CHECK(story.epochDay == daysSince1970(1942, 6, 4));
    // The story now begins a day earlier: its numbers count from 3 June.
    Story earlier = loaded(R"({"format": "epilogue-story/1", "title": "Example: dates", "lanes": [{"id": "a", "title": "A"}],
        "events": [{"id": "w", "lane": "a", "time": "1942-06-03", "title": "W"},
                   {"id": "x", "lane": "a", "time": "1942-06-04T04:30", "title": "X"}]})");
    moveSidecarTimesToStory(earlier, story, options);
    CHECK(*options.rangeStart == 86400);
    CHECK(*options.rangeEnd == 2 * 86400);
    CHECK(*options.time == 86400 + 3600);
    // An epoch that is not a date is refused, as any other malformed value.
    CommandLine untouched;
    CHECK_FALSE(readSidecar(R"({"story": {"file": "/s.json"}, "time": {"kind": "dates", "epoch": "June"},
        "playhead": 0, "view": {"start": 0, "end": 1}, "size": {"width": 640, "height": 360, "scale": 1}})",
                            "shot.png.json", {}, untouched, story, error));
    CHECK(error == "shot.png.json: not a screenshot sidecar: time.epoch must be a date such as \"1942-06-04\"");
}
