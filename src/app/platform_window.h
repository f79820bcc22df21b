// The thin platform shell: an SDL2 window with an OpenGL 3.3 core context (a real window, or an
// offscreen one for headless rendering), and the ImGui platform and renderer backends that go with it.
#pragma once

#include "timeline/damage_region.h"

#include <string>
#include <vector>

struct SDL_Window;
union SDL_Event;

namespace epilogue {

struct WindowOptions {
    bool headless = false;  // SDL's offscreen driver: no display needed, nothing shown
    int width = 1280;       // logical pixels
    int height = 720;
    std::string title = "Epilogue";
};

class PlatformWindow {
public:
    PlatformWindow() = default;
    PlatformWindow(const PlatformWindow&) = delete;
    PlatformWindow& operator=(const PlatformWindow&) = delete;
    ~PlatformWindow();

    // Creates the window, the GL context and the ImGui context with its backends. False with a message
    // that says what is missing (no display, no GL 3.3) otherwise.
    bool open(const WindowOptions& options, std::string& error);

    // Size in logical pixels and in framebuffer pixels (they differ on HiDPI screens).
    void logicalSize(int& width, int& height) const;
    void pixelSize(int& width, int& height) const;

    // Starts an ImGui frame. Headless frames have the given size and scale; windowed ones the window's.
    void beginUiFrame(float headlessWidth, float headlessHeight, float headlessScale, float deltaSeconds);
    void processEvent(const SDL_Event& event);  // passes input to ImGui
    // Where Dear ImGui keeps its window state between runs; the window owns the path, which ImGui reads
    // again when the context is destroyed.
    void setSettingsFile(std::string path);
    void swap();
    // Shows only `rectangles` of the window's framebuffer (pixels, rows from the top), which must hold the
    // frame there, leaving the window's other pixels as they are on screen. Only with a software renderer on
    // X11 (GLX_MESA_copy_sub_buffer): there a whole swap copies every pixel to the display server, about
    // 11 ms a frame at 1920x1080. False, showing nothing, where it cannot (EPILOGUE_PRESENT=swap in the
    // environment turns it off): then the caller swaps.
    bool showParts(const std::vector<PixelRect>& rectangles);
    SDL_Window* sdlWindow() const { return window_; }
    // Sets the window's title (UTF-8, any script). SDL 2.26 gives up on X11 when a title has characters its
    // Latin-1 fallback cannot hold, leaving the window with no name; the title is then set as UTF-8 directly.
    void setTitle(const std::string& title);
    bool headless() const { return headless_; }

private:
    void findPartPresents();  // sets copySubBuffer_ where parts can be shown
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool headless_ = false;
    bool sdlStarted_ = false;
    bool imguiStarted_ = false;
    std::string settingsFile_;
    // glXCopySubBufferMESA and the X display and window it copies into, found when the window opens; null
    // where parts cannot be shown.
    void* copySubBuffer_ = nullptr;
    void* xDisplay_ = nullptr;
    unsigned long xWindow_ = 0;
};

}  // namespace epilogue
