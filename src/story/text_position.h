// Byte offsets in a text file -> line and column a person can find in an editor, and UTF-8 checking and
// cutting.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace epilogue {

struct TextPosition {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, counted in Unicode code points as editors do
};

// Position of the byte at `offset` (clamped to the end of the text).
TextPosition textPositionOf(std::string_view text, std::size_t offset);

// Offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates and
// code points above U+10FFFF are ill-formed too), or nothing when the whole text is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view text);

// The longest start of valid UTF-8 `text` that is at most `maxBytes` long and does not end inside a
// character.
std::string_view cutUtf8(std::string_view text, std::size_t maxBytes);

}  // namespace epilogue
