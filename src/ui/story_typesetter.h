// Story text in any script, for the canvas: typefaces like the UI's fonts (DejaVu, with fontconfig's
// fallbacks per character), text shaped once per distinct string (text/text_shaper.h), glyphs rasterised
// on demand into the glyph atlas and drawn as textured quads through an ImGui draw list. Dear ImGui 1.86's
// own fonts hold 16-bit characters and no shaping, so story text does not go through them; the interface's
// own words still do. It also measures text for the frame plan, so planning and drawing agree.
#pragma once

#include "render/glyph_textures.h"
#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/text_shaper.h"
#include "timeline/frame_plan.h"
#include "ui/fonts.h"

#include <imgui.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace epilogue {

class StoryTypesetter : public TextMeasurer {
public:
    // Sets up the typefaces at `pixelScale` (again after a change of scale). `fonts` answers for text
    // styles the typesetter does not set, and draws everything if no font can be opened.
    void load(float pixelScale, const UiFonts& fonts);

    glm::vec2 measure(TextStyle style, std::string_view text) const override;
    // From the whole text's shaping (done once, kept): the advances of the clusters that start before `bytes`.
    float measureStart(TextStyle style, std::string_view text, std::size_t bytes) const override;
    void measureStarts(TextStyle style, std::string_view text, const std::vector<std::uint32_t>& bytes,
                       std::vector<float>& widths) const override;
    // Whether `text`'s first strong character is right to left (Hebrew, Arabic): its lines align right.
    bool rightToLeft(TextStyle style, std::string_view text) const;
    // The height of a line of `style`, in logical pixels.
    float lineHeight(TextStyle style) const;
    // Draws `text` (and an ellipsis after it, if asked) with its top left at `at`, in logical pixels. The
    // shadow pass draws colour emoji in `colour` too, as a silhouette.
    void draw(ImDrawList* list, TextStyle style, std::string_view text, bool ellipsis, glm::vec2 at, ImU32 colour,
              bool shadow = false);
    // Draws `text` at `size` logical pixels (the size its style is measured at is 1:1 for every style but the
    // caption, measured at kCaptionBaseSize): the glyphs are scaled from their rasterised size.
    void drawSized(ImDrawList* list, TextStyle style, std::string_view text, glm::vec2 at, float size, ImU32 colour);
    // Uploads the glyphs rasterised this frame; call with the GL context current, before the draw lists are
    // submitted.
    void upload();
    // Changes whenever glyphs drawn before may have been drawn from pixels that now hold others (the atlas
    // was trimmed, or the fonts loaded again).
    std::uint64_t glyphGeneration() const;
    // Scripts of characters no installed font has, met so far (each reported once on stderr).
    const std::vector<MissingScript>& missingScripts() const;

private:
    int typefaceOf(TextStyle style) const;
    // The size in logical pixels the style is measured at, over the size its glyphs are rasterised at.
    float measuredScale(TextStyle style) const;
    void drawGlyphs(ImDrawList* list, const ShapedText& shaped, glm::vec2 at, float scale, ImU32 colour, bool shadow);

    const UiFonts* fonts_ = nullptr;
    float pixelScale_ = 1;
    std::unique_ptr<FontLibrary> library_;
    std::unique_ptr<TextShaper> shaper_;
    std::unique_ptr<GlyphAtlas> atlas_;
    std::uint64_t loads_ = 0;  // fonts loaded so far (each load starts an atlas afresh)
    GlyphTextures textures_;
    static constexpr int kStyles = 6;               // as TextStyle: Body, Bold, Title, Small, Caption, Quote
    std::array<int, kStyles> typefaces_{-1, -1, -1, -1, -1, -1};
    std::array<float, kStyles> pixelSizes_{};      // each typeface's rasterised size
};

}  // namespace epilogue
