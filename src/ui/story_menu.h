// The story menu: an "Open" button over the canvas's top right corner, whose menu opens a story with the
// file chooser (as Ctrl+O does) or one of the stories opened lately.
#pragma once

#include "timeline/view.h"
#include "ui/fonts.h"
#include "ui/panel_text.h"
#include "ui/ui_requests.h"

#include <string>
#include <vector>

namespace epilogue {

void drawStoryMenu(const Rect& button, const std::vector<std::string>& recentStories, const UiFonts& fonts,
                   PanelText& text, UiRequests& requests);

}  // namespace epilogue
