// Story text in the panels, set by the story typesetter (any script, shaped, right to left where it is, colour
// emoji) and laid out as ImGui items: paragraphs wrapped at the column's width where the Unicode line breaking
// rules allow (text/line_breaks.h), lines shortened with an ellipsis, and buttons labelled with story text.
// Dear ImGui's own fonts set only the interface's own words.
#pragma once

#include "timeline/frame_plan.h"
#include "timeline/text_shortening.h"
#include "timeline/text_wrapping.h"
#include "ui/story_typesetter.h"

#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace epilogue {

// Appends `text` to `line` as a piece of its own for the bidirectional algorithm (between U+2068 FIRST
// STRONG ISOLATE and U+2069 POP DIRECTIONAL ISOLATE): a Hebrew lane name and an Arabic era name joined into
// one line keep their own order, each read in its own direction, and do not reorder the line around them.
void appendIsolated(std::string& line, std::string_view text);

class PanelText {
public:
    explicit PanelText(StoryTypesetter& type) : type_(type) {}

    // `prefix` + `text` + `suffix` wrapped as one item: to the rest of the content region's width (`wrapWidth`
    // 0), or to at most `wrapWidth` and no wider than the text (a tooltip's). Right-to-left paragraphs align
    // right. The wrapping is worked out once per text and width.
    void paragraph(TextStyle style, ImU32 colour, std::string_view text, float wrapWidth = 0,
                   std::string_view prefix = {}, std::string_view suffix = {});
    // One line as an item, shortened with an ellipsis to `maxWidth` (0: the rest of the content region's
    // width, or the whole text when `maxWidth` < 0). Returns whether it was shortened.
    bool line(TextStyle style, ImU32 colour, std::string_view text, float maxWidth = 0);
    // Draws one line at `at` (screen pixels) into the window, shortened to `maxWidth`; no item. Returns
    // whether it was shortened.
    bool lineAt(glm::vec2 at, TextStyle style, ImU32 colour, std::string_view text, float maxWidth);
    // A small button labelled with story text; true when clicked.
    bool button(const char* id, TextStyle style, ImU32 colour, std::string_view text);
    // The width `text` takes on one line.
    float width(TextStyle style, std::string_view text) const { return type_.measure(style, text).x; }
    float lineHeight(TextStyle style) const { return type_.lineHeight(style); }
    StoryTypesetter& typesetter() { return type_; }
    // A buffer kept between frames, to join text in before it is drawn (not for the prefix and suffix).
    std::string& buffer() { return buffer_; }

private:
    struct Wrapped {
        std::string text;
        TextStyle style{};
        float width = 0;
        bool rightToLeft = false;
        std::vector<TextLine> lines;
    };
    const Wrapped& wrapped(TextStyle style, std::string_view text, float width);

    StoryTypesetter& type_;
    TextWrapper wrapper_;
    TextShortener shortener_;
    std::string joined_;                              // prefix, text and suffix
    std::string buffer_;
    std::unordered_map<std::uint64_t, Wrapped> cache_;  // by text, style and width
};

}  // namespace epilogue
