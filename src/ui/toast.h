// A short message at the top right of the canvas (where a screenshot went, or why it failed).
#pragma once

#include "timeline/view.h"
#include "ui/panel_text.h"

namespace epilogue {

void drawToast(const char* message, const Rect& canvas, PanelText& text);

}  // namespace epilogue
