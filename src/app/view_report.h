// What is on screen, as JSON: the story, the playhead, the visible range, the selection, the size, and
// the rectangle (in image pixels) of every visible event, of the ruler and of the playhead. The window
// writes it to --state-file for end-to-end tests; screenshots write it beside the PNG as a sidecar.
#pragma once

#include "app/atomic_file.h"  // the reports are written with it
#include "story/story.h"
#include "timeline/layout.h"
#include "timeline/view_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace epilogue {

struct ReportContext {
    std::string storyPath;  // absolute, so that --restore finds it from anywhere
    std::string storyHash;  // of the story file's bytes
    float logicalWidth = 0, logicalHeight = 0;
    float pixelScale = 1;
    float animationTime = 0;  // the clock that drives twinkle and shimmer
    bool panels = true;       // the panels were shown
};

// A report context for a story read from `storyPath`: the file's absolute path and the hash of the bytes
// the story was read from.
ReportContext reportContextFor(const std::string& storyPath, const Story& story);

nlohmann::json describeView(const Story& story, const ViewState& state, const TimelineLayout& layout,
                            const ReportContext& context);

}  // namespace epilogue
