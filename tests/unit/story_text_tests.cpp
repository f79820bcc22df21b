// The story's shared text: strings viewed in the file or copied into blocks, NUL-terminated, and kept
// alive by every copy of the story that views them.
#include "story/story_loader.h"
#include "story/story_text.h"

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

using namespace epilogue;

TEST_CASE("story strings are copies, followed by a NUL, and never move as more are added") {
    StoryTextBuilder builder(16);
    std::string source = "first";
    const StoryString first = builder.add(source);
    source = "changed";  // the string was copied, not viewed
    CHECK(first == "first");
    CHECK(std::strlen(first.c_str()) == first.size());
    // Past the first block's room: a new block is started, the earlier string stays where it was.
    const char* before = first.data();
    const std::string longer(100000, 'x');
    const StoryString second = builder.add(longer);
    const StoryString third = builder.add("third");
    CHECK(first.data() == before);
    CHECK(first == "first");
    CHECK(second == longer);
    CHECK(second.c_str()[second.size()] == '\0');
    CHECK(third == "third");
    const auto text = builder.finish();
    CHECK(text->blocks.size() >= 2);
}

TEST_CASE("a large block keeps its strings when the room it did not use is given back") {
    StoryTextBuilder builder(8 * 1024 * 1024);  // large enough to be mapped
    std::vector<StoryString> strings;
    std::vector<std::string> expected;
    for (int i = 0; i < 20000; ++i) {
        expected.push_back("string number " + std::to_string(i));
        strings.push_back(builder.add(expected.back()));
    }
    const auto text = builder.finish();
    REQUIRE(text->blocks.size() == 1);
    CHECK(text->blocks[0].size() < 8u * 1024 * 1024);  // trimmed to what was used
    CHECK(text->blocks[0].size() >= 20000u * 15);
    int wrong = 0;
    for (std::size_t i = 0; i < strings.size(); ++i) wrong += strings[i] != expected[i];
    CHECK(wrong == 0);
}

TEST_CASE("an empty story string is an empty C string") {
    StoryTextBuilder builder;
    const StoryString empty = builder.add("");
    CHECK(empty.empty());
    CHECK(std::string(empty.c_str()).empty());
    CHECK(StoryString().c_str()[0] == '\0');
}

TEST_CASE("a copy of a story keeps its strings after the original is gone") {
    const std::string text = R"({"format": "epilogue-story/1", "title": "Two lives",
        "lanes": [{"id": "real", "title": "What happened"}],
        "events": [{"id": "meet", "lane": "real", "time": 1, "title": "They meet",
                    "quotes": [{"speaker": "Mia", "words": "Hello \"there\""}]}]})";
    Story copy;
    {
        StoryLoadResult loaded = parseStory(text, "two.json");
        REQUIRE(loaded.ok());
        copy = loaded.story;
    }
    REQUIRE(copy.events.size() == 1);
    CHECK(copy.title == "Two lives");
    CHECK(copy.lanes[0].title == "What happened");
    CHECK(copy.events[0].title == "They meet");
    CHECK(copy.events[0].quotes[0].words == "Hello \"there\"");
    CHECK(copy.findEvent("meet") == 0);
}
