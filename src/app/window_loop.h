// The interactive window: the main loop that reads as the frame (events -> update -> layout -> scene ->
// UI -> present), drawing only while something moves so that an idle window costs nothing, and watching
// the story file for changes.
#pragma once

#include "app/command_line.h"
#include "story/story.h"
#include "timeline/view_state.h"

#include <string>

namespace epilogue {

// Runs until the window is closed. Returns the process exit status. The story is reloaded when its file
// changes; a file that no longer loads leaves the last good story on screen under a banner. `mainStartedAt`
// (monotonic milliseconds) is when main began, for --frame-log.
int runWindow(const CommandLine& options, Story story, const std::string& storyPath, ViewState& state,
              double mainStartedAt);

}  // namespace epilogue
