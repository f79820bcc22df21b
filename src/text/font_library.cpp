// Fonts through fontconfig and FreeType: a primary font per typeface, fallbacks found per grapheme cluster.
#include "text/font_library.h"

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace epilogue {

namespace {

// Characters that draw nothing of their own (joiners, variation selectors): a font need not have them for
// a cluster to be its.
bool isDefaultIgnorable(char32_t c) {
    return c == 0x200C || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
           (c >= 0x2060 && c <= 0x2064) || c == 0x00AD || (c >= 0xE0020 && c <= 0xE007F);
}

// Whether a cluster asks for emoji presentation: a variation selector 16, a keycap, or a character from the
// emoji planes (faces, people, flags) not asked to look like text.
bool wantsColourEmoji(const char32_t* cluster, std::size_t length) {
    bool emoji = cluster[0] >= 0x1F000 && cluster[0] <= 0x1FAFF;
    for (std::size_t i = 0; i < length; ++i) {
        if (cluster[i] == 0xFE0F || cluster[i] == 0x20E3) emoji = true;
        if (cluster[i] == 0xFE0E) return false;
    }
    return emoji;
}

struct FontMatch {
    std::string file;
    int index = 0;
};

// The font fontconfig picks for a pattern, with the cluster's characters in its charset when given. A sort,
// not a match: the first font in fontconfig's order that has every character wins.
FontMatch matchFont(const std::string& pattern, const char32_t* cluster, std::size_t length, bool colour) {
    FontMatch found;
    if (!FcInit()) return found;
    FcPattern* query = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    if (!query) return found;
    FcCharSet* wanted = nullptr;
    if (length > 0) {
        wanted = FcCharSetCreate();
        for (std::size_t i = 0; i < length; ++i) {
            if (!isDefaultIgnorable(cluster[i])) FcCharSetAddChar(wanted, static_cast<FcChar32>(cluster[i]));
        }
        FcPatternAddCharSet(query, FC_CHARSET, wanted);
        if (colour) FcPatternAddBool(query, FC_COLOR, FcTrue);
    }
    FcConfigSubstitute(nullptr, query, FcMatchPattern);
    FcDefaultSubstitute(query);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = FcFontSort(nullptr, query, FcFalse, nullptr, &result);
    for (int i = 0; sorted && i < sorted->nfont; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcChar8* file = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
        if (wanted) {
            FcCharSet* has = nullptr;
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch || !FcCharSetIsSubset(wanted, has)) continue;
        } else {
            FcBool scalable = FcFalse;
            FcPatternGetBool(font, FC_SCALABLE, 0, &scalable);
            if (!scalable) continue;
        }
        int index = 0;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        found.file = reinterpret_cast<const char*>(file);
        found.index = index;
        break;
    }
    if (sorted) FcFontSetDestroy(sorted);
    if (wanted) FcCharSetDestroy(wanted);
    FcPatternDestroy(query);
    return found;
}

bool fontconfigKnowsFamily(const char* family) {
    FcPattern* query = FcNameParse(reinterpret_cast<const FcChar8*>(family));
    if (!query) return false;
    FcConfigSubstitute(nullptr, query, FcMatchPattern);
    FcDefaultSubstitute(query);
    FcResult result = FcResultNoMatch;
    FcPattern* font = FcFontMatch(nullptr, query, &result);
    bool known = false;
    FcChar8* name = nullptr;
    if (font && FcPatternGetString(font, FC_FAMILY, 0, &name) == FcResultMatch) {
        known = std::string_view(reinterpret_cast<const char*>(name)) == family;
    }
    if (font) FcPatternDestroy(font);
    FcPatternDestroy(query);
    return known;
}

}  // namespace

MissingScript scriptAndPackageOf(char32_t codepoint) {
    const hb_script_t script = hb_unicode_script(hb_unicode_funcs_get_default(), codepoint);
    const hb_tag_t tag = hb_script_to_iso15924_tag(script);
    char name[5] = {static_cast<char>(tag >> 24), static_cast<char>(tag >> 16), static_cast<char>(tag >> 8),
                    static_cast<char>(tag), 0};
    MissingScript missing{name, {}};
    switch (script) {
        case HB_SCRIPT_HAN: missing.script = "Chinese (Han)"; missing.package = "fonts-noto-cjk"; break;
        case HB_SCRIPT_HIRAGANA: case HB_SCRIPT_KATAKANA: missing.script = "Japanese kana"; missing.package = "fonts-noto-cjk"; break;
        case HB_SCRIPT_HANGUL: missing.script = "Korean (Hangul)"; missing.package = "fonts-noto-cjk"; break;
        case HB_SCRIPT_BOPOMOFO: missing.script = "Bopomofo"; missing.package = "fonts-noto-cjk"; break;
        case HB_SCRIPT_COMMON: case HB_SCRIPT_INHERITED: case HB_SCRIPT_UNKNOWN:
            if ((codepoint >= 0xE000 && codepoint <= 0xF8FF) || codepoint >= 0xF0000) {
                missing.script = "private-use";  // no package has these: they mean what a font of their own says
            } else if (codepoint >= 0x1F000 && codepoint <= 0x1FAFF) {
                missing.script = "emoji";
                missing.package = "fonts-noto-color-emoji";
            } else {
                missing.script = "symbols";
                missing.package = "fonts-noto-core";
            }
            break;
        default:
            // Noto fonts for most scripts are in fonts-noto-core; those it lacks are in fonts-noto-extra.
            missing.package = fontconfigKnowsFamily("Noto Sans") ? "fonts-noto-extra" : "fonts-noto-core";
            break;
    }
    return missing;
}

FontLibrary::FontLibrary() {
    if (FT_Init_FreeType(&library_) != 0) library_ = nullptr;
}

FontLibrary::~FontLibrary() {
    for (LoadedFace& loaded : faces_) FT_Done_Face(loaded.face);
    if (library_) FT_Done_FreeType(library_);
}

int FontLibrary::openFace(const std::string& file, int index, float emPixels) {
    for (std::size_t i = 0; i < faces_.size(); ++i) {
        const LoadedFace& loaded = faces_[i];
        if (loaded.file == file && loaded.index == index && loaded.emPixels == emPixels) return static_cast<int>(i);
    }
    FT_Face face = nullptr;
    if (!library_ || FT_New_Face(library_, file.c_str(), index, &face) != 0) return -1;
    LoadedFace loaded;
    loaded.face = face;
    loaded.file = file;
    loaded.index = index;
    loaded.emPixels = emPixels;
    loaded.colour = FT_HAS_COLOR(face);
    if (!FT_IS_SCALABLE(face) && face->num_fixed_sizes > 0) {
        // A bitmap font (colour emoji): the smallest strike at least as large as the text, scaled down.
        auto strike = [face](int i) { return static_cast<float>(face->available_sizes[i].y_ppem) / 64.0f; };
        int best = -1, largest = 0;
        for (int i = 0; i < face->num_fixed_sizes; ++i) {
            if (strike(i) >= emPixels && (best < 0 || strike(i) < strike(best))) best = i;
            if (strike(i) > strike(largest)) largest = i;
        }
        if (best < 0) best = largest;
        if (FT_Select_Size(face, best) != 0) {
            FT_Done_Face(face);
            return -1;
        }
        loaded.scale = emPixels / (static_cast<float>(face->size->metrics.y_ppem));
    } else if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(std::lround(emPixels * 64)), 72, 72) != 0) {
        FT_Done_Face(face);
        return -1;
    }
    faces_.push_back(loaded);
    return static_cast<int>(faces_.size() - 1);
}

int FontLibrary::addTypeface(const std::string& pattern, float lineHeight) {
    const FontMatch primary = matchFont(pattern, nullptr, 0, false);
    if (primary.file.empty() || !library_) return -1;
    // The em size that gives the primary font's ascender-to-descender height the line height, as ImGui sets it.
    FT_Face probe = nullptr;
    if (FT_New_Face(library_, primary.file.c_str(), primary.index, &probe) != 0) return -1;
    const float units = static_cast<float>(probe->ascender - probe->descender);
    const float emPixels = units > 0 ? lineHeight * static_cast<float>(probe->units_per_EM) / units : lineHeight;
    const float ascent = units > 0 ? lineHeight * static_cast<float>(probe->ascender) / units : lineHeight * 0.8f;
    FT_Done_Face(probe);
    const int face = openFace(primary.file, primary.index, emPixels);
    if (face < 0) return -1;
    Typeface typeface;
    typeface.pattern = pattern;
    typeface.lineHeight = lineHeight;
    typeface.emPixels = emPixels;
    typeface.ascent = ascent;
    typeface.faces.push_back(face);
    typefaces_.push_back(std::move(typeface));
    return static_cast<int>(typefaces_.size() - 1);
}

bool FontLibrary::faceHas(int face, const char32_t* cluster, std::size_t length) const {
    FT_Face ft = faces_[static_cast<std::size_t>(face)].face;
    for (std::size_t i = 0; i < length; ++i) {
        if (!isDefaultIgnorable(cluster[i]) && cluster[i] >= 0x20 && FT_Get_Char_Index(ft, cluster[i]) == 0) return false;
    }
    return true;
}

int FontLibrary::findFallback(Typeface& typeface, const char32_t* cluster, std::size_t length) {
    const bool colour = wantsColourEmoji(cluster, length);
    // The typeface's own fonts first (in emoji presentation, its colour fonts first), then fontconfig's.
    for (const bool colourPass : {true, false}) {
        if (colourPass && !colour) continue;
        for (const int face : typeface.faces) {
            if (faces_[static_cast<std::size_t>(face)].colour == colourPass && faceHas(face, cluster, length)) return face;
        }
    }
    const FontMatch match = matchFont(typeface.pattern, cluster, length, colour);
    if (match.file.empty()) return -1;
    const int face = openFace(match.file, match.index, typeface.emPixels);
    if (face < 0 || !faceHas(face, cluster, length)) return -1;
    if (std::find(typeface.faces.begin(), typeface.faces.end(), face) == typeface.faces.end()) typeface.faces.push_back(face);
    return face;
}

int FontLibrary::faceForCluster(int typefaceIndex, const char32_t* cluster, std::size_t length, bool& missing) {
    missing = false;
    Typeface& typeface = typefaces_[static_cast<std::size_t>(typefaceIndex)];
    if (length == 0 || cluster[0] < 0x20) return typeface.faces.front();  // controls draw nothing
    // A lone character seen before: its face (negative: none has it).
    if (length == 1) {
        const auto known = typeface.byFirstCodepoint.find(cluster[0]);
        if (known != typeface.byFirstCodepoint.end()) {
            missing = known->second < 0;
            return missing ? typeface.faces.front() : known->second;
        }
    }
    int face = -1;
    if (!wantsColourEmoji(cluster, length) && faceHas(typeface.faces.front(), cluster, length)) {
        face = typeface.faces.front();
    } else {
        face = findFallback(typeface, cluster, length);
    }
    if (face < 0) {
        noteMissing(cluster[0]);
        missing = true;
    }
    if (length == 1) typeface.byFirstCodepoint.emplace(cluster[0], face < 0 ? -1 : face);
    return face < 0 ? typeface.faces.front() : face;
}

void FontLibrary::noteMissing(char32_t codepoint) {
    MissingScript missing = scriptAndPackageOf(codepoint);
    for (const MissingScript& known : missingScripts_) {
        if (known.script == missing.script) return;
    }
    std::fprintf(stderr, "epilogue: warning: no installed font has %s characters (U+%04X); they are drawn as boxes.%s%s%s\n",
                 missing.script.c_str(), static_cast<unsigned>(codepoint), missing.package.empty() ? "" : " The Debian package ",
                 missing.package.c_str(), missing.package.empty() ? "" : " provides one.");
    missingScripts_.push_back(std::move(missing));
}

}  // namespace epilogue
