// SVG text of a vector picture.
#include "export/svg_painter.h"

#include "render/scene_look.h"
#include "text/text_shaper.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace epilogue {

namespace {

// A coordinate or size, to a hundredth of a logical pixel, without trailing zeros.
std::string num(float value) {
    if (!std::isfinite(value)) value = 0;
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", static_cast<double>(value));
    std::string out = text;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    return out == "-0" ? "0" : out;
}

std::string hex(const Colour& colour) {
    auto byte = [](float channel) { return static_cast<int>(std::lround(std::clamp(channel, 0.0f, 1.0f) * 255.0f)); };
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", byte(colour.r), byte(colour.g), byte(colour.b));
    return text;
}

std::string opacity(float alpha) { return num(std::clamp(alpha, 0.0f, 1.0f)); }

std::string points(const std::vector<glm::vec2>& list) {
    std::string out;
    out.reserve(list.size() * 14);
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += i == 0 ? "M" : "L";
        out += num(list[i].x);
        out += ' ';
        out += num(list[i].y);
    }
    return out;
}

const char* className(VectorFace face) {
    switch (face) {
        case VectorFace::Bold: return "fb";
        case VectorFace::Title: return "ft";
        case VectorFace::Small: return "fs";
        case VectorFace::Quote: return "fq";
        case VectorFace::Body: break;
    }
    return "fn";
}

}  // namespace

std::string xmlEscaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
                out += c;
        }
    }
    return out;
}

SvgPainter::SvgPainter(const SvgDocument& document, const VectorFonts& fonts) : document_(document), fonts_(fonts) {}

std::string SvgPainter::gradient(const Paint& paint, float radialReach) {
    std::string definition;
    if (paint.kind == Paint::Kind::Linear) {
        definition = "<linearGradient gradientUnits=\"userSpaceOnUse\" x1=\"" + num(paint.from.x) + "\" y1=\"" +
                     num(paint.from.y) + "\" x2=\"" + num(paint.to.x) + "\" y2=\"" + num(paint.to.y) + "\">";
    } else {
        definition = "<radialGradient cx=\"0.5\" cy=\"0.5\" r=\"" + num(radialReach) + "\">";
    }
    for (const ColourStop& stop : paint.stops) {
        definition += "<stop offset=\"" + num(std::clamp(stop.offset, 0.0f, 1.0f)) + "\" stop-color=\"" +
                      hex(stop.colour) + "\"";
        if (stop.alpha < 1) definition += " stop-opacity=\"" + opacity(stop.alpha) + "\"";
        definition += "/>";
    }
    definition += paint.kind == Paint::Kind::Linear ? "</linearGradient>" : "</radialGradient>";
    auto found = gradients_.find(definition);
    if (found != gradients_.end()) return found->second;
    const std::string id = "g" + std::to_string(nextId_++);
    gradients_.emplace(definition, id);
    // The id goes in after the element's name.
    const std::size_t nameEnd = definition.find(' ');
    defs_ += definition.substr(0, nameEnd) + " id=\"" + id + "\"" + definition.substr(nameEnd) + "\n";
    return id;
}

std::string SvgPainter::fill(const Paint& paint, const char* attribute) {
    const std::string name = attribute;
    if (paint.kind == Paint::Kind::Solid) {
        std::string out = " " + name + "=\"" + hex(paint.colour) + "\"";
        if (paint.alpha < 1) out += " " + name + "-opacity=\"" + opacity(paint.alpha) + "\"";
        return out;
    }
    return " " + name + "=\"url(#" + gradient(paint, paint.kind == Paint::Kind::Radial ? 0.5f : 0.0f) + ")\"";
}

void SvgPainter::fillRect(const Rect& rect, const Paint& paint, float alpha) {
    std::string paintText;
    if (paint.kind == Paint::Kind::Radial) {  // reaching the corners
        paintText = " fill=\"url(#" + gradient(paint, 0.7072f) + ")\"";
    } else {
        paintText = fill(paint);
    }
    body_ += "<rect x=\"" + num(rect.x) + "\" y=\"" + num(rect.y) + "\" width=\"" + num(rect.width) + "\" height=\"" +
             num(rect.height) + "\"" + paintText;
    if (alpha < 1) body_ += " opacity=\"" + opacity(alpha) + "\"";
    body_ += "/>\n";
}

void SvgPainter::fillRoundedRect(const Rect& rect, float radius, const Paint& paint) {
    body_ += "<rect x=\"" + num(rect.x) + "\" y=\"" + num(rect.y) + "\" width=\"" + num(rect.width) + "\" height=\"" +
             num(rect.height) + "\" rx=\"" + num(radius) + "\"" + fill(paint) + "/>\n";
}

void SvgPainter::strokeRoundedRect(const Rect& rect, float radius, float width, const Paint& paint) {
    body_ += "<rect x=\"" + num(rect.x) + "\" y=\"" + num(rect.y) + "\" width=\"" + num(rect.width) + "\" height=\"" +
             num(rect.height) + "\" rx=\"" + num(radius) + "\" fill=\"none\" stroke-width=\"" + num(width) + "\"" +
             fill(paint, "stroke") + "/>\n";
}

void SvgPainter::fillCircle(glm::vec2 centre, float radius, const Paint& paint, float alpha) {
    body_ += "<circle cx=\"" + num(centre.x) + "\" cy=\"" + num(centre.y) + "\" r=\"" + num(radius) + "\"" + fill(paint);
    if (alpha < 1) body_ += " opacity=\"" + opacity(alpha) + "\"";
    body_ += "/>\n";
}

void SvgPainter::strokeCircle(glm::vec2 centre, float radius, float width, const Paint& paint) {
    body_ += "<circle cx=\"" + num(centre.x) + "\" cy=\"" + num(centre.y) + "\" r=\"" + num(radius) +
             "\" fill=\"none\" stroke-width=\"" + num(width) + "\"" + fill(paint, "stroke") + "/>\n";
}

void SvgPainter::fillPolygon(const std::vector<glm::vec2>& list, const Paint& paint) {
    body_ += "<path d=\"" + points(list) + "Z\"" + fill(paint) + "/>\n";
}

void SvgPainter::strokeLine(glm::vec2 from, glm::vec2 to, float width, const Paint& paint) {
    body_ += "<line x1=\"" + num(from.x) + "\" y1=\"" + num(from.y) + "\" x2=\"" + num(to.x) + "\" y2=\"" + num(to.y) +
             "\" stroke-width=\"" + num(width) + "\"" + fill(paint, "stroke") + "/>\n";
}

void SvgPainter::strokePath(const std::vector<glm::vec2>& list, const std::vector<StrokeLayer>& layers) {
    if (list.size() < 2 || layers.empty()) return;
    // The path once, stroked by reference for each layer.
    const std::string id = "p" + std::to_string(nextId_++);
    defs_ += "<path id=\"" + id + "\" d=\"" + points(list) + "\"/>\n";
    body_ += "<g fill=\"none\" stroke-linejoin=\"round\">\n";
    for (const StrokeLayer& layer : layers) {
        body_ += "<use xlink:href=\"#" + id + "\" stroke-width=\"" + num(layer.width) + "\"" +
                 fill(layer.paint, "stroke");
        if (layer.dashGap > 0) {
            body_ += " stroke-linecap=\"round\" stroke-dasharray=\"0 " + num(layer.dashGap) + "\" stroke-dashoffset=\"" +
                     num(layer.dashOffset) + "\"";
        }
        body_ += "/>\n";
    }
    body_ += "</g>\n";
}

void SvgPainter::text(const TextRun& run) {
    if (run.text.empty()) return;
    const VectorFace face = run.quoteFace ? VectorFace::Quote : faceFor(run.style);
    const FaceMetrics& metrics = fonts_.metrics(face);
    const std::string id = "t" + std::to_string(nextId_++);
    const ShapedText* shaped = fonts_.shape(face, run.text);
    const bool rightToLeft = shaped && shaped->rightToLeft;
    // Right-to-left text is held by its middle, which means the same in every viewer whichever side it takes
    // its start to be.
    const float left = std::floor(run.topLeft.x);
    const std::string x = num(rightToLeft && run.width > 0 ? left + run.width / 2 : left);
    const std::string y = num(std::floor(run.topLeft.y) + metrics.baseline);
    // The shadow is the same text by reference: one copy of the words in the document.
    if (run.shadow) {
        body_ += "<use xlink:href=\"#" + id + "\" transform=\"translate(1 1)\" fill=\"#000000\" fill-opacity=\"" +
                 opacity(kTextShadowAlpha) + "\" aria-hidden=\"true\"/>\n";
    }
    body_ += "<g" + fill(Paint::solid(run.colour, run.alpha)) + "><text id=\"" + id + "\" class=\"" + className(face) +
             "\" x=\"" + x + "\" y=\"" + y + "\"";
    // The fonts the text stack set it in, its own typeface first, so that a viewer falls back to the same
    // ones; it shapes the words and orders them by the bidi algorithm itself, in the text's direction.
    const std::vector<std::string> families = fonts_.families(face, run.text);
    if (families.size() > 1) {
        body_ += " style=\"font-family:";
        for (const std::string& family : families) body_ += "'" + xmlEscaped(family) + "',";
        body_ += metrics.serif ? "serif\"" : "sans-serif\"";
    }
    if (rightToLeft) body_ += " direction=\"rtl\" text-anchor=\"middle\"";
    if (run.width > 0) body_ += " textLength=\"" + num(run.width) + "\" lengthAdjust=\"spacingAndGlyphs\"";
    body_ += ">" + xmlEscaped(run.text) + "</text></g>\n";
}

void SvgPainter::pushClip(const Rect& rect) {
    const std::string id = "c" + std::to_string(nextId_++);
    defs_ += "<clipPath id=\"" + id + "\"><rect x=\"" + num(rect.x) + "\" y=\"" + num(rect.y) + "\" width=\"" +
             num(rect.width) + "\" height=\"" + num(rect.height) + "\"/></clipPath>\n";
    body_ += "<g clip-path=\"url(#" + id + ")\">\n";
    ++openClips_;
}

void SvgPainter::popClip() {
    if (openClips_ == 0) return;
    --openClips_;
    body_ += "</g>\n";
}

void SvgPainter::beginGroup(std::string_view name) { body_ += "<g class=\"" + xmlEscaped(name) + "\">\n"; }

void SvgPainter::endGroup() { body_ += "</g>\n"; }

std::string SvgPainter::finish(bool standalone) const {
    std::string out;
    if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"";
    out += " width=\"" + num(document_.logicalWidth * document_.pixelScale) + "\" height=\"" +
           num(document_.logicalHeight * document_.pixelScale) + "\" viewBox=\"0 0 " + num(document_.logicalWidth) + " " +
           num(document_.logicalHeight) + "\" role=\"img\" aria-labelledby=\"epilogue-svg-title\">\n";
    out += "<title id=\"epilogue-svg-title\">" + xmlEscaped(document_.title) + "</title>\n";
    if (!document_.description.empty()) out += "<desc>" + xmlEscaped(document_.description) + "</desc>\n";
    out += "<style>\n";
    for (const VectorFace face : {VectorFace::Body, VectorFace::Bold, VectorFace::Title, VectorFace::Small, VectorFace::Quote}) {
        const FaceMetrics& metrics = fonts_.metrics(face);
        out += "." + std::string(className(face)) + "{font-family:'" + xmlEscaped(metrics.family) + "'," +
               (metrics.serif ? "serif" : "sans-serif") + ";font-size:" + num(metrics.emSize) +
               "px;font-weight:" + (metrics.bold ? "bold" : "normal") + ";font-style:" +
               (metrics.italic ? "italic" : "normal") + ";font-synthesis:none;white-space:pre}\n";
    }
    out += "</style>\n<defs>\n" + defs_ + "</defs>\n" + body_;
    for (int i = 0; i < openClips_; ++i) out += "</g>\n";
    out += "</svg>\n";
    return out;
}

}  // namespace epilogue
