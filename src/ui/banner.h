// A banner across the top of the canvas for a problem the user must fix (a story file that no longer
// loads): it stays until the problem is gone.
#pragma once

#include "timeline/view.h"
#include "ui/panel_text.h"

namespace epilogue {

void drawBanner(const char* heading, const char* message, const Rect& canvas, PanelText& text);

}  // namespace epilogue
