// Greedy wrapping between the line break opportunities: each line takes as many pieces as fit.
#include "timeline/text_wrapping.h"

#include "text/grapheme_breaks.h"
#include "timeline/frame_plan.h"

#include <algorithm>

namespace epilogue {

namespace {

// The bytes of white space a line leaves out at its end: spaces, tabs, line breaks, the ideographic space.
std::uint32_t trimmedEnd(std::string_view text, std::uint32_t begin, std::uint32_t end, bool& lineBreak) {
    lineBreak = false;
    while (end > begin) {
        const char c = text[end - 1];
        if (c == ' ' || c == '\t') {
            --end;
        } else if (c == '\n' || c == '\r') {
            lineBreak = true;
            --end;
        } else if (end - begin >= 3 && text.substr(end - 3, 3) == "\u3000") {
            end -= 3;
        } else {
            break;
        }
    }
    return end;
}

}  // namespace

void TextWrapper::prepare(const TextMeasurer& measurer, TextStyle style, std::string_view text, float widestPiece) {
    pieces_.clear();
    findLineBreaks(text, breaks_);
    // Every piece's start and content end, in order, measured in one call.
    positions_.clear();
    std::uint32_t begin = 0;
    for (const LineBreak& lineBreak : breaks_) {
        if (lineBreak.at == begin) continue;
        bool endsLine = false;
        const std::uint32_t contentEnd = trimmedEnd(text, begin, lineBreak.at, endsLine);
        pieces_.push_back({begin, contentEnd, 0, 0, endsLine || lineBreak.mandatory});
        positions_.push_back(begin);
        positions_.push_back(contentEnd);
        begin = lineBreak.at;
    }
    positions_.push_back(static_cast<std::uint32_t>(text.size()));
    measurer.measureStarts(style, text, positions_, widths_);
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
        pieces_[i].width = widths_[2 * i + 1] - widths_[2 * i];
        pieces_[i].trailing = widths_[2 * i + 2] - widths_[2 * i + 1];
    }

    // Pieces wider than a line: split into the longest runs of whole grapheme clusters that fit.
    for (std::size_t i = 0; i < pieces_.size(); ++i) {
        const Piece piece = pieces_[i];
        if (piece.width <= widestPiece) continue;
        findGraphemeBoundaries(text.substr(piece.begin, piece.contentEnd - piece.begin), graphemes_);
        for (std::uint32_t& boundary : graphemes_) boundary += piece.begin;
        measurer.measureStarts(style, text, graphemes_, widths_);
        std::vector<Piece> runs;
        std::size_t start = 0;
        while (start + 1 < graphemes_.size()) {
            std::size_t cut = start + 1;  // at least one cluster, however wide
            while (cut + 1 < graphemes_.size() && widths_[cut + 1] - widths_[start] <= widestPiece) ++cut;
            runs.push_back({graphemes_[start], graphemes_[cut], widths_[cut] - widths_[start], 0, false});
            start = cut;
        }
        if (runs.empty()) continue;
        runs.back().trailing = piece.trailing;
        runs.back().breakAfter = piece.breakAfter;
        pieces_.erase(pieces_.begin() + static_cast<std::ptrdiff_t>(i));
        pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(i), runs.begin(), runs.end());
        i += runs.size() - 1;
    }
}

void TextWrapper::wrap(float scale, float maxWidth, std::vector<TextLine>& lines) const {
    lines.clear();
    float lineWidthWithTrailing = 0;
    bool startLine = true;
    for (const Piece& piece : pieces_) {
        const float width = piece.width * scale;
        if (!startLine && lineWidthWithTrailing + width > maxWidth) startLine = true;
        if (startLine) {
            lines.push_back({piece.begin, piece.contentEnd, width});
            lineWidthWithTrailing = width;
        } else {
            lines.back().end = piece.contentEnd;
            lines.back().width = lineWidthWithTrailing + width;
            lineWidthWithTrailing += width;
        }
        lineWidthWithTrailing += piece.trailing * scale;
        startLine = piece.breakAfter;
    }
    if (lines.empty()) lines.push_back({0, 0, 0});
}

}  // namespace epilogue
