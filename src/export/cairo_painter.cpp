// Cairo drawing of a vector picture; text as the text stack's positioned glyphs, shown with the clusters of
// the words they draw, so that the PDF's text reads back in logical order.
#include "export/cairo_painter.h"

#include "render/scene_look.h"
#include "text/text_shaper.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

// Where each glyph's character ends in the text: the next cluster after its own among all the line's
// glyphs, else the text's end.
std::vector<std::uint32_t> clusterEnds(const ShapedText& shaped, std::size_t textBytes) {
    std::vector<std::uint32_t> starts;
    starts.reserve(shaped.glyphs.size() + 1);
    for (const ShapedGlyph& glyph : shaped.glyphs) starts.push_back(glyph.cluster);
    starts.push_back(static_cast<std::uint32_t>(textBytes));
    std::sort(starts.begin(), starts.end());
    std::vector<std::uint32_t> ends;
    ends.reserve(shaped.glyphs.size());
    for (const ShapedGlyph& glyph : shaped.glyphs) {
        const auto next = std::upper_bound(starts.begin(), starts.end(), glyph.cluster);
        ends.push_back(next == starts.end() ? static_cast<std::uint32_t>(textBytes) : *next);
    }
    return ends;
}

// Shows glyphs [begin, end) of `shaped` (one face; clusters running one way) with the bytes of `text` they
// draw, or as bare glyphs when their clusters do not cover those bytes exactly once.
void showSegment(cairo_t* cairo, std::string_view text, const ShapedText& shaped, const std::vector<std::uint32_t>& ends,
                 std::size_t begin, std::size_t end, double x, double baseline) {
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(end - begin);
    for (std::size_t i = begin; i < end; ++i) {
        const ShapedGlyph& glyph = shaped.glyphs[i];
        glyphs.push_back({glyph.glyph, x + glyph.x, baseline + glyph.y});
    }
    // The clusters in the glyphs' order: runs of glyphs with one cluster value.
    struct Group {
        std::uint32_t start, end;
        int glyphs;
    };
    std::vector<Group> groups;
    for (std::size_t i = begin; i < end; ++i) {
        const ShapedGlyph& glyph = shaped.glyphs[i];
        if (!groups.empty() && groups.back().start == glyph.cluster) {
            ++groups.back().glyphs;
        } else {
            groups.push_back({glyph.cluster, ends[i], 1});
        }
    }
    const bool backward = groups.size() > 1 && groups[1].start < groups[0].start;
    if (backward) std::reverse(groups.begin(), groups.end());  // cairo wants them in the text's order
    bool covered = !groups.empty();
    for (std::size_t g = 0; g + 1 < groups.size() && covered; ++g) covered = groups[g].end == groups[g + 1].start;
    covered = covered && groups.back().end <= text.size();
    if (!covered) {
        cairo_show_glyphs(cairo, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(groups.size());
    for (const Group& group : groups) clusters.push_back({static_cast<int>(group.end - group.start), group.glyphs});
    const std::string_view words = text.substr(groups.front().start, groups.back().end - groups.front().start);
    cairo_show_text_glyphs(cairo, words.data(), static_cast<int>(words.size()), glyphs.data(), static_cast<int>(glyphs.size()),
                           clusters.data(), static_cast<int>(clusters.size()),
                           backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : cairo_text_cluster_flags_t{});
}

// Calls `segment(begin, end)` for each run of glyphs in one face that draws one stretch of the text, its
// clusters running one way (a bidi run, or part of one).
template <typename Segment>
void forEachSegment(const ShapedText& shaped, const std::vector<std::uint32_t>& ends, Segment segment) {
    std::size_t begin = 0;
    int direction = 0;  // of the segment's clusters: 1 up, -1 down, 0 not yet known
    for (std::size_t i = 1; i <= shaped.glyphs.size(); ++i) {
        bool split = i == shaped.glyphs.size();
        if (!split) {
            const ShapedGlyph& previous = shaped.glyphs[i - 1];
            const ShapedGlyph& glyph = shaped.glyphs[i];
            // The next character on (left to right), or the one before (right to left), or the same one.
            const int step = glyph.cluster == previous.cluster ? 0 : glyph.cluster == ends[i - 1] ? 1
                             : ends[i] == previous.cluster ? -1 : 2;
            split = glyph.face != previous.face || step == 2 || (step != 0 && direction != 0 && step != direction);
            if (!split && step != 0) direction = step;
        }
        if (split) {
            segment(begin, i);
            begin = i;
            direction = 0;
        }
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
    const double x = std::floor(run.topLeft.x);
    const double baseline = std::floor(run.topLeft.y) + fonts_.metrics(face).baseline;
    const ShapedText* shaped = fonts_.shape(face, run.text);
    if (!shaped) {
        cairoText(run, face, x, baseline);
        return;
    }
    const std::vector<std::uint32_t> ends = clusterEnds(*shaped, run.text.size());
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cairo_, options);
    cairo_font_options_destroy(options);
    auto selectFace = [&](std::size_t glyph) {
        const int index = shaped->glyphs[glyph].face;
        cairo_set_font_face(cairo_, fonts_.glyphFace(index));
        cairo_set_font_size(cairo_, fonts_.glyphEmSize(index));
    };
    if (run.shadow) {  // outlines: the words themselves appear once in the PDF's text
        cairo_new_path(cairo_);
        forEachSegment(*shaped, ends, [&](std::size_t begin, std::size_t end) {
            if (fonts_.colourFace(shaped->glyphs[begin].face)) {  // an emoji's shadow: its image's shape
                for (std::size_t i = begin; i < end; ++i) colourGlyph(shaped->glyphs[i], x + 1, baseline + 1, kTextShadowAlpha, true);
                return;
            }
            selectFace(begin);
            std::vector<cairo_glyph_t> glyphs;
            for (std::size_t i = begin; i < end; ++i) {
                const ShapedGlyph& glyph = shaped->glyphs[i];
                glyphs.push_back({glyph.glyph, x + 1 + glyph.x, baseline + 1 + glyph.y});
            }
            cairo_glyph_path(cairo_, glyphs.data(), static_cast<int>(glyphs.size()));
        });
        cairo_set_source_rgba(cairo_, 0, 0, 0, kTextShadowAlpha);
        cairo_fill(cairo_);
    }
    cairo_new_path(cairo_);
    cairo_set_source_rgba(cairo_, run.colour.r, run.colour.g, run.colour.b, run.alpha);
    forEachSegment(*shaped, ends, [&](std::size_t begin, std::size_t end) {
        if (fonts_.colourFace(shaped->glyphs[begin].face)) {
            for (std::size_t i = begin; i < end; ++i) colourGlyph(shaped->glyphs[i], x, baseline, run.alpha);
            return;
        }
        selectFace(begin);
        showSegment(cairo_, run.text, *shaped, ends, begin, end, x, baseline);
    });
    cairo_new_path(cairo_);
}

void CairoPainter::colourGlyph(const ShapedGlyph& glyph, double x, double baseline, float alpha, bool shadow) {
    const VectorFonts::GlyphImage image = fonts_.glyphImage(glyph.face, glyph.glyph);
    if (!image.image) return;
    cairo_save(cairo_);
    cairo_translate(cairo_, x + glyph.x + image.left, baseline + glyph.y - image.top);
    cairo_scale(cairo_, image.scale, image.scale);
    if (shadow) {
        cairo_set_source_rgba(cairo_, 0, 0, 0, alpha);
        cairo_mask_surface(cairo_, image.image, 0, 0);
    } else {
        cairo_set_source_surface(cairo_, image.image, 0, 0);
        cairo_pattern_set_filter(cairo_get_source(cairo_), CAIRO_FILTER_GOOD);
        cairo_paint_with_alpha(cairo_, alpha);
    }
    cairo_restore(cairo_);
}

void CairoPainter::cairoText(const TextRun& run, VectorFace face, double x, double baseline) {
    fonts_.select(cairo_, face);
    const std::string words(run.text);  // cairo reads up to a NUL
    if (run.shadow) {
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
