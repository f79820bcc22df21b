// Tier 1 (pure logic): every input in the fuzzing corpora (grown by scripts/fuzz.sh) replays without a
// crash: every story of tests/fuzz/corpus loads to a whole story or to errors with positions, and every
// sidecar of tests/fuzz/sidecar-corpus is refused with a message or gives options within the limits. Run
// under the sanitizers too.
#include "app/restore.h"
#include "story/number_limits.h"
#include "story/story_loader.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace epilogue;

TEST_CASE("the fuzzing corpus replays without a crash") {
    std::size_t inputs = 0, valid = 0;
    for (const auto& entry : std::filesystem::directory_iterator(EPILOGUE_FUZZ_CORPUS_DIR)) {
        std::ifstream file(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        const StoryLoadResult result = parseStory(text.str(), entry.path().filename().string());
        INFO(entry.path().filename().string());
        if (result.ok()) {
            ++valid;
            CHECK_FALSE(result.story.events.empty());
        } else {
            CHECK(result.story.events.empty());  // never half-loaded
            for (const StoryError& error : result.errors) CHECK_FALSE(error.message.empty());
        }
        ++inputs;
    }
    CHECK(inputs >= 10);
    CHECK(valid >= 2);  // the La La Land story and the format's example at least
}

TEST_CASE("the sidecar fuzzing corpus replays without a crash, and what it accepts is within the limits") {
    std::size_t inputs = 0, valid = 0;
    for (const auto& entry : std::filesystem::directory_iterator(EPILOGUE_SIDECAR_CORPUS_DIR)) {
        std::ifstream file(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << file.rdbuf();
        INFO(entry.path().filename().string());
        CommandLine options;
        SidecarStory story;
        std::string error;
        if (readSidecar(text.str(), entry.path().filename().string(), options.given, options, story, error)) {
            ++valid;
            CHECK(checkImageSize(options.width, options.height, options.scale).empty());
            REQUIRE((options.rangeStart && options.rangeEnd));
            CHECK(checkViewRange(*options.rangeStart, *options.rangeEnd).empty());
            CHECK((!options.time || checkViewTime(*options.time).empty()));
            CHECK(checkAnimationTime(options.animationTime).empty());
        } else {
            CHECK_FALSE(error.empty());
            CHECK(error.size() < 400);  // a message, never an echo of the file
        }
        ++inputs;
    }
    CHECK(inputs >= 20);
    CHECK(valid >= 2);  // a real sidecar at least, and its minimal form
}
