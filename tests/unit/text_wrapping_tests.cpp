// Line break opportunities (ICU's UAX #14) and wrapping text between them.
#include "text/line_breaks.h"
#include "timeline/frame_plan.h"
#include "timeline/text_wrapping.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <string>
#include <vector>

using namespace epilogue;

namespace {

// Every code point is 10 pixels wide, but for combining marks (U+0300..U+036F), which take no room.
class CodePointMeasurer : public TextMeasurer {
public:
    glm::vec2 measure(TextStyle, std::string_view text) const override {
        float width = 0;
        for (std::size_t i = 0; i < text.size();) {
            const auto byte = static_cast<unsigned char>(text[i]);
            const std::size_t length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
            const bool combining = length == 2 && byte == 0xCC;  // U+0300..U+033F
            if (!combining) width += 10;
            i += length;
        }
        return {width, 15};
    }
};

// Also checks that no line is wider than `width`, unless `oneClusterWider` (a line of a single cluster may be).
std::vector<std::string> wrapped(std::string_view text, float width, float scale = 1.0f, bool oneClusterWider = false) {
    const CodePointMeasurer measurer;
    TextWrapper wrapper;
    wrapper.prepare(measurer, TextStyle::Body, text, width / scale);
    std::vector<TextLine> lines;
    wrapper.wrap(scale, width, lines);
    std::vector<std::string> shown;
    for (const TextLine& line : lines) {
        if (!oneClusterWider) CHECK(line.width <= width + 0.01f);
        shown.emplace_back(text.substr(line.begin, line.end - line.begin));
    }
    return shown;
}

std::vector<std::uint32_t> breaksOf(std::string_view text) {
    std::vector<LineBreak> breaks;
    findLineBreaks(text, breaks);
    std::vector<std::uint32_t> at;
    for (const LineBreak& lineBreak : breaks) at.push_back(lineBreak.at);
    return at;
}

using Lines = std::vector<std::string>;
using Bytes = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("line breaks: after spaces, between CJK characters but not before their closing punctuation, in Thai between words") {
    CHECK(breaksOf("") == Bytes{0});
    CHECK(breaksOf("Hello world") == Bytes{6, 11});
    CHECK(breaksOf("well-known") == Bytes{5, 10});  // after a hyphen
    // 東 京 の 夜 、: a line may break between the characters, but never before the comma.
    const std::string japanese = "東京の夜、ひらがな";
    const Bytes japaneseBreaks = breaksOf(japanese);
    CHECK(japaneseBreaks.size() >= 6);
    for (std::uint32_t at : japaneseBreaks) CHECK(at != japanese.find("、"));
    // Thai has no spaces between words: ICU's dictionary finds them ("ภาษา ไทย ง่าย นิดเดียว").
    const std::string thai = "ภาษาไทยง่ายนิดเดียว";
    const Bytes thaiBreaks = breaksOf(thai);
    CHECK(thaiBreaks.size() >= 3);
    CHECK(std::find(thaiBreaks.begin(), thaiBreaks.end(), static_cast<std::uint32_t>(std::string("ภาษา").size())) != thaiBreaks.end());
    // A new line is a mandatory break.
    std::vector<LineBreak> breaks;
    findLineBreaks("one\ntwo", breaks);
    REQUIRE(breaks.size() == 2);
    CHECK(breaks[0].at == 4);
    CHECK(breaks[0].mandatory);
    CHECK_FALSE(breaks[1].mandatory);
}

TEST_CASE("wrapping fills each line with as many words as fit, leaving the spaces at its end out") {
    CHECK(wrapped("aaa bbb ccc", 75) == Lines{"aaa bbb", "ccc"});
    CHECK(wrapped("aaa bbb ccc", 110) == Lines{"aaa bbb ccc"});
    CHECK(wrapped("aaa bbb ccc", 30) == Lines{"aaa", "bbb", "ccc"});
    CHECK(wrapped("aaa   bbb", 40) == Lines{"aaa", "bbb"});
    CHECK(wrapped("", 100) == Lines{""});
    // Twice the size: half as much on a line.
    CHECK(wrapped("aaa bbb ccc", 130, 2.0f) == Lines{"aaa", "bbb", "ccc"});
    CHECK(wrapped("aaa bbb ccc", 150, 2.0f) == Lines{"aaa bbb", "ccc"});
}

TEST_CASE("wrapping keeps the text's own line breaks, empty lines included") {
    CHECK(wrapped("one\ntwo", 200) == Lines{"one", "two"});
    CHECK(wrapped("one\n\ntwo", 200) == Lines{"one", "", "two"});
    CHECK(wrapped("one\r\ntwo", 200) == Lines{"one", "two"});
}

TEST_CASE("a word wider than a line is split between grapheme clusters, never inside one") {
    CHECK(wrapped("abcdefghij", 35) == Lines{"abc", "def", "ghi", "j"});
    // e + combining acute is one cluster: it stays whole on one line.
    const std::string accented = "abe\u0301cdef";
    const Lines lines = wrapped(accented, 30);
    CHECK(lines == Lines{"abe\u0301", "cde", "f"});
    // A single cluster wider than the line still shows, on a line of its own.
    CHECK(wrapped("ab", 5, 1.0f, true) == Lines{"a", "b"});
}

TEST_CASE("Chinese and Japanese wrap between characters, with the closing punctuation kept on its line") {
    const Lines lines = wrapped("東京の夜、ひらがなとカタカナ", 50);
    REQUIRE(lines.size() >= 3);
    std::string joined;
    for (const std::string& line : lines) {
        CHECK(line.rfind("、", 0) != 0);  // no line starts with the comma
        joined += line;
    }
    CHECK(joined == "東京の夜、ひらがなとカタカナ");  // nothing dropped
}

TEST_CASE("Thai wraps between its words") {
    const std::string thai = "ภาษาไทยง่ายนิดเดียว";
    const Lines lines = wrapped(thai, 80);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "ภาษาไทย");  // seven code points: "ภาษา" + "ไทย", the next word does not fit
    std::string joined;
    for (const std::string& line : lines) joined += line;
    CHECK(joined == thai);
}
