// The transport bar under the canvas: play/pause, speed, loop, the current time and era, a time slider
// that is a second way to scrub, and the screenshot button with its "canvas only" option.
#pragma once

#include <cstdint>

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/panel_text.h"
#include "ui/ui_requests.h"

namespace epilogue {

class TransportPanel {
public:
    void draw(const Story& story, const ViewState& state, const FramePlan& plan, const Rect& area, bool screenshotCanvasOnly,
              const char* screenshotFormat, const UiFonts& fonts, PanelText& text, UiRequests& requests);

private:
    float widestEraName(const Story& story, const PanelText& text);
    std::uint64_t eraWidthStory_ = 0;  // the story eraWidth_ was measured for
    float eraWidth_ = -1;
};

}  // namespace epilogue
