// libFuzzer target for sidecars (--restore): any bytes at all must be refused with a message, or give
// options that are all within the limits every input shares (story/number_limits.h), never a crash, a
// hang, a leak or a sanitizer report. Build and run with scripts/fuzz.sh SECONDS sidecar.
#include "app/restore.h"
#include "story/number_limits.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

void require(bool condition) {
    if (!condition) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace epilogue;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // Once with nothing given on the command line, once with everything given: the sidecar alone, and
    // the sidecar under flags, must both give options within the limits.
    for (const bool flags : {false, true}) {
        CommandLine options;
        if (flags) {
            options.given = {true, true, true, true, true, true, true};
            options.storyPath = "story.json";
            options.width = 16384;
            options.height = 16;
        }
        const CommandLine before = options;
        SidecarStory story;
        std::string error;
        if (!readSidecar(text, "fuzz.png.json", options.given, options, story, error)) {
            require(!error.empty());
            require(options.storyPath == before.storyPath && options.width == before.width && !options.time);
            continue;
        }
        require(error.empty() && !options.storyPath.empty());
        require(checkImageSize(options.width, options.height, options.scale).empty());
        require(options.rangeStart && options.rangeEnd && checkViewRange(*options.rangeStart, *options.rangeEnd).empty());
        require(!options.time || checkViewTime(*options.time).empty());
        require(checkAnimationTime(options.animationTime).empty());
    }
    return 0;
}
