// Opening the faces (the text stack's typefaces, cairo faces of their fonts' files) and measuring shaped
// text without hinting.
#include "export/vector_fonts.h"

#include "render/scene_look.h"
#include "text/font_library.h"
#include "text/text_shaper.h"

#include <cairo-ft.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cmath>
#include <cstring>
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

VectorFonts::VectorFonts() : library_(std::make_unique<FontLibrary>()) {
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
        if (library_->ok()) typefaces_[i] = library_->addTypeface(spec.pattern, spec.pixelHeight);
    }
    shaper_ = std::make_unique<TextShaper>(*library_);
}

VectorFonts::~VectorFonts() {
    for (cairo_font_face_t* face : faces_) {
        if (face) cairo_font_face_destroy(face);
    }
    for (cairo_font_face_t* face : glyphFaces_) {
        if (face) cairo_font_face_destroy(face);
    }
    for (auto& [key, glyph] : glyphImages_) {
        if (glyph.image) cairo_surface_destroy(glyph.image);
    }
    cairo_destroy(scratch_);
    cairo_surface_destroy(scratchSurface_);
}

void VectorFonts::select(cairo_t* cairo, VectorFace face) const {
    cairo_set_font_face(cairo, faces_[static_cast<std::size_t>(face)]);
    cairo_set_font_size(cairo, metrics(face).emSize);
    cairo_font_options_t* options = unhintedOptions();
    cairo_set_font_options(cairo, options);
    cairo_font_options_destroy(options);
}

const ShapedText* VectorFonts::shape(VectorFace face, std::string_view text) const {
    const int typeface = typefaceOf(face);
    if (typeface < 0) return nullptr;
    return &shaper_->shape(typeface, text);
}

cairo_font_face_t* VectorFonts::glyphFace(int face) const {
    if (face < 0 || face >= library_->faceCount()) return nullptr;
    if (glyphFaces_.size() < static_cast<std::size_t>(library_->faceCount())) {
        glyphFaces_.resize(static_cast<std::size_t>(library_->faceCount()), nullptr);
    }
    cairo_font_face_t*& made = glyphFaces_[static_cast<std::size_t>(face)];
    if (!made) {
        // By the file, so that cairo opens a FreeType face of its own and never resizes the shaper's.
        const LoadedFace& loaded = library_->face(face);
        FcPattern* pattern = FcPatternCreate();
        FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(loaded.file.c_str()));
        FcPatternAddInteger(pattern, FC_INDEX, loaded.index);
        FcPatternAddBool(pattern, FC_HINTING, FcFalse);
        FcPatternAddBool(pattern, FC_EMBEDDED_BITMAP, FcTrue);
        made = cairo_ft_font_face_create_for_pattern(pattern);
        FcPatternDestroy(pattern);
    }
    return made;
}

float VectorFonts::glyphEmSize(int face) const {
    return face >= 0 && face < library_->faceCount() ? library_->face(face).emPixels : 12.0f;
}

bool VectorFonts::colourFace(int face) const {
    return face >= 0 && face < library_->faceCount() && library_->face(face).colour;
}

VectorFonts::GlyphImage VectorFonts::glyphImage(int face, std::uint32_t glyph) const {
    const std::uint64_t key = static_cast<std::uint64_t>(face) << 32 | glyph;
    const auto known = glyphImages_.find(key);
    if (known != glyphImages_.end()) return known->second;
    GlyphImage made;
    const LoadedFace& loaded = library_->face(face);
    if (FT_Load_Glyph(loaded.face, glyph, FT_LOAD_COLOR) == 0 && loaded.face->glyph->bitmap.pixel_mode == FT_PIXEL_MODE_BGRA) {
        const FT_Bitmap& bitmap = loaded.face->glyph->bitmap;
        const int width = static_cast<int>(bitmap.width), height = static_cast<int>(bitmap.rows);
        // FreeType's BGRA is premultiplied, as cairo's ARGB32 is in a little-endian machine's memory.
        made.image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
        cairo_surface_flush(made.image);
        unsigned char* pixels = cairo_image_surface_get_data(made.image);
        const int stride = cairo_image_surface_get_stride(made.image);
        for (int row = 0; row < height; ++row) {
            const unsigned char* from = bitmap.buffer + static_cast<std::ptrdiff_t>(row) * bitmap.pitch;
            for (int column = 0; column < width; ++column) {
                const std::uint32_t pixel = static_cast<std::uint32_t>(from[4 * column]) |
                                            static_cast<std::uint32_t>(from[4 * column + 1]) << 8 |
                                            static_cast<std::uint32_t>(from[4 * column + 2]) << 16 |
                                            static_cast<std::uint32_t>(from[4 * column + 3]) << 24;
                std::memcpy(pixels + static_cast<std::ptrdiff_t>(row) * stride + 4 * column, &pixel, 4);
            }
        }
        cairo_surface_mark_dirty(made.image);
        made.scale = loaded.scale;
        made.left = static_cast<float>(loaded.face->glyph->bitmap_left) * loaded.scale;
        made.top = static_cast<float>(loaded.face->glyph->bitmap_top) * loaded.scale;
    }
    glyphImages_.emplace(key, made);
    return made;
}

std::vector<std::string> VectorFonts::families(VectorFace face, std::string_view text) const {
    std::vector<std::string> names{metrics(face).family};
    const ShapedText* shaped = shape(face, text);
    if (!shaped) return names;
    for (const ShapedGlyph& glyph : shaped->glyphs) {
        const FT_Face ft = library_->face(glyph.face).face;
        if (glyph.missing || !ft || !ft->family_name) continue;
        const std::string family = ft->family_name;
        if (std::find(names.begin(), names.end(), family) == names.end()) names.push_back(family);
    }
    return names;
}

float VectorFonts::width(VectorFace face, std::string_view text) const {
    if (text.empty()) return 0;
    if (const ShapedText* shaped = shape(face, text)) return shaped->width;
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

float VectorTextMeasurer::measureStart(TextStyle style, std::string_view text, std::size_t bytes) const {
    const ShapedText* shaped = fonts_.shape(faceFor(style), text);
    if (!shaped) return TextMeasurer::measureStart(style, text, bytes);
    float width = 0;
    for (const ShapedGlyph& glyph : shaped->glyphs) {
        if (glyph.cluster < bytes) width += glyph.advance;
    }
    return width;
}

}  // namespace epilogue
