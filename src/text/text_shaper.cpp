// Shaping with FriBidi and HarfBuzz over the fonts that fontconfig chose per grapheme cluster: the steps
// libraqm takes, with each font's HarfBuzz font kept instead of made afresh for every text.
#include "text/text_shaper.h"

#include "text/grapheme_breaks.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <fribidi.h>
#include <hb-ft.h>
#include <hb.h>
#include <utf8proc.h>
#include <xxhash.h>

#include <algorithm>

namespace epilogue {

namespace {

// Past this many texts, the cache starts afresh (at the next text not in it): about 40 MB at most.
constexpr std::size_t kMaxCachedTexts = 60000;

std::uint64_t keyOf(int typeface, std::string_view text, bool ellipsis) {
    return XXH3_64bits_withSeed(text.data(), text.size(), static_cast<std::uint64_t>(typeface) * 2 + (ellipsis ? 1 : 0));
}

}  // namespace

namespace {

// Whether a code point can be set without shaping: left to right, no combining marks, no joining, no
// bidi controls (Latin, Greek, Cyrillic, general punctuation).
bool needsNoShaping(char32_t c) {
    if (c < 0x20) return false;
    if (c < 0x0300) return true;
    if (c < 0x0370) return false;  // combining diacritical marks
    if (c < 0x0483) return true;   // Greek, Cyrillic letters
    if (c < 0x048A) return false;  // Cyrillic combining marks
    if (c < 0x0530) return true;
    if (c >= 0x2010 && c <= 0x205E) return c < 0x2028 || c > 0x202F;  // punctuation, not bidi controls
    return false;
}

}  // namespace

bool TextShaper::setSimply(int typeface, std::string_view text, bool ellipsis, ShapedText& shaped) {
    if (simpleGlyphs_.size() <= static_cast<std::size_t>(typeface)) simpleGlyphs_.resize(static_cast<std::size_t>(typeface) + 1);
    std::vector<SimpleGlyph>& table = simpleGlyphs_[static_cast<std::size_t>(typeface)];
    if (table.empty()) table.resize(kSimpleLimit);
    const int face = fonts_.primaryFace(typeface);
    FT_Face ft = fonts_.face(face).face;
    shaped.glyphs.clear();
    shaped.missing = false;
    shaped.rightToLeft = false;
    shaped.lineHeight = fonts_.lineHeight(typeface);
    shaped.ascent = fonts_.ascent(typeface);
    float pen = 0;
    std::uint32_t cluster = 0;
    auto place = [&](char32_t c) {
        if (c >= kSimpleLimit || !needsNoShaping(c)) return false;
        SimpleGlyph& known = table[c];
        if (known.advance < 0) {
            known.glyph = FT_Get_Char_Index(ft, c);
            FT_Fixed advance = 0;
            FT_Get_Advance(ft, known.glyph, FT_LOAD_NO_HINTING, &advance);
            known.advance = static_cast<float>(advance) / 65536.0f;
        }
        if (known.glyph == 0) return false;  // not in the primary font: a fallback font's, shaped
        shaped.glyphs.push_back({known.glyph, face, pen, 0, known.advance, cluster, false});
        pen += known.advance;
        return true;
    };
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t at = 0; at < text.size();) {
        utf8proc_int32_t codepoint = 0;
        const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(text.size() - at), &codepoint);
        cluster = static_cast<std::uint32_t>(at);
        if (length <= 0 || !place(static_cast<char32_t>(codepoint))) return false;
        at += static_cast<std::size_t>(length);
    }
    cluster = static_cast<std::uint32_t>(text.size());
    if (ellipsis && !place(0x2026)) return false;
    shaped.width = pen;
    return true;
}

const ShapedText& TextShaper::shape(int typeface, std::string_view text, bool ellipsis) {
    if (setSimply(typeface, text, ellipsis, simple_)) return simple_;
    const std::uint64_t key = keyOf(typeface, text, ellipsis);
    auto found = cache_.find(key);
    if (found != cache_.end() && found->second.typeface == typeface && found->second.ellipsis == ellipsis &&
        found->second.text == text) {
        return found->second.shaped;
    }
    if (found == cache_.end() && cache_.size() >= kMaxCachedTexts) cache_.clear();
    Entry& entry = cache_[key];
    entry.text.assign(text);
    entry.typeface = typeface;
    entry.ellipsis = ellipsis;
    if (ellipsis) {
        joined_.assign(text);
        joined_ += "\u2026";
        shapeInto(typeface, joined_, entry.shaped);
    } else {
        shapeInto(typeface, text, entry.shaped);
    }
    return entry.shaped;
}

TextShaper::~TextShaper() {
    for (hb_font_t* font : hbFonts_) {
        if (font) hb_font_destroy(font);
    }
    if (buffer_) hb_buffer_destroy(buffer_);
}

hb_font_t* TextShaper::hbFontOf(int face) {
    if (hbFonts_.size() <= static_cast<std::size_t>(face)) hbFonts_.resize(static_cast<std::size_t>(face) + 1, nullptr);
    hb_font_t*& font = hbFonts_[static_cast<std::size_t>(face)];
    if (!font) {
        // Takes a reference to the FreeType face, at the size the library set it to (which never changes).
        font = hb_ft_font_create_referenced(fonts_.face(face).face);
        hb_ft_font_set_load_flags(font, FT_LOAD_NO_HINTING | FT_LOAD_COLOR);
    }
    return font;
}

namespace {

// Scripts that neither start nor end a run: spaces, punctuation, digits, emoji, combining marks.
bool isNeutralScript(hb_script_t script) {
    return script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN;
}

// Japanese mixes kanji, hiragana and katakana in one word; HarfBuzz shapes them alike, so they share a run.
bool isHanGroup(hb_script_t script) {
    return script == HB_SCRIPT_HAN || script == HB_SCRIPT_HIRAGANA || script == HB_SCRIPT_KATAKANA ||
           script == HB_SCRIPT_BOPOMOFO;
}

}  // namespace

void TextShaper::shapeInto(int typeface, std::string_view text, ShapedText& shaped) {
    shaped.glyphs.clear();
    shaped.width = 0;
    shaped.missing = false;
    shaped.rightToLeft = false;
    shaped.lineHeight = fonts_.lineHeight(typeface);
    shaped.ascent = fonts_.ascent(typeface);
    if (text.empty()) return;

    // The code points, each with its byte and the face of its grapheme cluster (a cluster no font has gets
    // the primary font, whose glyph 0, .notdef, is then drawn: as a box).
    codepoints_.clear();
    codepointBytes_.clear();
    codepointFaces_.clear();
    findGraphemeBoundaries(text, boundaries_);
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t b = 0; b + 1 < boundaries_.size(); ++b) {
        const std::size_t begin = boundaries_[b], end = boundaries_[b + 1];
        const std::size_t first = codepoints_.size();
        for (std::size_t at = begin; at < end;) {
            utf8proc_int32_t codepoint = 0;
            const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, static_cast<utf8proc_ssize_t>(end - at), &codepoint);
            codepoints_.push_back(length > 0 ? static_cast<char32_t>(codepoint) : 0xFFFD);
            codepointBytes_.push_back(static_cast<std::uint32_t>(at));
            at += length > 0 ? static_cast<std::size_t>(length) : 1;
        }
        bool missing = false;
        const int face = fonts_.faceForCluster(typeface, codepoints_.data() + first, codepoints_.size() - first, missing);
        codepointFaces_.resize(codepoints_.size(), face);
    }
    const std::size_t count = codepoints_.size();
    codepointBytes_.push_back(static_cast<std::uint32_t>(text.size()));

    // Embedding levels (FriBidi): the paragraph's direction from its first strong character.
    bidiChars_.assign(codepoints_.begin(), codepoints_.end());
    bidiTypes_.resize(count);
    brackets_.resize(count);
    levels_.assign(count, 0);
    const auto length = static_cast<FriBidiStrIndex>(count);
    fribidi_get_bidi_types(bidiChars_.data(), length, bidiTypes_.data());
    fribidi_get_bracket_types(bidiChars_.data(), length, bidiTypes_.data(), brackets_.data());
    FriBidiParType direction = FRIBIDI_PAR_ON;
    if (fribidi_get_par_embedding_levels_ex(bidiTypes_.data(), brackets_.data(), length, &direction, levels_.data()) == 0) {
        levels_.assign(count, 0);  // FriBidi failed (out of memory): left to right
        direction = FRIBIDI_PAR_LTR;
    }
    shaped.rightToLeft = direction == FRIBIDI_PAR_RTL;

    // Scripts: a neutral character takes the script before it (or, at the start, the first after it).
    hb_unicode_funcs_t* unicode = hb_unicode_funcs_get_default();
    scripts_.resize(count);
    hb_script_t previous = HB_SCRIPT_INVALID;
    for (std::size_t i = 0; i < count; ++i) {
        const hb_script_t script = hb_unicode_script(unicode, static_cast<hb_codepoint_t>(codepoints_[i]));
        if (!isNeutralScript(script)) previous = script;
        scripts_[i] = static_cast<std::uint32_t>(previous);
    }
    for (std::size_t i = count; i-- > 0;) {
        if (scripts_[i] == static_cast<std::uint32_t>(HB_SCRIPT_INVALID) && i + 1 < count) scripts_[i] = scripts_[i + 1];
    }

    // Runs of one level, face and script, in logical order.
    runs_.clear();
    for (std::size_t i = 0; i < count; ++i) {
        const auto script = static_cast<hb_script_t>(scripts_[i]);
        if (!runs_.empty()) {
            Run& run = runs_.back();
            const auto runScript = static_cast<hb_script_t>(run.script);
            if (run.level == levels_[i] && run.face == codepointFaces_[i] &&
                (runScript == script || (isHanGroup(runScript) && isHanGroup(script)))) {
                run.end = i + 1;
                continue;
            }
        }
        runs_.push_back({i, i + 1, levels_[i], codepointFaces_[i], scripts_[i]});
    }

    // Visual order of the runs (rule L2 of the bidi algorithm): from the highest level to the lowest odd
    // one, every sequence of runs at that level or above is reversed.
    visualRuns_.resize(runs_.size());
    int highest = 0, lowestOdd = 127;
    for (std::size_t r = 0; r < runs_.size(); ++r) {
        visualRuns_[r] = r;
        highest = std::max(highest, runs_[r].level);
        if (runs_[r].level % 2 == 1) lowestOdd = std::min(lowestOdd, runs_[r].level);
    }
    for (int level = highest; level >= lowestOdd; --level) {
        for (std::size_t r = 0; r < visualRuns_.size();) {
            if (runs_[visualRuns_[r]].level < level) {
                ++r;
                continue;
            }
            std::size_t end = r;
            while (end < visualRuns_.size() && runs_[visualRuns_[end]].level >= level) ++end;
            std::reverse(visualRuns_.begin() + static_cast<std::ptrdiff_t>(r), visualRuns_.begin() + static_cast<std::ptrdiff_t>(end));
            r = end;
        }
    }

    // Each run shaped with its face's kept font, the whole text given as context (Arabic joins across runs).
    if (!buffer_) buffer_ = hb_buffer_create();
    float pen = 0;
    for (const std::size_t r : visualRuns_) {
        const Run& run = runs_[r];
        const std::uint32_t begin = codepointBytes_[run.begin], end = codepointBytes_[run.end];
        hb_buffer_clear_contents(buffer_);
        hb_buffer_add_utf8(buffer_, text.data(), static_cast<int>(text.size()), begin, static_cast<int>(end - begin));
        hb_buffer_set_direction(buffer_, run.level % 2 == 1 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        if (run.script != static_cast<std::uint32_t>(HB_SCRIPT_INVALID)) {
            hb_buffer_set_script(buffer_, static_cast<hb_script_t>(run.script));
        }
        hb_buffer_guess_segment_properties(buffer_);  // the language, and the script where none was found
        hb_shape(hbFontOf(run.face), buffer_, nullptr, 0);
        unsigned int glyphCount = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer_, &glyphCount);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_, &glyphCount);
        const float scale = fonts_.face(run.face).scale / 64.0f;
        for (unsigned int i = 0; i < glyphCount; ++i) {
            const std::uint32_t cluster = infos[i].cluster;
            const bool control = cluster < text.size() && static_cast<unsigned char>(text[cluster]) < 0x20;
            if (control) continue;  // a line break or tab inside a one-line text: nothing drawn
            ShapedGlyph out;
            out.glyph = infos[i].codepoint;
            out.face = run.face;
            out.x = pen + static_cast<float>(positions[i].x_offset) * scale;
            out.y = -static_cast<float>(positions[i].y_offset) * scale;
            out.advance = static_cast<float>(positions[i].x_advance) * scale;
            out.missing = out.glyph == 0;
            out.cluster = cluster;
            shaped.missing = shaped.missing || out.missing;
            shaped.glyphs.push_back(out);
            pen += out.advance;
        }
    }
    shaped.width = pen;
}

}  // namespace epilogue
