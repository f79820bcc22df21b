// Where user-perceived characters (extended grapheme clusters, UAX #29) begin and end in UTF-8 text, so
// that text is only ever cut between them: never inside a letter and its accents, a Hangul syllable, an
// Indic conjunct, a flag or an emoji sequence joined with zero-width joiners.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace epilogue {

// Fills `boundaries` with the byte offsets in `text` where a grapheme cluster begins, then text.size():
// "" gives {0}, "ab" gives {0, 1, 2}. Bytes that are not UTF-8 count one cluster each. Keeps the vector's
// storage, so calling it every frame allocates nothing once it is large enough.
void findGraphemeBoundaries(std::string_view text, std::vector<std::uint32_t>& boundaries);

}  // namespace epilogue
