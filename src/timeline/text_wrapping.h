// Text wrapped into lines no wider than a width, for the panels' paragraphs and the tour's captions. Lines
// end where the Unicode line breaking algorithm allows (text/line_breaks.h: spaces, between Chinese and
// Japanese characters, between Thai words) and where the text has a line break; a word wider than a whole
// line is split between grapheme clusters, never inside one. Measuring is the caller's TextMeasurer, once per
// text: the same text can then be wrapped at other widths and sizes without measuring it again.
#pragma once

#include "text/line_breaks.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace epilogue {

enum class TextStyle;  // frame_plan.h
class TextMeasurer;

struct TextLine {
    std::uint32_t begin = 0, end = 0;  // bytes of the text, without the spaces and line break at its end
    float width = 0;                   // as drawn at the wrapping's scale
};

class TextWrapper {
public:
    // Measures the pieces of `text` (in `style`) between its break opportunities; a piece wider than
    // `widestPiece` (in the measurer's units) is split into runs of grapheme clusters that fit it. The text
    // must stay alive and unchanged until the next prepare().
    void prepare(const TextMeasurer& measurer, TextStyle style, std::string_view text, float widestPiece);
    // Wraps the prepared text, measured × `scale`, into lines no wider than `maxWidth` (but for a single
    // grapheme cluster wider than it). Empty text gives one empty line. Keeps the vector's storage.
    void wrap(float scale, float maxWidth, std::vector<TextLine>& lines) const;

private:
    struct Piece {
        std::uint32_t begin = 0, contentEnd = 0;  // without the spaces and line break after it
        float width = 0;                          // of the content
        float trailing = 0;                       // of the spaces after it
        bool breakAfter = false;                  // a line break follows: the next piece starts a line
    };
    std::vector<Piece> pieces_;
    std::vector<LineBreak> breaks_;
    std::vector<std::uint32_t> positions_, graphemes_;
    std::vector<float> widths_;
};

}  // namespace epilogue
