// What is on screen, as JSON: the story, the playhead, the visible range, the selection, the size, and
// the rectangle (in image pixels) of every visible event, of every drawn label, of the ruler and of the
// playhead, all read from the frame plan the frame was drawn from. The window
// writes it to --state-file for end-to-end tests; screenshots write it beside the PNG as a sidecar.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_state.h"

#include <nlohmann/json.hpp>

#include <string>

namespace epilogue {

// Which file the story was read from.
struct StoryFile {
    std::string path;  // absolute, so that --restore finds it from anywhere
    std::string hash;  // of the bytes the story was read from
};
StoryFile storyFileFor(const std::string& storyPath, const Story& story);

// The frame drawn from `plan` (its size, scale, animation clock and panels are the plan's).
nlohmann::json describeView(const Story& story, const ViewState& state, const FramePlan& plan, const StoryFile& file);
// The tour, as the sidecar reports it: {"active": true, "stop": N (from 1), "stops": M, "clock", "paused",
// "finished", "caption"}, or {"active": false}.
nlohmann::json tourJson(const ViewState& state, const FramePlan& plan);

}  // namespace epilogue
