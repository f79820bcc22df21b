// Glyph atlas pages uploaded to GL textures.
#include "render/glyph_textures.h"

#include "render/gl.h"

namespace epilogue {

GlyphTextures::~GlyphTextures() { release(); }

void GlyphTextures::release() {
    if (!textures_.empty()) glDeleteTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    textures_.clear();
    allocated_.clear();
}

unsigned GlyphTextures::textureOf(int page) {
    while (textures_.size() <= static_cast<std::size_t>(page)) {
        GLuint texture = 0;
        glGenTextures(1, &texture);
        textures_.push_back(texture);
        allocated_.push_back(0);
    }
    return textures_[static_cast<std::size_t>(page)];
}

void GlyphTextures::upload(GlyphAtlas& atlas) {
    const auto& pages = atlas.pages();
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const int page = static_cast<int>(i);
        const GLuint texture = textureOf(page);
        const auto [top, bottom] = atlas.takeDirtyRows(page);
        glBindTexture(GL_TEXTURE_2D, texture);
        if (!allocated_[i]) {
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
            glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
            glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, GlyphAtlas::kPageSize, GlyphAtlas::kPageSize, 0, GL_RGBA,
                         GL_UNSIGNED_BYTE, pages[i].rgba.data());
            allocated_[i] = 1;
        } else if (bottom > top) {
            glTexSubImage2D(GL_TEXTURE_2D, 0, 0, top, GlyphAtlas::kPageSize, bottom - top, GL_RGBA, GL_UNSIGNED_BYTE,
                            pages[i].rgba.data() + static_cast<std::size_t>(top) * GlyphAtlas::kPageSize * 4);
        }
    }
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
}

}  // namespace epilogue
