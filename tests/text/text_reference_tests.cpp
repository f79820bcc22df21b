// Tests that see glyphs: every script of tests/data/every-script.json drawn headless by the project's text
// stack (FontLibrary, TextShaper, GlyphAtlas, composed on the CPU as the renderer places the atlas's
// bitmaps) and compared with a reference drawn without it, by hb-view (HarfBuzz shaping, cairo drawing) in
// the font file the project chose, at the same size. The comparison fails on a missing glyph, a box, unshaped
// text or text in the wrong order: each sample is also drawn wrong on purpose (reversed; every glyph a box;
// a box in place of each glyph in turn; right-to-left lines with their runs in logical order or their number
// reversed; for the scripts that need shaping, characters set one by one without HarfBuzz), and the
// comparison must tell every one of those from the reference. Emoji are checked for colour.
//
// Sections: the samples | the project's renderings, right and deliberately wrong | the references | tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "line_images.h"

#include "app/child_process.h"
#include "text/grapheme_breaks.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace epilogue;
using namespace epilogue::testing;

namespace {

// ---- The samples -----------------------------------------------------------------------------------------
// Each event title of every-script.json (a test below checks that they are the same), split into runs that
// hb-view can draw alone, in visual order, left to right. hb-view shapes one run in one direction and does no
// bidi reordering, so a right-to-left line with a number or a Latin word inside is split where its direction
// changes (the split is where the bidi algorithm puts it: the digits and "Jazz 42" keep left-to-right order
// at the line's left; the space before them belongs to the right-to-left run). The reference then cuts each
// run where the project's font changes (piecesOf: the spaces of a Devanagari line are DejaVu Sans's, the
// emoji line's Latin word too) and draws each piece with hb-view in that font, side by side, so that a line
// that mixes fonts is drawn in the same fonts both ways.
struct Run {
    std::string text;  // logical order
    bool rightToLeft = false;
};

struct Sample {
    std::string event;   // the event in every-script.json whose title this is
    std::string script;
    std::string title;
    bool rightToLeft = false;  // the paragraph's direction: its runs in logical order are `visual` reversed
    std::vector<Run> visual;   // left to right
    // Drawn unshaped it must not match: joined letters (Arabic), conjuncts and reordered vowel signs
    // (Devanagari, Tamil), stacked marks (Thai), emoji sequences. The others look the same unshaped.
    bool needsShaping = false;
    bool colour = false;       // colour emoji
};

const std::vector<Sample>& samples() {
    static const std::vector<Sample> all = {
        {"latin", "Latin with diacritics", "Crème brûlée at the café in Łódź", false, {{"Crème brûlée at the café in Łódź"}}},
        {"greek", "Greek", "Ψυχή: η αρχή", false, {{"Ψυχή: η αρχή"}}},
        {"cyrillic", "Cyrillic", "Встреча в Москве", false, {{"Встреча в Москве"}}},
        {"armenian", "Armenian", "Երևանի գիշերը", false, {{"Երևանի գիշերը"}}},
        {"georgian", "Georgian", "თბილისის ღამე", false, {{"თბილისის ღამე"}}},
        {"chinese", "Chinese", "城市之星的夜晚", false, {{"城市之星的夜晚"}}},
        {"japanese", "Japanese", "東京の夜、ひらがなとカタカナ", false, {{"東京の夜、ひらがなとカタカナ"}}},
        {"korean", "Korean", "서울의 밤", false, {{"서울의 밤"}}},
        {"thai", "Thai", "คืนที่กรุงเทพ", false, {{"คืนที่กรุงเทพ"}}, true},
        {"devanagari", "Devanagari", "क्षितिज पर रात", false, {{"क्षितिज पर रात"}}, true},
        {"tamil", "Tamil", "சென்னையின் இரவு", false, {{"சென்னையின் இரவு"}}, true},
        {"hebrew", "Hebrew", "לילה בתל אביב 2024", true, {{"2024"}, {"לילה בתל אביב ", true}}},
        {"arabic", "Arabic", "ليلة في القاهرة مع Jazz 42", true, {{"Jazz 42"}, {"ليلة في القاهرة مع ", true}}, true},
        {"emoji", "Emoji", "Emoji 🏃‍♀️ 🇫🇷 👍🏽 🎹", false, {{"Emoji "}, {"🏃‍♀️ 🇫🇷 👍🏽 🎹"}}, true, true},
    };
    return all;
}

// The runs in logical order, with where each begins in the title.
struct LogicalRun {
    std::size_t visualIndex = 0;
    std::size_t begin = 0, end = 0;  // bytes of the title
};

std::vector<LogicalRun> logicalRuns(const Sample& sample) {
    std::vector<LogicalRun> runs;
    std::size_t at = 0;
    for (std::size_t k = 0; k < sample.visual.size(); ++k) {
        const std::size_t i = sample.rightToLeft ? sample.visual.size() - 1 - k : k;
        runs.push_back({i, at, at + sample.visual[i].text.size()});
        at += sample.visual[i].text.size();
    }
    return runs;
}

std::string joinedLogically(const Sample& sample) {
    std::string joined;
    for (const LogicalRun& run : logicalRuns(sample)) joined += sample.visual[run.visualIndex].text;
    return joined;
}

char32_t decodeAt(const std::string& text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char first = byte(at);
    int extra = first < 0x80 ? 0 : first < 0xE0 ? 1 : first < 0xF0 ? 2 : 3;
    char32_t c = extra == 0 ? first : extra == 1 ? first & 0x1F : extra == 2 ? first & 0x0F : first & 0x07;
    ++at;
    for (; extra > 0 && at < text.size(); --extra, ++at) c = (c << 6) | (byte(at) & 0x3F);
    return c;
}

// ---- The project's renderings, right and deliberately wrong --------------------------------------------
constexpr float kLineHeight = 32;  // pixels: DejaVu Sans's em is then 27.49 pixels

struct Stack {
    FontLibrary fonts;
    TextShaper shaper{fonts};
    GlyphAtlas atlas;
    int typeface = fonts.addTypeface("DejaVu Sans", kLineHeight);
    float em() const { return fonts.face(fonts.primaryFace(typeface)).emPixels; }
    // Both renderings put the baseline on this row (hb-view's through --font-extents), the line's bottom an em below.
    int baseline() const { return static_cast<int>(std::lround(2 * em())); }
    int height() const { return baseline() + static_cast<int>(std::lround(em())); }

    bool inked(const ShapedGlyph& glyph) {
        const AtlasGlyph& image = atlas.glyph(fonts, glyph.face, glyph.glyph, glyph.missing);
        return image.page >= 0 && image.width > 0 && image.height > 0;
    }
    std::vector<PlacedGlyph> placed(const ShapedText& shaped) {
        std::vector<PlacedGlyph> glyphs;
        for (const ShapedGlyph& g : shaped.glyphs) glyphs.push_back({g.face, g.glyph, g.x, g.y, g.missing});
        return glyphs;
    }
    LineImage draw(const std::vector<PlacedGlyph>& glyphs, float width) {
        return composeGlyphs(fonts, atlas, glyphs, width, static_cast<float>(baseline()), static_cast<float>(height()), em());
    }
    LineImage draw(const std::string& text) {
        const ShapedText shaped = shaper.shape(typeface, text);
        return draw(placed(shaped), shaped.width);
    }
};

Stack& stack() {
    static Stack made;
    return made;
}

// The text with its grapheme clusters in the opposite order: every glyph there, in the wrong order.
std::string reversedByClusters(const std::string& text) {
    std::vector<std::uint32_t> boundaries;
    findGraphemeBoundaries(text, boundaries);
    std::string reversed;
    for (std::size_t b = boundaries.size() - 1; b > 0; --b) reversed += text.substr(boundaries[b - 1], boundaries[b] - boundaries[b - 1]);
    return reversed;
}

// Each inked glyph of the line drawn as the missing-glyph box (`only` < 0), or just the `only`th one.
LineImage drawWithBoxes(Stack& set, const std::string& text, int only) {
    const ShapedText shaped = set.shaper.shape(set.typeface, text);
    std::vector<PlacedGlyph> glyphs = set.placed(shaped);
    int inkedIndex = 0;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        if (!set.inked(shaped.glyphs[i])) continue;
        if (only < 0 || inkedIndex == only) glyphs[i].box = true;
        ++inkedIndex;
    }
    return set.draw(glyphs, shaped.width);
}

int inkedGlyphCount(Stack& set, const std::string& text) {
    const ShapedText shaped = set.shaper.shape(set.typeface, text);
    int count = 0;
    for (const ShapedGlyph& g : shaped.glyphs) count += set.inked(g) ? 1 : 0;
    return count;
}

// A piece of a run drawn in one font: the reference draws each in the font the project drew it with.
struct Piece {
    std::string text;  // logical order
    bool rightToLeft = false;
    int face = 0;
};

// The runs cut where the project's font changes (at grapheme clusters: a space in DejaVu Sans among Devanagari
// in Noto Sans Devanagari, an emoji among Latin), the pieces in visual order. A grapheme cluster HarfBuzz
// merged into the one before it (no glyph of its own) goes with that one.
std::vector<Piece> piecesOf(Stack& set, const Sample& sample, std::string& problem) {
    const ShapedText shaped = set.shaper.shape(set.typeface, sample.title);
    std::vector<std::uint32_t> boundaries;
    findGraphemeBoundaries(sample.title, boundaries);
    std::vector<std::vector<Piece>> byRun(sample.visual.size());
    for (const LogicalRun& run : logicalRuns(sample)) {
        std::vector<Piece>& pieces = byRun[run.visualIndex];
        int previousFace = -1;
        for (std::size_t g = 0; g + 1 < boundaries.size(); ++g) {
            const std::uint32_t begin = boundaries[g], end = boundaries[g + 1];
            if (begin < run.begin || begin >= run.end) continue;
            std::set<int> faces;
            for (const ShapedGlyph& glyph : shaped.glyphs) {
                if (glyph.cluster >= begin && glyph.cluster < end) faces.insert(glyph.face);
            }
            if (faces.size() > 1) problem += "\"" + sample.title.substr(begin, end - begin) + "\" is drawn in several fonts; ";
            const int face = faces.empty() ? previousFace : *faces.begin();
            if (face < 0) {
                problem += "\"" + sample.title.substr(begin, end - begin) + "\" has no glyph; ";
                continue;
            }
            if (face == previousFace && !pieces.empty()) {
                pieces.back().text += sample.title.substr(begin, end - begin);
            } else {
                pieces.push_back({sample.title.substr(begin, end - begin), sample.visual[run.visualIndex].rightToLeft, face});
            }
            previousFace = face;
        }
        if (sample.visual[run.visualIndex].rightToLeft) std::reverse(pieces.begin(), pieces.end());
    }
    std::vector<Piece> visual;
    for (const std::vector<Piece>& pieces : byRun) visual.insert(visual.end(), pieces.begin(), pieces.end());
    return visual;
}

// Each run of the sample shaped alone and put side by side: in visual order (as the line should look), or
// in logical order (as a line whose bidi reordering failed looks).
LineImage drawRunsInOrder(Stack& set, const Sample& sample, bool logical) {
    std::vector<PlacedGlyph> glyphs;
    float pen = 0;
    for (std::size_t k = 0; k < sample.visual.size(); ++k) {
        const std::size_t i = logical && sample.rightToLeft ? sample.visual.size() - 1 - k : k;
        const ShapedText shaped = set.shaper.shape(set.typeface, sample.visual[i].text);
        for (PlacedGlyph glyph : set.placed(shaped)) {
            glyph.x += pen;
            glyphs.push_back(glyph);
        }
        pen += shaped.width;
    }
    return set.draw(glyphs, pen);
}

// The title with each left-to-right run's characters reversed, in place.
std::string withLeftToRightRunsReversed(const Sample& sample) {
    std::string text;
    for (const LogicalRun& run : logicalRuns(sample)) {
        const Run& each = sample.visual[run.visualIndex];
        text += each.rightToLeft ? each.text : reversedByClusters(each.text);
    }
    return text;
}

// Characters set one by one without HarfBuzz: each code point's glyph from the font's character map at its
// own advance, in visual order (a right-to-left run placed from the right), in the font of its run. What
// shaping does is missing: no joined Arabic forms, no conjuncts or reordered vowel signs, no emoji sequences.
LineImage drawUnshaped(Stack& set, const std::vector<Piece>& pieces) {
    std::vector<PlacedGlyph> glyphs;
    float pen = 0;
    for (const Piece& piece : pieces) {
        const LoadedFace& face = set.fonts.face(piece.face);
        std::vector<PlacedGlyph> pieceGlyphs;
        std::vector<float> advances;
        for (std::size_t at = 0; at < piece.text.size();) {
            const char32_t c = decodeAt(piece.text, at);
            const FT_UInt glyph = FT_Get_Char_Index(face.face, c);
            if (glyph == 0) continue;  // a joiner or variation selector the font does not map: nothing to draw
            FT_Fixed advance = 0;
            FT_Get_Advance(face.face, glyph, FT_LOAD_NO_HINTING | (face.colour ? FT_LOAD_COLOR : 0), &advance);
            pieceGlyphs.push_back({piece.face, glyph, 0, 0, false});
            advances.push_back(static_cast<float>(advance) / 65536.0f * face.scale);
        }
        if (piece.rightToLeft) {
            std::reverse(pieceGlyphs.begin(), pieceGlyphs.end());
            std::reverse(advances.begin(), advances.end());
        }
        for (std::size_t g = 0; g < pieceGlyphs.size(); ++g) {
            pieceGlyphs[g].x = pen;
            pen += advances[g];
            glyphs.push_back(pieceGlyphs[g]);
        }
    }
    return set.draw(glyphs, pen);
}

// ---- The references ------------------------------------------------------------------------------------
// The runs drawn by hb-view (or, for colour emoji, HarfBuzz and FreeType) side by side in visual order, each
// in the font the project chose for it, their baselines aligned.
bool drawReferenceLine(Stack& set, const std::vector<Piece>& visual, LineImage& line, std::string& error) {
    const auto ascent = static_cast<float>(set.baseline()), descent = static_cast<float>(set.height() - set.baseline());
    std::vector<LineImage> pieces;
    int width = 0;
    for (const Piece& each : visual) {
        const LoadedFace& face = set.fonts.face(each.face);
        ReferenceRun run{each.text, face.file, face.index, face.emPixels, each.rightToLeft, face.colour};
        LineImage piece;
        if (!drawReference(run, ascent, descent, piece, error)) return false;
        width += piece.width;
        pieces.push_back(std::move(piece));
    }
    const int margin = static_cast<int>(std::round(set.em()));
    line = LineImage(width + 2 * margin, set.height());
    int x = margin;
    for (const LineImage& piece : pieces) {
        line.drawOver(piece, x, 0);
        x += piece.width;
    }
    return true;
}

// Where to write the images for looking at them: EPILOGUE_TEXT_REFERENCE_OUT names a directory (unset: none).
void keepImage(const LineImage& image, const std::string& name) {
    const char* directory = std::getenv("EPILOGUE_TEXT_REFERENCE_OUT");
    if (directory && *directory) writeLinePng(image, std::string(directory) + "/" + name + ".png");
}

struct Prepared {
    const Sample* sample = nullptr;
    std::vector<Piece> pieces;
    std::string problem;  // why there is no reference
    LineImage rendered, reference;
};

// Every sample drawn both ways, once for all the tests (a failure to draw one is checked where it is used).
const std::vector<Prepared>& prepared() {
    static const std::vector<Prepared> all = [] {
        std::vector<Prepared> made;
        Stack& set = stack();
        for (const Sample& sample : samples()) {
            Prepared p;
            p.sample = &sample;
            p.pieces = piecesOf(set, sample, p.problem);
            p.rendered = set.draw(sample.title);
            keepImage(p.rendered, sample.event + "-rendered");
            if (p.problem.empty() && drawReferenceLine(set, p.pieces, p.reference, p.problem)) {
                keepImage(p.reference, sample.event + "-reference");
            }
            made.push_back(std::move(p));
        }
        return made;
    }();
    return all;
}

Comparison compare(const LineImage& rendered, const LineImage& reference) {
    return compareLines(rendered, stack().baseline(), reference, stack().baseline(), stack().em());
}

}  // namespace

// ---- Tests -----------------------------------------------------------------------------------------------

TEST_CASE("hb-view, which draws the references, is installed") {
    SpawnRequest request;
    request.arguments = {"hb-view", "--version"};
    request.pipeOutput = true;
    ChildProcess child;
    std::string error;
    const bool started = spawnProcess(request, child, error);
    INFO("hb-view comes in Debian's libharfbuzz-bin (scripts/test.sh installs it): ", error);
    REQUIRE(started);
    std::string version;
    readAll(child.output, version);
    const ExitStatus status = waitForProcess(child);
    INFO("hb-view --version ", describeExitStatus(status));
    REQUIRE(status.success());
    CHECK(version.find("HarfBuzz") != std::string::npos);
}

TEST_CASE("the samples are every-script.json's event titles, each split into runs that make it up") {
    std::ifstream file(EPILOGUE_TEST_DATA_DIR "/every-script.json");
    REQUIRE(file.good());
    const nlohmann::json story = nlohmann::json::parse(file);
    std::map<std::string, std::string> titles;
    for (const nlohmann::json& event : story.at("events")) titles[event.at("id").get<std::string>()] = event.at("title").get<std::string>();
    CHECK(titles.size() == samples().size());  // a script added to the story needs a sample here
    for (const Sample& sample : samples()) {
        CAPTURE(sample.event);
        REQUIRE(titles.count(sample.event) == 1);
        CHECK(titles[sample.event] == sample.title);
        CHECK(joinedLogically(sample) == sample.title);
    }
}

TEST_CASE("no glyph of any sample is missing, the box, '?' or the replacement character") {
    Stack& set = stack();
    REQUIRE(set.typeface >= 0);
    for (const Sample& sample : samples()) {
        CAPTURE(sample.script);
        const ShapedText shaped = set.shaper.shape(set.typeface, sample.title);
        CHECK_FALSE(shaped.missing);
        REQUIRE_FALSE(shaped.glyphs.empty());
        std::set<std::uint32_t> clusters, clustersWithInk;
        for (const ShapedGlyph& g : shaped.glyphs) {
            CAPTURE(g.cluster);
            CHECK_FALSE(g.missing);
            CHECK(g.glyph != 0);
            FT_Face face = set.fonts.face(g.face).face;
            if (sample.title.find('?') == std::string::npos) CHECK(g.glyph != FT_Get_Char_Index(face, '?'));
            CHECK(g.glyph != FT_Get_Char_Index(face, 0xFFFD));
            clusters.insert(g.cluster);
            if (set.inked(g)) clustersWithInk.insert(g.cluster);
        }
        // Every grapheme cluster that is not a space shows ink: nothing shaped away or drawn blank. HarfBuzz
        // may merge a cluster into the one before it (a conjunct, a ligature): then that one has ink.
        std::vector<std::uint32_t> boundaries;
        findGraphemeBoundaries(sample.title, boundaries);
        for (std::size_t b = 0; b + 1 < boundaries.size(); ++b) {
            if (sample.title[boundaries[b]] == ' ') continue;
            auto holding = clusters.upper_bound(boundaries[b]);
            REQUIRE(holding != clusters.begin());
            --holding;
            CAPTURE(boundaries[b]);
            CHECK(clustersWithInk.count(*holding) == 1);
        }
    }
    INFO("scripts with no font: ", set.fonts.missingScripts().size());
    CHECK(set.fonts.missingScripts().empty());
}

TEST_CASE("every script drawn by the project's text stack matches HarfBuzz's own drawing of it") {
    for (const Prepared& p : prepared()) {
        const Sample& sample = *p.sample;
        CAPTURE(sample.script);
        INFO(p.problem);
        REQUIRE(p.problem.empty());
        std::set<std::string> files;
        for (const Piece& piece : p.pieces) {
            const std::string& file = stack().fonts.face(piece.face).file;
            files.insert(file.substr(file.rfind('/') + 1));
        }
        std::string fonts;
        for (const std::string& file : files) fonts += (fonts.empty() ? "" : ", ") + file;
        const Comparison same = compare(p.rendered, p.reference);
        MESSAGE(sample.script, " (", fonts, "): ", same.describe());
        CHECK(same.passes);
    }
}

TEST_CASE("the comparison fails text that is reversed, misordered, boxed, missing a glyph or unshaped") {
    Stack& set = stack();
    for (const Prepared& p : prepared()) {
        const Sample& sample = *p.sample;
        CAPTURE(sample.script);
        if (p.reference.width == 0) continue;  // reported by the test before

        const LineImage reversed = set.draw(reversedByClusters(sample.title));
        const Comparison reversedResult = compare(reversed, p.reference);
        MESSAGE(sample.script, " reversed: ", reversedResult.describe());
        CHECK_FALSE(reversedResult.passes);

        const Comparison boxed = compare(drawWithBoxes(set, sample.title, -1), p.reference);
        MESSAGE(sample.script, " all boxes: ", boxed.describe());
        CHECK_FALSE(boxed.passes);

        // A box in place of each visible glyph in turn: every one is caught.
        const int inked = inkedGlyphCount(set, sample.title);
        int caught = 0;
        Comparison closest;
        for (int i = 0; i < inked; ++i) {
            const LineImage oneBox = drawWithBoxes(set, sample.title, i);
            const Comparison result = compare(oneBox, p.reference);
            caught += result.passes ? 0 : 1;
            if (i == 0 || result.worstGlyphDifference < closest.worstGlyphDifference) closest = result;
            if (result.passes) keepImage(oneBox, sample.event + "-box-" + std::to_string(i) + "-not-caught");
        }
        MESSAGE(sample.script, " one glyph a box: caught ", caught, " times of ", inked, "; the closest: ", closest.describe());
        CHECK(caught == inked);

        if (sample.visual.size() > 1 && sample.rightToLeft) {
            // Right-to-left lines with left-to-right text inside, in the ways bidi goes wrong: the runs in
            // logical order (the number or Latin word on the right), and the left-to-right run's characters
            // reversed (a line shaped right to left with no bidi: "4202").
            const Comparison swapped = compare(drawRunsInOrder(set, sample, true), p.reference);
            MESSAGE(sample.script, " runs in logical order: ", swapped.describe());
            CHECK_FALSE(swapped.passes);
            const Comparison digits = compare(set.draw(withLeftToRightRunsReversed(sample)), p.reference);
            MESSAGE(sample.script, " left-to-right run reversed: ", digits.describe());
            CHECK_FALSE(digits.passes);
            // The same runs drawn alone and put in the right order pass: what fails above is the order.
            const Comparison rightOrder = compare(drawRunsInOrder(set, sample, false), p.reference);
            MESSAGE(sample.script, " runs drawn alone in visual order: ", rightOrder.describe());
            CHECK(rightOrder.passes);
        }

        const LineImage unshaped = drawUnshaped(set, p.pieces);
        keepImage(unshaped, sample.event + "-unshaped");
        const Comparison unshapedResult = compare(unshaped, p.reference);
        MESSAGE(sample.script, " unshaped: ", unshapedResult.describe());
        if (sample.needsShaping) CHECK_FALSE(unshapedResult.passes);
    }
}

TEST_CASE("colour emoji keep their colours") {
    // Strongly coloured: the straight colour's largest channel at least 0.2 above its smallest. Grey, black and
    // white are 0 (so is every pixel of text drawn in one colour); the runner's purple and yellow and the
    // flag's blue and red reach 0.8 to 0.9, the medium skin tone 0.32, the piano's pale blue frame 0.24.
    constexpr float kSaturation = 0.2f;
    Stack& set = stack();
    for (const Prepared& p : prepared()) {
        if (!p.sample->colour) continue;
        const ShapedText shaped = set.shaper.shape(set.typeface, p.sample->title);
        int colourGlyphs = 0;
        for (const ShapedGlyph& g : shaped.glyphs) {
            if (!set.fonts.face(g.face).colour || !set.inked(g)) continue;
            ++colourGlyphs;
            const AtlasGlyph& image = set.atlas.glyph(set.fonts, g.face, g.glyph, g.missing);
            CHECK(image.colour);
            // Each emoji alone, in the colours it is drawn in: some of its pixels strongly coloured (the piano
            // is mostly black and white; the others mostly colour).
            const LineImage alone = set.draw({{g.face, g.glyph, 0, 0, false}}, g.advance);
            const int coloured = colouredPixels(alone, kSaturation);
            MESSAGE("emoji at byte ", g.cluster, ": ", coloured, " of its ", image.width * image.height, " pixels strongly coloured");
            CAPTURE(g.cluster);
            CHECK(coloured >= image.width * image.height / 50);
        }
        CHECK(colourGlyphs == 4);  // the runner (one ZWJ sequence), the flag, the thumb with its tone, the piano
        const int coloured = colouredPixels(p.rendered, kSaturation);
        const int referenceColoured = colouredPixels(p.reference, kSaturation);
        MESSAGE("emoji line: ", coloured, " strongly coloured pixels; HarfBuzz and FreeType's reference ", referenceColoured);
        CHECK(coloured >= 200);
        // As many as in the reference, give or take a fifth (two scaling filters blend edges differently).
        CHECK(std::abs(coloured - referenceColoured) <= referenceColoured / 5);
        // Drawn in grey (the colour lost), none would be.
        CHECK(colouredPixels(drawWithBoxes(set, p.sample->title, -1), kSaturation) == 0);
    }
}
