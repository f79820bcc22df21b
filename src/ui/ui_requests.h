// What the panels ask the application to do. Panels read state and fill this in; they change nothing
// themselves. View changes are view commands, applied by the application after the frame.
#pragma once

#include "timeline/view.h"
#include "timeline/view_commands.h"

#include <string>
#include <vector>

namespace epilogue {

struct UiRequests {
    std::vector<ViewCommand> commands;      // in the order asked; none is ever dropped
    bool screenshot = false;                // capture what the user sees
    bool toggleScreenshotCanvasOnly = false;  // capture the canvas alone, without panels (or stop doing so)
    std::string screenshotFormat;           // captures from now on in this format: "png", "svg" or "pdf"
    bool chooseStory = false;               // open a story: the file chooser (the story menu's "Open...")
    std::string openStory;                  // open this story file (a recent one, or the built-in chooser's)
    Rect textInputArea;                     // the field being typed in, for the input method's window

    void push(const ViewCommand& command) { commands.push_back(command); }
};

}  // namespace epilogue
