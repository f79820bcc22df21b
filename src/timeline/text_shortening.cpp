// Shortening text with an ellipsis: a binary search over the grapheme boundaries for the longest start
// that fits, each start measured as it sits in the whole text (a shaping measurer shapes the text once, not
// once per start it tries).
#include "timeline/text_shortening.h"

#include "text/grapheme_breaks.h"
#include "timeline/frame_plan.h"

namespace epilogue {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

ShortenedText TextShortener::fit(const TextMeasurer& measurer, TextStyle style, std::string_view text, float maxWidth) {
    const glm::vec2 full = measurer.measure(style, text);
    if (full.x <= maxWidth) return {static_cast<std::uint32_t>(text.size()), false, full.x, full.y};

    const glm::vec2 ellipsis = measurer.measure(style, kEllipsis);
    findGraphemeBoundaries(text, boundaries_);
    // boundaries_[0] is 0, which always "fits" (a lone ellipsis); the last is the whole text, which does not.
    std::size_t low = 0, high = boundaries_.size() - 1;
    float lowWidth = 0;
    while (high - low > 1) {
        const std::size_t middle = low + (high - low) / 2;
        const float width = measurer.measureStart(style, text, boundaries_[middle]);
        if (width + ellipsis.x <= maxWidth) {
            low = middle;
            lowWidth = width;
        } else {
            high = middle;
        }
    }
    std::uint32_t bytes = boundaries_[low];
    if (bytes > 0 && isSpace(text[bytes - 1])) {  // "a run …" reads as two words: "a run…"
        while (bytes > 0 && isSpace(text[bytes - 1])) --bytes;
        lowWidth = measurer.measureStart(style, text, bytes);
    }
    return {bytes, true, lowWidth + ellipsis.x, ellipsis.y};
}

}  // namespace epilogue
