// The thin platform shell: an SDL2 window with an OpenGL 3.3 core context (a real window, or an
// offscreen one for headless rendering), and the ImGui platform and renderer backends that go with it.
#pragma once

#include <string>

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
    SDL_Window* sdlWindow() const { return window_; }
    // Sets the window's title (UTF-8, any script). SDL 2.26 gives up on X11 when a title has characters its
    // Latin-1 fallback cannot hold, leaving the window with no name; the title is then set as UTF-8 directly.
    void setTitle(const std::string& title);
    bool headless() const { return headless_; }

private:
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool headless_ = false;
    bool sdlStarted_ = false;
    bool imguiStarted_ = false;
    std::string settingsFile_;
};

}  // namespace epilogue
