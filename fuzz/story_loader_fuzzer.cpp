// libFuzzer target for the story loader: any bytes at all must give either a whole story within the
// limits (story/number_limits.h) or errors, never a crash, a hang, a leak or a sanitizer report. Build and
// run with scripts/fuzz.sh SECONDS.
#include "story/number_limits.h"
#include "story/story_loader.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    epilogue::StoryLoadOptions options;
    options.maxBytes = 1u << 20;
    options.maxErrors = 5;  // so that inputs with more errors exercise the truncation
    const epilogue::StoryLoadResult result = epilogue::parseStory(text, "fuzz.json", options);
    // A story comes back whole or not at all.
    if (!result.ok() && !result.story.events.empty()) __builtin_trap();
    for (const epilogue::StoryError& error : result.errors) {
        if (error.message.empty()) __builtin_trap();
    }
    // The errors stop at the limit, and say so only when some were left out.
    if (result.errors.size() > options.maxErrors) __builtin_trap();
    if (result.truncated && result.errors.size() != options.maxErrors) __builtin_trap();
    // What loads is within the limits: what --validate accepts, every command can draw.
    if (result.ok()) {
        for (const epilogue::Event& event : result.story.events) {
            if (!epilogue::checkStoryTime(event.time).empty()) __builtin_trap();
        }
        if (!epilogue::checkStorySpan(result.story.startTime, result.story.endTime).empty()) __builtin_trap();
    }
    return 0;
}
