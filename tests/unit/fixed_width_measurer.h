// A stand-in for the UI's fonts in pure tests: every character of body text is 7 pixels wide and lines
// are 15 high; titles are larger, the small face smaller, and captions (at their base size) much larger.
#pragma once

#include "timeline/frame_plan.h"

namespace epilogue::testing {

class FixedWidthMeasurer : public TextMeasurer {
public:
    glm::vec2 measure(TextStyle style, std::string_view text) const override {
        if (style == TextStyle::Caption) return {20.0f * static_cast<float>(text.size()), 47.0f};  // at kCaptionBaseSize
        const float width = style == TextStyle::Title ? 13.0f : style == TextStyle::Small ? 6.0f : 7.0f;
        const float height = style == TextStyle::Title ? 28.0f : style == TextStyle::Small ? 13.0f : 15.0f;
        return {width * static_cast<float>(text.size()), height};
    }
};

}  // namespace epilogue::testing
