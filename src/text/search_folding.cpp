// Folding text for search with utf8proc: case folding, then canonical composition (NFC).
#include "text/search_folding.h"

#include <utf8proc.h>

namespace epilogue {

namespace {

constexpr utf8proc_option_t kFoldOptions =
    static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);

// Lower-cases ASCII letters, branch-free: the loop that folds most stories' text.
char foldAscii(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return static_cast<char>(byte + (static_cast<unsigned char>(byte - 'A') < 26 ? 'a' - 'A' : 0));
}

void appendAsciiFolded(std::string& out, std::string_view text) {
    const std::size_t at = out.size();
    out.append(text);
    for (std::size_t i = at; i < out.size(); ++i) out[i] = foldAscii(out[i]);
}

bool isAscii(std::string_view text) {
    unsigned char any = 0;
    for (const char c : text) any |= static_cast<unsigned char>(c);
    return any < 0x80;
}

}  // namespace

void SearchFolder::append(std::string& out, std::string_view text) {
    if (isAscii(text)) {
        appendAsciiFolded(out, text);
        return;
    }
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    const auto length = static_cast<utf8proc_ssize_t>(text.size());
    // Decomposed and case-folded code points: the first try tells how many there are when the buffer is short.
    utf8proc_ssize_t count = utf8proc_decompose(bytes, length, codepoints_.data(),
                                                static_cast<utf8proc_ssize_t>(codepoints_.size()), kFoldOptions);
    if (count > static_cast<utf8proc_ssize_t>(codepoints_.size())) {
        codepoints_.resize(static_cast<std::size_t>(count));
        count = utf8proc_decompose(bytes, length, codepoints_.data(), count, kFoldOptions);
    }
    if (count < 0) {  // not valid UTF-8: searched as bytes, ASCII folded
        appendAsciiFolded(out, text);
        return;
    }
    count = utf8proc_normalize_utf32(codepoints_.data(), count, kFoldOptions);
    for (utf8proc_ssize_t i = 0; i < count; ++i) {
        utf8proc_uint8_t encoded[4];
        const utf8proc_ssize_t size = utf8proc_encode_char(codepoints_[static_cast<std::size_t>(i)], encoded);
        out.append(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(size));
    }
}

std::string foldedForSearch(std::string_view text) {
    std::string folded;
    SearchFolder folder;
    folder.append(folded, text);
    return folded;
}

}  // namespace epilogue
