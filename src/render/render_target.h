// The offscreen target every frame is drawn into: a multisampled colour buffer, resolved into a plain
// texture that is shown in the window or read back for a screenshot. Recreated only when its pixel size
// changes.
#pragma once

#include "render/gl.h"

#include <cstdint>
#include <string>
#include <vector>

namespace epilogue {

class RenderTarget {
public:
    RenderTarget() = default;
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;
    ~RenderTarget();

    // Makes the target `width` x `height` pixels; does nothing when it already is. False with a message
    // when the driver cannot make it.
    bool ensureSize(int width, int height, std::string& error);
    void bindForDrawing() const;  // binds the multisampled framebuffer and sets the viewport
    void resolve() const;         // multisampled -> single-sampled
    void presentToWindow(int windowPixelWidth, int windowPixelHeight) const;  // copies the resolved frame
    // Reads the resolved frame as RGBA rows, top row first.
    void readPixels(std::vector<std::uint8_t>& rgba) const;

    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }

private:
    void release();
    int width_ = 0, height_ = 0, samples_ = 0;
    GLuint multisampleFbo_ = 0, multisampleColor_ = 0;
    GLuint resolveFbo_ = 0, resolveColor_ = 0;
};

}  // namespace epilogue
