// Tier 1 (pure logic): text is cut only between grapheme clusters, and text that does not fit is shortened
// with an ellipsis there: in the lane headers, the canvas labels and the title block of the frame plan.
#include "story/story_loader.h"
#include "text/grapheme_breaks.h"
#include "timeline/frame_plan.h"
#include "timeline/text_shortening.h"
#include "fixed_width_measurer.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace epilogue;
using testing::FixedWidthMeasurer;

namespace {

std::vector<std::uint32_t> boundaries(std::string_view text) {
    std::vector<std::uint32_t> found;
    findGraphemeBoundaries(text, found);
    return found;
}

using Bounds = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("grapheme boundaries: accents, syllables, emoji sequences and flags stay whole") {
    CHECK(boundaries("") == Bounds{0});
    CHECK(boundaries("ab") == Bounds{0, 1, 2});
    CHECK(boundaries("e\u0301x") == Bounds{0, 3, 4});                            // e + combining acute, x
    CHECK(boundaries("\u1100\u1161\u11A8") == Bounds{0, 9});                     // a Hangul syllable in jamo
    CHECK(boundaries("\u0937\u093F\u0915") == Bounds{0, 6, 9});                  // Devanagari ṣi, ka
    CHECK(boundaries("\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA") == Bounds{0, 8, 16});  // two flags
    CHECK(boundaries("\U0001F3C3\u200D\u2640\uFE0F!") == Bounds{0, 13, 14});    // woman running: one cluster
    CHECK(boundaries("\U0001F44D\U0001F3FD") == Bounds{0, 8});                  // thumbs up, medium skin tone
    CHECK(boundaries("a\r\nb") == Bounds{0, 1, 3, 4});
    CHECK(boundaries("a\xFF" "b") == Bounds{0, 1, 2, 3});                       // a stray byte is its own
}

TEST_CASE("text that fits is kept whole; text that does not ends in an ellipsis at a grapheme boundary") {
    // The stand-in measures 7 pixels a byte: the ellipsis (3 bytes) is 21 pixels.
    const FixedWidthMeasurer measurer;
    TextShortener shortener;
    const std::string name = "Run 2b: a run inside the storm";

    const ShortenedText whole = shortener.fit(measurer, TextStyle::Body, name, 7.0f * static_cast<float>(name.size()));
    CHECK_FALSE(whole.shortened);
    CHECK(whole.bytes == name.size());
    CHECK(whole.width == doctest::Approx(7.0f * static_cast<float>(name.size())));
    CHECK(whole.height == 15);

    const ShortenedText cut = shortener.fit(measurer, TextStyle::Body, name, 100);
    CHECK(cut.shortened);
    CHECK(std::string(cut.shown(name)) == "Run 2b: a r");
    CHECK(cut.width == doctest::Approx(7 * 11 + 21));
    CHECK(cut.width <= 100);

    // A cut that would end in a space ends on the word before it.
    const ShortenedText atSpace = shortener.fit(measurer, TextStyle::Body, name, 91);
    CHECK(std::string(atSpace.shown(name)) == "Run 2b: a");
    CHECK(atSpace.width == doctest::Approx(7 * 9 + 21));

    // Never inside a cluster: three accented e's, each three bytes, in room for four bytes and the ellipsis.
    const std::string accents = "e\u0301e\u0301e\u0301";
    CHECK(shortener.fit(measurer, TextStyle::Body, accents, 21 + 28).bytes == 3);
    const std::string flags = "\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA\U0001F1EF\U0001F1F5";
    CHECK(shortener.fit(measurer, TextStyle::Body, flags, 21 + 7 * 12).bytes == 8);

    // No room even for one character: a lone ellipsis says something is there.
    const ShortenedText none = shortener.fit(measurer, TextStyle::Body, name, 10);
    CHECK(none.shortened);
    CHECK(none.bytes == 0);
    CHECK(none.width == 21);
}

TEST_CASE("the frame plan shortens a long lane name and a long event title instead of cutting or hiding them") {
    const std::string longLane = "Run 2b: a run inside the storm that goes on and on";
    const std::string longTitle = "An event whose title is far longer than any label on the canvas may ever be, "
                                  "running on for a whole paragraph of words";
    StoryLoadResult loaded = parseStory(R"({"format": "epilogue-story/1", "title": "Long words",
      "lanes": [{"id": "real", "title": ")" + longLane + R"("}],
      "events": [{"id": "long", "lane": "real", "time": 1, "title": ")" + longTitle + R"("},
                 {"id": "short", "lane": "real", "time": 9, "title": "Short"}]})", "long.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    ViewState state;
    const LayoutStyle style;
    state.view = fitStory(story, screenLayout(1600, 900, true).canvas, style.laneHeaderWidth);
    FramePlanner planner;
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());

    REQUIRE(plan.laneHeaders.size() == 1);
    const LaneHeaderPlan& header = plan.laneHeaders[0];
    CHECK(header.name.shortened);
    CHECK(header.name.bytes > 0);
    CHECK(longLane.compare(0, header.name.bytes, std::string(header.name.shown(longLane))) == 0);
    CHECK(header.pill.width <= style.laneHeaderWidth - 10);
    CHECK(header.pill.width == doctest::Approx(header.name.width + 16));

    const EventIndex longEvent = story.findEvent("long");
    const EventLabelPlan* label = nullptr;
    for (const EventLabelPlan& candidate : plan.labels) {
        if (candidate.event == longEvent) label = &candidate;
    }
    REQUIRE(label != nullptr);  // shown, shortened: not hidden for room
    CHECK(label->text.shortened);
    CHECK(label->box.width == doctest::Approx(label->text.width));
    CHECK(label->box.width <= kMaxLabelWidth);
    for (const EventLabelPlan& candidate : plan.labels) {
        if (candidate.event != longEvent) CHECK_FALSE(candidate.text.shortened);
    }
}

TEST_CASE("a story title longer than the canvas is shortened in the title block") {
    const std::string longTitle(300, 'T');
    StoryLoadResult loaded = parseStory(R"({"format": "epilogue-story/1", "title": ")" + longTitle + R"(",
      "lanes": [{"id": "real", "title": "Real"}],
      "events": [{"id": "one", "lane": "real", "time": 1, "title": "One"}]})", "title.json");
    REQUIRE(loaded.ok());
    ViewState state;
    state.view = fitStory(loaded.story, screenLayout(1600, 900, true).canvas, LayoutStyle{}.laneHeaderWidth);
    FramePlanner planner;
    const FramePlan& plan = planner.plan(loaded.story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.title.shown);
    CHECK(plan.title.titleText.shortened);
    CHECK(plan.title.bounds.right() < plan.view.canvas.right() - 100);
}

TEST_CASE("shortening measures the whole text and the ellipsis, and each start it tries as it sits in the whole") {
    // A measurer that counts: shaping every start it tries would be a shaping per try.
    struct CountingMeasurer : FixedWidthMeasurer {
        mutable int measured = 0, starts = 0;
        glm::vec2 measure(TextStyle style, std::string_view text) const override {
            ++measured;
            return FixedWidthMeasurer::measure(style, text);
        }
        float measureStart(TextStyle, std::string_view, std::size_t bytes) const override {
            ++starts;
            return 7.0f * static_cast<float>(bytes);
        }
    };
    const CountingMeasurer measurer;
    TextShortener shortener;
    const std::string name = "Run 2b: a run inside the storm";
    const ShortenedText cut = shortener.fit(measurer, TextStyle::Body, name, 100);
    CHECK(std::string(cut.shown(name)) == "Run 2b: a r");
    CHECK(cut.width == doctest::Approx(7 * 11 + 21));
    CHECK(measurer.measured == 2);  // the whole text, the ellipsis
    CHECK(measurer.starts > 0);
    CHECK(measurer.starts <= 6);    // a binary search over 31 boundaries
}
