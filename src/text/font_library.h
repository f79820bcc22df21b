// The fonts story text is set in: for each typeface (a fontconfig pattern at a size), a primary font and
// fallback fonts that fontconfig finds on demand, one grapheme cluster at a time, among every installed font
// (Noto for scripts DejaVu lacks, Noto Color Emoji for emoji). Fonts are opened with FreeType when first
// needed; nothing is rasterised here (glyph_atlas.h does that, glyph by glyph).
// Sizes follow Dear ImGui's: a typeface's size is its line height (ascender to descender of its primary
// font) in pixels, and every fallback font of it is set at the same em size as the primary.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;

namespace epilogue {

// One font file opened at one size.
struct LoadedFace {
    FT_Face face = nullptr;
    std::string file;
    int index = 0;         // the face in a collection (.ttc)
    float emPixels = 0;    // the size it is set at
    bool colour = false;   // colour bitmaps (CBDT: Noto Color Emoji), drawn in their own colours
    // Drawn pixels per pixel of the face's own metrics: 1 for outline fonts; below 1 for a bitmap font
    // whose only strike is larger than the text (Noto Color Emoji's is 109 pixels).
    float scale = 1;
};

// A character no installed font has, reported once per script.
struct MissingScript {
    std::string script;   // "Tibetan"
    std::string package;  // the Debian package that provides a font for it
};

class FontLibrary {
public:
    FontLibrary();
    ~FontLibrary();
    FontLibrary(const FontLibrary&) = delete;
    FontLibrary& operator=(const FontLibrary&) = delete;

    bool ok() const { return library_ != nullptr; }
    // Adds a typeface: `pattern` such as "DejaVu Sans:bold", `lineHeight` in pixels. Returns its number, or
    // -1 when fontconfig finds no scalable font for the pattern.
    int addTypeface(const std::string& pattern, float lineHeight);

    // The face that draws a grapheme cluster (its code points) in a typeface: the first of the typeface's
    // fonts that has every code point, else one that fontconfig finds, else the primary font (whose
    // missing glyphs are drawn as boxes), in which case `missing` is set.
    int faceForCluster(int typeface, const char32_t* cluster, std::size_t length, bool& missing);
    const LoadedFace& face(int index) const { return faces_[static_cast<std::size_t>(index)]; }
    int faceCount() const { return static_cast<int>(faces_.size()); }
    int primaryFace(int typeface) const { return typefaces_[static_cast<std::size_t>(typeface)].faces.front(); }
    float lineHeight(int typeface) const { return typefaces_[static_cast<std::size_t>(typeface)].lineHeight; }
    float ascent(int typeface) const { return typefaces_[static_cast<std::size_t>(typeface)].ascent; }

    // Whether any face was ever asked for a character no font has, and for which scripts (once each).
    const std::vector<MissingScript>& missingScripts() const { return missingScripts_; }

private:
    struct Typeface {
        std::string pattern;
        float lineHeight = 0;
        float emPixels = 0;
        float ascent = 0;
        std::vector<int> faces;  // the primary first, then fallbacks in the order they were found
        std::unordered_map<char32_t, int> byFirstCodepoint;  // clusters seen before, by their first code point
    };
    int openFace(const std::string& file, int index, float emPixels);
    bool faceHas(int face, const char32_t* cluster, std::size_t length) const;
    int findFallback(Typeface& typeface, const char32_t* cluster, std::size_t length);
    void noteMissing(char32_t codepoint);

    FT_Library library_ = nullptr;
    std::vector<LoadedFace> faces_;
    std::vector<Typeface> typefaces_;
    std::vector<MissingScript> missingScripts_;
    std::vector<std::string> fallbacksTried_;  // "file:index" of fonts fontconfig offered that lacked a cluster
};

// The name of a script for a message, and the Debian package with a font for it.
MissingScript scriptAndPackageOf(char32_t codepoint);

}  // namespace epilogue
