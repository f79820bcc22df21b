// Opening the faces with fontconfig and cairo, and measuring text without hinting.
#include "export/vector_fonts.h"

#include "render/scene_look.h"

#include <cairo-ft.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <cmath>
#include <string>

namespace epilogue {

namespace {

// Outlines as designed: advances are not rounded to whole pixels, as Dear ImGui does not round them.
cairo_font_options_t* unhintedOptions() {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    return options;
}

// The face fontconfig picks for `pattern`, and its family, weight and slant.
cairo_font_face_t* openFace(const char* pattern, FaceMetrics& metrics) {
    FcInit();
    FcPattern* query = FcNameParse(reinterpret_cast<const FcChar8*>(pattern));
    FcConfigSubstitute(nullptr, query, FcMatchPattern);
    FcDefaultSubstitute(query);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, query, &result);
    FcPatternDestroy(query);
    if (!match) return cairo_toy_font_face_create("sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    FcChar8* family = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch) {
        metrics.family = reinterpret_cast<const char*>(family);
    }
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(match, FC_SLANT, 0, &slant);
    metrics.bold = weight >= FC_WEIGHT_BOLD;
    metrics.italic = slant != FC_SLANT_ROMAN;
    cairo_font_face_t* face = cairo_ft_font_face_create_for_pattern(match);
    FcPatternDestroy(match);  // the face keeps its own reference
    return face;
}

FaceSpec specOf(VectorFace face) {
    switch (face) {
        case VectorFace::Bold: return kBoldFace;
        case VectorFace::Title: return kTitleFace;
        case VectorFace::Small: return kSmallFace;
        case VectorFace::Quote: return kQuoteFace;
        case VectorFace::Body: break;
    }
    return kBodyFace;
}

}  // namespace

VectorFace faceFor(TextStyle style) {
    switch (style) {
        case TextStyle::Bold: return VectorFace::Bold;
        case TextStyle::Title: return VectorFace::Title;
        case TextStyle::Small: return VectorFace::Small;
        case TextStyle::Caption: return VectorFace::Bold;  // the tour's captions, which stills do not show
        case TextStyle::Quote: return VectorFace::Quote;
        case TextStyle::Body: break;
    }
    return VectorFace::Body;
}

VectorFonts::VectorFonts() {
    scratchSurface_ = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    scratch_ = cairo_create(scratchSurface_);
    cairo_font_options_t* options = unhintedOptions();
    cairo_set_font_options(scratch_, options);
    cairo_font_options_destroy(options);
    for (std::size_t i = 0; i < faces_.size(); ++i) {
        const FaceSpec spec = specOf(static_cast<VectorFace>(i));
        FaceMetrics& metrics = metrics_[i];
        faces_[i] = openFace(spec.pattern, metrics);
        metrics.serif = std::string(spec.pattern).find("Serif") != std::string::npos;
        // Dear ImGui sizes a font by the height from ascender to descender; cairo and SVG by the em.
        cairo_set_font_face(scratch_, faces_[i]);
        cairo_set_font_size(scratch_, 1.0);
        cairo_font_extents_t extents{};
        cairo_font_extents(scratch_, &extents);
        const double height = extents.ascent + extents.descent;
        metrics.emSize = static_cast<float>(height > 0 ? spec.pixelHeight / height : spec.pixelHeight);
        // ImGui puts the baseline at floor(ascent + 1) pixels below the line's top.
        metrics.baseline = std::floor(static_cast<float>(extents.ascent) * metrics.emSize + 1.0f);
        metrics.lineHeight = spec.pixelHeight;
    }
}

VectorFonts::~VectorFonts() {
    for (cairo_font_face_t* face : faces_) {
        if (face) cairo_font_face_destroy(face);
    }
    cairo_destroy(scratch_);
    cairo_surface_destroy(scratchSurface_);
}

void VectorFonts::select(cairo_t* cairo, VectorFace face) const {
    cairo_set_font_face(cairo, cairoFace(face));
    cairo_set_font_size(cairo, metrics(face).emSize);
    cairo_font_options_t* options = unhintedOptions();
    cairo_set_font_options(cairo, options);
    cairo_font_options_destroy(options);
}

float VectorFonts::width(VectorFace face, std::string_view text) const {
    if (text.empty()) return 0;
    select(scratch_, face);
    const std::string copy(text);  // cairo reads up to a NUL
    cairo_text_extents_t extents{};
    cairo_text_extents(scratch_, copy.c_str(), &extents);
    return static_cast<float>(extents.x_advance);
}

glm::vec2 VectorTextMeasurer::measure(TextStyle style, std::string_view text) const {
    const VectorFace face = faceFor(style);
    return {fonts_.width(face, text), fonts_.metrics(face).lineHeight};
}

}  // namespace epilogue
