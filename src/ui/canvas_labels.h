// The text and the ruler over the timeline canvas: the story's title, lane names, event labels, era names
// and ticks, drawn where the frame plan placed them, with ImGui's background draw list beneath the panels.
// No GL and no layout decisions here.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "ui/fonts.h"

namespace epilogue {

// Measures text in the UI's fonts (Dear ImGui's): for the text the story typesetter does not set.
class FontMeasurer : public TextMeasurer {
public:
    explicit FontMeasurer(const UiFonts& fonts) : fonts_(fonts) {}
    glm::vec2 measure(TextStyle style, std::string_view text) const override;

private:
    const UiFonts& fonts_;
};

class StoryTypesetter;

// Draws the plan's canvas text and ruler; the text through `type`, which also measured it for the plan.
void drawCanvasLabels(const Story& story, const FramePlan& plan, StoryTypesetter& type);

}  // namespace epilogue
