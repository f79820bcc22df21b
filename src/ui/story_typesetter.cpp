// Shaped story text measured for the plan and drawn as glyph quads.
#include "ui/story_typesetter.h"

#include "ui/canvas_labels.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace epilogue {

void StoryTypesetter::load(float pixelScale, const UiFonts& fonts) {
    fonts_ = &fonts;
    pixelScale_ = pixelScale;
    shaper_.reset();
    atlas_ = std::make_unique<GlyphAtlas>();
    ++loads_;
    library_ = std::make_unique<FontLibrary>();
    // The same faces and sizes as the UI's fonts (fonts.cpp), in pixels. The tour's captions are drawn large
    // (about 4% of the window's height): rasterised at 48 logical pixels, up to twice that on a dense screen,
    // and scaled to the size the plan chooses.
    struct Face {
        const char* pattern;
        float pixels;
    };
    const Face faces[kStyles] = {{"DejaVu Sans", 15.0f * pixelScale},       {"DejaVu Sans:bold", 15.0f * pixelScale},
                                 {"DejaVu Sans:bold", 22.0f * pixelScale},  {"DejaVu Sans", 12.5f * pixelScale},
                                 {"DejaVu Sans", 48.0f * std::min(pixelScale, 2.0f)},
                                 {"DejaVu Serif:italic", 16.0f * pixelScale}};
    for (int style = 0; style < kStyles; ++style) {
        pixelSizes_[style] = faces[style].pixels;
        typefaces_[style] = library_->addTypeface(faces[style].pattern, faces[style].pixels);
        if (typefaces_[style] < 0) typefaces_[style] = library_->addTypeface("sans-serif", faces[style].pixels);
    }
    shaper_ = std::make_unique<TextShaper>(*library_);
    // The small face sets the ruler's numbers and dates, whose text changes every frame while scrubbing:
    // its ASCII glyphs are rasterised now, so that no frame meets a new one (rasterising allocates).
    std::string ascii;
    for (char c = '!'; c <= '~'; ++c) ascii += c;
    const int small = typefaceOf(TextStyle::Small);
    if (small >= 0) {
        for (const ShapedGlyph& glyph : shaper_->shape(small, ascii).glyphs) {
            atlas_->glyph(*library_, glyph.face, glyph.glyph, glyph.missing);
        }
    }
}

int StoryTypesetter::typefaceOf(TextStyle style) const {
    const auto index = static_cast<std::size_t>(style);
    return index < typefaces_.size() ? typefaces_[index] : -1;
}

float StoryTypesetter::measuredScale(TextStyle style) const {
    const float logical = style == TextStyle::Caption ? kCaptionBaseSize * pixelScale_ : pixelSizes_[static_cast<std::size_t>(style)];
    return logical / pixelSizes_[static_cast<std::size_t>(style)] / pixelScale_;
}

glm::vec2 StoryTypesetter::measure(TextStyle style, std::string_view text) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return FontMeasurer(*fonts_).measure(style, text);
    const ShapedText& shaped = shaper_->shape(typeface, text);
    const float scale = measuredScale(style);
    return {shaped.width * scale, shaped.lineHeight * scale};
}

float StoryTypesetter::measureStart(TextStyle style, std::string_view text, std::size_t bytes) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return TextMeasurer::measureStart(style, text, bytes);
    float width = 0;
    for (const ShapedGlyph& glyph : shaper_->shape(typeface, text).glyphs) {
        if (glyph.cluster < bytes) width += glyph.advance;
    }
    return width * measuredScale(style);
}

void StoryTypesetter::measureStarts(TextStyle style, std::string_view text, const std::vector<std::uint32_t>& bytes,
                                    std::vector<float>& widths) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return TextMeasurer::measureStarts(style, text, bytes, widths);
    // Each glyph's advance counts towards every start past its cluster: added where those starts begin, then
    // summed along.
    widths.assign(bytes.size() + 1, 0.0f);
    for (const ShapedGlyph& glyph : shaper_->shape(typeface, text).glyphs) {
        const auto first = std::upper_bound(bytes.begin(), bytes.end(), glyph.cluster) - bytes.begin();
        widths[static_cast<std::size_t>(first)] += glyph.advance;
    }
    widths.pop_back();
    const float scale = measuredScale(style);
    float sum = 0;
    for (float& width : widths) {
        sum += width;
        width = sum * scale;
    }
}

bool StoryTypesetter::rightToLeft(TextStyle style, std::string_view text) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    return typeface >= 0 && shaper_->shape(typeface, text).rightToLeft;
}

float StoryTypesetter::lineHeight(TextStyle style) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return FontMeasurer(*fonts_).measure(style, "A").y;
    return library_->lineHeight(typeface) * measuredScale(style);
}

void StoryTypesetter::draw(ImDrawList* list, TextStyle style, std::string_view text, bool ellipsis, glm::vec2 at,
                           ImU32 colour, bool shadow) {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) {  // no font could be opened: ImGui's font, as well as it can
        list->AddText(ImVec2(at.x, at.y), colour, text.data(), text.data() + text.size());
        if (ellipsis) list->AddText(ImVec2(at.x + FontMeasurer(*fonts_).measure(style, text).x, at.y), colour,
                                    kEllipsis.data(), kEllipsis.data() + kEllipsis.size());
        return;
    }
    drawGlyphs(list, shaper_->shape(typeface, text, ellipsis), at, 1.0f, colour, shadow);
}

void StoryTypesetter::drawSized(ImDrawList* list, TextStyle style, std::string_view text, glm::vec2 at, float size,
                                ImU32 colour) {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) {
        list->AddText(nullptr, size, ImVec2(at.x, at.y), colour, text.data(), text.data() + text.size());
        return;
    }
    const float measuredSize = style == TextStyle::Caption ? kCaptionBaseSize : pixelSizes_[static_cast<std::size_t>(style)] / pixelScale_;
    drawGlyphs(list, shaper_->shape(typeface, text), at, size / measuredSize * measuredScale(style) * pixelScale_, colour, false);
}

void StoryTypesetter::drawGlyphs(ImDrawList* list, const ShapedText& shaped, glm::vec2 at, float scale, ImU32 colour,
                                 bool shadow) {
    // At their own size, glyphs sit on whole pixels (the atlas holds them rasterised for exactly that);
    // scaled, they go where the scale puts them. `scale` is device pixels per rasterised pixel.
    const bool whole = scale == 1.0f;
    const float originX = whole ? std::round(at.x * pixelScale_) : at.x * pixelScale_;
    const float baseline = whole ? std::round(at.y * pixelScale_ + shaped.ascent) : at.y * pixelScale_ + shaped.ascent * scale;
    const float toLogical = 1.0f / pixelScale_;
    const float uvScale = 1.0f / static_cast<float>(GlyphAtlas::kPageSize);
    // Colour glyphs keep their own colours, at the text's opacity (unless drawn as a shadow).
    const ImU32 colourGlyphs = shadow ? colour : (colour | IM_COL32(255, 255, 255, 0));
    int boundPage = -1;
    for (const ShapedGlyph& glyph : shaped.glyphs) {
        const AtlasGlyph& image = atlas_->glyph(*library_, glyph.face, glyph.glyph, glyph.missing);
        if (image.page < 0) continue;
        if (image.page != boundPage) {
            if (boundPage >= 0) list->PopTextureID();
            list->PushTextureID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(textures_.textureOf(image.page))));
            boundPage = image.page;
        }
        const float gx = whole ? std::round(glyph.x) : glyph.x, gy = whole ? std::round(glyph.y) : glyph.y;
        const float x = originX + (gx + static_cast<float>(image.left)) * scale;
        const float y = baseline + (gy - static_cast<float>(image.top)) * scale;
        const ImVec2 min{x * toLogical, y * toLogical};
        const ImVec2 max{(x + static_cast<float>(image.width) * scale) * toLogical,
                         (y + static_cast<float>(image.height) * scale) * toLogical};
        const ImVec2 uvMin{static_cast<float>(image.x) * uvScale, static_cast<float>(image.y) * uvScale};
        const ImVec2 uvMax{static_cast<float>(image.x + image.width) * uvScale,
                           static_cast<float>(image.y + image.height) * uvScale};
        list->PrimReserve(6, 4);
        list->PrimRectUV(min, max, uvMin, uvMax, image.colour ? colourGlyphs : colour);
    }
    if (boundPage >= 0) list->PopTextureID();
}

void StoryTypesetter::upload() {
    if (!atlas_) return;
    textures_.upload(*atlas_);
    atlas_->trim(8);  // past 8 pages (32 MB), the glyphs are rasterised afresh as they are next drawn
}

std::uint64_t StoryTypesetter::glyphGeneration() const { return loads_ + (atlas_ ? atlas_->forgotten() : 0); }

const std::vector<MissingScript>& StoryTypesetter::missingScripts() const {
    static const std::vector<MissingScript> none;
    return library_ ? library_->missingScripts() : none;
}

}  // namespace epilogue
