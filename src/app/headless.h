// Rendering without a display: one screenshot (--screenshot), or the playhead moving through the story as
// numbered PNGs (--frames) or a video through ffmpeg (--video). Both write a sidecar describing the view.
#pragma once

#include "app/command_line.h"
#include "story/story.h"
#include "timeline/view_state.h"

#include <string>

namespace epilogue {

int runScreenshot(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state);
int runFrames(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state);

// "frame-00042.png". Pure.
std::string frameFileName(int index);

}  // namespace epilogue
