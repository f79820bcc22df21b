// SDL2 window + GL context + ImGui backends.
#include "app/platform_window.h"

#include "render/render_target.h"

#include <SDL.h>
#include <SDL_syswm.h>
#if defined(SDL_VIDEO_DRIVER_X11)
#include <X11/Xatom.h>
#endif

#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include <clocale>
#include <cstdlib>
#include <string_view>

namespace epilogue {

PlatformWindow::~PlatformWindow() {
    if (imguiStarted_) {
        ImGui_ImplOpenGL3_Shutdown();
        if (!headless_) ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (glContext_) SDL_GL_DeleteContext(glContext_);
    if (window_) SDL_DestroyWindow(window_);
    if (sdlStarted_) SDL_Quit();
}

// Characters are UTF-8 for Xlib: the window title it sets (_NET_WM_NAME, and WM_NAME for older window managers)
// and the text input methods give are in any script only when the C library's character type is UTF-8. The
// user's locale is taken when it is UTF-8, else C.UTF-8 (Debian always has it); only LC_CTYPE changes, so
// numbers are still read and written with a point.
static void useUtf8Characters() {
    const char* chosen = std::setlocale(LC_CTYPE, "");
    const std::string_view name = chosen ? chosen : "";
    if (name.find("UTF-8") == std::string_view::npos && name.find("utf8") == std::string_view::npos) {
        std::setlocale(LC_CTYPE, "C.UTF-8");
    }
}

void PlatformWindow::setTitle(const std::string& title) {
    SDL_SetWindowTitle(window_, title.c_str());
#if defined(SDL_VIDEO_DRIVER_X11)
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (SDL_GetWindowWMInfo(window_, &info) && info.subsystem == SDL_SYSWM_X11) {
        Display* display = info.info.x11.display;
        const Atom utf8 = XInternAtom(display, "UTF8_STRING", False);
        const auto* bytes = reinterpret_cast<const unsigned char*>(title.data());
        const int length = static_cast<int>(title.size());
        XChangeProperty(display, info.info.x11.window, XInternAtom(display, "_NET_WM_NAME", False), utf8, 8,
                        PropModeReplace, bytes, length);
        XChangeProperty(display, info.info.x11.window, XA_WM_NAME, utf8, 8, PropModeReplace, bytes, length);
        XFlush(display);
    }
#endif
}

bool PlatformWindow::open(const WindowOptions& options, std::string& error) {
    headless_ = options.headless;
    if (!headless_) useUtf8Characters();
    // Headless rendering uses SDL's offscreen driver (EGL, no display) unless the user chose a driver.
    if (headless_ && !std::getenv("SDL_VIDEODRIVER")) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        error = headless_ ? std::string("cannot start headless rendering: ") + SDL_GetError()
                          : std::string("cannot open a window (is there a display? DISPLAY or WAYLAND_DISPLAY "
                                        "must be set): ") + SDL_GetError();
        return false;
    }
    sdlStarted_ = true;
    // With no display SDL may fall back to a driver that shows nothing; a window nobody can see would run
    // forever. Say so instead (unless the user chose that driver).
    const char* driver = SDL_GetCurrentVideoDriver();
    if (!headless_ && !std::getenv("SDL_VIDEODRIVER") && driver &&
        (std::string_view(driver) == "offscreen" || std::string_view(driver) == "dummy")) {
        error = "cannot open a window: there is no display (DISPLAY and WAYLAND_DISPLAY are not set, or no X or "
                "Wayland server answers)";
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= headless_ ? SDL_WINDOW_HIDDEN : SDL_WINDOW_RESIZABLE;
    // Headless frames go to an offscreen target of their own size; the window only carries the context.
    const int width = headless_ ? 64 : options.width;
    const int height = headless_ ? 64 : options.height;
    window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                               flags);
    if (!window_) {
        error = std::string("cannot create a window: ") + SDL_GetError();
        return false;
    }
    if (!headless_) setTitle(options.title);
    glContext_ = SDL_GL_CreateContext(window_);
    if (!glContext_) {
        error = std::string("cannot create an OpenGL 3.3 core context: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, glContext_);
    if (!headless_) {
        SDL_SetWindowMinimumSize(window_, 200, 150);
        SDL_GL_SetSwapInterval(1);
        findPartPresents();
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    if (!headless_) ImGui_ImplSDL2_InitForOpenGL(window_, glContext_);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    imguiStarted_ = true;
    return true;
}

void PlatformWindow::logicalSize(int& width, int& height) const { SDL_GetWindowSize(window_, &width, &height); }

void PlatformWindow::pixelSize(int& width, int& height) const { SDL_GL_GetDrawableSize(window_, &width, &height); }

void PlatformWindow::beginUiFrame(float headlessWidth, float headlessHeight, float headlessScale, float deltaSeconds) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (headless_) {
        io.DisplaySize = ImVec2(headlessWidth, headlessHeight);
        io.DisplayFramebufferScale = ImVec2(headlessScale, headlessScale);
        io.DeltaTime = deltaSeconds > 0 ? deltaSeconds : 1.0f / 60.0f;
    } else {
        ImGui_ImplSDL2_NewFrame();
        // The 1.86 SDL backend reads the global mouse position, which stays frozen during drags under some
        // X servers (Xvfb among them); the window-relative state is always current.
        if (SDL_GetMouseFocus() == window_) {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            io.MousePos = ImVec2(static_cast<float>(x), static_cast<float>(y));
        }
    }
    ImGui::NewFrame();
}

void PlatformWindow::processEvent(const SDL_Event& event) {
    if (headless_) return;
    ImGui_ImplSDL2_ProcessEvent(&event);
    // The backend reads the modifiers as they are now (SDL_GetModState), which for a key handled a moment
    // after it was pressed (Ctrl+A queued behind a frame) may have changed: the key's own event says.
    if (event.type == SDL_KEYDOWN || event.type == SDL_KEYUP) {
        ImGuiIO& io = ImGui::GetIO();
        const Uint16 mod = event.key.keysym.mod;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
    }
}

void PlatformWindow::swap() { SDL_GL_SwapWindow(window_); }

#if defined(SDL_VIDEO_DRIVER_X11)
using CopySubBuffer = void (*)(Display*, Window, int x, int y, int width, int height);
#endif

bool PlatformWindow::showParts(const std::vector<PixelRect>& rectangles) {
#if defined(SDL_VIDEO_DRIVER_X11)
    if (!copySubBuffer_) return false;
    int width = 0, height = 0;
    pixelSize(width, height);
    const auto copy = reinterpret_cast<CopySubBuffer>(copySubBuffer_);
    for (const PixelRect& rect : rectangles) {  // GLX counts rows from the bottom
        copy(static_cast<Display*>(xDisplay_), xWindow_, rect.x, height - rect.bottom(), rect.width, rect.height);
    }
    return true;
#else
    (void)rectangles;
    return false;
#endif
}

void PlatformWindow::findPartPresents() {
#if defined(SDL_VIDEO_DRIVER_X11)
    const char* choice = std::getenv("EPILOGUE_PRESENT");
    if (choice && std::string_view(choice) == "swap") return;
    // Only a software renderer: a GPU's swap costs little, and its driver may sync swaps to the display.
    const std::string renderer = rendererName();
    if (renderer.find("llvmpipe") == std::string::npos && renderer.find("softpipe") == std::string::npos) return;
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window_, &info) || info.subsystem != SDL_SYSWM_X11) return;
    using QueryExtensions = const char* (*)(Display*, int);
    const auto query = reinterpret_cast<QueryExtensions>(SDL_GL_GetProcAddress("glXQueryExtensionsString"));
    if (!query) return;  // not GLX (EGL on X11)
    Display* display = info.info.x11.display;
    const char* extensions = query(display, DefaultScreen(display));
    if (!extensions || std::string_view(extensions).find("GLX_MESA_copy_sub_buffer") == std::string_view::npos) return;
    copySubBuffer_ = SDL_GL_GetProcAddress("glXCopySubBufferMESA");
    xDisplay_ = display;
    xWindow_ = info.info.x11.window;
#endif
}

void PlatformWindow::setSettingsFile(std::string path) {
    settingsFile_ = std::move(path);
    ImGui::GetIO().IniFilename = settingsFile_.c_str();
}

}  // namespace epilogue
