// Epilogue's entry point. main() reads as what the program does: parse the command line, then validate
// a story, render a screenshot headless, or run the window (window_loop.cpp).
#include "app/asset_paths.h"
#include "app/command_line.h"
#include "app/frame.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
#include "app/view_report.h"
#include "app/window_loop.h"
#include "story/story_loader.h"
#include "ui/canvas_labels.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace epilogue {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // the input was read but is wrong (an invalid story), or the output could not be made
constexpr int kExitUsage = 2;   // bad flags, or a file that does not exist

void printErrors(const std::vector<StoryError>& errors) {
    for (const StoryError& error : errors) std::fprintf(stderr, "%s\n", error.toString().c_str());
}

int exitCodeFor(const std::vector<StoryError>& errors) {
    return !errors.empty() && errors.front().kind == StoryErrorKind::Io ? kExitUsage : kExitFailed;
}

int runValidate(const std::string& path) {
    const StoryLoadResult result = loadStoryFile(path);
    if (!result.ok()) {
        printErrors(result.errors);
        std::fprintf(stderr, "%s: invalid: %zu error%s\n", path.c_str(), result.errors.size(),
                     result.errors.size() == 1 ? "" : "s");
        return exitCodeFor(result.errors);
    }
    std::printf("ok: %zu events in %zu lanes\n", result.story.events.size(), result.story.lanes.size());
    return kExitOk;
}

// Loads the story the command line names, or the bundled one. Prints what went wrong otherwise.
bool loadStory(const CommandLine& options, Story& story, std::string& path, int& exitCode) {
    path = options.storyPath;
    if (path.empty()) {
        std::string searched;
        path = findDefaultStory(searched);
        if (path.empty()) {
            std::fprintf(stderr, "epilogue: the bundled story is missing (looked in %s)\n", searched.c_str());
            exitCode = kExitFailed;
            return false;
        }
    }
    StoryLoadResult result = loadStoryFile(path);
    if (!result.ok()) {
        printErrors(result.errors);
        exitCode = exitCodeFor(result.errors);
        return false;
    }
    story = std::move(result.story);
    return true;
}

bool findNamedEvent(const Story& story, const std::string& id, const char* flag, EventIndex& out) {
    out = story.findEvent(id);
    if (out != kNone) return true;
    std::string known;
    for (const Event& event : story.events) known += (known.empty() ? "" : ", ") + event.id;
    std::fprintf(stderr, "epilogue: %s: no event \"%s\" in the story (its events: %s)\n", flag, id.c_str(),
                 known.c_str());
    return false;
}

// The initial view: the whole story, the playhead at its end (or where the flags put it).
bool initialViewState(const Story& story, const CommandLine& options, ViewState& state) {
    state.view = fitStory(story, {0, 0, static_cast<float>(options.width), static_cast<float>(options.height)},
                          kLaneHeaderWidth);
    if (options.rangeStart) {
        state.view.startTime = *options.rangeStart;
        state.view.endTime = *options.rangeEnd;
    }
    state.targetStartTime = state.view.startTime;
    state.targetEndTime = state.view.endTime;
    state.playheadTime = story.endTime;
    state.reducedMotion = options.reducedMotion;
    if (options.time) state.playheadTime = *options.time;
    if (!options.atEvent.empty()) {
        EventIndex at = kNone;
        if (!findNamedEvent(story, options.atEvent, "--at", at)) return false;
        state.playheadTime = story.events[static_cast<std::size_t>(at)].time;
    }
    if (!options.selectEvent.empty()) {
        if (!findNamedEvent(story, options.selectEvent, "--select", state.selectedEvent)) return false;
    }
    return true;
}

int runScreenshot(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    std::error_code ignored;
    if (!options.overwrite && std::filesystem::exists(options.screenshotPath, ignored)) {
        std::fprintf(stderr, "epilogue: %s: already exists; not overwritten (pass --overwrite to replace it)\n",
                     options.screenshotPath.c_str());
        return kExitFailed;
    }
    PlatformWindow window;
    std::string error;
    if (!window.open({true, options.width, options.height, "Epilogue"}, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return kExitFailed;
    }
    FrameComposer composer;
    if (!composer.initialize(options.scale, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return kExitFailed;
    }
    composer.setStory(story);
    const FrameSize size{static_cast<float>(options.width), static_cast<float>(options.height), options.scale};
    // Two frames: ImGui settles its windows' sizes and scrolling in the first; the second is the picture.
    for (int frame = 0; frame < 2; ++frame) {
        UiRequests ignoredRequests;
        window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, 0);
        FrameOptions frameOptions;
        frameOptions.panels = !options.noUi;
        if (!composer.render(story, state, size, options.animationTime, frameOptions, ignoredRequests, error)) {
            ImGui::EndFrame();
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return kExitFailed;
        }
    }
    std::vector<std::uint8_t> pixels;
    composer.target().readPixels(pixels);
    const PngWriteResult written =
        writePng(options.screenshotPath, pixels, composer.target().width(), composer.target().height(), options.overwrite);
    if (!written.ok) {
        std::fprintf(stderr, "epilogue: %s\n", written.error.c_str());
        return kExitFailed;
    }
    const ReportContext report{storyPath, hashFile(storyPath), size.logicalWidth, size.logicalHeight, size.pixelScale};
    const std::string sidecar = options.screenshotPath + ".json";
    if (!writeFileAtomically(sidecar, describeView(story, state, composer.layout(), report).dump(2) + "\n", error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return kExitFailed;
    }
    std::printf("%s: %dx%d\n", options.screenshotPath.c_str(), composer.target().width(), composer.target().height());
    return kExitOk;
}

}  // namespace
}  // namespace epilogue

int main(int argc, char** argv) {
    using namespace epilogue;
    const CommandLineResult parsed = parseCommandLine(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.output.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    const CommandLine& options = *parsed.options;
    if (!options.validatePath.empty()) return runValidate(options.validatePath);

    Story story;
    std::string storyPath;
    int exitCode = kExitOk;
    if (!loadStory(options, story, storyPath, exitCode)) return exitCode;
    ViewState state;
    if (!initialViewState(story, options, state)) return kExitUsage;
    if (!options.screenshotPath.empty()) return runScreenshot(options, story, storyPath, state);
    return runWindow(options, story, storyPath, state);
}
