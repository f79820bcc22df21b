// Tier 1 (pure logic): the limits every number that enters the program is checked against
// (story/number_limits.h), and the text helpers every message built from outside text goes through
// (story/terminal_text.h).
#include "story/number_limits.h"
#include "story/terminal_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace epilogue;

namespace {

const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("numbers: NaN and infinities are refused by every check") {
    for (double bad : {kNan, kInf, -kInf}) {
        CHECK_FALSE(checkStoryTime(bad).empty());
        CHECK_FALSE(checkViewTime(bad).empty());
        CHECK_FALSE(checkLogicalSize(bad).empty());
        CHECK_FALSE(checkScale(bad).empty());
        CHECK_FALSE(checkSpeed(bad).empty());
        CHECK_FALSE(checkFps(bad).empty());
        CHECK_FALSE(checkDuration(bad).empty());
        CHECK_FALSE(checkAnimationTime(bad).empty());
        CHECK_FALSE(checkStorySpan(0, bad).empty());
        CHECK_FALSE(checkViewRange(bad, 1).empty());
        CHECK_FALSE(checkImageSize(100, 100, bad).empty());
    }
    CHECK(checkScale(kNan) == "is nan, not a number");
    CHECK(checkScale(0) == "is 0; it must be from 0.5 to 8");
    CHECK(checkScale(-kInf) == "is -inf; it must be from 0.5 to 8");
}

TEST_CASE("numbers: the limits' edges are inside, the next values outside") {
    CHECK(checkStoryTime(1e12).empty());
    CHECK(checkStoryTime(-1e12).empty());
    CHECK(checkStoryTime(9e307) == "is 9e+307; it must be from -1e+12 to 1e+12");
    CHECK_FALSE(checkStoryTime(std::nextafter(1e12, 2e12)).empty());
    CHECK(checkLogicalSize(16).empty());
    CHECK(checkLogicalSize(16384).empty());
    CHECK_FALSE(checkLogicalSize(15).empty());
    CHECK_FALSE(checkLogicalSize(16385).empty());
    CHECK(checkLogicalSize(-100) == "is -100; it must be from 16 to 16384");
    CHECK(checkLogicalSize(100.5) == "is 100.5, not a whole number");
    CHECK(checkScale(0.5).empty());
    CHECK(checkScale(8).empty());
    CHECK_FALSE(checkScale(1e30).empty());
    CHECK(checkSpeed(0.05).empty());
    CHECK(checkSpeed(20).empty());
    CHECK_FALSE(checkSpeed(-5).empty());
    CHECK_FALSE(checkSpeed(1e308).empty());
    CHECK(checkFps(240).empty());
    CHECK_FALSE(checkFps(0).empty());
    CHECK(checkDuration(3600).empty());
    CHECK_FALSE(checkDuration(0).empty());
    CHECK(checkAnimationTime(0).empty());
    CHECK_FALSE(checkAnimationTime(-1).empty());
}

TEST_CASE("numbers: an image is at most 16384 pixels on a side, whatever its size and scale") {
    CHECK(checkImageSize(1280, 720, 8).empty());
    CHECK(checkImageSize(16384, 16384, 1).empty());
    CHECK(checkImageSize(2048, 16, 8).empty());
    CHECK(checkImageSize(16384, 720, 2) ==
          "16384x720 at scale 2 makes an image of 32768x1440 pixels; each side must be at most 16384");
    CHECK_FALSE(checkImageSize(-100, 720, 1).empty());
    CHECK_FALSE(checkImageSize(1280, 720, 1000).empty());
}

TEST_CASE("numbers: a story's times are all equal or span a millionth of their magnitude") {
    CHECK(checkStorySpan(0, 0).empty());
    CHECK(checkStorySpan(1e12, 1e12).empty());  // every event at one time
    CHECK(checkStorySpan(0, 1e-6).empty());      // near 0: at least 1e-6
    CHECK_FALSE(checkStorySpan(0, 1e-20).empty());
    CHECK(checkStorySpan(1e12 - 1e6, 1e12).empty());  // far from 0: a millionth of the largest time
    CHECK_FALSE(checkStorySpan(1e12 - 1e5, 1e12).empty());
    CHECK(checkStorySpan(-1e12, 1e12).empty());
    CHECK(minimumStorySpan(-2e6, 1) == doctest::Approx(2));
    CHECK(checkStorySpan(0, 1e-20).find("span only 1e-20") != std::string::npos);
}

TEST_CASE("numbers: a visible range starts before it ends and is wide enough to draw") {
    CHECK(checkViewRange(0, 20).empty());
    CHECK(checkViewRange(-1e15, 1e15).empty());
    CHECK_FALSE(checkViewRange(20, 0).empty());
    CHECK_FALSE(checkViewRange(5, 5).empty());
    CHECK_FALSE(checkViewRange(-kInf, kInf).empty());
    CHECK_FALSE(checkViewRange(1, std::nextafter(1.0, 2.0)).empty());
    CHECK(checkViewRange(0, 1e-10).empty());
    // The deepest zoom of the narrowest story is allowed (1/2000 of its span).
    CHECK(checkViewRange(1e12, 1e12 + minimumStorySpan(1e12, 1e12) / 2000).empty());
    CHECK(checkViewTime(1e15).empty());
    CHECK_FALSE(checkViewTime(1.1e15).empty());
}

TEST_CASE("numbers: messages write numbers so that they read back the same") {
    CHECK(formatNumber(0.1) == "0.1");
    CHECK(formatNumber(16384) == "16384");
    CHECK(formatNumber(1e12) == "1e+12");
    CHECK(formatNumber(1.0000000000000002) == "1.0000000000000002");
    CHECK(formatNumber(kNan) == "nan");
    CHECK(formatNumber(-kInf) == "-inf");
}

TEST_CASE("terminal text: control characters and bytes that are not UTF-8 are escaped, the rest kept") {
    CHECK(escapeForTerminal("plain text, \\ and \"quotes\"") == "plain text, \\ and \"quotes\"");
    CHECK(escapeForTerminal("a\x1b[2Jb") == "a\\u001b[2Jb");
    CHECK(escapeForTerminal(std::string("nul\0here", 8)) == "nul\\u0000here");
    CHECK(escapeForTerminal("tab\tnew\nline\r\x7f") == "tab\\u0009new\\u000aline\\u000d\\u007f");
    CHECK(escapeForTerminal("\xc2\x9b" "31m") == "\\u009b31m");  // C1 CSI
    CHECK(escapeForTerminal("caf\xc3\xa9 \xe2\x9d\xa4 \xf0\x9f\x8e\xb9 \xd7\xa9\xd7\x9c") == "caf\xc3\xa9 \xe2\x9d\xa4 \xf0\x9f\x8e\xb9 \xd7\xa9\xd7\x9c");
    CHECK(escapeForTerminal("bad \xff byte") == "bad \\xFF byte");
    CHECK(escapeForTerminal("cut \xe2\x9d") == "cut \\xE2\\x9D");
    CHECK(escapeForTerminal("overlong \xc0\xaf") == "overlong \\xC0\\xAF");
    CHECK(escapeForTerminal("surrogate \xed\xa0\x80") == "surrogate \\xED\\xA0\\x80");
}

TEST_CASE("terminal text: an excerpt is cut on a character boundary") {
    CHECK(excerpt("short", 40) == "short");
    CHECK(excerpt(std::string(100, 'a'), 40) == std::string(40, 'a') + "...");
    CHECK(excerpt("\xe2\x9d\xa4\xe2\x9d\xa4", 4) == "\xe2\x9d\xa4...");  // not inside the second heart
}

TEST_CASE("terminal text: edit distance, and a list of the nearest names") {
    CHECK(editDistance("kitten", "sitting") == 3);
    CHECK(editDistance("", "abc") == 3);
    CHECK(editDistance("abc", "") == 3);
    CHECK(editDistance("kiss", "kiss") == 0);
    CHECK(editDistance("kis", "kiss") == 1);
    CHECK(editDistance("paris", "pairs") == 2);
    CHECK(editDistance(std::string(64, 'a'), std::string(64, 'a')) == 0);
    CHECK(editDistance(std::string(64, 'a'), std::string(64, 'b')) == 64);

    const std::vector<std::string_view> names = {"paris", "kiss", "restaurant", "kissed", "final-notes"};
    CHECK(nearestNames("kis", names, 2) == "\"kiss\", \"paris\", and 3 more");  // ties in the order given
    CHECK(nearestNames("kis", names, 10) == "\"kiss\", \"paris\", \"kissed\", \"restaurant\", \"final-notes\"");
    std::vector<std::string> many;
    for (int i = 0; i < 100000; ++i) many.push_back("event-" + std::to_string(i));
    const std::vector<std::string_view> views(many.begin(), many.end());
    const std::string list = nearestNames("event-4242", views);
    CHECK(list.find("\"event-4242\"") == 0);
    CHECK(list.find(", and 99990 more") != std::string::npos);
    CHECK(list.size() < 400);
    // Odd names are escaped and cut short.
    const std::string odd = "\x1b[2J" + std::string(500, 'y');
    CHECK(nearestNames("x", {odd}) == "\"\\u001b[2J" + std::string(60, 'y') + "...\"");
}
