// Where a line of text may be broken, by the Unicode line breaking algorithm (UAX #14) as ICU implements it:
// at spaces in most scripts; between the characters of Chinese and Japanese, but never before closing
// punctuation or a small kana; between the words of Thai, Lao, Khmer and Burmese, which have no spaces, found
// with ICU's dictionaries; after a hyphen; and always after a line or paragraph separator.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace epilogue {

struct LineBreak {
    std::uint32_t at = 0;    // a byte offset in the text: a line may start here
    bool mandatory = false;  // the text before it ends with a line break (a new line, a paragraph separator)
};

// Fills `breaks` with the places in `text` (UTF-8) where a line may end, in order, the last being text.size()
// (so "" gives {0}). Spaces stay with the line before a break. Keeps the vector's storage. Text that is not
// UTF-8 has its bad bytes treated as replacement characters.
void findLineBreaks(std::string_view text, std::vector<LineBreak>& breaks);

}  // namespace epilogue
