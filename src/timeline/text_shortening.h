// Text that does not fit its room is shortened with an ellipsis at a grapheme boundary: never inside a
// character, an accented letter, a syllable or an emoji sequence, and never dropped without a trace (a
// lone "…" at the least). The frame plan decides each shortening once; whatever draws the text reads it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace epilogue {

class TextMeasurer;    // frame_plan.h
enum class TextStyle;  // frame_plan.h

inline constexpr std::string_view kEllipsis = "\u2026";

// How a piece of text is shown: its first `bytes`, then an ellipsis when it was shortened.
struct ShortenedText {
    std::uint32_t bytes = 0;
    bool shortened = false;
    float width = 0;   // what it measures as shown, the ellipsis included
    float height = 0;
    std::string_view shown(std::string_view text) const { return text.substr(0, bytes); }
};

// Fits text into a width; keeps its buffer between calls, so fitting every frame allocates nothing once warm.
class TextShortener {
public:
    // The whole text when it fits `maxWidth`; else the longest start of it, cut at a grapheme boundary and
    // without trailing spaces, that fits with the ellipsis after it.
    ShortenedText fit(const TextMeasurer& measurer, TextStyle style, std::string_view text, float maxWidth);

private:
    std::vector<std::uint32_t> boundaries_;
};

}  // namespace epilogue
