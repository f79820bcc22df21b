// Shaping with libraqm over the fonts that fontconfig chose per grapheme cluster.
#include "text/text_shaper.h"

#include "text/grapheme_breaks.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <raqm.h>
#include <utf8proc.h>
#include <xxhash.h>

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
        shaped.glyphs.push_back({known.glyph, face, pen, 0, cluster, false});
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

void TextShaper::shapeInto(int typeface, std::string_view text, ShapedText& shaped) {
    shaped.glyphs.clear();
    shaped.width = 0;
    shaped.missing = false;
    shaped.lineHeight = fonts_.lineHeight(typeface);
    shaped.ascent = fonts_.ascent(typeface);
    if (text.empty()) return;

    raqm_t* layout = raqm_create();
    if (!layout) return;
    raqm_set_text_utf8(layout, text.data(), text.size());
    raqm_set_par_direction(layout, RAQM_DIRECTION_DEFAULT);  // from the first strong character
    raqm_set_freetype_load_flags(layout, FT_LOAD_NO_HINTING | FT_LOAD_COLOR);

    // Runs of clusters that share a face; a cluster no font has is marked for a box.
    findGraphemeBoundaries(text, boundaries_);
    int runFace = -1;
    std::size_t runStart = 0;
    for (std::size_t b = 0; b + 1 < boundaries_.size(); ++b) {
        const std::size_t begin = boundaries_[b], end = boundaries_[b + 1];
        codepoints_.clear();
        for (std::size_t at = begin; at < end;) {
            utf8proc_int32_t codepoint = 0;
            const utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at,
                                                             static_cast<utf8proc_ssize_t>(end - at), &codepoint);
            codepoints_.push_back(length > 0 ? static_cast<char32_t>(codepoint) : 0xFFFD);
            at += length > 0 ? static_cast<std::size_t>(length) : 1;
        }
        bool missing = false;  // the face's glyph 0 (.notdef) is then drawn: as a box
        const int face = fonts_.faceForCluster(typeface, codepoints_.data(), codepoints_.size(), missing);
        if (face != runFace) {
            if (runFace >= 0) raqm_set_freetype_face_range(layout, fonts_.face(runFace).face, runStart, begin - runStart);
            runFace = face;
            runStart = begin;
        }
    }
    if (runFace >= 0) raqm_set_freetype_face_range(layout, fonts_.face(runFace).face, runStart, text.size() - runStart);

    if (raqm_layout(layout)) {
        std::size_t count = 0;
        const raqm_glyph_t* glyphs = raqm_get_glyphs(layout, &count);
        float pen = 0;
        shaped.glyphs.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const raqm_glyph_t& glyph = glyphs[i];
            int face = 0;
            for (int candidate = 0; candidate < fonts_.faceCount(); ++candidate) {
                if (fonts_.face(candidate).face == glyph.ftface) face = candidate;
            }
            const float scale = fonts_.face(face).scale / 64.0f;
            const bool control = glyph.cluster < text.size() && static_cast<unsigned char>(text[glyph.cluster]) < 0x20;
            if (control) continue;  // a line break or tab inside a one-line text: nothing drawn
            ShapedGlyph out;
            out.glyph = glyph.index;
            out.face = face;
            out.x = pen + static_cast<float>(glyph.x_offset) * scale;
            out.y = -static_cast<float>(glyph.y_offset) * scale;
            out.missing = glyph.index == 0;
            out.cluster = glyph.cluster;
            shaped.missing = shaped.missing || out.missing;
            shaped.glyphs.push_back(out);
            pen += static_cast<float>(glyph.x_advance) * scale;
        }
        shaped.width = pen;
    }
    raqm_destroy(layout);
}

}  // namespace epilogue
