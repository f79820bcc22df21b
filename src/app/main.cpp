// Epilogue's entry point. main() reads as what the program does: parse the command line, then validate
// a story, render a screenshot headless, or run the window (window_loop.cpp).
#include "app/asset_paths.h"
#include "app/command_line.h"
#include "app/frame_log.h"
#include "app/headless.h"
#include "app/restore.h"
#include "app/still_export.h"
#include "app/window_loop.h"
#include "story/source_hash.h"
#include "story/story_loader.h"
#include "story/terminal_text.h"
#include "timeline/layout.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;  // the input was read but is wrong (an invalid story), or the output could not be made
constexpr int kExitUsage = 2;   // bad flags, or a file that does not exist

// Text from outside the program (paths, ids), fit for the terminal (see terminal_text.h).
std::string shown(std::string_view text) { return escapeForTerminal(text); }

// CLI11's help or error: its own lines kept, what it quotes of the arguments escaped.
std::string shownLines(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        out += shown(std::string_view(text).substr(start, end - start));
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

void printErrors(const std::vector<StoryError>& errors) {
    for (const StoryError& error : errors) std::fprintf(stderr, "%s\n", error.toString().c_str());
}

// "1 error", "50 errors", "at least 50 errors (stopped counting)".
std::string countErrors(const StoryLoadResult& result) {
    const std::size_t count = result.errors.size();
    const std::string counted = std::to_string(count) + (count == 1 ? " error" : " errors");
    return result.truncated ? "at least " + counted + " (stopped counting)" : counted;
}

int exitCodeFor(const std::vector<StoryError>& errors) {
    return !errors.empty() && errors.front().kind == StoryErrorKind::Io ? kExitUsage : kExitFailed;
}

int runValidate(const std::string& path) {
    const StoryLoadResult result = loadStoryFile(path);
    if (!result.ok()) {
        printErrors(result.errors);
        std::fprintf(stderr, "%s: invalid: %s\n", shown(path).c_str(), countErrors(result).c_str());
        return exitCodeFor(result.errors);
    }
    std::printf("ok: %zu events in %zu lanes\n", result.story.events.size(), result.story.lanes.size());
    return kExitOk;
}

// Loads the story the command line names (or the sidecar it restores: `sidecar`), or the bundled one.
// Prints what went wrong otherwise; for a story a sidecar names, about the sidecar, never the content of
// the file it names (which may be any file at all).
bool loadStory(const CommandLine& options, const SidecarStory& sidecar, Story& story, std::string& path, int& exitCode) {
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
        exitCode = exitCodeFor(result.errors);
        if (!sidecar.used) {
            printErrors(result.errors);
            return false;
        }
        const StoryError& first = result.errors.front();
        const bool unread = first.kind == StoryErrorKind::Io || first.kind == StoryErrorKind::TooLarge;
        const std::string why = unread ? first.message
                                       : "not a valid story (" + countErrors(result) + "; epilogue --validate lists them)";
        std::fprintf(stderr, "epilogue: --restore: %s: the story it names, %s: %s\n", shown(options.restorePath).c_str(),
                     shown(path).c_str(), shown(why).c_str());
        return false;
    }
    story = std::move(result.story);
    if (sidecar.used && !sidecar.hash.empty() && hashText(story.sourceHash) != sidecar.hash) {
        std::fprintf(stderr, "epilogue: warning: %s has changed since %s was written; the view may differ\n",
                     shown(path).c_str(), shown(options.restorePath).c_str());
    }
    return true;
}

bool findNamedEvent(const Story& story, const std::string& id, const char* flag, EventIndex& out) {
    out = story.findEvent(id);
    if (out != kNone) return true;
    // A few names, the nearest to the one asked for (a story may have hundreds of thousands).
    std::vector<std::string_view> names;
    names.reserve(story.events.size());
    for (const Event& event : story.events) names.push_back(event.id);
    const char* which = names.size() <= 10 ? "its events" : "the nearest of its events by name";
    std::fprintf(stderr, "epilogue: %s: no event \"%s\" in the story (%s: %s)\n", flag, shown(excerpt(id, 80)).c_str(),
                 which, nearestNames(id, names).c_str());
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
    const double mainStartedAt = monotonicMilliseconds();  // for --frame-log
    const CommandLineResult parsed = parseCommandLine(argc, argv);
    if (!parsed.options) {
        std::fputs(shownLines(parsed.output).c_str(), parsed.exitCode == 0 ? stdout : stderr);
        return parsed.exitCode;
    }
    CommandLine options = *parsed.options;
    if (!options.validatePath.empty()) return runValidate(options.validatePath);
    SidecarStory sidecar;
    if (!options.restorePath.empty()) {
        std::string error;
        if (!applySidecar(options.restorePath, options.given, options, sidecar, error)) {
            std::fprintf(stderr, "epilogue: --restore: %s\n", shown(error).c_str());
            return kExitUsage;
        }
    }

    Story story;
    std::string storyPath;
    int exitCode = kExitOk;
    if (!loadStory(options, sidecar, story, storyPath, exitCode)) return exitCode;
    moveSidecarTimesToStory(story, sidecar, options);
    // Times on the command line are in the story's notation: read them now that the story is known.
    if (const std::string problem = resolveStoryTimes(story, options); !problem.empty()) {
        std::fprintf(stderr, "epilogue: %s\n", shown(problem).c_str());
        return kExitUsage;
    }
    ViewState state;
    if (!initialViewState(story, options, state)) return kExitUsage;
    if (!options.screenshotPath.empty()) return runScreenshot(options, story, storyPath, state);
    if (!options.htmlPath.empty()) return runHtmlPage(options, story, storyPath, state);
    if (!options.framesDirectory.empty() || !options.videoPath.empty()) return runFrames(options, story, storyPath, state);
    return runWindow(options, std::move(story), storyPath, state, mainStartedAt);
}
