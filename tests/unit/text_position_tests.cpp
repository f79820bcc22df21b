// Tier 1 (pure logic): byte offsets -> line:column, and the UTF-8 check.
#include "story/text_position.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

TEST_CASE("line and column are 1-based and count code points") {
    const std::string text = "ab\ncd\n\xC3\xA9x";  // "é" is two bytes but one column
    CHECK(textPositionOf(text, 0).line == 1);
    CHECK(textPositionOf(text, 0).column == 1);
    CHECK(textPositionOf(text, 4).line == 2);
    CHECK(textPositionOf(text, 4).column == 2);
    const TextPosition afterAccent = textPositionOf(text, 8);  // the 'x'
    CHECK(afterAccent.line == 3);
    CHECK(afterAccent.column == 2);
    CHECK(textPositionOf(text, 1000).line == 3);  // clamped to the end
}

TEST_CASE("well-formed UTF-8 passes, each kind of ill-formed byte is found") {
    CHECK_FALSE(findInvalidUtf8("plain ascii").has_value());
    CHECK_FALSE(findInvalidUtf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8E\xB9").has_value());  // é, em dash, emoji
    CHECK(findInvalidUtf8("ab\xFF").value() == 2);            // never valid
    CHECK(findInvalidUtf8("a\xC3").value() == 1);             // truncated sequence
    CHECK(findInvalidUtf8("a\xC0\xAF").value() == 1);         // overlong '/'
    CHECK(findInvalidUtf8("\xED\xA0\x80").value() == 0);      // UTF-16 surrogate
    CHECK(findInvalidUtf8("\xF4\x90\x80\x80").value() == 0);  // above U+10FFFF
    CHECK(findInvalidUtf8("x\x80").value() == 1);             // stray continuation byte
}

TEST_CASE("cutting UTF-8 never ends inside a character") {
    CHECK(cutUtf8("short", 10) == "short");
    CHECK(cutUtf8("La La Land", 5) == "La La");
    const std::string text = "Caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x8E\xB7";  // "Café — 🎷"
    CHECK(cutUtf8(text, 4) == "Caf");           // é is two bytes: it does not fit in four
    CHECK(cutUtf8(text, 5) == "Caf\xC3\xA9");
    CHECK(cutUtf8(text, 8) == "Caf\xC3\xA9 ");  // the dash is three bytes
    CHECK(cutUtf8(text, text.size() - 1) == "Caf\xC3\xA9 \xE2\x80\x94 ");
    for (std::size_t n = 0; n <= text.size(); ++n) CHECK_FALSE(findInvalidUtf8(cutUtf8(text, n)).has_value());
}
