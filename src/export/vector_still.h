// A still of a frame as a vector document: the SVG text or the PDF bytes of what a PNG screenshot of the same
// frame plan shows, in memory (the caller writes them atomically). The document names the story by its title
// and file name only, never by a path. No GL: the plan is all it needs.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_state.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace epilogue {

enum class StillFormat { Png, Svg, Pdf };
// By the file name's extension, in any case (".png", ".SVG", ".pdf"); nullopt for any other.
std::optional<StillFormat> stillFormatOf(std::string_view path);

// A page to print a PDF on, in points, landscape.
struct PaperSize {
    const char* name;
    float width, height;
};
// "A4", "a3", "Letter", ...; nullopt for a name it does not know.
std::optional<PaperSize> paperNamed(std::string_view name);
// "A4, A3, Letter", for messages and the help.
const char* paperNames();

struct VectorStillRequest {
    const Story* story = nullptr;
    const FramePlan* plan = nullptr;
    const ViewState* state = nullptr;
    std::string storyFileName;        // the story file's name alone ("la-la-land.json"), for the metadata
    std::optional<PaperSize> paper;   // PDF: a page of this size with the frame fitted in; else the frame's size
};

// The SVG document. `standalone` false: without the XML declaration, to go inline in an HTML page.
std::string renderSvg(const VectorStillRequest& request, bool standalone = true);
// The PDF document's bytes; false with a message when cairo could not make it.
bool renderPdf(const VectorStillRequest& request, std::string& bytes, std::string& error);

// Where the frame lies on the page and the page's size, in points, for the sidecar of a PDF on paper
// ({"paper": "A4", "width": 842, "height": 595, "frame": {...}}); empty without paper.
nlohmann::json pageJson(const VectorStillRequest& request);

}  // namespace epilogue
