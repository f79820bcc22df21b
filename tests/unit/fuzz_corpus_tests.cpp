// Tier 1 (pure logic): every input in the fuzzing corpus (tests/fuzz/corpus, grown by scripts/fuzz.sh)
// loads to a whole story or to errors with positions, without crashing. Run under the sanitizers too.
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
