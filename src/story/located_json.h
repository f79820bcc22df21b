// Locating what is wrong with malformed JSON: the first syntax error (or duplicate key) of a text, at the
// byte that causes it and in nlohmann-json's words ("syntax error while parsing object key - unexpected
// '}'; expected string literal"). No document is built: nlohmann-json's SAX parser runs with a handler that
// keeps only the keys of the objects still open. The story loader calls it only once its own parser has
// found the text malformed, to name the problem as a person can fix it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace epilogue {

struct JsonSyntaxError {
    std::size_t offset = 0;  // of the offending character, or of the second of two equal keys
    std::string message;
};

// The first problem of `text` as strict JSON (no comments, no trailing commas, no duplicate keys in an
// object), or nothing when it is well-formed.
std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text);

// nlohmann-json's message for a parse error, for a person: "syntax error while parsing value - invalid
// literal; last read: 'tru'", without the exception's id and position (the caller names the place), and
// with what it quotes of the text ("last read: '...'", a number that overflows) cut to an excerpt of at
// most kJsonExcerptBytes: a file that is not JSON at all (a sidecar naming /etc/passwd as its story) must
// not have its content echoed.
constexpr std::size_t kJsonExcerptBytes = 40;
std::string describeJsonError(const std::string& what);

}  // namespace epilogue
