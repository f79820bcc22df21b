// What the panels ask the application to do. Panels read state and fill this in; they change nothing
// themselves. View changes are view commands, applied by the application after the frame.
#pragma once

#include "timeline/view_commands.h"

#include <vector>

namespace epilogue {

struct UiRequests {
    std::vector<ViewCommand> commands;      // in the order asked; none is ever dropped
    bool screenshot = false;                // capture what the user sees
    bool toggleScreenshotCanvasOnly = false;  // capture the canvas alone, without panels (or stop doing so)

    void push(const ViewCommand& command) { commands.push_back(command); }
};

}  // namespace epilogue
