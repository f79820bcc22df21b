// Escaping and cutting text for messages (see terminal_text.h).
#include "story/terminal_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <utility>

namespace epilogue {

namespace {

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0 (as text_position.cpp
// decides: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t utf8Length(std::string_view text) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0;
    }
    if (text.size() < length || byte(1) < low || byte(1) > high) return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
    }
    return length;
}

void appendEscape(std::string& out, const char* format, unsigned value) {
    char escape[8];
    std::snprintf(escape, sizeof escape, format, value);
    out += escape;
}

}  // namespace

std::string escapeForTerminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7F) {  // the common case, one byte at a time
            out += static_cast<char>(byte);
            ++i;
            continue;
        }
        const std::size_t length = utf8Length(text.substr(i));
        if (length == 0) {
            appendEscape(out, "\\x%02X", byte);
            ++i;
        } else if (length == 1) {  // C0 controls and DEL
            appendEscape(out, "\\u%04x", byte);
            ++i;
        } else if (length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) {  // C1 controls
            appendEscape(out, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
            i += 2;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::string excerpt(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return std::string(text);
    std::size_t cut = maxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return std::string(text.substr(0, cut)) + "...";
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    a = a.substr(0, 64);
    b = b.substr(0, 256);
    if (a.empty()) return b.size();
    // Myers (1999), as Hyyrö (2001) writes it for the distance between two whole strings: bit i of the
    // vertical deltas stands for row i + 1 of the dynamic-programming table, one column per byte of b.
    std::array<std::uint64_t, 256> positions{};
    for (std::size_t i = 0; i < a.size(); ++i) positions[static_cast<unsigned char>(a[i])] |= std::uint64_t{1} << i;
    const std::uint64_t last = std::uint64_t{1} << (a.size() - 1);
    std::uint64_t plus = ~std::uint64_t{0}, minus = 0;
    std::size_t distance = a.size();
    for (const char c : b) {
        const std::uint64_t equal = positions[static_cast<unsigned char>(c)];
        const std::uint64_t xv = equal | minus;
        const std::uint64_t xh = (((equal & plus) + plus) ^ plus) | equal;
        std::uint64_t horizontalPlus = minus | ~(xh | plus);
        std::uint64_t horizontalMinus = plus & xh;
        if (horizontalPlus & last) ++distance;
        if (horizontalMinus & last) --distance;
        horizontalPlus = (horizontalPlus << 1) | 1;  // row 0 of the table grows by one per column
        horizontalMinus <<= 1;
        plus = horizontalMinus | ~(xv | horizontalPlus);
        minus = horizontalPlus & xv;
    }
    return distance;
}

std::string nearestNames(std::string_view wanted, const std::vector<std::string_view>& names, std::size_t most) {
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (distance, index)
    ranked.reserve(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) ranked.emplace_back(editDistance(wanted, names[i]), i);
    const std::size_t shown = std::min(most, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shown), ranked.end());
    std::string out;
    for (std::size_t k = 0; k < shown; ++k) {
        if (k > 0) out += ", ";
        out += "\"" + escapeForTerminal(excerpt(names[ranked[k].second], 64)) + "\"";
    }
    if (names.size() > shown) out += ", and " + std::to_string(names.size() - shown) + " more";
    return out;
}

}  // namespace epilogue
