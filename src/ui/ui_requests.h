// What the panels ask the application to do. Panels read state and fill this in; they change nothing
// themselves. View changes are view commands, applied by the application after the frame.
#pragma once

#include "timeline/view_commands.h"

#include <array>
#include <cstddef>

namespace epilogue {

struct UiRequests {
    std::array<ViewCommand, 8> commands;  // a fixed array: asking allocates nothing
    std::size_t commandCount = 0;
    bool screenshot = false;                // capture what the user sees
    bool toggleScreenshotCanvasOnly = false;  // capture the canvas alone, without panels (or stop doing so)

    void push(const ViewCommand& command) {
        if (commandCount < commands.size()) commands[commandCount++] = command;
    }
};

}  // namespace epilogue
