// Epilogue's entry point. main() reads as what the program does: parse the command line, then validate
// a story, render a screenshot headless, or run the window (window_loop.cpp).
#include "app/asset_paths.h"
#include "app/command_line.h"
#include "app/headless.h"
#include "app/restore.h"
#include "app/window_loop.h"
#include "story/story_loader.h"
#include "timeline/layout.h"

#include <cstdio>
#include <string>
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
    for (const Event& event : story.events) {
        if (!known.empty()) known += ", ";
        known += event.id;
    }
    std::fprintf(stderr, "epilogue: %s: no event \"%s\" in the story (its events: %s)\n", flag, id.c_str(),
                 known.c_str());
    return false;
}

// The initial view: the whole story, the playhead at its end (or where the flags put it).
bool initialViewState(const Story& story, const CommandLine& options, ViewState& state) {
    state.view = fitStory(story, {0, 0, static_cast<float>(options.width), static_cast<float>(options.height)},
                          LayoutStyle{}.laneHeaderWidth);
    setVisibleRange(state, options.rangeStart.value_or(state.view.startTime),
                    options.rangeEnd.value_or(state.view.endTime));
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


}  // namespace
}  // namespace epilogue

int main(int argc, char** argv) {
    using namespace epilogue;
    const CommandLineResult parsed = parseCommandLine(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.output.c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    CommandLine options = *parsed.options;
    if (!options.validatePath.empty()) return runValidate(options.validatePath);
    if (!options.restorePath.empty()) {
        std::string error, warning;
        if (!applySidecar(options.restorePath, options.given, options, error, warning)) {
            std::fprintf(stderr, "epilogue: --restore: %s\n", error.c_str());
            return kExitUsage;
        }
        if (!warning.empty()) std::fprintf(stderr, "epilogue: warning: %s\n", warning.c_str());
    }

    Story story;
    std::string storyPath;
    int exitCode = kExitOk;
    if (!loadStory(options, story, storyPath, exitCode)) return exitCode;
    ViewState state;
    if (!initialViewState(story, options, state)) return kExitUsage;
    if (!options.screenshotPath.empty()) return runScreenshot(options, story, storyPath, state);
    if (!options.framesDirectory.empty() || !options.videoPath.empty()) return runFrames(options, story, storyPath, state);
    return runWindow(options, std::move(story), storyPath, state);
}
