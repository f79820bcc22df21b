// The story as one self-contained web page (--html): the picture of the view as inline SVG, every event on it
// a button at its place (Tab and the arrow keys move between them, Enter or a click selects), the selected
// event's commentary beside it as real text, the lanes and events again as headings and lists, the story's
// title and the source it quotes. Nothing is fetched: styles and script are inline, and the page's content
// security policy forbids any request. It names the story file by its name alone. Pure text output.
#pragma once

#include "export/vector_still.h"

#include <string>

namespace epilogue {

struct HtmlPageRequest {
    VectorStillRequest still;  // the story, the plan the picture is drawn from, the view, the story file's name
};

std::string htmlPage(const HtmlPageRequest& request);

}  // namespace epilogue
