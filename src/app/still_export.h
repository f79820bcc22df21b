// Writing the vector stills (--screenshot OUT.svg / OUT.pdf) and the web page (--html OUT.html) of a frame the
// headless renderer has planned: each document goes to a temporary file beside its name and is moved into
// place whole, never over an existing file without --overwrite, with a sidecar beside an SVG or PDF.
#pragma once

#include "app/command_line.h"
#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace epilogue {

// Writes the SVG or PDF of `plan` to options.screenshotPath and `sidecar` (what describeView says of the frame,
// to which the format and the page are added) beside it. Returns the exit status.
int writeVectorStill(const CommandLine& options, const Story& story, const std::string& storyPath, const ViewState& state,
                     const FramePlan& plan, nlohmann::json sidecar);

// --html: renders the canvas of the view the flags describe and writes the page. Returns the exit status.
int runHtmlPage(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state);

}  // namespace epilogue
