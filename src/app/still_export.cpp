// Vector stills and the web page, written whole or not at all.
#include "app/still_export.h"

#include "app/atomic_file.h"
#include "app/frame.h"
#include "app/headless.h"
#include "app/platform_window.h"
#include "export/html_page.h"
#include "export/vector_still.h"

#include <cstdio>
#include <filesystem>

namespace epilogue {

namespace {

// Writes `text` to `path`: replacing a regular file only with --overwrite, never anything else. Prints why not.
bool writeOutput(const std::string& path, const std::string& text, bool overwrite) {
    std::string error;
    const bool written = overwrite ? writeFileAtomically(path, text, error) : writeNewFileAtomically(path, text, error);
    if (!written) std::fprintf(stderr, "epilogue: %s\n", error.c_str());
    return written;
}

// The story file's name alone: what a document made to be shared may say of where the story came from.
std::string storyFileName(const std::string& storyPath) { return std::filesystem::path(storyPath).filename().string(); }

}  // namespace

int writeVectorStill(const CommandLine& options, const Story& story, const std::string& storyPath, const ViewState& state,
                     const FramePlan& plan, nlohmann::json sidecar) {
    const std::string& path = options.screenshotPath;
    VectorStillRequest request;
    request.story = &story;
    request.plan = &plan;
    request.state = &state;
    request.storyFileName = storyFileName(storyPath);
    if (!options.paper.empty()) request.paper = paperNamed(options.paper);  // checked by the command line
    const bool pdf = stillFormatOf(path) == StillFormat::Pdf;
    std::string document;
    if (pdf) {
        std::string error;
        if (!renderPdf(request, document, error)) {
            std::fprintf(stderr, "epilogue: %s: %s\n", path.c_str(), error.c_str());
            return 1;
        }
    } else {
        document = renderSvg(request);
    }
    if (!writeOutput(path, document, options.overwrite)) return 1;
    sidecar["format"] = pdf ? "pdf" : "svg";
    if (request.paper) sidecar["page"] = pageJson(request);
    if (!writeOutput(path + ".json", sidecar.dump(2) + "\n", options.overwrite)) return 1;
    std::printf("%s: %gx%g%s\n", path.c_str(), static_cast<double>(plan.size.logicalWidth * plan.size.pixelScale),
                static_cast<double>(plan.size.logicalHeight * plan.size.pixelScale),
                request.paper ? (std::string(" on ") + request.paper->name).c_str() : "");
    return 0;
}

int runHtmlPage(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    if (const std::string problem = outputProblem(options.htmlPath, options.overwrite); !problem.empty()) {
        std::fprintf(stderr, "epilogue: %s\n", problem.c_str());
        return 1;
    }
    // The page has panels of its own: the picture is the canvas alone.
    CommandLine canvasOnly = options;
    canvasOnly.noUi = true;
    PlatformWindow window;
    FrameComposer composer;
    if (!renderStill(canvasOnly, story, state, window, composer)) return 1;
    HtmlPageRequest request;
    request.still.story = &story;
    request.still.plan = &composer.plan();
    request.still.state = &state;
    request.still.storyFileName = storyFileName(storyPath);
    const std::string page = htmlPage(request);
    if (!writeOutput(options.htmlPath, page, options.overwrite)) return 1;
    std::printf("%s: %zu events, %zu bytes\n", options.htmlPath.c_str(), story.events.size(), page.size());
    return 0;
}

}  // namespace epilogue
