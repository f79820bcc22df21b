// Tier 1 (pure logic): story times written for people, with the story's unit.
#include "story/story_loader.h"
#include "timeline/time_format.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

namespace {

Story storyWithUnit(const char* unit) {
    std::string text = R"({"format": "epilogue-story/1", "title": "Example", )";
    if (unit) text += std::string(R"("time_unit": ")") + unit + R"(", )";
    text += R"("lanes": [{"id": "a", "title": "A"}], "events": [{"id": "e", "lane": "a", "time": 0, "title": "E"}]})";
    StoryLoadResult loaded = parseStory(text, "example.json");
    REQUIRE(loaded.ok());
    return std::move(loaded.story);
}

std::string str(const TimeText& text) { return text.c_str(); }

}  // namespace

TEST_CASE("decimals follow the step: none from 1 up, as many as tell its multiples apart below") {
    CHECK(decimalsForStep(10) == 0);
    CHECK(decimalsForStep(1) == 0);
    CHECK(decimalsForStep(0.5) == 1);
    CHECK(decimalsForStep(0.2) == 1);
    CHECK(decimalsForStep(0.1) == 1);
    CHECK(decimalsForStep(0.05) == 2);
    CHECK(decimalsForStep(0.001) == 3);
    CHECK(decimalsForStep(2e-6) == 6);
    CHECK(decimalsForStep(0) == 0);
    CHECK(decimalsForStep(-1) == 0);
}

TEST_CASE("numbers are written with the asked decimals and never as -0") {
    CHECK(str(formatTimeNumber(47, 0)) == "47");
    CHECK(str(formatTimeNumber(47.25, 2)) == "47.25");
    CHECK(str(formatTimeNumber(47, 1)) == "47.0");
    CHECK(str(formatTimeNumber(-10, 0)) == "-10");
    CHECK(str(formatTimeNumber(-0.0001, 2)) == "0.00");
    CHECK(str(formatTimeNumber(-0.4, 0)) == "0");
    CHECK(str(formatTimeNumber(1e12, 12)).size() < sizeof(TimeText{}.text));
}

TEST_CASE("times carry the story's unit, or read \"time N\" when it names none") {
    const Story plain = storyWithUnit(nullptr);
    CHECK(str(formatStoryTime(plain, 47, 1)) == "time 47.0");
    CHECK(str(formatEventTime(plain, 47)) == "time 47");
    CHECK(str(formatEventTime(plain, 12.25)) == "time 12.25");
    CHECK(str(formatEventTime(plain, 1e9)) == "time 1000000000");
    const Story minutes = storyWithUnit("min");
    CHECK(str(formatStoryTime(minutes, 47.5, 1)) == "47.5 min");
    CHECK(str(formatEventTime(minutes, 3)) == "3 min");
    // The longest unit and the longest number still fit whole.
    const std::string longest(limits::kMaxTimeUnitBytes, 'u');
    const Story longUnit = storyWithUnit(longest.c_str());
    const std::string written = str(formatStoryTime(longUnit, -1e12, 12));
    CHECK(written == "-1000000000000.000000000000 " + longest);
}

TEST_CASE("a time unit longer than its limit is an error naming the field and the limit") {
    const std::string tooLong(limits::kMaxTimeUnitBytes + 1, 'u');
    const std::string text = R"({"format": "epilogue-story/1", "title": "Example", "time_unit": ")" + tooLong +
                             R"(", "lanes": [{"id": "a", "title": "A"}], "events": [{"id": "e", "lane": "a", "time": 0, "title": "E"}]})";
    const StoryLoadResult loaded = parseStory(text, "example.json");
    REQUIRE_FALSE(loaded.ok());
    const std::string message = loaded.errors.front().toString();
    CHECK(message.find("example.json:1:") == 0);
    CHECK(message.find("time_unit") != std::string::npos);
    CHECK(message.find("40") != std::string::npos);
}
