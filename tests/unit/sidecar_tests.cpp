// Tier 1 (pure logic): --restore reads a sidecar's text into the command line's options, and refuses
// anything a command line would refuse (story/number_limits.h): a sidecar can make the program do nothing
// its flags could not.
#include "app/restore.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace epilogue;

namespace {

// A sidecar as screenshots write it (the parts --restore reads, and some it does not).
nlohmann::json sidecar() {
    return nlohmann::json::parse(R"({
      "story": {"file": "/stories/two.json", "hash": "0123456789abcdef", "title": "Two lives"},
      "playhead": 12, "view": {"start": -1.5, "end": 20.5},
      "size": {"width": 640, "height": 360, "scale": 2},
      "selection": "kiss", "ui": true, "reduced_motion": false, "animation_time": 4.5,
      "events": [{"id": "kiss", "rect": {"x": 1, "y": 2, "width": 14, "height": 14}}]
    })");
}

struct Restored {
    bool ok = false;
    CommandLine options;
    SidecarStory story;
    std::string error;
};

Restored restore(const std::string& text, const ExplicitFlags& given = {}) {
    Restored result;
    result.ok = readSidecar(text, "shot.png.json", given, result.options, result.story, result.error);
    return result;
}

// The error a sidecar with `change` made to it gives (it must give one).
std::string refusal(void (*change)(nlohmann::json&)) {
    nlohmann::json json = sidecar();
    change(json);
    const Restored result = restore(json.dump());
    CHECK_FALSE(result.ok);
    CHECK(result.options.storyPath.empty());  // nothing applied
    return result.error;
}

}  // namespace

TEST_CASE("sidecars: a screenshot's sidecar gives back its view, size, scale, selection and clock") {
    const Restored result = restore(sidecar().dump());
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.options.storyPath == "/stories/two.json");
    CHECK(result.story.path == "/stories/two.json");
    CHECK(result.story.hash == "0123456789abcdef");
    CHECK(result.story.used);
    CHECK(result.options.time == 12);
    CHECK(result.options.rangeStart == -1.5);
    CHECK(result.options.rangeEnd == 20.5);
    CHECK(result.options.width == 640);
    CHECK(result.options.height == 360);
    CHECK(result.options.scale == 2);
    CHECK(result.options.selectEvent == "kiss");
    CHECK_FALSE(result.options.noUi);
    CHECK(result.options.animationTime == 4.5f);
}

TEST_CASE("sidecars: flags given explicitly win") {
    ExplicitFlags given;
    given.story = given.size = given.scale = given.select = true;
    CommandLine options;
    options.storyPath = "mine.json";
    options.width = 100;
    options.height = 50;
    options.scale = 1;
    options.selectEvent = "paris";
    SidecarStory story;
    std::string error;
    REQUIRE(readSidecar(sidecar().dump(), "shot.png.json", given, options, story, error));
    CHECK(options.storyPath == "mine.json");
    CHECK_FALSE(story.used);
    CHECK(options.width == 100);
    CHECK(options.scale == 1);
    CHECK(options.selectEvent == "paris");
    // The image the flags and the sidecar make together is checked too: 16384 wide at the sidecar's scale 2.
    given.scale = false;
    options.width = 16384;
    CHECK_FALSE(readSidecar(sidecar().dump(), "shot.png.json", given, options, story, error));
    CHECK(error.find("makes an image of 32768x100 pixels") != std::string::npos);
}

TEST_CASE("sidecars: sizes and scales out of the limits are refused, not rendered") {
    CHECK(refusal([](nlohmann::json& j) { j["size"]["width"] = -100; }) ==
          "shot.png.json: size.width is -100; it must be from 16 to 16384");
    CHECK(refusal([](nlohmann::json& j) { j["size"]["width"] = 1e12; }) ==
          "shot.png.json: size.width is 1e+12; it must be from 16 to 16384");
    CHECK(refusal([](nlohmann::json& j) { j["size"]["scale"] = 0; }) ==
          "shot.png.json: size.scale is 0; it must be from 0.5 to 8");
    CHECK(refusal([](nlohmann::json& j) { j["size"]["scale"] = -2; }).find("size.scale is -2") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["size"]["scale"] = 1e30; }).find("size.scale is 1e+30") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["size"]["scale"] = 1000; }).find("size.scale is 1000") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["size"]["width"] = 16384; }).find("each side must be at most 16384") !=
          std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["size"]["height"] = 360.5; }).find("not a whole number") != std::string::npos);
}

TEST_CASE("sidecars: times, ranges and the clock out of the limits are refused") {
    CHECK(refusal([](nlohmann::json& j) { j["playhead"] = 1e300; }).find("playhead is 1e+300") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["view"]["start"] = 30; }).find("view starts at 30, not before its end") !=
          std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["view"] = {{"start", 1}, {"end", 1.0000000000000002}}; })
              .find("view spans only") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["animation_time"] = -1; }).find("animation_time is -1") != std::string::npos);
    // NaN, infinities and numbers too large for a double are not JSON, or overflow: refused by the parser.
    for (const char* number : {"NaN", "-Infinity", "1e400"}) {
        std::string text = sidecar().dump();
        text.replace(text.find("\"playhead\":12"), 13, std::string("\"playhead\":") + number);
        const Restored result = restore(text);
        INFO(number << ": " << result.error);
        CHECK_FALSE(result.ok);
        CHECK(result.error.rfind("shot.png.json:", 0) == 0);
    }
}

TEST_CASE("sidecars: wrong types, missing parts, and what is not a sidecar at all") {
    CHECK(refusal([](nlohmann::json& j) { j["playhead"] = "nope"; }) ==
          "shot.png.json: not a screenshot sidecar: playhead must be a number");
    CHECK(refusal([](nlohmann::json& j) { j.erase("view"); }).find("view.start must be a number") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["size"] = {640, 360}; }).find("size.width must be a number") !=
          std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["story"] = "x"; }).find("story.file must be the story's path") !=
          std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["story"]["file"] = ""; }).find("story.file") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["story"]["file"] = std::string("a\0b", 3); }).find("story.file") !=
          std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["ui"] = "yes"; }).find("ui must be true or false") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["selection"] = 7; }).find("selection must be an event id") != std::string::npos);
    CHECK(refusal([](nlohmann::json& j) { j["story"]["hash"] = 7; }).find("story.hash must be a string") !=
          std::string::npos);

    CHECK(restore("[1, 2]").error == "shot.png.json: not a screenshot sidecar: it must be a JSON object");
    CHECK(restore("").error.rfind("shot.png.json:1:1: syntax error", 0) == 0);
    CHECK(restore("{\"playhead\": 3,\n \"view\": }").error.rfind("shot.png.json:2:10: syntax error", 0) == 0);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(restore(deep).error == "shot.png.json: not a screenshot sidecar: arrays and objects nested more than 64 deep");
    // A file that is not JSON is not quoted at length: at most a short excerpt of it.
    const std::string passwd = "root" + std::string(5000, 'x') + ":0:0:root:/root:/bin/bash\n";
    const Restored notJson = restore(passwd);
    CHECK(notJson.error.size() < 200);
    CHECK(notJson.error.find("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx") == std::string::npos);
}

TEST_CASE("sidecars: a null selection selects nothing; absent optional parts keep the options") {
    nlohmann::json json = sidecar();
    json["selection"] = nullptr;
    json.erase("animation_time");
    json.erase("ui");
    const Restored result = restore(json.dump());
    REQUIRE(result.ok);
    CHECK(result.options.selectEvent.empty());
    CHECK(result.options.animationTime == CommandLine{}.animationTime);
}

// (A FIFO: tests/unit/input_file_tests.cpp, and the CLI test restore-not-regular, both guarded against hanging.)
TEST_CASE("sidecars: the file is read only when it is a regular file") {
    CommandLine options;
    SidecarStory story;
    std::string error;
    CHECK_FALSE(applySidecar("/dev/zero", {}, options, story, error));
    CHECK(error == "/dev/zero: is not a regular file (a character device)");
    CHECK_FALSE(applySidecar("/nonexistent/shot.png.json", {}, options, story, error));
    CHECK(error == "/nonexistent/shot.png.json: cannot open the file: No such file or directory");
}
