// Multisampled offscreen framebuffer with a resolve target and readback.
#include "render/render_target.h"

#include <algorithm>
#include <cstring>

namespace epilogue {

RenderTarget::~RenderTarget() { release(); }

void RenderTarget::release() {
    if (multisampleFbo_) glDeleteFramebuffers(1, &multisampleFbo_);
    if (resolveFbo_) glDeleteFramebuffers(1, &resolveFbo_);
    if (multisampleColor_) glDeleteRenderbuffers(1, &multisampleColor_);
    if (resolveColor_) glDeleteTextures(1, &resolveColor_);
    multisampleFbo_ = resolveFbo_ = multisampleColor_ = resolveColor_ = 0;
    width_ = height_ = 0;
}

bool RenderTarget::ensureSize(int width, int height, std::string& error) {
    if (width == width_ && height == height_ && multisampleFbo_) return true;
    release();
    GLint maxSize = 0, maxSamples = 0;
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    if (width <= 0 || height <= 0 || width > maxSize || height > maxSize) {
        error = "cannot render " + std::to_string(width) + "x" + std::to_string(height) +
                " pixels: the renderer's limit is " + std::to_string(maxSize) + " on each side";
        return false;
    }
    samples_ = std::min(4, static_cast<int>(maxSamples));

    glGenRenderbuffers(1, &multisampleColor_);
    glBindRenderbuffer(GL_RENDERBUFFER, multisampleColor_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
    glGenFramebuffers(1, &multisampleFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, multisampleFbo_);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, multisampleColor_);
    const bool multisampleOk = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;

    glGenTextures(1, &resolveColor_);
    glBindTexture(GL_TEXTURE_2D, resolveColor_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &resolveFbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolveColor_, 0);
    const bool resolveOk = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);

    if (!multisampleOk || !resolveOk) {
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
    glBindFramebuffer(GL_FRAMEBUFFER, multisampleFbo_);
    glViewport(0, 0, width_, height_);
}

void RenderTarget::resolve() const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, multisampleFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void RenderTarget::presentToWindow(int windowPixelWidth, int windowPixelHeight) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, windowPixelWidth, windowPixelHeight, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::readPixels(std::vector<std::uint8_t>& rgba) const {
    const std::size_t rowBytes = static_cast<std::size_t>(width_) * 4;
    rgba.resize(rowBytes * static_cast<std::size_t>(height_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    // GL's first row is the bottom one; images start at the top.
    std::vector<std::uint8_t> row(rowBytes);
    for (int y = 0; y < height_ / 2; ++y) {
        std::uint8_t* top = rgba.data() + static_cast<std::size_t>(y) * rowBytes;
        std::uint8_t* bottom = rgba.data() + static_cast<std::size_t>(height_ - 1 - y) * rowBytes;
        std::memcpy(row.data(), top, rowBytes);
        std::memcpy(top, bottom, rowBytes);
        std::memcpy(bottom, row.data(), rowBytes);
    }
}

}  // namespace epilogue
