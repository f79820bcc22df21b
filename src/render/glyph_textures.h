// The glyph atlas's pages as GL textures (text/glyph_atlas.h): a texture per page, made when a page is
// first drawn from, and the rows rasterised since the last frame uploaded before the frame's draw lists
// are submitted.
#pragma once

#include "text/glyph_atlas.h"

#include <vector>

namespace epilogue {

class GlyphTextures {
public:
    GlyphTextures() = default;
    ~GlyphTextures();
    GlyphTextures(const GlyphTextures&) = delete;
    GlyphTextures& operator=(const GlyphTextures&) = delete;

    // The texture of a page (made, empty, if it is new); valid through the frame's submission.
    unsigned textureOf(int page);
    // Uploads what the atlas rasterised since the last call. Call with the GL context current, before the
    // draw lists that use the textures are submitted.
    void upload(GlyphAtlas& atlas);
    void release();

private:
    std::vector<unsigned> textures_;
    std::vector<char> allocated_;  // the texture's storage exists
};

}  // namespace epilogue
