// Tier 1 (pure logic): the story loader accepts valid stories whole and rejects each kind of broken one
// with the file, line, column and problem.
#include "story/number_limits.h"
#include "story/source_hash.h"
#include "story/story_generator.h"
#include "story/story_loader.h"
#include "story/text_position.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace epilogue;

namespace {

// A small valid story; each test breaks one thing in it.
const std::string kValid = R"({
  "format": "epilogue-story/1",
  "title": "Two lives",
  "source": {"title": "An article"},
  "eras": [{"name": "Then", "start": 0, "end": 10}, {"name": "Now", "start": 10, "end": 20}],
  "lanes": [
    {"id": "dream", "title": "What if", "kind": "dream", "forks_from": "meet", "rejoins_at": "end"},
    {"id": "real", "title": "What happened"}
  ],
  "events": [
    {"id": "meet", "lane": "real", "time": 1, "title": "They meet",
     "quotes": [{"speaker": "A", "words": "Hello"}],
     "commentary": [{"text": "It begins.", "attribution": "the article"}]},
    {"id": "kiss", "lane": "dream", "time": 3, "title": "They kiss"},
    {"id": "paris", "lane": "dream", "time": 12, "title": "Paris"},
    {"id": "apart", "lane": "real", "time": 12, "title": "Apart"},
    {"id": "end", "lane": "real", "time": 18, "title": "The end"}
  ],
  "pairs": [["meet", "kiss"], ["apart", "paris"]]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test setup: '" << from << "' not in the story");
    return text.replace(at, from.size(), to);
}

StoryLoadResult load(const std::string& text) { return parseStory(text, "two.json"); }

// The one error a broken story must produce: its kind, words its message contains, and its position,
// which must be the start of `anchor` in the text (its last occurrence when `lastAnchor`).
void checkSingleError(const std::string& text, StoryErrorKind kind, const std::string& anchor,
                      const std::string& words, bool lastAnchor = false) {
    const StoryLoadResult result = load(text);
    CHECK_FALSE(result.ok());
    REQUIRE(result.errors.size() >= 1);
    const StoryError& error = result.errors.front();
    INFO("error: " << error.toString());
    CHECK(error.kind == kind);
    CHECK(error.file == "two.json");
    const std::size_t offset = lastAnchor ? text.rfind(anchor) : text.find(anchor);
    REQUIRE_MESSAGE(offset != std::string::npos, "test setup: anchor '" << anchor << "' not in the text");
    const TextPosition expected = textPositionOf(text, offset);
    CHECK(error.line == expected.line);
    CHECK(error.column == expected.column);
    CHECK(error.message.find(words) != std::string::npos);
    CHECK(result.story.events.empty());  // never half-loaded
}

// The one error of `result` is a syntax error located at the first NUL byte of `text`.
void checkSyntaxErrorAtNul(const StoryLoadResult& result, const std::string& text) {
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].kind == StoryErrorKind::Syntax);
    const TextPosition at = textPositionOf(text, text.find('\0'));
    CHECK(result.errors[0].line == at.line);
    CHECK(result.errors[0].column == at.column);
}

}  // namespace

TEST_CASE("a valid story loads whole") {
    const StoryLoadResult result = load(kValid);
    for (const auto& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    const Story& story = result.story;
    CHECK(story.title == "Two lives");
    CHECK(story.source.title == "An article");
    REQUIRE(story.lanes.size() == 2);
    REQUIRE(story.events.size() == 5);
    CHECK(story.eras.size() == 2);
    const Lane& dream = story.lanes[0];
    CHECK(dream.kind == LaneKind::Dream);
    CHECK(story.events[static_cast<std::size_t>(dream.forkEvent)].id == "meet");
    CHECK(story.events[static_cast<std::size_t>(dream.rejoinEvent)].id == "end");
    CHECK(story.parentLane(0) == 1);
    CHECK(story.parentLane(1) == kNone);
    CHECK(dream.events.size() == 2);
    const Event& meet = story.events[0];
    REQUIRE(meet.quotes.size() == 1);
    CHECK(meet.quotes[0].words == "Hello");
    REQUIRE(meet.commentary.size() == 1);
    CHECK(meet.commentary[0].attribution == "the article");
    REQUIRE(meet.counterparts.size() == 1);
    CHECK(story.events[static_cast<std::size_t>(meet.counterparts[0])].id == "kiss");
    CHECK(story.startTime == 0);
    CHECK(story.endTime == 20);
    CHECK(story.eraAt(10) == 1);
    CHECK(story.eraAt(20) == 1);
    CHECK(story.eraAt(25) == kNone);
}

TEST_CASE("malformed JSON: the position of the syntax error") {
    const std::string text = replaced(kValid, R"("title": "They kiss"})", R"("title": "They kiss",})");
    const auto result = load(text);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].kind == StoryErrorKind::Syntax);
    const TextPosition brace = textPositionOf(text, text.find(",}") + 1);  // where a key was expected
    CHECK(result.errors[0].line == brace.line);
    CHECK(result.errors[0].column == brace.column);
    CHECK(result.errors[0].toString() ==
          "two.json:14:69: syntax error while parsing object key - unexpected '}'; expected string literal");
}

TEST_CASE("a missing field is reported at the object that lacks it") {
    checkSingleError(replaced(kValid, R"("title": "Paris")", R"("summary": "Paris")"), StoryErrorKind::MissingField,
                     R"({"id": "paris")", "event \"paris\": missing field \"title\"");
}

TEST_CASE("a wrong-typed field is reported at its value") {
    checkSingleError(replaced(kValid, R"("time": 12, "title": "Paris")", R"("time": "12", "title": "Paris")"),
                     StoryErrorKind::WrongType, R"("12")",
                     "field \"time\" is a string, but the story's first time (line 5, column 38) is a number");
    checkSingleError(replaced(kValid, R"("time": 12, "title": "Paris")", R"("time": [12], "title": "Paris")"),
                     StoryErrorKind::WrongType, R"([12])",
                     "field \"time\" must be a number or a date (ISO 8601 text such as \"1942-06-04\"), not an array");
}

TEST_CASE("an unknown field is reported at its key (it is usually a typo)") {
    checkSingleError(replaced(kValid, R"("title": "Paris")", R"("title": "Paris", "sumary": "x")"),
                     StoryErrorKind::UnknownField, R"("sumary")", "unknown field \"sumary\"");
}

TEST_CASE("duplicate ids: events and lanes") {
    checkSingleError(replaced(kValid, R"("id": "paris")", R"("id": "kiss")"), StoryErrorKind::DuplicateId,
                     R"("kiss", "lane": "dream", "time": 12)", "event \"kiss\": the id is used by another event");
    checkSingleError(replaced(kValid, R"("id": "real", "title")", R"("id": "dream", "title")"),
                     StoryErrorKind::DuplicateId, R"("dream", "title": "What happened")",
                     "lane \"dream\": the id is used by another lane");
}

TEST_CASE("unknown references: a lane, a fork event, a pair event") {
    checkSingleError(replaced(kValid, R"("lane": "dream", "time": 12)", R"("lane": "dreem", "time": 12)"),
                     StoryErrorKind::UnknownReference, R"("dreem")", "event \"paris\": unknown lane \"dreem\"");
    checkSingleError(replaced(kValid, R"("forks_from": "meet")", R"("forks_from": "mete")"),
                     StoryErrorKind::UnknownReference, R"("mete")", "forks_from names unknown event \"mete\"");
    checkSingleError(replaced(kValid, R"(["apart", "paris"])", R"(["apart", "pariss"])"),
                     StoryErrorKind::UnknownReference, R"("pariss")", "unknown event \"pariss\"");
}

TEST_CASE("a fork or rejoin out of time order with its lane") {
    // The dream's first event before the event it forks from.
    checkSingleError(replaced(kValid, R"("lane": "dream", "time": 3)", R"("lane": "dream", "time": 0.5)"),
                     StoryErrorKind::ForkOrder, R"("meet", "rejoins_at")", "after its first event \"kiss\"");
    // A rejoin at the fork itself.
    checkSingleError(replaced(kValid, R"("rejoins_at": "end")", R"("rejoins_at": "meet")"), StoryErrorKind::ForkOrder,
                     R"("meet"})", "not after it forks");
    // A rejoin before the lane's last event.
    checkSingleError(replaced(kValid, R"("time": 12, "title": "Paris")", R"("time": 19, "title": "Paris")"),
                     StoryErrorKind::ForkOrder, R"("end"})", "before its last event \"paris\"");
}

TEST_CASE("events out of time order within a lane") {
    checkSingleError(replaced(kValid, R"("time": 12, "title": "Apart")", R"("time": 19, "title": "Apart")"),
                     StoryErrorKind::EventOrder, "18, \"title\"",
                     "event \"end\": at time 18, before \"apart\" (time 19) listed earlier in lane \"real\"");
}

TEST_CASE("invalid UTF-8 is reported at the bad byte") {
    checkSingleError(replaced(kValid, "They meet", "They m\xE9" "et"), StoryErrorKind::InvalidUtf8, "\xE9",
                     "invalid UTF-8: byte 0xE9");
}

TEST_CASE("a file over the size limit is refused before parsing") {
    StoryLoadOptions options;
    options.maxBytes = 100;
    const StoryLoadResult result = parseStory(kValid, "two.json", options);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].kind == StoryErrorKind::TooLarge);
    CHECK(result.errors[0].message.find("over the limit of 100 bytes") != std::string::npos);
}

TEST_CASE("empty stories: an empty file, no lanes, no events") {
    const auto emptyFile = load("  \n");
    REQUIRE(emptyFile.errors.size() == 1);
    CHECK(emptyFile.errors[0].kind == StoryErrorKind::Empty);
    checkSingleError(R"({"format": "epilogue-story/1", "title": "t",
  "lanes": [{"id": "a", "title": "A"}], "events": []})",
                     StoryErrorKind::Empty, "[]", "has no events");
    checkSingleError(R"({"format": "epilogue-story/1", "title": "t", "lanes": [], "events": []})", StoryErrorKind::Empty,
                     "[]", "has no lanes");
}

TEST_CASE("other invalid values: format, era order, a pair within one lane, a fork from its own lane") {
    checkSingleError(replaced(kValid, "epilogue-story/1", "epilogue-story/9"), StoryErrorKind::InvalidValue,
                     R"("epilogue-story/9")", "format");
    checkSingleError(replaced(kValid, R"("start": 10, "end": 20)", R"("start": 5, "end": 20)"),
                     StoryErrorKind::EventOrder, "5, \"end\": 20", "before the previous era");
    checkSingleError(replaced(kValid, R"(["meet", "kiss"])", R"(["meet", "apart"])"), StoryErrorKind::InvalidValue,
                     R"(["meet", "apart"])", "same lane");
    checkSingleError(replaced(kValid, R"("forks_from": "meet")", R"("forks_from": "kiss")"),
                     StoryErrorKind::InvalidValue, R"("kiss", "rejoins_at")", "an event of this same lane");
}

TEST_CASE("errors print as file:line:col: message") {
    const auto result = load(replaced(kValid, R"("lane": "dream", "time": 12)", R"("lane": "dreem", "time": 12)"));
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors[0].toString() == "two.json:15:29: event \"paris\": unknown lane \"dreem\"");
}
TEST_CASE("a story whose events come before its lanes reads the same") {
    const std::string lanes = kValid.substr(kValid.find("  \"lanes\""), kValid.find("  \"events\"") - kValid.find("  \"lanes\""));
    std::string reordered = kValid;
    reordered.erase(reordered.find(lanes), lanes.size());
    reordered.insert(reordered.find("  \"pairs\""), lanes);
    const StoryLoadResult result = load(reordered);
    for (const auto& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    CHECK(result.story.lanes[0].events.size() == 2);
}

TEST_CASE("JSON that is well-formed only in part is rejected: trailing text, a bad literal deep inside") {
    checkSingleError(kValid + "\n{}", StoryErrorKind::Syntax, "{}", "syntax error", true);
    const auto badLiteral = load(replaced(kValid, R"({"speaker": "A", "words": "Hello"})", R"({"speaker": "A", "words": tru})"));
    REQUIRE(badLiteral.errors.size() == 1);
    CHECK(badLiteral.errors[0].kind == StoryErrorKind::Syntax);
    CHECK(badLiteral.errors[0].line == 12);
}

TEST_CASE("a story's strings, viewed in the text it was read from or copied when escaped, each end in a NUL") {
    const StoryLoadResult result =
        load(replaced(replaced(kValid, R"("title": "Paris")", R"("title": "Paris \"la nuit\"")"), "They meet", "They \u006Deet"));
    for (const auto& error : result.errors) INFO(error.toString());
    REQUIRE(result.ok());
    const Story& story = result.story;
    CHECK(story.events[2].title == "Paris \"la nuit\"");
    CHECK(story.events[0].title == "They meet");
    std::vector<StoryString> strings = {story.title, story.source.title, story.eras[0].name, story.lanes[0].id,
                                        story.lanes[1].title, story.events[0].quotes[0].words,
                                        story.events[0].commentary[0].attribution};
    for (const Event& event : story.events) strings.insert(strings.end(), {event.id, event.title});
    for (const StoryString& text : strings) {
        CHECK(std::string(text.c_str()) == std::string(text.view()));  // a NUL right after, none before
    }
    // The hash is of the bytes as read, before any string's NUL was written into them.
    const std::string valid = kValid;
    CHECK(load(valid).story.sourceHash == hashBytes(valid));
}

TEST_CASE("malformed JSON after strings were read is located in the text as it was written") {
    // The strings before the error end in NULs written over their closing quotes; the locator must see the
    // quotes, as it does in a file that held a NUL byte of its own.
    const std::string late = replaced(kValid, R"("pairs": [["meet", "kiss"])", R"("pairs": [["meet" "kiss"])");
    const auto result = load(late);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].kind == StoryErrorKind::Syntax);
    CHECK(result.errors[0].toString() ==
          "two.json:19:26: syntax error while parsing array - unexpected string literal; expected ']'");
    std::string withNul = replaced(kValid, R"(, "title": "The end"})", std::string(R"(, "title": "The end"})") + '\0');
    checkSyntaxErrorAtNul(load(withNul), withNul);
}

TEST_CASE("strings: escapes are unescaped, raw control characters are refused") {
    const auto escaped = load(replaced(kValid, R"("title": "Paris")", R"("title": "Par\u00EDs \"\u2764\"\n")"));
    REQUIRE(escaped.ok());
    CHECK(escaped.story.events[2].title == "Par\xC3\xADs \"\xE2\x9D\xA4\"\n");
    const auto raw = load(replaced(kValid, R"("title": "Paris")", "\"title\": \"Pa\tris\""));
    REQUIRE(raw.errors.size() == 1);
    CHECK(raw.errors[0].kind == StoryErrorKind::Syntax);
    CHECK(raw.errors[0].line == 15);
}

TEST_CASE("strings: an escape or a control character is found wherever it sits in a long string") {
    // Strings are scanned eight bytes at a time; put the escape and the tab at every offset of a block.
    const std::string words = "abcdefghijklmnopqrstuvwxyz0123";
    for (std::size_t at = 0; at <= words.size(); ++at) {
        INFO("at offset " << at);
        const std::string before = words.substr(0, at), after = words.substr(at);
        const auto escaped = load(replaced(kValid, R"("title": "Paris")", "\"title\": \"" + before + "\\\"" + after + "\""));
        REQUIRE(escaped.ok());
        CHECK(escaped.story.events[2].title == before + "\"" + after);
        const auto raw = load(replaced(kValid, R"("title": "Paris")", "\"title\": \"" + before + "\t" + after + "\""));
        REQUIRE(raw.errors.size() == 1);
        CHECK(raw.errors[0].kind == StoryErrorKind::Syntax);
        const auto utf8 = load(replaced(kValid, R"("title": "Paris")", "\"title\": \"" + before + "\xC3\xA9" + after + "\""));
        REQUIRE(utf8.ok());
        CHECK(utf8.story.events[2].title == before + "\xC3\xA9" + after);
    }
}

TEST_CASE("several problems are all reported, in file order") {
    std::string text = replaced(kValid, R"("title": "They kiss")", R"("title": 5)");
    text = replaced(text, R"("lane": "dream", "time": 12)", R"("lane": "dreem", "time": 12)");
    const auto result = load(text);
    REQUIRE(result.errors.size() == 2);
    CHECK(result.errors[0].line == 14);
    CHECK(result.errors[1].line == 15);
}

TEST_CASE("a file that does not exist, or is a directory") {
    const auto missing = loadStoryFile("/nonexistent/story.json");
    REQUIRE(missing.errors.size() == 1);
    CHECK(missing.errors[0].kind == StoryErrorKind::Io);
    CHECK(missing.errors[0].toString() == "/nonexistent/story.json: cannot open the file: No such file or directory");
    const auto directory = loadStoryFile("/tmp");
    REQUIRE(directory.errors.size() == 1);
    CHECK(directory.errors[0].kind == StoryErrorKind::Io);
}

TEST_CASE("a loaded story carries the hash of the bytes it was read from") {
    const StoryLoadResult result = load(kValid);
    REQUIRE(result.ok());
    CHECK(result.story.sourceHash == hashBytes(kValid));
    CHECK(hashText(result.story.sourceHash).size() == 16);
    const StoryLoadResult changed = load(replaced(kValid, "They meet", "They met"));
    REQUIRE(changed.ok());
    CHECK(changed.story.sourceHash != result.story.sourceHash);

    // hashFile reads a file in pieces and agrees with the hash of its whole bytes.
    char name[] = "/tmp/epilogue-hash-XXXXXX";
    const int descriptor = mkstemp(name);
    REQUIRE(descriptor >= 0);
    close(descriptor);
    std::string large;
    while (large.size() < 200000) large += kValid;
    std::ofstream(name, std::ios::binary) << large;
    CHECK(hashFile(name) == hashText(hashBytes(large)));
    CHECK(hashFile("/nonexistent/story.json").empty());
    std::remove(name);
}

TEST_CASE("the loader puts every event in time order, ties in file order") {
    const std::string text = R"({"format": "epilogue-story/1", "title": "Order",
      "lanes": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}],
      "events": [
        {"id": "b1", "lane": "b", "time": 3, "title": "b1"},
        {"id": "b2", "lane": "b", "time": 12, "title": "b2"},
        {"id": "a1", "lane": "a", "time": 1, "title": "a1"},
        {"id": "a2", "lane": "a", "time": 12, "title": "a2"},
        {"id": "a3", "lane": "a", "time": 18, "title": "a3"}]})";
    const StoryLoadResult result = load(text);
    REQUIRE(result.ok());
    std::string order;
    for (EventIndex index : result.story.timeOrder) order += result.story.events[static_cast<std::size_t>(index)].id.str() + " ";
    CHECK(order == "a1 b1 b2 a2 a3 ");
}

TEST_CASE("deeply nested JSON is refused at the level that is too deep, without exhausting the stack") {
    // In an unknown top-level field, and inside an event: both are read into a tree, one level per call.
    // The story's object is the first level, so the 65th level, the first refused, is the 64th bracket of
    // the field and the 62nd of the event's quotes (inside the events array and the event's object).
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const std::pair<std::string, std::size_t> cases[] = {
        {replaced(kValid, R"("title": "Two lives",)", R"("title": "Two lives", "extra": )" + deep + ","), 64},
        {replaced(kValid, R"("title": "Paris")", R"("title": "Paris", "quotes": )" + deep), 62}};
    for (const auto& [text, bracket] : cases) {
        const StoryLoadResult result = load(text);
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].kind == StoryErrorKind::Syntax);
        CHECK(result.errors[0].message.find("nested more than 64 deep") != std::string::npos);
        const std::size_t tooDeep = text.find(std::string(bracket, '[')) + bracket - 1;
        const TextPosition expected = textPositionOf(text, tooDeep);
        CHECK(result.errors[0].line == expected.line);
        CHECK(result.errors[0].column == expected.column);
    }
    // Nesting up to the limit is read (and then refused for what it is, not for its depth).
    const std::string allowed = std::string(60, '[') + std::string(60, ']');
    const StoryLoadResult shallow =
        load(replaced(kValid, R"("title": "Two lives",)", R"("title": "Two lives", "extra": )" + allowed + ","));
    REQUIRE(shallow.errors.size() == 1);
    CHECK(shallow.errors[0].kind == StoryErrorKind::UnknownField);
}

TEST_CASE("a large story (hashed and scanned beside the parser's first pass, read in parts) loads whole") {
    StoryGeneratorOptions options;
    options.events = 12000;  // over 6 MB: the size from which the loader works on two threads
    const std::string text = generateStory(options);
    REQUIRE(text.size() > (6u << 20));
    char name[] = "/tmp/epilogue-large-XXXXXX";
    const int descriptor = mkstemp(name);
    REQUIRE(descriptor >= 0);
    close(descriptor);
    std::ofstream(name, std::ios::binary) << text;
    for (const StoryLoadResult& result : {parseStory(text, "large.json"), loadStoryFile(name)}) {
        REQUIRE(result.ok());
        CHECK(result.story.events.size() == 12000u);
        CHECK(result.story.sourceHash == hashBytes(text));
        CHECK(result.story.events.back().title == parseStory(text, "large.json").story.events.back().title);
        // The time order (the lanes' lists merged) is every event by time, ties in file order.
        std::vector<EventIndex> sorted(result.story.events.size());
        for (std::size_t i = 0; i < sorted.size(); ++i) sorted[i] = static_cast<EventIndex>(i);
        std::stable_sort(sorted.begin(), sorted.end(), [&](EventIndex a, EventIndex b) {
            return result.story.events[static_cast<std::size_t>(a)].time < result.story.events[static_cast<std::size_t>(b)].time;
        });
        CHECK(result.story.timeOrder == sorted);
    }
    std::remove(name);
    // A NUL byte before the last event: the strings read before it are copied, and the error is located there.
    std::string withNul = text;
    withNul.insert(withNul.rfind("\n    {\"id\""), 1, '\0');
    checkSyntaxErrorAtNul(parseStory(withNul, "large.json"), withNul);
}

TEST_CASE("a story file rewritten in place while it loads gives a story or errors, never a crash") {
    // An editor that saves in place truncates the file and writes it again; the window may be reloading it
    // at that moment. The loader reads the file into its own memory, so the worst it can see is a part of
    // the file (reported as errors). A mapped file would have raised SIGBUS here.
    // A small file is read in one piece; one of 4 MiB or more in two halves at once (input_file.h).
    for (const auto& [events, loads] : {std::pair{4000, 200}, std::pair{9000, 40}}) {
        char name[] = "/tmp/epilogue-rewritten-XXXXXX";
        const int descriptor = mkstemp(name);
        REQUIRE(descriptor >= 0);
        close(descriptor);
        StoryGeneratorOptions options;
        options.events = events;
        const std::string text = generateStory(options);
        if (events == 9000) REQUIRE(text.size() > (4u << 20));
        std::ofstream(name, std::ios::binary) << text;
        std::atomic<bool> done{false};
        std::thread editor([&] {
            while (!done) {
                std::ofstream file(name, std::ios::binary | std::ios::trunc);  // truncates in place
                file.write(text.data(), static_cast<std::streamsize>(text.size() / 2));
                file.flush();
                file.write(text.data() + text.size() / 2, static_cast<std::streamsize>(text.size() - text.size() / 2));
            }
        });
        for (int i = 0; i < loads; ++i) {
            const StoryLoadResult result = loadStoryFile(name);
            if (result.ok()) {
                CHECK(result.story.events.size() == static_cast<std::size_t>(events));  // whole, or not at all
            } else {
                CHECK(result.errors[0].file == name);
                CHECK(result.story.events.empty());
            }
        }
        done = true;
        editor.join();
        std::remove(name);
    }
}

// ---- Hostile input: numbers at and past the limits, long and odd text, files that are not files ---------

TEST_CASE("times beyond the limit of story times are errors at the value, as are NaN-like overflows") {
    checkSingleError(replaced(kValid, R"("time": 18)", R"("time": 9e307)"), StoryErrorKind::InvalidValue, "9e307",
                     "event \"end\": field \"time\" is 9e+307; it must be from -1e+12 to 1e+12");
    checkSingleError(replaced(kValid, R"("time": 1,)", R"("time": -1.5e12,)"), StoryErrorKind::InvalidValue, "-1.5e12",
                     "field \"time\" is -1.5e+12");
    checkSingleError(replaced(kValid, R"("start": 10, "end": 20)", R"("start": 10, "end": 2e12)"),
                     StoryErrorKind::InvalidValue, "2e12", "eras[1]: field \"end\" is 2e+12");
    // At the limits, a story loads.
    std::string edges = replaced(kValid, R"("start": 0, "end": 10})", R"("start": -1e12, "end": 10})");
    edges = replaced(edges, R"("start": 10, "end": 20})", R"("start": 10, "end": 1e12})");
    const StoryLoadResult atLimits = load(edges);
    for (const auto& error : atLimits.errors) INFO(error.toString());
    REQUIRE(atLimits.ok());
    CHECK(atLimits.story.startTime == -1e12);
    CHECK(atLimits.story.endTime == 1e12);
}

namespace {

// A story of one lane and three events at these times (as written in JSON).
std::string threeEvents(const std::string& a, const std::string& b, const std::string& c) {
    return R"({"format": "epilogue-story/1", "title": "Three", "lanes": [{"id": "a", "title": "A"}],
      "events": [{"id": "e1", "lane": "a", "time": )" + a + R"(, "title": "one"},
                 {"id": "e2", "lane": "a", "time": )" + b + R"(, "title": "two"},
                 {"id": "e3", "lane": "a", "time": )" + c + R"(, "title": "three"}]})";
}

}  // namespace

TEST_CASE("a story whose times are too close to tell apart is an error at the time farthest from 0") {
    checkSingleError(threeEvents("0", "1e-20", "2e-20"), StoryErrorKind::InvalidValue, "2e-20",
                     "story: the times span only 2e-20");
    checkSingleError(threeEvents("-3e-9", "1e-9", "2e-9"), StoryErrorKind::InvalidValue, "-3e-9", "span only 5e-09");
    // Far from 0, the spread must be a millionth of the largest time.
    checkSingleError(threeEvents("999999000000", "999999000000.5", "999999000001"), StoryErrorKind::InvalidValue,
                     "999999000001", "they must all be equal or span at least 999999");
    // All at one time, or spread widely enough: fine, near 0 and at the limit.
    for (const std::string& text : {threeEvents("0", "0", "0"), threeEvents("1e12", "1e12", "1e12"),
                                    threeEvents("0", "1e-6", "2e-6"), threeEvents("999999000000", "999999999999", "1e12"),
                                    threeEvents("-1e12", "0", "1e12")}) {
        const StoryLoadResult result = load(text);
        INFO(text);
        for (const auto& error : result.errors) INFO(error.toString());
        CHECK(result.ok());
    }
}

TEST_CASE("a pair listed twice is an error at the second listing, naming the first") {
    checkSingleError(replaced(kValid, R"("pairs": [["meet", "kiss"], )", R"("pairs": [["meet", "kiss"], ["kiss", "meet"], )"),
                     StoryErrorKind::InvalidValue, R"(["kiss", "meet"])",
                     "pairs[1]: \"kiss\" and \"meet\" are paired already, by pairs[0]");
    const StoryLoadResult fifty = load(replaced(kValid, R"(["apart", "paris"])", R"(["apart", "paris"], ["apart", "paris"])"));
    REQUIRE(fifty.errors.size() == 1);
}

TEST_CASE("when errors stop being collected, the result says so") {
    std::string events;
    for (int i = 0; i < 400; ++i) {
        events += std::string(i ? ", " : "") + R"({"id": "e)" + std::to_string(i) + R"(", "lane": "nowhere", "time": 1, "title": "t"})";
    }
    const std::string text = R"({"format": "epilogue-story/1", "title": "Many", "lanes": [{"id": "a", "title": "A"}],
      "events": [)" + events + "]}";
    const StoryLoadResult many = load(text);
    CHECK(many.errors.size() == StoryLoadOptions{}.maxErrors);
    CHECK(many.truncated);
    StoryLoadOptions all;
    all.maxErrors = 400;
    const StoryLoadResult counted = parseStory(text, "many.json", all);
    CHECK(counted.errors.size() == 400);
    CHECK_FALSE(counted.truncated);
    // Exactly as many errors as the limit: nothing left out.
    all.maxErrors = 401;
    CHECK_FALSE(parseStory(text, "many.json", all).truncated);
    const StoryLoadResult one = load(replaced(kValid, R"("lane": "dream", "time": 12)", R"("lane": "dreem", "time": 12)"));
    CHECK_FALSE(one.truncated);
}

TEST_CASE("past the most errors listed, the rest of a broken file is not read (millions of broken items cost nothing)") {
    std::string lanes;
    for (int i = 0; i < 1000; ++i) lanes += std::string(i ? "," : "") + "0";
    // A broken tail after the broken items: it is never reached, so it is never reported.
    const std::string text = R"({"format": "epilogue-story/1", "title": "Broken", "lanes": [)" + lanes + "], \"events\": [ ! ]}";
    const StoryLoadResult broken = load(text);
    CHECK(broken.truncated);
    REQUIRE(broken.errors.size() == StoryLoadOptions{}.maxErrors);
    CHECK(broken.errors.front().message == "lanes[0] must be an object, not a number");
    CHECK(broken.errors.back().message == "lanes[49] must be an object, not a number");
}

TEST_CASE("errors escape control characters from the file, and quote long names and text in short") {
    const auto result = load(replaced(kValid, R"("lane": "dream", "time": 12)", R"("lane": "d\u001b[2J\u0007", "time": 12)"));
    REQUIRE_FALSE(result.ok());
    CHECK(result.errors[0].toString() == "two.json:15:29: event \"paris\": unknown lane \"d\\u001b[2J\\u0007\"");
    // A file name with a control character in it is escaped too.
    StoryError error{StoryErrorKind::Io, "a\nb.json", 0, 0, "cannot open the file: \x1b[31m"};
    CHECK(error.toString() == "a\\u000ab.json: cannot open the file: \\u001b[31m");
    // A lane id of 100,000 characters is quoted as a short excerpt.
    const auto longId = load(replaced(kValid, R"("lane": "dream", "time": 12)", R"("lane": ")" + std::string(100000, 'x') + R"(", "time": 12)"));
    REQUIRE_FALSE(longId.ok());
    CHECK(longId.errors[0].message.size() < 200);
    // A syntax error quotes at most a short excerpt of what it read: an unterminated string of a megabyte...
    const auto open = load(replaced(kValid, R"("title": "Paris"})", "\"title\": \"" + std::string(1 << 20, 'y')));
    REQUIRE(open.errors.size() == 1);
    CHECK(open.errors[0].kind == StoryErrorKind::Syntax);
    CHECK(open.errors[0].message.size() < 200);
    // ... and a file that is not JSON at all (a password file named as a story).
    const auto passwd = load("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
    REQUIRE(passwd.errors.size() == 1);
    CHECK(passwd.errors[0].message.find("daemon") == std::string::npos);
    CHECK(passwd.errors[0].message.size() < 200);
}

TEST_CASE("a story that is not a regular file is refused at once: a FIFO is never waited on, /dev/zero never read") {
    const auto zero = loadStoryFile("/dev/zero");
    REQUIRE(zero.errors.size() == 1);
    CHECK(zero.errors[0].kind == StoryErrorKind::Io);
    CHECK(zero.errors[0].toString() == "/dev/zero: is not a regular file (a character device)");
    const auto directory = loadStoryFile("/tmp");
    REQUIRE(directory.errors.size() == 1);
    CHECK(directory.errors[0].message == "is not a regular file (a directory)");

    char name[] = "/tmp/epilogue-fifo-XXXXXX";
    REQUIRE(mkdtemp(name) != nullptr);
    const std::string fifo = std::string(name) + "/story.json";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::atomic<bool> done{false};
    StoryLoadResult result;
    std::thread loader([&] {
        result = loadStoryFile(fifo);
        done = true;
    });
    for (int i = 0; i < 500 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!done) {
        FAIL_CHECK("loading a FIFO blocked");
        std::ofstream(fifo) << "{}";  // lets the loader go, so that the test ends
    }
    loader.join();
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].toString() == fifo + ": is not a regular file (a FIFO)");
    std::filesystem::remove_all(name);
}

TEST_CASE("names and texts longer than can be shown are errors at their place, up to the limits they load") {
    auto story = [](const std::string& title, const std::string& summary) {
        return "{\"format\": \"epilogue-story/1\", \"title\": \"" + title +
               "\",\n \"lanes\": [{\"id\": \"real\", \"title\": \"What happened\"}],\n"
               " \"events\": [{\"id\": \"a\", \"lane\": \"real\", \"time\": 0, \"title\": \"A\", \"summary\": \"" +
               summary + "\"}]}";
    };
    CHECK(parseStory(story(std::string(limits::kMaxNameBytes, 'T'), std::string(limits::kMaxTextBytes, 's')), "x.json").ok());
    const StoryLoadResult longTitle = parseStory(story(std::string(limits::kMaxNameBytes + 1, 'T'), "s"), "x.json");
    REQUIRE(longTitle.errors.size() == 1);
    CHECK(longTitle.errors[0].line == 1);
    CHECK(longTitle.errors[0].message.find("field \"title\" is 1001 bytes long; at most 1000 are shown") != std::string::npos);
    const StoryLoadResult longSummary = parseStory(story("T", std::string(limits::kMaxTextBytes + 1, 's')), "x.json");
    REQUIRE(longSummary.errors.size() == 1);
    CHECK(longSummary.errors[0].line == 3);
    CHECK(longSummary.errors[0].message.find("\"summary\" is 10001 bytes long") != std::string::npos);
}

TEST_CASE("a passage's words and commentary's text may be long as texts, its speaker and attribution are names") {
    auto story = [](const std::string& words, const std::string& speaker) {
        return "{\"format\": \"epilogue-story/1\", \"title\": \"T\", \"lanes\": [{\"id\": \"real\", \"title\": \"R\"}],"
               " \"events\": [{\"id\": \"a\", \"lane\": \"real\", \"time\": 0, \"title\": \"A\","
               " \"quotes\": [{\"speaker\": \"" + speaker + "\", \"words\": \"" + words + "\"}],"
               " \"commentary\": [{\"text\": \"" + words + "\", \"attribution\": \"" + speaker + "\"}]}]}";
    };
    CHECK(parseStory(story(std::string(5000, 'w'), "Mia"), "x.json").ok());
    const StoryLoadResult longSpeaker = parseStory(story("w", std::string(1001, 'S')), "x.json");
    REQUIRE(longSpeaker.errors.size() == 2);  // the speaker and the attribution
    CHECK(longSpeaker.errors[0].message.find("\"speaker\" is 1001 bytes long") != std::string::npos);
    CHECK(longSpeaker.errors[1].message.find("\"attribution\" is 1001 bytes long") != std::string::npos);
}
