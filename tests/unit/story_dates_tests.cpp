// Tier 1 (pure logic): stories in dates: times and eras given as ISO 8601 text load as seconds since the
// story's own epoch day (so that minutes in 1942 and ten millennia both hold), and impossible dates, mixed
// kinds of time and unreadable text are errors at their file:line:col saying what is wrong.
#include "story/story_loader.h"
#include "story/text_position.h"
#include "timeline/time_format.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

namespace {

// A story of the Battle of Midway's first morning, to the minute; each test changes one thing in it.
const std::string kDated = R"({
  "$schema": "https://example.org/epilogue-story.schema.json",
  "format": "epilogue-story/1",
  "title": "Example: a morning",
  "eras": [{"name": "Morning", "start": "1942-06-04T04:00", "end": "1942-06-04T12:00"}],
  "lanes": [
    {"id": "real", "title": "What happened"},
    {"id": "dream", "title": "What if", "kind": "dream", "forks_from": "launch", "rejoins_at": "noon"}
  ],
  "events": [
    {"id": "launch", "lane": "real", "time": "1942-06-04T04:30", "title": "Launch"},
    {"id": "sighting", "lane": "real", "time": "1942-06-04T05:34:10", "title": "Sighting"},
    {"id": "early", "lane": "dream", "time": "1942-06-04T05:00", "title": "Early strike"},
    {"id": "noon", "lane": "real", "time": "1942-06-04T11:59", "title": "Noon"}
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test setup: '" << from << "' not in the story");
    return text.replace(at, from.size(), to);
}

void checkError(const std::string& text, const std::string& anchor, const std::string& message) {
    const StoryLoadResult result = parseStory(text, "dated.json");
    REQUIRE_FALSE(result.ok());
    const StoryError& error = result.errors.front();
    INFO(error.toString());
    const TextPosition expected = textPositionOf(text, text.find(anchor));
    CHECK(error.line == expected.line);
    CHECK(error.column == expected.column);
    CHECK(error.message == message);
}

const Event& eventNamed(const Story& story, const char* id) {
    return story.events[static_cast<std::size_t>(story.findEvent(id))];
}

}  // namespace

TEST_CASE("a story in dates counts its times in seconds from the day of its earliest time") {
    const StoryLoadResult result = parseStory(kDated, "dated.json");
    for (const StoryError& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    const Story& story = result.story;
    CHECK(story.calendar);
    CHECK(story.epochDay == daysSince1970(1942, 6, 4));
    CHECK(eventNamed(story, "launch").time == 4 * 3600 + 30 * 60);
    CHECK(eventNamed(story, "sighting").time == 5 * 3600 + 34 * 60 + 10);
    CHECK(eventNamed(story, "sighting").datePrecision == DatePrecision::Second);
    CHECK(eventNamed(story, "launch").datePrecision == DatePrecision::Minute);
    CHECK(story.eras[0].start == 4 * 3600);
    CHECK(story.eras[0].end == 12 * 3600);
    CHECK(story.startTime == 4 * 3600);
    CHECK(story.endTime == 12 * 3600);
    CHECK(std::string(formatEventTime(story, eventNamed(story, "sighting")).c_str()) == "4 June 1942, 05:34:10");
    CHECK(std::string(formatEventNotation(story, eventNamed(story, "launch")).c_str()) == "1942-06-04T04:30");
    // Each lane's times, kept beside its events for the layout's searches, are moved with them.
    for (const Lane& lane : story.lanes) {
        REQUIRE(lane.times.size() == lane.events.size());
        for (std::size_t i = 0; i < lane.events.size(); ++i) {
            CHECK(lane.times[i] == story.events[static_cast<std::size_t>(lane.events[i])].time);
        }
    }
}

TEST_CASE("minutes in 1942 and ten millennia both load (the spread check sees times from the story's epoch)") {
    // Seconds since 1970 would put these minutes near -8.7e8 s, where the loader asks for a spread of 870 s.
    const std::string minutes = replaced(replaced(kDated, R"("end": "1942-06-04T12:00")", R"("end": "1942-06-04T05:35")"),
                                         R"("time": "1942-06-04T11:59")", R"("time": "1942-06-04T05:35")");
    const std::string close = replaced(replaced(minutes, R"("start": "1942-06-04T04:00")", R"("start": "1942-06-04T05:34")"),
                                       R"("time": "1942-06-04T04:30")", R"("time": "1942-06-04T05:34")");
    const std::string seconds = replaced(replaced(close, R"("1942-06-04T05:00")", R"("1942-06-04T05:34:30")"),
                                         R"("sighting", "lane": "real", "time": "1942-06-04T05:34:10")",
                                         R"("sighting", "lane": "real", "time": "1942-06-04T05:34:01")");
    const StoryLoadResult near = parseStory(seconds, "dated.json");
    for (const StoryError& error : near.errors) INFO(error.toString());
    CHECK(near.ok());

    const std::string deep = replaced(replaced(kDated, R"("start": "1942-06-04T04:00")", R"("start": "-9999")"),
                                      R"("time": "1942-06-04T11:59")", R"("time": "9999-12-31T23:59:59")");
    const StoryLoadResult wide = parseStory(replaced(deep, R"("end": "1942-06-04T12:00")", R"("end": "9000")"), "deep.json");
    for (const StoryError& error : wide.errors) INFO(error.toString());
    REQUIRE(wide.ok());
    CHECK(wide.story.epochDay == daysSince1970(-9999, 1, 1));
    CHECK(wide.story.startTime == 0);
    CHECK(std::string(formatEventTime(wide.story, eventNamed(wide.story, "noon")).c_str()) == "31 December 9999, 23:59:59");
}

TEST_CASE("an impossible date, a mixed story and unreadable text are errors at their place") {
    checkError(replaced(kDated, R"("1942-06-04T05:00")", R"("1942-02-30")"), R"("1942-02-30")",
               "event \"early\": field \"time\": \"1942-02-30\" is not a date: February 1942 has 28 days");
    checkError(replaced(kDated, R"("1942-06-04T05:00")", R"("1942-13")"), R"("1942-13")",
               "event \"early\": field \"time\": \"1942-13\" is not a date: there is no month 13 (months run from 01 to 12)");
    checkError(replaced(kDated, R"("1942-06-04T05:00")", R"("June 4th")"), R"("June 4th")",
               "event \"early\": field \"time\": \"June 4th\" is not a date; write it as in ISO 8601: \"1942\", "
               "\"1942-06\", \"1942-06-04\", \"1942-06-04T09:30\" or \"1942-06-04T09:30:15\"");
    checkError(replaced(kDated, R"("1942-06-04T05:00")", "18000"), "18000",
               "event \"early\": field \"time\" is a number, but the story's first time (line 5, column 41) is a date; "
               "one story uses one kind of time");
    checkError(replaced(kDated, R"("1942-06-04T05:00")", "true"), "true",
               "event \"early\": field \"time\" must be a number or a date (ISO 8601 text such as \"1942-06-04\"), not true or false");
    checkError(replaced(kDated, R"("end": "1942-06-04T12:00")", R"("end": "1942-06-04T12:00Z")"), R"("1942-06-04T12:00Z")",
               "eras[0]: field \"end\": \"1942-06-04T12:00Z\" has a time zone; a story's times are its own local times, "
               "written without one");
}

TEST_CASE("errors about order write the times as dates") {
    checkError(replaced(kDated, R"("1942-06-04T05:34:10")", R"("1942-06-04T04:10")"), R"("1942-06-04T04:10")",
               "event \"sighting\": at time 1942-06-04T04:10, before \"launch\" (time 1942-06-04T04:30) listed earlier "
               "in lane \"real\"");
    checkError(replaced(kDated, R"("end": "1942-06-04T12:00")", R"("end": "1942-06-03")"), R"("1942-06-03")",
               "era \"Morning\": ends at 1942-06-03, not after its start 1942-06-04T04:00");
}

TEST_CASE("\"$schema\" is a known field of the story; it must be text") {
    CHECK(parseStory(kDated, "dated.json").ok());
    checkError(replaced(kDated, R"("$schema": "https://example.org/epilogue-story.schema.json")", R"("$schema": 1)"),
               R"(1,)", "story: field \"$schema\" must be a string, not a number");
}

TEST_CASE("a story whose dated events all share one moment loads") {
    const StoryLoadResult result = parseStory(R"({"format": "epilogue-story/1", "title": "Example: one moment",
        "lanes": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
        "events": [{"id": "x", "lane": "a", "time": "1942-06-04", "title": "X"},
                   {"id": "y", "lane": "b", "time": "1942-06-04T00:00:00", "title": "Y"}]})",
                                              "one.json");
    for (const StoryError& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    CHECK(result.story.startTime == 0);
    CHECK(result.story.endTime == 0);
}

TEST_CASE("a fork event whose time cannot be read gives that one error, not others about the lane's order") {
    const std::string text = replaced(kDated, R"("time": "1942-06-04T04:30")", R"("time": 16200)");
    const StoryLoadResult result = parseStory(text, "dated.json");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message.find("is a number, but the story's first time") != std::string::npos);
}
