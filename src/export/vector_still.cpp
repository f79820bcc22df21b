// SVG and PDF documents of a frame.
#include "export/vector_still.h"

#include "export/cairo_painter.h"
#include "export/svg_painter.h"
#include "export/vector_frame.h"
#include "timeline/time_format.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>

namespace epilogue {

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool endsWith(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

constexpr PaperSize kPapers[] = {{"A4", 841.89f, 595.28f}, {"A3", 1190.55f, 841.89f}, {"Letter", 792.0f, 612.0f}};
constexpr float kPaperMargin = 28.35f;  // 1 cm

// "La La Land: the ending explained, at 47 min (la-la-land.json)": what the picture shows, in words.
std::string describeStill(const VectorStillRequest& request) {
    const Story& story = *request.story;
    std::string text = "Epilogue: " + story.title.str() + ", the playhead at " +
                       formatTimeNotation(story, request.state->playheadTime).c_str();
    if (!request.storyFileName.empty()) text += " (" + request.storyFileName + ")";
    if (!story.source.title.empty()) text += ". Commentary from \u201C" + story.source.title.str() + "\u201D";
    if (!story.source.publisher.empty()) text += ", " + story.source.publisher.str();
    return text;
}

// Where the frame goes on the page: the page itself without paper, else fitted inside the margins, centred.
struct Placement {
    float pageWidth, pageHeight;
    float x, y, scale;  // points per logical pixel
};

Placement placementOf(const VectorStillRequest& request) {
    const FrameSize& size = request.plan->size;
    if (!request.paper) {
        return {size.logicalWidth * size.pixelScale, size.logicalHeight * size.pixelScale, 0, 0, size.pixelScale};
    }
    const PaperSize& paper = *request.paper;
    const float scale = std::min((paper.width - 2 * kPaperMargin) / size.logicalWidth,
                                 (paper.height - 2 * kPaperMargin) / size.logicalHeight);
    return {paper.width, paper.height, (paper.width - size.logicalWidth * scale) / 2,
            (paper.height - size.logicalHeight * scale) / 2, scale};
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::optional<StillFormat> stillFormatOf(std::string_view path) {
    const std::string name = lowercase(path);
    if (endsWith(name, ".png")) return StillFormat::Png;
    if (endsWith(name, ".svg")) return StillFormat::Svg;
    if (endsWith(name, ".pdf")) return StillFormat::Pdf;
    return std::nullopt;
}

std::optional<PaperSize> paperNamed(std::string_view name) {
    const std::string wanted = lowercase(name);
    for (const PaperSize& paper : kPapers) {
        if (lowercase(paper.name) == wanted) return paper;
    }
    return std::nullopt;
}

const char* paperNames() { return "A4, A3, Letter"; }

std::string renderSvg(const VectorStillRequest& request, bool standalone) {
    const VectorFonts fonts;
    SvgDocument document;
    document.logicalWidth = request.plan->size.logicalWidth;
    document.logicalHeight = request.plan->size.logicalHeight;
    document.pixelScale = request.plan->size.pixelScale;
    document.title = request.story->title.str();
    document.description = describeStill(request);
    SvgPainter painter(document, fonts);
    drawVectorFrame(painter, fonts, {request.story, request.plan, request.state});
    return painter.finish(standalone);
}

bool renderPdf(const VectorStillRequest& request, std::string& bytes, std::string& error) {
    bytes.clear();
    const Placement place = placementOf(request);
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, place.pageWidth, place.pageHeight);
    // What the document says of itself: the story by its title and file name, never a path.
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, request.story->title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, describeStill(request).c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Epilogue");
    cairo_t* cairo = cairo_create(surface);
    cairo_translate(cairo, place.x, place.y);
    cairo_scale(cairo, place.scale, place.scale);
    {
        const VectorFonts fonts;
        CairoPainter painter(cairo, fonts);
        painter.pushClip({0, 0, request.plan->size.logicalWidth, request.plan->size.logicalHeight});
        drawVectorFrame(painter, fonts, {request.story, request.plan, request.state});
        painter.popClip();
    }
    cairo_show_page(cairo);
    const cairo_status_t drawn = cairo_status(cairo);
    cairo_destroy(cairo);
    cairo_surface_finish(surface);
    const cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    const cairo_status_t status = drawn != CAIRO_STATUS_SUCCESS ? drawn : finished;
    if (status != CAIRO_STATUS_SUCCESS) {
        error = std::string("cannot make the PDF: ") + cairo_status_to_string(status);
        bytes.clear();
        return false;
    }
    return true;
}

nlohmann::json pageJson(const VectorStillRequest& request) {
    if (!request.paper) return nullptr;
    const Placement place = placementOf(request);
    const FrameSize& size = request.plan->size;
    return {{"paper", request.paper->name},
            {"width", place.pageWidth},
            {"height", place.pageHeight},
            {"frame", {{"x", place.x}, {"y", place.y}, {"width", size.logicalWidth * place.scale},
                       {"height", size.logicalHeight * place.scale}}}};
}

}  // namespace epilogue
