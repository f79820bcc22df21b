// The offscreen target every frame is drawn into: a colour texture that is shown in the window or read
// back for a screenshot. Recreated only when its pixel size changes. There is no multisampling: every
// shape of the scene is anti-aliased analytically in its shader and ImGui anti-aliases its own, so
// MSAA would only cost time (four times the samples on a software renderer) without a visible gain.
#pragma once

#include "render/gl.h"
#include "timeline/damage_region.h"

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
    // Copies this target's pixels into `destination`, which has the same size (a plain copy, no scaling);
    // only those of `rect` (pixels, rows from the top) when given.
    void copyTo(const RenderTarget& destination) const;
    void copyTo(const RenderTarget& destination, const PixelRect& rect) const;
    // Marks `rectangles` in the stencil buffer (made with `stencil`) with a value no other pixel holds, and
    // returns it (binds the target). Each call marks with a value of its own, so earlier marks need clearing
    // only when the values run out.
    int markPixels(const std::vector<PixelRect>& rectangles);
    // Lets what is drawn next reach only the pixels marked with `reference` (GL's stencil test)...
    static void drawOnlyMarked(int reference);
    // ...or any pixel again.
    static void drawAnywhere();
    // The window's frame: copies `rectangles` of the frame into the window's framebuffer.
    void presentToWindow(const std::vector<PixelRect>& rectangles) const;
    // Reads the frame as RGBA rows, top row first.
    void readPixels(std::vector<std::uint8_t>& rgba) const;

    GLuint texture() const { return colour_; }  // the colour texture, to draw the target into another
    int width() const { return width_; }
    int height() const { return height_; }

private:
    void release();
    // Copies `count` rectangles (pixels, rows from the top) into the same places of `framebuffer` (0: the window's).
    void copyRectangles(GLuint framebuffer, const PixelRect* rectangles, std::size_t count) const;
    int width_ = 0, height_ = 0;
    GLuint fbo_ = 0, colour_ = 0, stencil_ = 0;
    int markReference_ = 0;  // the value of the last markPixels
    bool remade_ = false;
};

}  // namespace epilogue
