// SDL events -> the canvas input layer's plain events. The only place that knows SDL's names for keys
// and buttons.
#pragma once

#include "timeline/canvas_input.h"

#include <optional>

union SDL_Event;

namespace epilogue {

std::optional<PointerEvent> toPointerEvent(const SDL_Event& event);
std::optional<Key> toKey(const SDL_Event& event);

}  // namespace epilogue
