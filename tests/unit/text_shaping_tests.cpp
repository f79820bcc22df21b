// Tier 1 (pure, no window or GL): story text set with the installed fonts (scripts/test.sh installs DejaVu
// and the Noto fonts): fonts chosen per character, shaped (Arabic joined, Devanagari conjuncts, emoji
// sequences as one glyph), in visual order for right-to-left text, missing characters as boxes, and glyphs
// rasterised on demand (emoji in colour).
#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/text_shaper.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace epilogue;

namespace {

struct Setter {
    FontLibrary fonts;
    TextShaper shaper{fonts};
    int body = fonts.addTypeface("DejaVu Sans", 15);
    ShapedText shape(const std::string& text, bool ellipsis = false) { return shaper.shape(body, text, ellipsis); }
    std::string fileOf(const ShapedGlyph& glyph) const { return fonts.face(glyph.face).file; }
};

std::vector<std::uint32_t> clusters(const ShapedText& shaped) {
    std::vector<std::uint32_t> found;
    for (const ShapedGlyph& glyph : shaped.glyphs) found.push_back(glyph.cluster);
    return found;
}

}  // namespace

TEST_CASE("Latin is set in the primary font at ImGui's sizes, left to right") {
    Setter set;
    REQUIRE(set.body >= 0);
    CHECK(set.fonts.lineHeight(set.body) == 15);
    const ShapedText latin = set.shape("Paris, caf\u00E9");
    CHECK(latin.glyphs.size() == 11);
    CHECK(latin.width > 60);
    CHECK(latin.width < 110);
    CHECK_FALSE(latin.missing);
    CHECK(clusters(latin).front() == 0);
    for (std::size_t i = 1; i < latin.glyphs.size(); ++i) CHECK(latin.glyphs[i].x > latin.glyphs[i - 1].x);
    CHECK(set.fileOf(latin.glyphs[0]).find("DejaVuSans") != std::string::npos);
    // With an ellipsis: one glyph more, and wider.
    const ShapedText cut = set.shape("Paris, caf\u00E9", true);
    CHECK(cut.glyphs.size() == 12);
    CHECK(cut.width > latin.width);
}

TEST_CASE("right-to-left text comes out in visual order, Arabic letters joined, numbers left to right") {
    Setter set;
    // Hebrew: the first letter is drawn rightmost.
    const std::string hebrew = "\u05E9\u05DC\u05D5\u05DD";  // שלום
    const ShapedText shalom = set.shape(hebrew);
    REQUIRE(shalom.glyphs.size() == 4);
    CHECK(clusters(shalom) == std::vector<std::uint32_t>{6, 4, 2, 0});
    // Arabic: a letter between two others takes its joined (medial) form, another glyph than alone.
    const ShapedText alone = set.shape("\u0628");               // ب
    const ShapedText joined = set.shape("\u0628\u0628\u0628");  // ببب
    REQUIRE(alone.glyphs.size() == 1);
    REQUIRE(joined.glyphs.size() == 3);
    CHECK(joined.glyphs[1].glyph != alone.glyphs[0].glyph);
    CHECK(joined.glyphs[0].glyph != joined.glyphs[2].glyph);  // final form at the left, initial at the right
    // A number inside right-to-left text reads left to right: "שלום 123" shows "123" at the left, in order.
    const ShapedText mixed = set.shape(hebrew + " 123");
    const std::vector<std::uint32_t> order = clusters(mixed);
    REQUIRE(order.size() == 8);
    CHECK(order[0] == 9);
    CHECK(order[1] == 10);
    CHECK(order[2] == 11);
    CHECK(order.back() == 0);
    // In a left-to-right line, the Hebrew word inside it is reversed in place.
    const ShapedText inLatin = set.shape("go \u05D0\u05D1 now");
    CHECK(clusters(inLatin) == std::vector<std::uint32_t>{0, 1, 2, 5, 3, 7, 8, 9, 10});
}

TEST_CASE("scripts DejaVu lacks come from fallback fonts: CJK, Devanagari conjuncts, colour emoji sequences") {
    Setter set;
    const ShapedText tokyo = set.shape("\u6771\u4EAC\u3078");  // 東京へ
    REQUIRE(tokyo.glyphs.size() == 3);
    CHECK_FALSE(tokyo.missing);
    CHECK(set.fileOf(tokyo.glyphs[0]).find("CJK") != std::string::npos);
    const ShapedText seoul = set.shape("\uC11C\uC6B8");  // 서울
    CHECK(set.fileOf(seoul.glyphs[0]).find("CJK") != std::string::npos);

    // क्षि: four code points, a conjunct and a vowel sign: fewer glyphs than code points.
    const ShapedText kshi = set.shape("\u0915\u094D\u0937\u093F");
    CHECK_FALSE(kshi.missing);
    CHECK(kshi.glyphs.size() < 4);
    CHECK(set.fileOf(kshi.glyphs[0]).find("Devanagari") != std::string::npos);

    // A woman running (ZWJ sequence), a flag, a thumbs up with a skin tone: one colour glyph each.
    for (const std::string emoji : {"\U0001F3C3\u200D\u2640\uFE0F", "\U0001F1EB\U0001F1F7", "\U0001F44D\U0001F3FD"}) {
        const ShapedText shaped = set.shape(emoji);
        INFO(emoji);
        REQUIRE(shaped.glyphs.size() == 1);
        CHECK(set.fonts.face(shaped.glyphs[0].face).colour);
        CHECK(shaped.width > 10);  // scaled to the text's size, not the bitmap's 136 pixels
        CHECK(shaped.width < 25);
    }
    // Text around them stays in DejaVu.
    const ShapedText around = set.shape("a\U0001F3B9b");
    REQUIRE(around.glyphs.size() == 3);
    CHECK(set.fileOf(around.glyphs[0]).find("DejaVuSans") != std::string::npos);
    CHECK(set.fonts.face(around.glyphs[1].face).colour);
}

TEST_CASE("a character no font has is a box, and its script is reported once") {
    Setter set;
    const ShapedText missing = set.shape("a\uE000\uE001b");
    CHECK(missing.missing);
    REQUIRE(missing.glyphs.size() == 4);
    CHECK(missing.glyphs[1].missing);
    CHECK_FALSE(missing.glyphs[0].missing);
    REQUIRE(set.fonts.missingScripts().size() == 1);  // two characters, one script: one message
    CHECK(set.fonts.missingScripts()[0].script == "private-use");
    const MissingScript tibetan = scriptAndPackageOf(0x0F40);
    CHECK(tibetan.script == "Tibt");
    CHECK(tibetan.package.rfind("fonts-noto-", 0) == 0);
    CHECK(scriptAndPackageOf(0x6771).package == "fonts-noto-cjk");
    CHECK(scriptAndPackageOf(0x1F3B9).package == "fonts-noto-color-emoji");
}

TEST_CASE("glyphs are rasterised on demand: coverage for outlines, colour for emoji, a hollow box for missing ones") {
    Setter set;
    GlyphAtlas atlas;
    CHECK(atlas.pages().empty());  // nothing up front
    auto pixel = [&](const AtlasGlyph& glyph, int x, int y) {
        const auto& page = atlas.pages()[static_cast<std::size_t>(glyph.page)].rgba;
        return &page[(static_cast<std::size_t>(glyph.y + y) * GlyphAtlas::kPageSize + static_cast<std::size_t>(glyph.x + x)) * 4];
    };
    const ShapedGlyph letter = set.shape("H").glyphs.at(0);
    const AtlasGlyph h = atlas.glyph(set.fonts, letter.face, letter.glyph, false);
    REQUIRE(h.page == 0);
    CHECK_FALSE(h.colour);
    CHECK(h.height >= 9);
    CHECK(h.height <= 13);
    int covered = 0;
    for (int y = 0; y < h.height; ++y) {
        for (int x = 0; x < h.width; ++x) covered += pixel(h, x, y)[3] > 128 ? 1 : 0;
    }
    CHECK(covered > 10);
    CHECK(&atlas.glyph(set.fonts, letter.face, letter.glyph, false) == &atlas.glyph(set.fonts, letter.face, letter.glyph, false));

    const ShapedGlyph piano = set.shape("\U0001F3B9").glyphs.at(0);
    const AtlasGlyph emoji = atlas.glyph(set.fonts, piano.face, piano.glyph, false);
    CHECK(emoji.colour);
    CHECK(emoji.height <= 16);  // the 109-pixel strike averaged down to the text's size
    int coloured = 0;
    for (int y = 0; y < emoji.height; ++y) {
        for (int x = 0; x < emoji.width; ++x) {
            const std::uint8_t* p = pixel(emoji, x, y);
            if (p[3] > 128 && (std::abs(p[0] - p[1]) > 40 || std::abs(p[1] - p[2]) > 40)) ++coloured;
        }
    }
    CHECK(coloured > 5);

    const AtlasGlyph box = atlas.glyph(set.fonts, letter.face, 0, true);
    REQUIRE(box.page == 0);
    CHECK(pixel(box, 0, 0)[3] == 255);
    CHECK(pixel(box, box.width / 2, box.height / 2)[3] == 0);
}

TEST_CASE("each glyph's advance adds up to the line's width; a start measures the same in the whole text") {
    Setter set;
    // Japanese: kanji, hiragana and katakana in one line, set by one fallback font.
    const std::string japanese = "\u6771\u4EAC\u306E\u591C\u30D4\u30A2\u30CE";  // 東京の夜ピアノ
    const ShapedText line = set.shape(japanese);
    REQUIRE(line.glyphs.size() == 7);
    float sum = 0;
    for (const ShapedGlyph& glyph : line.glyphs) sum += glyph.advance;
    CHECK(sum == doctest::Approx(line.width));
    // The first four characters (12 bytes), summed from the whole line, measure as those four set alone.
    float start = 0;
    for (const ShapedGlyph& glyph : line.glyphs) start += glyph.cluster < 12 ? glyph.advance : 0;
    CHECK(start == doctest::Approx(set.shape(japanese.substr(0, 12)).width));
    // Text set without shaping has its advances too.
    const ShapedText latin = set.shape("Paris");
    sum = 0;
    for (const ShapedGlyph& glyph : latin.glyphs) sum += glyph.advance;
    CHECK(sum == doctest::Approx(latin.width));
}

TEST_CASE("Arabic inside Hebrew (one font, two scripts) is still joined") {
    Setter set;
    const ShapedText joined = set.shape("\u0628\u0628\u0628");  // ببب
    const ShapedText inHebrew = set.shape("\u05E9\u05DC\u05D5\u05DD \u0628\u0628\u0628");  // שלום ببب
    REQUIRE(joined.glyphs.size() == 3);
    REQUIRE(inHebrew.glyphs.size() == 8);
    // Right to left: the Arabic word (bytes 9 on) is drawn at the left, its letters in their joined forms.
    std::vector<std::uint32_t> arabic;
    for (const ShapedGlyph& glyph : inHebrew.glyphs) {
        if (glyph.cluster >= 9) arabic.push_back(glyph.glyph);
    }
    REQUIRE(arabic.size() == 3);
    CHECK(arabic == std::vector<std::uint32_t>{joined.glyphs[0].glyph, joined.glyphs[1].glyph, joined.glyphs[2].glyph});
    CHECK(inHebrew.glyphs.front().cluster >= 9);
}
