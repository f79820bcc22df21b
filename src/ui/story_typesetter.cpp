// Shaped story text measured for the plan and drawn as glyph quads.
#include "ui/story_typesetter.h"

#include "ui/canvas_labels.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace epilogue {

void StoryTypesetter::load(float pixelScale, const UiFonts& fonts) {
    fonts_ = &fonts;
    pixelScale_ = pixelScale;
    shaper_.reset();
    atlas_ = std::make_unique<GlyphAtlas>();
    library_ = std::make_unique<FontLibrary>();
    // The same faces and sizes as the UI's fonts (fonts.cpp), in pixels.
    typefaces_ = {library_->addTypeface("DejaVu Sans", 15.0f * pixelScale),
                  library_->addTypeface("DejaVu Sans:bold", 15.0f * pixelScale),
                  library_->addTypeface("DejaVu Sans:bold", 22.0f * pixelScale),
                  library_->addTypeface("DejaVu Sans", 12.5f * pixelScale)};
    for (int& typeface : typefaces_) {
        if (typeface < 0) typeface = library_->addTypeface("sans-serif", 15.0f * pixelScale);
    }
    shaper_ = std::make_unique<TextShaper>(*library_);
    // The small face sets the ruler's numbers and dates, whose text changes every frame while scrubbing:
    // its ASCII glyphs are rasterised now, so that no frame meets a new one (rasterising allocates).
    std::string ascii;
    for (char c = '!'; c <= '~'; ++c) ascii += c;
    if (typefaces_[3] >= 0) {
        for (const ShapedGlyph& glyph : shaper_->shape(typefaces_[3], ascii).glyphs) {
            atlas_->glyph(*library_, glyph.face, glyph.glyph, glyph.missing);
        }
    }
}

int StoryTypesetter::typefaceOf(TextStyle style) const {
    switch (style) {
        case TextStyle::Body: return typefaces_[0];
        case TextStyle::Bold: return typefaces_[1];
        case TextStyle::Title: return typefaces_[2];
        case TextStyle::Small: return typefaces_[3];
        default: return -1;
    }
}

glm::vec2 StoryTypesetter::measure(TextStyle style, std::string_view text) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return FontMeasurer(*fonts_).measure(style, text);
    const ShapedText& shaped = shaper_->shape(typeface, text);
    return {shaped.width / pixelScale_, shaped.lineHeight / pixelScale_};
}

float StoryTypesetter::measureStart(TextStyle style, std::string_view text, std::size_t bytes) const {
    const int typeface = shaper_ ? typefaceOf(style) : -1;
    if (typeface < 0) return TextMeasurer::measureStart(style, text, bytes);
    float width = 0;
    for (const ShapedGlyph& glyph : shaper_->shape(typeface, text).glyphs) {
        if (glyph.cluster < bytes) width += glyph.advance;
    }
    return width / pixelScale_;
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
    const ShapedText& shaped = shaper_->shape(typeface, text, ellipsis);
    // Glyphs sit on whole pixels: the atlas holds them rasterised for exactly that.
    const float originX = std::round(at.x * pixelScale_);
    const float baseline = std::round(at.y * pixelScale_ + shaped.ascent);
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
        const float x = originX + std::round(glyph.x) + static_cast<float>(image.left);
        const float y = baseline + std::round(glyph.y) - static_cast<float>(image.top);
        const ImVec2 min{x * toLogical, y * toLogical};
        const ImVec2 max{(x + static_cast<float>(image.width)) * toLogical, (y + static_cast<float>(image.height)) * toLogical};
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

const std::vector<MissingScript>& StoryTypesetter::missingScripts() const {
    static const std::vector<MissingScript> none;
    return library_ ? library_->missingScripts() : none;
}

}  // namespace epilogue
