// The offscreen target every frame is drawn into: a colour texture that is shown in the window or read
// back for a screenshot. Recreated only when its pixel size changes. There is no multisampling: every
// shape of the scene is anti-aliased analytically in its shader and ImGui anti-aliases its own, so
// MSAA would only cost time (four times the samples on a software renderer) without a visible gain.
#pragma once

#include "render/gl.h"

#include <cstdint>
#include <string>
#include <vector>

namespace epilogue {

// The renderer's own name, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
std::string rendererName();

class RenderTarget {
public:
    RenderTarget() = default;
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;
    ~RenderTarget();

    // Makes the target `width` x `height` pixels; does nothing when it already is. False with a message
    // when the driver cannot make it. With `stencil`, the target also has a stencil buffer (cleared to 0
    // when made), which the scene's partial redraws mark the pixels they redraw in.
    bool ensureSize(int width, int height, std::string& error, bool stencil = false);
    // True when the last ensureSize made the target anew: whatever was drawn in it before is gone.
    bool remade() const { return remade_; }
    void bindForDrawing() const;  // binds the framebuffer and sets the viewport
    // Hands the frame's commands to the renderer. A window's swap does this too; headless frames (frame
    // sequences, tests) have no swap, and a software renderer would otherwise keep queuing their work.
    void endFrame() const;
    // Waits until the renderer has finished everything submitted so far (for timing whole frames).
    void waitUntilDrawn() const;
    void presentToWindow(int windowPixelWidth, int windowPixelHeight) const;  // copies the resolved frame
    // Copies this target's pixels into `destination`, which has the same size (a plain copy, no scaling).
    void copyTo(const RenderTarget& destination) const;
    // Reads the frame as RGBA rows, top row first.
    void readPixels(std::vector<std::uint8_t>& rgba) const;

    GLuint texture() const { return colour_; }  // the colour texture, to draw the target into another
    int width() const { return width_; }
    int height() const { return height_; }

private:
    void release();
    int width_ = 0, height_ = 0;
    GLuint fbo_ = 0, colour_ = 0, stencil_ = 0;
    bool remade_ = false;
};

}  // namespace epilogue
