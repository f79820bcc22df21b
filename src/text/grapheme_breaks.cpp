// Grapheme cluster boundaries with utf8proc's stateful break rules (emoji sequences and flags included).
#include "text/grapheme_breaks.h"

#include <utf8proc.h>

namespace epilogue {

void findGraphemeBoundaries(std::string_view text, std::vector<std::uint32_t>& boundaries) {
    boundaries.clear();
    boundaries.push_back(0);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto size = static_cast<utf8proc_ssize_t>(text.size());
    utf8proc_ssize_t at = 0;
    utf8proc_int32_t previous = -1;
    utf8proc_int32_t state = 0;
    while (at < size) {
        utf8proc_int32_t codepoint = -1;
        utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &codepoint);
        if (length <= 0) {  // not UTF-8: one byte on its own
            length = 1;
            codepoint = -1;
        }
        if (at > 0 && (previous < 0 || codepoint < 0 || utf8proc_grapheme_break_stateful(previous, codepoint, &state))) {
            boundaries.push_back(static_cast<std::uint32_t>(at));
        }
        if (codepoint < 0) state = 0;
        previous = codepoint;
        at += length;
    }
    if (size > 0) boundaries.push_back(static_cast<std::uint32_t>(size));
}

}  // namespace epilogue
