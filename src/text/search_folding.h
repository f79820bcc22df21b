// Text folded for searching: Unicode case folding and canonical composition (utf8proc), so that "STRASSE"
// finds "Straße", "ΨΥΧΉ" finds "Ψυχή", and an "é" typed as one character finds one stored as "e" and a
// combining accent. Both the query and the text searched go through the same folding.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

class SearchFolder {
public:
    // Appends `text`, folded, to `out`. ASCII takes a fast path; other text goes through utf8proc in a
    // buffer kept between calls, so folding a whole story allocates only as `out` grows. Bytes that are not
    // valid UTF-8 are kept as they are.
    void append(std::string& out, std::string_view text);

private:
    std::vector<std::int32_t> codepoints_;
};

// `text` folded, as a new string (for one-off uses).
std::string foldedForSearch(std::string_view text);

}  // namespace epilogue
