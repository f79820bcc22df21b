// Tier 1 (pure logic): the synthetic stories of the benchmark are valid, as large as asked, and the same
// every time for the same seed.
#include "story/story_generator.h"
#include "story/story_loader.h"

#include <doctest/doctest.h>

using namespace epilogue;

TEST_CASE("generated stories validate, with the events and lanes asked for") {
    for (int lanes : {1, 2, 3, 6, 9}) {
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const std::string text = generateStory({500, lanes, seed});
            const StoryLoadResult result = parseStory(text, "generated.json");
            INFO("lanes " << lanes << ", seed " << seed);
            for (const auto& error : result.errors) INFO(error.toString());
            REQUIRE(result.ok());
            CHECK(result.story.events.size() == 500);
            CHECK(result.story.lanes.size() == static_cast<std::size_t>(lanes));
            for (std::size_t lane = 1; lane < result.story.lanes.size(); ++lane) {
                CHECK(result.story.lanes[lane].forkEvent != kNone);
                CHECK(result.story.lanes[lane].rejoinEvent != kNone);
            }
            const Event& some = result.story.events[123];
            CHECK_FALSE(some.summary.empty());
            REQUIRE(some.commentary.size() == 1);
            CHECK(some.commentary[0].text.size() > 100);  // commentary of a realistic length
        }
    }
}

TEST_CASE("the generator is deterministic") {
    CHECK(generateStory({300, 4, 7}) == generateStory({300, 4, 7}));
    CHECK(generateStory({300, 4, 7}) != generateStory({300, 4, 8}));
}

TEST_CASE("a Japanese story has the English one's shape, in kana and kanji") {
    const StoryLoadResult english = parseStory(generateStory({500, 5, 3}), "english.json");
    const StoryLoadResult japanese =
        parseStory(generateStory({500, 5, 3, GeneratedLanguage::Japanese}), "japanese.json");
    for (const auto& error : japanese.errors) INFO(error.toString());
    REQUIRE(english.ok());
    REQUIRE(japanese.ok());
    REQUIRE(japanese.story.events.size() == english.story.events.size());
    CHECK(japanese.story.lanes.size() == english.story.lanes.size());
    CHECK(japanese.story.eras.size() == english.story.eras.size());
    for (std::size_t i = 0; i < english.story.events.size(); i += 37) {
        const Event& e = english.story.events[i];
        const Event& j = japanese.story.events[i];
        CHECK(j.time == e.time);
        CHECK(j.lane == e.lane);
        CHECK_FALSE(j.title.empty());
        CHECK(j.title.view().find(' ') == std::string_view::npos);          // no spaces between Japanese words
        CHECK(static_cast<unsigned char>(j.title.view()[0]) >= 0xE3);  // kana or kanji (U+3000 on), not Latin
        CHECK(j.summary.size() > 3);
        CHECK(j.summary.view().substr(j.summary.size() - 3) == "\u3002");  // 。
    }
    CHECK(generateStory({300, 4, 7, GeneratedLanguage::Japanese}) == generateStory({300, 4, 7, GeneratedLanguage::Japanese}));
}
