// SDL -> input layer.
#include "app/sdl_input.h"

#include <SDL.h>

namespace epilogue {

namespace {

bool shiftHeld() { return (SDL_GetModState() & KMOD_SHIFT) != 0; }

std::optional<PointerButton> toButton(Uint8 button) {
    switch (button) {
        case SDL_BUTTON_LEFT: return PointerButton::Left;
        case SDL_BUTTON_MIDDLE: return PointerButton::Middle;
        case SDL_BUTTON_RIGHT: return PointerButton::Right;
        default: return std::nullopt;
    }
}

}  // namespace

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event) {
    PointerEvent pointer;
    pointer.noSnap = shiftHeld();
    switch (event.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP: {
            const auto button = toButton(event.button.button);
            if (!button) return std::nullopt;
            pointer.kind = event.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::Press : PointerEvent::Kind::Release;
            pointer.button = *button;
            pointer.x = static_cast<float>(event.button.x);
            pointer.y = static_cast<float>(event.button.y);
            pointer.clicks = event.button.clicks;
            return pointer;
        }
        case SDL_MOUSEMOTION:
            pointer.kind = PointerEvent::Kind::Move;
            pointer.x = static_cast<float>(event.motion.x);
            pointer.y = static_cast<float>(event.motion.y);
            return pointer;
        case SDL_MOUSEWHEEL: {
            int x = 0, y = 0;
            SDL_GetMouseState(&x, &y);
            pointer.kind = PointerEvent::Kind::Wheel;
            pointer.x = static_cast<float>(x);
            pointer.y = static_cast<float>(y);
            pointer.wheel = event.wheel.preciseY;
            pointer.wheelX = event.wheel.preciseX;
            if (event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED) {
                pointer.wheel = -pointer.wheel;
                pointer.wheelX = -pointer.wheelX;
            }
            return pointer;
        }
        case SDL_WINDOWEVENT:
            if (event.window.event != SDL_WINDOWEVENT_LEAVE) return std::nullopt;
            pointer.kind = PointerEvent::Kind::Leave;
            return pointer;
        default:
            return std::nullopt;
    }
}

std::optional<std::string> droppedFile(const SDL_Event& event) {
    if ((event.type != SDL_DROPFILE && event.type != SDL_DROPTEXT) || !event.drop.file) return std::nullopt;
    std::string path(event.drop.file);
    SDL_free(event.drop.file);
    if (event.type == SDL_DROPTEXT) return std::nullopt;  // dropped text is no file (freed all the same)
    return path;
}

std::optional<Key> toKey(const SDL_Event& event) {
    // The mouse's back and forward buttons walk the view history, as in a browser.
    if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_X1) return Key::Back;
    if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_X2) return Key::Forward;
    if (event.type != SDL_KEYDOWN) return std::nullopt;
    const Uint16 modifiers = event.key.keysym.mod;
    const bool ctrl = (modifiers & KMOD_CTRL) != 0;
    switch (event.key.keysym.sym) {
        case SDLK_TAB: return (modifiers & KMOD_SHIFT) ? Key::FocusPrevious : Key::FocusNext;
        case SDLK_q: return ctrl ? std::optional<Key>(Key::Quit) : std::nullopt;
        case SDLK_o: return ctrl ? std::optional<Key>(Key::Open) : std::nullopt;
        case SDLK_l: return ctrl ? std::nullopt : std::optional<Key>(Key::ToggleLoop);
        case SDLK_p: return ctrl ? std::nullopt : std::optional<Key>(Key::Tour);
        case SDLK_LEFTBRACKET: return Key::Slower;
        case SDLK_RIGHTBRACKET: return Key::Faster;
        case SDLK_SPACE: return Key::PlayPause;
        case SDLK_LEFT:
            return (modifiers & KMOD_ALT) ? Key::Back : (modifiers & KMOD_CTRL) ? Key::PanEarlier : Key::Previous;
        case SDLK_RIGHT:
            return (modifiers & KMOD_ALT) ? Key::Forward : (modifiers & KMOD_CTRL) ? Key::PanLater : Key::Next;
        case SDLK_PAGEUP: return Key::PageUp;
        case SDLK_PAGEDOWN: return Key::PageDown;
        case SDLK_HOME: return Key::Home;
        case SDLK_END: return Key::End;
        case SDLK_PLUS:
        case SDLK_EQUALS:
        case SDLK_KP_PLUS: return Key::ZoomIn;
        case SDLK_MINUS:
        case SDLK_KP_MINUS: return Key::ZoomOut;
        case SDLK_f: return ctrl ? Key::Search : Key::Fit;
        case SDLK_F1: return Key::Help;
        case SDLK_F11: return Key::Fullscreen;
        case SDLK_F12: return Key::Screenshot;
        case SDLK_ESCAPE: return Key::Escape;
        default: return std::nullopt;
    }
}

}  // namespace epilogue
