// libFuzzer target for the story loader: any bytes at all must give either a whole story or errors,
// never a crash, a hang, a leak or a sanitizer report. Build and run with scripts/fuzz.sh SECONDS.
#include "story/story_loader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    epilogue::StoryLoadOptions options;
    options.maxBytes = 1u << 20;
    const epilogue::StoryLoadResult result = epilogue::parseStory(text, "fuzz.json", options);
    // A story comes back whole or not at all.
    if (!result.ok() && !result.story.events.empty()) __builtin_trap();
    for (const epilogue::StoryError& error : result.errors) {
        if (error.message.empty()) __builtin_trap();
    }
    return 0;
}
