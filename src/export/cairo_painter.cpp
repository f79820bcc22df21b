// Cairo drawing of a vector picture.
#include "export/cairo_painter.h"

#include "render/scene_look.h"

#include <cairo.h>

#include <cmath>
#include <string>

namespace epilogue {

namespace {

void roundedRectPath(cairo_t* cairo, const Rect& rect, float radius) {
    const double r = std::fmin(radius, std::fmin(rect.width, rect.height) / 2);
    const double x = rect.x, y = rect.y, w = rect.width, h = rect.height;
    const double quarter = M_PI / 2;
    cairo_new_sub_path(cairo);
    cairo_arc(cairo, x + w - r, y + r, r, -quarter, 0);
    cairo_arc(cairo, x + w - r, y + h - r, r, 0, quarter);
    cairo_arc(cairo, x + r, y + h - r, r, quarter, 2 * quarter);
    cairo_arc(cairo, x + r, y + r, r, 2 * quarter, 3 * quarter);
    cairo_close_path(cairo);
}

void polylinePath(cairo_t* cairo, const std::vector<glm::vec2>& points) {
    cairo_new_path(cairo);
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i == 0) {
            cairo_move_to(cairo, points[i].x, points[i].y);
        } else {
            cairo_line_to(cairo, points[i].x, points[i].y);
        }
    }
}

void addStops(cairo_pattern_t* pattern, const std::vector<ColourStop>& stops) {
    for (const ColourStop& stop : stops) {
        cairo_pattern_add_color_stop_rgba(pattern, stop.offset, stop.colour.r, stop.colour.g, stop.colour.b, stop.alpha);
    }
}

}  // namespace

void CairoPainter::setSource(const Paint& paint, const Rect& bounds, float reach) {
    if (paint.kind == Paint::Kind::Solid) {
        cairo_set_source_rgba(cairo_, paint.colour.r, paint.colour.g, paint.colour.b, paint.alpha);
        return;
    }
    cairo_pattern_t* pattern = nullptr;
    if (paint.kind == Paint::Kind::Linear) {
        pattern = cairo_pattern_create_linear(paint.from.x, paint.from.y, paint.to.x, paint.to.y);
    } else {
        // A unit circle in the bounds' own space, stretched over them (an ellipse for a rectangle).
        pattern = cairo_pattern_create_radial(0.5, 0.5, 0, 0.5, 0.5, reach);
        cairo_matrix_t matrix;
        cairo_matrix_init_scale(&matrix, 1.0 / std::fmax(bounds.width, 1e-3f), 1.0 / std::fmax(bounds.height, 1e-3f));
        cairo_matrix_translate(&matrix, -bounds.x, -bounds.y);
        cairo_pattern_set_matrix(pattern, &matrix);
    }
    addStops(pattern, paint.stops);
    cairo_pattern_set_extend(pattern, CAIRO_EXTEND_PAD);
    cairo_set_source(cairo_, pattern);
    cairo_pattern_destroy(pattern);
}

Paint CairoPainter::withOpacity(const Paint& paint, float opacity) {
    // Into the paint's own alphas: a PDF then needs no transparency group, which not every viewer composites.
    Paint faded = paint;
    faded.alpha *= opacity;
    for (ColourStop& stop : faded.stops) stop.alpha *= opacity;
    return faded;
}

void CairoPainter::fillRect(const Rect& rect, const Paint& paint, float opacity) {
    setSource(opacity < 1 ? withOpacity(paint, opacity) : paint, rect, 0.7072f);
    cairo_rectangle(cairo_, rect.x, rect.y, rect.width, rect.height);
    cairo_fill(cairo_);
}

void CairoPainter::fillRoundedRect(const Rect& rect, float radius, const Paint& paint) {
    setSource(paint, rect, 0.5f);
    roundedRectPath(cairo_, rect, radius);
    cairo_fill(cairo_);
}

void CairoPainter::strokeRoundedRect(const Rect& rect, float radius, float width, const Paint& paint) {
    setSource(paint, rect, 0.5f);
    roundedRectPath(cairo_, rect, radius);
    cairo_set_line_width(cairo_, width);
    cairo_stroke(cairo_);
}

void CairoPainter::fillCircle(glm::vec2 centre, float radius, const Paint& paint, float opacity) {
    setSource(opacity < 1 ? withOpacity(paint, opacity) : paint,
              {centre.x - radius, centre.y - radius, 2 * radius, 2 * radius}, 0.5f);
    cairo_new_path(cairo_);
    cairo_arc(cairo_, centre.x, centre.y, radius, 0, 2 * M_PI);
    cairo_fill(cairo_);
}

void CairoPainter::strokeCircle(glm::vec2 centre, float radius, float width, const Paint& paint) {
    setSource(paint, {centre.x - radius, centre.y - radius, 2 * radius, 2 * radius}, 0.5f);
    cairo_new_path(cairo_);
    cairo_arc(cairo_, centre.x, centre.y, radius, 0, 2 * M_PI);
    cairo_set_line_width(cairo_, width);
    cairo_stroke(cairo_);
}

void CairoPainter::fillPolygon(const std::vector<glm::vec2>& points, const Paint& paint) {
    if (points.size() < 3) return;
    setSource(paint, {}, 0.5f);
    polylinePath(cairo_, points);
    cairo_close_path(cairo_);
    cairo_fill(cairo_);
}

void CairoPainter::strokeLine(glm::vec2 from, glm::vec2 to, float width, const Paint& paint) {
    setSource(paint, {}, 0.5f);
    cairo_new_path(cairo_);
    cairo_move_to(cairo_, from.x, from.y);
    cairo_line_to(cairo_, to.x, to.y);
    cairo_set_line_width(cairo_, width);
    cairo_set_line_cap(cairo_, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cairo_);
}

void CairoPainter::strokePath(const std::vector<glm::vec2>& points, const std::vector<StrokeLayer>& layers) {
    if (points.size() < 2) return;
    cairo_save(cairo_);
    cairo_set_line_join(cairo_, CAIRO_LINE_JOIN_ROUND);
    for (const StrokeLayer& layer : layers) {
        setSource(layer.paint, {}, 0.5f);
        polylinePath(cairo_, points);
        cairo_set_line_width(cairo_, layer.width);
        if (layer.dashGap > 0) {
            const double dashes[] = {0.0, layer.dashGap};
            cairo_set_dash(cairo_, dashes, 2, layer.dashOffset);
            cairo_set_line_cap(cairo_, CAIRO_LINE_CAP_ROUND);
        } else {
            cairo_set_dash(cairo_, nullptr, 0, 0);
            cairo_set_line_cap(cairo_, CAIRO_LINE_CAP_BUTT);
        }
        cairo_stroke(cairo_);
    }
    cairo_restore(cairo_);
}

void CairoPainter::text(const TextRun& run) {
    if (run.text.empty()) return;
    const VectorFace face = run.quoteFace ? VectorFace::Quote : faceFor(run.style);
    fonts_.select(cairo_, face);
    const std::string words(run.text);  // cairo reads up to a NUL
    const double x = std::floor(run.topLeft.x);
    const double baseline = std::floor(run.topLeft.y) + fonts_.metrics(face).baseline;
    if (run.shadow) {  // outlines: the words themselves appear once in the PDF's text
        cairo_new_path(cairo_);
        cairo_move_to(cairo_, x + 1, baseline + 1);
        cairo_text_path(cairo_, words.c_str());
        cairo_set_source_rgba(cairo_, 0, 0, 0, kTextShadowAlpha);
        cairo_fill(cairo_);
    }
    cairo_new_path(cairo_);
    cairo_move_to(cairo_, x, baseline);
    cairo_set_source_rgba(cairo_, run.colour.r, run.colour.g, run.colour.b, run.alpha);
    cairo_show_text(cairo_, words.c_str());
    cairo_new_path(cairo_);
}

void CairoPainter::pushClip(const Rect& rect) {
    cairo_save(cairo_);
    cairo_new_path(cairo_);
    cairo_rectangle(cairo_, rect.x, rect.y, rect.width, rect.height);
    cairo_clip(cairo_);
}

void CairoPainter::popClip() { cairo_restore(cairo_); }

}  // namespace epilogue
