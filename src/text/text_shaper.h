// Shaping one line of story text: fonts chosen per grapheme cluster (font_library.h), FriBidi's embedding
// levels for right-to-left order, runs of one level, font and script shaped by HarfBuzz (Arabic joined,
// Indic conjuncts, emoji sequences as one glyph) and laid out in visual order: positioned glyphs, left to
// right. Each font's HarfBuzz font is made once and kept (with it, HarfBuzz keeps its shaping plans), so a
// text never seen before costs only its shaping. Each distinct text is shaped once and kept, so the frames
// that show it again (every frame while scrubbing) find it without shaping or allocating. Text that needs
// no shaping (left-to-right Latin, Greek, Cyrillic and punctuation without combining marks, all in the
// typeface's primary font: the ruler's numbers and dates, which change every frame while scrubbing, and
// most titles) is set straight from the font's advances, neither shaped nor kept, and allocates nothing.
#pragma once

#include "text/font_library.h"

#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

typedef struct hb_font_t hb_font_t;
typedef struct hb_buffer_t hb_buffer_t;

namespace epilogue {

struct ShapedGlyph {
    std::uint32_t glyph = 0;  // in its face
    std::int32_t face = 0;    // FontLibrary::face
    float x = 0, y = 0;       // the glyph's origin from the line's start and baseline, in pixels, y down
    float advance = 0;        // how far it moves the pen, in pixels
    std::uint32_t cluster = 0;  // the byte in the text where the character it draws begins
    bool missing = false;     // no installed font has this character: drawn as a box
};

struct ShapedText {
    std::vector<ShapedGlyph> glyphs;  // in visual order, left to right
    float width = 0;                  // the advance of the whole line, in pixels
    float lineHeight = 0;             // in pixels
    float ascent = 0;                 // baseline below the line's top, in pixels
    bool missing = false;             // some character is drawn as a box
    bool rightToLeft = false;         // the paragraph's direction, from its first strong character
};

class TextShaper {
public:
    explicit TextShaper(FontLibrary& fonts) : fonts_(fonts) {}
    ~TextShaper();
    TextShaper(const TextShaper&) = delete;
    TextShaper& operator=(const TextShaper&) = delete;

    // `text` (one line) set in `typeface`, with an ellipsis after it when `ellipsis` is set. The reference
    // stays good until the next call.
    const ShapedText& shape(int typeface, std::string_view text, bool ellipsis = false);

    std::size_t cachedTexts() const { return cache_.size(); }

private:
    void shapeInto(int typeface, std::string_view text, ShapedText& shaped);
    hb_font_t* hbFontOf(int face);  // made when first asked for, kept
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

    // Kept between shapings, so that only the cache's entries allocate.
    std::vector<hb_font_t*> hbFonts_;    // by face; null until first used
    hb_buffer_t* buffer_ = nullptr;
    std::vector<char32_t> codepoints_;   // of the text being shaped
    std::vector<std::uint32_t> codepointBytes_;  // where each code point starts, and the text's end
    std::vector<int> codepointFaces_;
    std::vector<std::uint32_t> bidiChars_, bidiTypes_, brackets_, scripts_;  // FriBidi's and HarfBuzz's types
    std::vector<signed char> levels_;    // FriBidiLevel
    struct Run {
        std::size_t begin = 0, end = 0;  // code points
        int level = 0;                   // odd: right to left
        int face = 0;
        std::uint32_t script = 0;        // hb_script_t; 0: left to HarfBuzz to guess
    };
    std::vector<Run> runs_;              // in logical order
    std::vector<std::size_t> visualRuns_;
    std::vector<std::uint32_t> boundaries_;
};

}  // namespace epilogue
