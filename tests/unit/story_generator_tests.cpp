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
