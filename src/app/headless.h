// Rendering without a display: one screenshot (--screenshot), or the playhead moving through the story as
// numbered PNGs (--frames) or a video through ffmpeg (--video). Both write a sidecar describing the view.
#pragma once

#include "app/command_line.h"
#include "story/story.h"
#include "timeline/view_state.h"

#include <string>

namespace epilogue {

class FrameComposer;
class PlatformWindow;

// Opens the offscreen context and draws the still that a screenshot shows into `composer` (two frames: ImGui
// settles its windows' sizes in the first). Prints what went wrong otherwise.
bool renderStill(const CommandLine& options, const Story& story, ViewState& state, PlatformWindow& window,
                 FrameComposer& composer);

// --screenshot: a PNG, or the same frame as an SVG or a PDF (still_export.h), by the file's extension.
int runScreenshot(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state);
int runFrames(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state);

// "frame-00042.png". Pure.
std::string frameFileName(int index);

}  // namespace epilogue
