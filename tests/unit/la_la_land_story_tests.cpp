// Tier 1 (pure logic): the default story is valid, holds every event the design lists, forks at the
// restaurant and rejoins at the final notes, and quotes its source word for word.
#include "story/story_loader.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace epilogue;

namespace {

std::string readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

const Event& eventNamed(const Story& story, const std::string& id) {
    const EventIndex index = story.findEvent(id);
    REQUIRE_MESSAGE(index != kNone, "no event " << id);
    return story.events[static_cast<std::size_t>(index)];
}

}  // namespace

TEST_CASE("the La La Land story") {
    const StoryLoadResult result = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    for (const auto& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    const Story& story = result.story;

    SUBCASE("two lanes: what happened, and the dream that forks at the restaurant and rejoins at the final notes") {
        REQUIRE(story.lanes.size() == 2);
        const Lane& real = story.lanes[static_cast<std::size_t>(story.findLane("real"))];
        const Lane& dream = story.lanes[static_cast<std::size_t>(story.findLane("dream"))];
        CHECK(real.title == "What happened");
        CHECK(dream.title == "What if");
        CHECK(dream.kind == LaneKind::Dream);
        CHECK(story.events[static_cast<std::size_t>(dream.forkEvent)].id == "restaurant");
        CHECK(story.events[static_cast<std::size_t>(dream.rejoinEvent)].id == "final-notes");
        CHECK(real.events.size() == 10);
        CHECK(dream.events.size() == 6);
    }

    SUBCASE("the film's seasons are the eras") {
        REQUIRE(story.eras.size() == 6);
        const char* names[] = {"Winter", "Spring", "Summer", "Fall", "Winter", "Five Years Later"};
        for (std::size_t i = 0; i < 6; ++i) CHECK(story.eras[i].name == names[i]);
        CHECK(story.eraAt(eventNamed(story, "restaurant").time) == 0);
        CHECK(story.eraAt(eventNamed(story, "keith-band").time) == 2);
        CHECK(story.eraAt(eventNamed(story, "audition").time) == 4);
        CHECK(story.eraAt(eventNamed(story, "welcome").time) == 5);
    }

    SUBCASE("paired moments know each other") {
        const char* pairs[][2] = {{"restaurant", "kiss"}, {"separate-ways", "paris"}, {"night-out", "same-jazz-bar"}};
        for (const auto& pair : pairs) {
            const Event& a = eventNamed(story, pair[0]);
            REQUIRE(a.counterparts.size() == 1);
            CHECK(story.events[static_cast<std::size_t>(a.counterparts[0])].id == pair[1]);
        }
    }

    SUBCASE("every quote and every commentary is word for word in the source article") {
        const std::string article = readFile(EPILOGUE_ASSETS_DIR "/stories/sources/la-la-land-ending-explained.txt");
        REQUIRE(article.size() > 4000);
        std::size_t quoted = 0;
        for (const Event& event : story.events) {
            for (const Quote& quote : event.quotes) {
                INFO(event.id << ": " << quote.words);
                CHECK(article.find(quote.words) != std::string::npos);
                ++quoted;
            }
            for (const Commentary& note : event.commentary) {
                INFO(event.id << ": " << note.text);
                CHECK(article.find(note.text) != std::string::npos);
                CHECK_FALSE(note.attribution.empty());
                ++quoted;
            }
        }
        CHECK(quoted >= 25);
    }

    SUBCASE("the dream's commentary is the article's whole sentences, not scraps of them") {
        const std::string article = readFile(EPILOGUE_ASSETS_DIR "/stories/sources/la-la-land-ending-explained.txt");
        const Lane& dream = story.lanes[static_cast<std::size_t>(story.findLane("dream"))];
        for (const EventIndex index : dream.events) {
            const Event& event = story.events[static_cast<std::size_t>(index)];
            REQUIRE_FALSE(event.commentary.empty());
            for (const Commentary& note : event.commentary) {
                const std::string text = note.text.str();
                INFO(event.id << ": " << text);
                const std::size_t at = article.find(text);
                REQUIRE(at != std::string::npos);
                // It starts a sentence (a paragraph's start, or after a full stop and a space)...
                const bool startsSentence = at == 0 || article[at - 1] == '\n' ||
                                            (at >= 2 && article[at - 1] == ' ' && std::string(".?!").find(article[at - 2]) != std::string::npos);
                CHECK(startsSentence);
                // ...and ends one.
                CHECK(std::string(".?!").find(text.back()) != std::string::npos);
            }
        }
    }
}
