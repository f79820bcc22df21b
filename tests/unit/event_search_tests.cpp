// Searching events by text: the gathered search answers exactly what matching each event one by one
// answers, in time order, and follows a story that was replaced.
#include "story/story_generator.h"
#include "story/story_loader.h"
#include "timeline/event_search.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace epilogue;

namespace {

// What the search must answer: every event, in time order, that matches on its own.
std::vector<EventIndex> oneByOne(const Story& story, const std::string& query) {
    std::vector<EventIndex> matches;
    for (EventIndex index : story.timeOrder) {
        if (eventMatches(story.events[static_cast<std::size_t>(index)], query)) matches.push_back(index);
    }
    return matches;
}

Story loaded(const std::string& text) {
    StoryLoadResult result = parseStory(text, "story.json");
    REQUIRE(result.ok());
    return std::move(result.story);
}

}  // namespace

TEST_CASE("an event matches on its title, summary or id, ignoring ASCII case") {
    const Story story = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json").story;
    REQUIRE_FALSE(story.events.empty());
    const Event& kiss = story.events[static_cast<std::size_t>(story.findEvent("kiss"))];
    CHECK(eventMatches(kiss, "THE KISS"));           // title
    CHECK(eventMatches(kiss, "instead of barging"));  // summary
    CHECK(eventMatches(kiss, "kis"));                 // id and title
    CHECK(eventMatches(kiss, ""));
    CHECK_FALSE(eventMatches(kiss, "the kiss!"));
}

TEST_CASE("the search answers what matching one event at a time answers, as the query is typed") {
    StoryGeneratorOptions options;
    options.events = 3000;
    const Story story = loaded(generateStory(options));
    EventSearch search;
    for (const std::string query : {"", "p", "pi", "pia", "piano", "pian", "PIANO", "Piano stars", "e1", "l2e",
                                    "zzz", "a", " ", "they.", "night "}) {
        INFO("query: \"" << query << "\"");
        const std::vector<EventIndex> expected = oneByOne(story, query);
        CHECK(search.update(story, query) == expected);
        CHECK(search.update(story, query) == expected);  // asked again: the same answer
    }
    CHECK(search.update(story, "").size() == story.events.size());
}

TEST_CASE("a match never runs from one field or event into the next") {
    const Story story = loaded(R"({"format": "epilogue-story/1", "title": "Fields",
      "lanes": [{"id": "real", "title": "Real"}],
      "events": [{"id": "one", "lane": "real", "time": 1, "title": "ab", "summary": "cd"},
                 {"id": "two", "lane": "real", "time": 2, "title": "ef"}]})");
    EventSearch search;
    CHECK(search.update(story, "abcd").empty());  // title, then summary
    CHECK(search.update(story, "cdone").empty()); // summary, then id
    CHECK(search.update(story, "oneef").empty()); // one event, then the next
    CHECK(search.update(story, std::string("ab\x1F", 3)).empty());
    CHECK(search.update(story, "cd") == std::vector<EventIndex>{0});
    CHECK(search.update(story, "EF") == std::vector<EventIndex>{1});
}

TEST_CASE("the search follows a story replaced in place, as a reload replaces it") {
    StoryGeneratorOptions options;
    options.events = 500;
    Story story = loaded(generateStory(options));
    EventSearch search;
    CHECK(search.update(story, "a") == oneByOne(story, "a"));
    options.events = 40;
    options.seed = 7;
    story = loaded(generateStory(options));  // the same object, now a smaller story
    const std::vector<EventIndex>& afterReload = search.update(story, "a");
    CHECK(afterReload == oneByOne(story, "a"));
    for (EventIndex index : afterReload) CHECK(static_cast<std::size_t>(index) < story.events.size());
    CHECK(search.update(story, "") == story.timeOrder);
}
