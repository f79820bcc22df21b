// The faces of the vector pictures: the same typefaces and sizes as the window's (scene_look.h's FaceSpec),
// set by the project's text stack (text/font_library.h, text/text_shaper.h) as the PNG's text is: fonts
// chosen per character with fallbacks for every script, shaped (Arabic joined, Indic conjuncts, emoji
// sequences), in bidi visual order, measured without hinting as Dear ImGui measures. The PDF draws those
// positioned glyphs with cairo faces made from the same font files; the SVG names the same fonts. Also a
// TextMeasurer that measures exactly what is drawn. Should no font open, cairo's own text is the fallback.
#pragma once

#include "timeline/frame_plan.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct _cairo cairo_t;
typedef struct _cairo_font_face cairo_font_face_t;
typedef struct _cairo_surface cairo_surface_t;

namespace epilogue {

class FontLibrary;
class TextShaper;
struct ShapedText;

// The faces: the canvas's four (TextStyle) and the panels' quoting serif.
enum class VectorFace { Body, Bold, Title, Small, Quote };
VectorFace faceFor(TextStyle style);

struct FaceMetrics {
    std::string family;  // as fontconfig names it ("DejaVu Sans")
    bool bold = false, italic = false, serif = false;
    float emSize = 12;   // cairo's and SVG's font size for the face's pixel height
    float baseline = 12; // from the top of a line of text to its baseline, rounded as ImGui rounds it
    float lineHeight = 15;
};

class VectorFonts {
public:
    VectorFonts();
    ~VectorFonts();
    VectorFonts(const VectorFonts&) = delete;
    VectorFonts& operator=(const VectorFonts&) = delete;

    const FaceMetrics& metrics(VectorFace face) const { return metrics_[static_cast<std::size_t>(face)]; }
    float width(VectorFace face, std::string_view text) const;

    // `text` set in `face`: glyphs in visual order, each in a font of the text stack; null when no font could
    // be opened (then select() and cairo_show_text draw it). Good until the next call.
    const ShapedText* shape(VectorFace face, std::string_view text) const;
    // A cairo face for the text stack's font `face` (ShapedGlyph::face), made from its file once, and the em
    // size to set it at, in logical pixels.
    cairo_font_face_t* glyphFace(int face) const;
    float glyphEmSize(int face) const;
    // Colour emoji, which cairo 1.16 cannot draw from the font: a font of colour bitmaps, whose glyphs are
    // drawn as images, and a glyph's image (premultiplied ARGB, kept) with where it lies from the glyph's
    // origin and how large one of its pixels is, in logical pixels. Null when it has none.
    bool colourFace(int face) const;
    struct GlyphImage {
        cairo_surface_t* image = nullptr;
        float left = 0, top = 0;  // its top-left corner from the origin, y up
        float scale = 1;          // logical pixels per image pixel
    };
    GlyphImage glyphImage(int face, std::uint32_t glyph) const;
    // The families of the fonts that set `text` in `face`, the typeface's own first: a font list that lets a
    // viewer's fallback find the fonts the PDF and PNG use.
    std::vector<std::string> families(VectorFace face, std::string_view text) const;

    // Sets `cairo`'s font to `face`'s cairo face (size and options included), for when shape() is null.
    void select(cairo_t* cairo, VectorFace face) const;

private:
    int typefaceOf(VectorFace face) const { return typefaces_[static_cast<std::size_t>(face)]; }

    std::array<FaceMetrics, 5> metrics_;
    std::array<cairo_font_face_t*, 5> faces_{};
    std::array<int, 5> typefaces_{-1, -1, -1, -1, -1};  // in library_
    std::unique_ptr<FontLibrary> library_;
    std::unique_ptr<TextShaper> shaper_;
    mutable std::vector<cairo_font_face_t*> glyphFaces_;
    mutable std::map<std::uint64_t, GlyphImage> glyphImages_;  // by face and glyph  // by the library's face; null until first asked for
    cairo_surface_t* scratchSurface_ = nullptr;
    cairo_t* scratch_ = nullptr;  // measures text when no font could be opened
};

// Measures canvas text as the vector pictures set it: whole texts, and the starts of texts by their glyphs'
// clusters in the whole shaped text.
class VectorTextMeasurer : public TextMeasurer {
public:
    explicit VectorTextMeasurer(const VectorFonts& fonts) : fonts_(fonts) {}
    glm::vec2 measure(TextStyle style, std::string_view text) const override;
    float measureStart(TextStyle style, std::string_view text, std::size_t bytes) const override;

private:
    const VectorFonts& fonts_;
};

}  // namespace epilogue
