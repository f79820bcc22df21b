// Shaping one line of story text: fonts chosen per grapheme cluster (font_library.h), then libraqm, which
// runs FriBidi for right-to-left order and HarfBuzz for shaping (Arabic joined, Indic conjuncts, emoji
// sequences as one glyph), gives positioned glyphs in visual order. Each distinct text is shaped once and
// kept, so the frames that show it again (every frame while scrubbing) find it without shaping or
// allocating. Text that needs no shaping (left-to-right Latin, Greek, Cyrillic and punctuation without
// combining marks, all in the typeface's primary font: the ruler's numbers and dates, which change every
// frame while scrubbing, and most titles) is set straight from the font's advances, neither shaped nor
// kept, and allocates nothing.
#pragma once

#include "text/font_library.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace epilogue {

struct ShapedGlyph {
    std::uint32_t glyph = 0;  // in its face
    std::int32_t face = 0;    // FontLibrary::face
    float x = 0, y = 0;       // the glyph's origin from the line's start and baseline, in pixels, y down
    std::uint32_t cluster = 0;  // the byte in the text where the character it draws begins
    bool missing = false;     // no installed font has this character: drawn as a box
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;  // in visual order, left to right
    float width = 0;                  // the advance of the whole line, in pixels
    float lineHeight = 0;             // in pixels
    float ascent = 0;                 // baseline below the line's top, in pixels
    bool missing = false;             // some character is drawn as a box
};

class TextShaper {
public:
    explicit TextShaper(FontLibrary& fonts) : fonts_(fonts) {}

    // `text` (one line) set in `typeface`, with an ellipsis after it when `ellipsis` is set. The reference
    // stays good until the next call.
    const ShapedText& shape(int typeface, std::string_view text, bool ellipsis = false);

    std::size_t cachedTexts() const { return cache_.size(); }

private:
    void shapeInto(int typeface, std::string_view text, ShapedText& shaped);
    // Sets text that needs no shaping into `shaped`; false (and `shaped` undefined) when it needs shaping.
    bool setSimply(int typeface, std::string_view text, bool ellipsis, ShapedText& shaped);

    // Per typeface, the primary font's glyph and advance for the code points text set simply can hold.
    static constexpr char32_t kSimpleLimit = 0x2070;
    struct SimpleGlyph {
        std::uint32_t glyph = 0;
        float advance = -1;  // negative: not looked up yet
    };
    std::vector<std::vector<SimpleGlyph>> simpleGlyphs_;
    ShapedText simple_;  // the last text set simply

    struct Entry {
        std::string text;
        int typeface = 0;
        bool ellipsis = false;
        ShapedText shaped;
    };
    FontLibrary& fonts_;
    std::unordered_map<std::uint64_t, Entry> cache_;
    std::string joined_;                 // text and its ellipsis, for shaping
    std::vector<char32_t> codepoints_;   // of one grapheme cluster
    std::vector<std::uint32_t> boundaries_;
};

}  // namespace epilogue
