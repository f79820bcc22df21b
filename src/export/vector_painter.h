// The drawing operations a vector picture of a frame is made of (fills, gradients, strokes, real text), as
// an interface with one implementation per format: cairo for PDF (cairo_painter.h) and an SVG writer of its
// own (svg_painter.h), since cairo's SVG surface turns every glyph into an outline no one can select or
// search. Coordinates are logical pixels, y down. No GL, no ImGui.
#pragma once

#include "render/palette.h"
#include "timeline/frame_plan.h"

#include <glm/vec2.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

struct ColourStop {
    float offset = 0;  // 0..1 along the gradient
    Colour colour{0, 0, 0};
    float alpha = 1;
};

// How a shape is filled or stroked: one colour, or a gradient between two points (linear) or out from the
// centre of the shape it fills (radial: the stops run from the shape's centre to its edge).
struct Paint {
    enum class Kind { Solid, Linear, Radial };
    Kind kind = Kind::Solid;
    Colour colour{0, 0, 0};
    float alpha = 1;
    glm::vec2 from{0, 0}, to{0, 0};  // linear: where offset 0 and offset 1 lie
    std::vector<ColourStop> stops;

    static Paint solid(const Colour& colour, float alpha = 1) {
        Paint paint;
        paint.colour = colour;
        paint.alpha = alpha;
        return paint;
    }
    static Paint linear(glm::vec2 from, glm::vec2 to, std::vector<ColourStop> stops) {
        Paint paint;
        paint.kind = Kind::Linear;
        paint.from = from;
        paint.to = to;
        paint.stops = std::move(stops);
        return paint;
    }
    static Paint radial(std::vector<ColourStop> stops) {
        Paint paint;
        paint.kind = Kind::Radial;
        paint.stops = std::move(stops);
        return paint;
    }
};

// One stroke of a path: its width and paint (a ribbon is the same path stroked several times).
struct StrokeLayer {
    float width = 1;
    Paint paint;
    float dashGap = 0;     // > 0: a row of round dots this far apart instead of a line
    float dashOffset = 0;  // where along the path the row of dots starts (as SVG's stroke-dashoffset)
};

// A run of text as it is drawn: its top-left corner (as ImGui places text), its face, its paint, and an
// optional shadow one pixel down and right, which is drawn as shapes, never as a second copy of the words.
struct TextRun {
    std::string_view text;
    glm::vec2 topLeft{0, 0};
    TextStyle style = TextStyle::Body;
    bool quoteFace = false;  // the italic serif the panels quote in, instead of `style`'s sans
    Colour colour{1, 1, 1};
    float alpha = 1;
    bool shadow = false;
    float width = 0;  // the width it was measured at (logical pixels): a viewer's own font is held to it
};

class VectorPainter {
public:
    virtual ~VectorPainter() = default;

    virtual void fillRect(const Rect& rect, const Paint& paint, float opacity = 1) = 0;
    virtual void fillRoundedRect(const Rect& rect, float radius, const Paint& paint) = 0;
    virtual void strokeRoundedRect(const Rect& rect, float radius, float width, const Paint& paint) = 0;
    // A circle filled with a solid paint or a radial gradient from its centre to its edge.
    virtual void fillCircle(glm::vec2 centre, float radius, const Paint& paint, float opacity = 1) = 0;
    virtual void strokeCircle(glm::vec2 centre, float radius, float width, const Paint& paint) = 0;
    virtual void fillPolygon(const std::vector<glm::vec2>& points, const Paint& paint) = 0;
    virtual void strokeLine(glm::vec2 from, glm::vec2 to, float width, const Paint& paint) = 0;
    // An open path stroked once per layer, in order, with round joins and butt ends.
    virtual void strokePath(const std::vector<glm::vec2>& points, const std::vector<StrokeLayer>& layers) = 0;
    virtual void text(const TextRun& run) = 0;
    // Everything drawn until the matching popClip is cut to `rect`.
    virtual void pushClip(const Rect& rect) = 0;
    virtual void popClip() = 0;
    // Groups what follows for assistive technology and tools (an SVG <g> with a class); no effect in PDF.
    virtual void beginGroup(std::string_view name) { (void)name; }
    virtual void endGroup() {}
};

}  // namespace epilogue
