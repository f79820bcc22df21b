// Writes the vector picture of a frame as SVG text, with every word as a real <text> element (selectable,
// searchable, read by screen readers) in logical order, set in the window's fonts by name, with the fallback
// fonts the text stack chose for other scripts after them, in its direction, held to its shaped width.
// Gradients are shared between the shapes that use the same one. Pure text output: no cairo drawing.
#pragma once

#include "export/vector_fonts.h"
#include "export/vector_painter.h"

#include <map>
#include <string>

namespace epilogue {

struct SvgDocument {
    float logicalWidth = 1280, logicalHeight = 720;  // the viewBox
    float pixelScale = 1;                            // width and height are the viewBox times this
    std::string title;        // <title>: what the picture is
    std::string description;  // <desc>
};

class SvgPainter : public VectorPainter {
public:
    SvgPainter(const SvgDocument& document, const VectorFonts& fonts);

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
    void beginGroup(std::string_view name) override;
    void endGroup() override;

    // The whole document. `standalone`: with the XML declaration (a file of its own); without it, fit to be
    // put inline in an HTML page.
    std::string finish(bool standalone) const;

private:
    std::string fill(const Paint& paint, const char* attribute = "fill");  // fill="..." fill-opacity="..."
    std::string gradient(const Paint& paint, float radialReach);

    SvgDocument document_;
    const VectorFonts& fonts_;
    std::string defs_, body_;
    std::map<std::string, std::string> gradients_;  // a gradient's definition -> its id
    int nextId_ = 0;
    int openClips_ = 0;
};

// Text made safe for XML (&, <, >, quotes), with control characters other than tab and newline left out
// (XML 1.0 allows none of them).
std::string xmlEscaped(std::string_view text);

}  // namespace epilogue
