// SDL events -> the canvas input layer's plain events. The only place that knows SDL's names for keys
// and buttons.
#pragma once

#include "timeline/canvas_input.h"

#include <optional>
#include <string>

union SDL_Event;

namespace epilogue {

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event);
std::optional<Key> toKey(const SDL_Event& event);
// The path of a file dropped on the window (SDL_DROPFILE), freeing SDL's copy; nullopt for any other
// event (dropped text is freed too).
std::optional<std::string> droppedFile(const SDL_Event& event);

}  // namespace epilogue
