// The commentary panel: the described event's title, lane, era and time, its summary, the characters'
// words, the article's commentary with attribution, and "in the other life" links to paired events.
#pragma once

#include "story/story.h"
#include "timeline/view.h"
#include "timeline/view_state.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

class CommentaryPanel {
public:
    // Draws the panel into `area` (logical pixels) and records what the user asked for.
    void draw(const Story& story, const ViewState& state, const Rect& area,
              const UiFonts& fonts, UiRequests& requests);

private:
    void drawMoment(const Story& story, const Event& event, const ViewState& state, const UiFonts& fonts);
    void drawCommentary(const Story& story, const Event& event, const UiFonts& fonts, UiRequests& requests);
    // Text wrapped to the column, in a font and colour. `prefix` and `suffix` frame it (quotation marks,
    // a dash before an attribution) without allocating: the pieces are joined in a reused buffer.
    void wrapped(ImFont* font, const float colour[4], std::string_view text, const char* prefix = "",
                 const char* suffix = "");

    // Makes the join buffer large enough for every framed text of the story, once per story.
    void prepare(const Story& story);

    std::string scratch_;
    std::uint64_t preparedHash_ = 0;  // the story prepare() sized the scratch buffer for
    std::size_t preparedEvents_ = 0;
};

}  // namespace epilogue
