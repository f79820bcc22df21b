// The F1 help overlay: every mouse gesture and key binding, in one place.
#pragma once

#include "timeline/view.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

namespace epilogue {

struct KeyBinding {
    const char* keys;
    const char* action;
};

// Every binding the window understands; the overlay lists exactly these.
extern const KeyBinding kKeyBindings[];
extern const int kKeyBindingCount;

void drawHelpOverlay(float logicalWidth, float logicalHeight, const UiFonts& fonts, UiRequests& requests);

}  // namespace epilogue
