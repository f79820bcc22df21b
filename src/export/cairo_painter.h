// Draws the vector picture of a frame with cairo onto any cairo surface (a PDF page for --screenshot OUT.pdf,
// an image surface in tests). Words are shown as text, shaped glyphs in the fonts the window's text stack
// chose (any script; colour emoji as images), which cairo embeds (subset) in a PDF with the characters each
// glyph draws, so they can be selected, searched and copied; a shadow under a word is its outline, not a copy.
#pragma once

#include "export/vector_fonts.h"
#include "export/vector_painter.h"

typedef struct _cairo_pattern cairo_pattern_t;

namespace epilogue {

struct ShapedGlyph;

class CairoPainter : public VectorPainter {
public:
    // Draws through `cairo`, whose current transformation maps logical pixels onto the surface.
    CairoPainter(cairo_t* cairo, const VectorFonts& fonts) : cairo_(cairo), fonts_(fonts) {}

    void fillRect(const Rect& rect, const Paint& paint, float opacity) override;
    void fillRoundedRect(const Rect& rect, float radius, const Paint& paint) override;
    void strokeRoundedRect(const Rect& rect, float radius, float width, const Paint& paint) override;
    void fillCircle(glm::vec2 centre, float radius, const Paint& paint, float opacity) override;
    void strokeCircle(glm::vec2 centre, float radius, float width, const Paint& paint) override;
    void fillPolygon(const std::vector<glm::vec2>& points, const Paint& paint) override;
    void strokeLine(glm::vec2 from, glm::vec2 to, float width, const Paint& paint) override;
    void strokePath(const std::vector<glm::vec2>& points, const std::vector<StrokeLayer>& layers) override;
    void text(const TextRun& run) override;
    void pushClip(const Rect& rect) override;
    void popClip() override;

private:
    // Sets the source to `paint` for a shape whose bounds are `bounds` (radial gradients reach `reach` times
    // the bounds' size from their centre).
    void setSource(const Paint& paint, const Rect& bounds, float reach);
    static Paint withOpacity(const Paint& paint, float opacity);
    // A colour emoji glyph, drawn as its image at the glyph's place, at the text's opacity; or its shadow, the
    // image's shape in black at `alpha`.
    void colourGlyph(const ShapedGlyph& glyph, double x, double baseline, float alpha, bool shadow = false);
    // Text in cairo's own way, for when the text stack has no font: no fallback fonts, no shaping.
    void cairoText(const TextRun& run, VectorFace face, double x, double baseline);

    cairo_t* cairo_;
    const VectorFonts& fonts_;
};

}  // namespace epilogue
