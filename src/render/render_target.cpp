// The offscreen framebuffer every frame is drawn into, and its readback.
#include "render/render_target.h"

#include <algorithm>
#include <cstring>

namespace epilogue {

RenderTarget::~RenderTarget() { release(); }

void RenderTarget::release() {
    if (fbo_) glDeleteFramebuffers(1, &fbo_);
    if (colour_) glDeleteTextures(1, &colour_);
    if (stencil_) glDeleteRenderbuffers(1, &stencil_);
    fbo_ = colour_ = stencil_ = 0;
    width_ = height_ = 0;
}

bool RenderTarget::ensureSize(int width, int height, std::string& error, bool stencil) {
    remade_ = false;
    if (width == width_ && height == height_ && fbo_ && stencil == (stencil_ != 0)) return true;
    release();
    markReference_ = 0;
    remade_ = true;
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize) {
        error = "cannot render " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels: the renderer's limit is " + std::to_string(maxSize) + " on each side";
        return false;
    }
    glGenTextures(1, &colour_);
    glBindTexture(GL_TEXTURE_2D, colour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
    if (stencil) {  // GL 3.3 guarantees stencil only packed with depth; the depth is never used
        glGenRenderbuffers(1, &stencil_);
        glBindRenderbuffer(GL_RENDERBUFFER, stencil_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, stencil_);
    }
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    if (complete && stencil) {
        glViewport(0, 0, width, height);
        glDisable(GL_SCISSOR_TEST);
        glStencilMask(0xFF);
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) {
        release();
        error = "the renderer cannot make a " + std::to_string(width) + "x" + std::to_string(height) +
                " offscreen framebuffer";
        return false;
    }
    width_ = width;
    height_ = height;
    return true;
}

void RenderTarget::bindForDrawing() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glViewport(0, 0, width_, height_);
}

void RenderTarget::endFrame() const { glFlush(); }

void RenderTarget::waitUntilDrawn() const { glFinish(); }

std::string rendererName() {
    const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    return name ? name : "an unknown renderer";
}

void RenderTarget::presentToWindow(int windowPixelWidth, int windowPixelHeight) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, windowPixelWidth, windowPixelHeight, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::copyTo(const RenderTarget& destination) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, destination.fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, destination.width_, destination.height_, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::copyRectangles(GLuint framebuffer, const PixelRect* rectangles, std::size_t count) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
    for (std::size_t i = 0; i < count; ++i) {
        const PixelRect& rect = rectangles[i];
        const int y0 = height_ - rect.bottom(), y1 = height_ - rect.y;  // GL counts rows from the bottom
        glBlitFramebuffer(rect.x, y0, rect.right(), y1, rect.x, y0, rect.right(), y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::copyTo(const RenderTarget& destination, const PixelRect& rect) const {
    copyRectangles(destination.fbo_, &rect, 1);
}

void RenderTarget::presentToWindow(const std::vector<PixelRect>& rectangles) const {
    copyRectangles(0, rectangles.data(), rectangles.size());
}

int RenderTarget::markPixels(const std::vector<PixelRect>& rectangles) {
    bindForDrawing();
    glStencilMask(0xFF);
    if (markReference_ == 255) {  // the values ran out: clear them all
        glDisable(GL_SCISSOR_TEST);
        glClearStencil(0);
        glClear(GL_STENCIL_BUFFER_BIT);
        markReference_ = 0;
    }
    ++markReference_;
    glEnable(GL_SCISSOR_TEST);
    glClearStencil(markReference_);
    for (const PixelRect& rect : rectangles) {
        glScissor(rect.x, height_ - rect.bottom(), rect.width, rect.height);
        glClear(GL_STENCIL_BUFFER_BIT);
    }
    glClearStencil(0);
    glDisable(GL_SCISSOR_TEST);
    return markReference_;
}

void RenderTarget::drawOnlyMarked(int reference) {
    glEnable(GL_STENCIL_TEST);
    glStencilFunc(GL_EQUAL, reference, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    glStencilMask(0);
}

void RenderTarget::drawAnywhere() {
    glDisable(GL_STENCIL_TEST);
    glStencilMask(0xFF);
}

void RenderTarget::readPixels(std::vector<std::uint8_t>& rgba) const {
    const std::size_t rowBytes = static_cast<std::size_t>(width_) * 4;
    rgba.resize(rowBytes * static_cast<std::size_t>(height_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL's first row is the bottom one; images start at the top. Swap rows in place, a byte at a time
    // through a small stack buffer, so readback allocates nothing beyond the image itself.
    std::uint8_t chunk[4096];
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* top = rgba.data() + static_cast<std::size_t>(y) * rowBytes;
        std::uint8_t* bottom = rgba.data() + static_cast<std::size_t>(height_ - 1 - y) * rowBytes;
        for (std::size_t offset = 0; offset < rowBytes; offset += sizeof chunk) {
            const std::size_t n = std::min(sizeof chunk, rowBytes - offset);
            std::memcpy(chunk, top + offset, n);
            std::memcpy(top + offset, bottom + offset, n);
            std::memcpy(bottom + offset, chunk, n);
        }
    }
}

}  // namespace epilogue
