// Searching events by text: the gathered search answers exactly what matching each event one by one
// answers, in time order, and follows a story that was replaced; case and composed characters are
// folded in every script.
#include "story/story_generator.h"
#include "story/story_loader.h"
#include "text/search_folding.h"
#include "timeline/event_search.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
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

TEST_CASE("folding for search: Unicode case folding and composed characters") {
    CHECK(foldedForSearch("STRASSE") == foldedForSearch("Straße"));
    CHECK(foldedForSearch("Straße") == "strasse");
    CHECK(foldedForSearch("\u03A8\u03A5\u03A7\u0389") == foldedForSearch("\u03A8\u03C5\u03C7\u03AE"));  // ΨΥΧΉ, Ψυχή
    CHECK(foldedForSearch("Caf\u00E9") == foldedForSearch("Cafe\u0301"));  // é composed and decomposed
    CHECK(foldedForSearch("\u041C\u041E\u0421\u041A\u0412\u0410") == "\u043C\u043E\u0441\u043A\u0432\u0430");  // МОСКВА
    CHECK(foldedForSearch("\u6771\u4EAC") == "\u6771\u4EAC");  // 東京 has no case: as it is
    CHECK(foldedForSearch("Mixed ASCII") == "mixed ascii");
    CHECK(foldedForSearch("bad \xFF byte") == "bad \xFF byte");  // not UTF-8: ASCII folded, the rest kept
}

TEST_CASE("the search finds events across scripts and forms") {
    const Story story = loaded(R"({"format": "epilogue-story/1", "title": "Scripts",
      "lanes": [{"id": "real", "title": "Real"}],
      "events": [{"id": "street", "lane": "real", "time": 1, "title": "Die Straße"},
                 {"id": "soul", "lane": "real", "time": 2, "title": "\u03A8\u03C5\u03C7\u03AE"},
                 {"id": "cafe", "lane": "real", "time": 3, "title": "Cafe\u0301 de Flore"},
                 {"id": "tokyo", "lane": "real", "time": 4, "title": "\u6771\u4EAC\u3078"}]})");
    EventSearch search;
    for (const auto& [query, expected] : std::vector<std::pair<std::string, std::vector<EventIndex>>>{
             {"STRASSE", {0}},
             {"straße", {0}},
             {"\u03A8\u03A5\u03A7\u0389", {1}},  // ΨΥΧΉ
             {"CAF\u00C9", {2}},                    // CAFÉ, composed, finds the decomposed "Café"
             {"caf\u00E9 de", {2}},
             {"\u6771\u4EAC", {3}},
             {"cafe de", {}},                        // an accent is not dropped: "cafe" is another word
         }) {
        INFO("query: \"" << query << "\"");
        CHECK(search.update(story, query) == expected);
        CHECK(oneByOne(story, query) == expected);
    }
}
