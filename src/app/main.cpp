// Epilogue's entry point. main() reads as what the program does: parse the command line, then validate
// a story, render a screenshot headless, or run the window, whose loop reads as the frame:
// events -> update -> layout -> render scene -> UI -> present.
#include "app/asset_paths.h"
#include "app/command_line.h"
#include "app/frame.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
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
bool loadStory(const CommandLine& options, Story& story, int& exitCode) {
    std::string path = options.storyPath;
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

int runScreenshot(const CommandLine& options, const Story& story, ViewState& state) {
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
    const FrameSize size{static_cast<float>(options.width), static_cast<float>(options.height), options.scale};
    UiRequests ignoredRequests;
    window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, 0);
    if (!composer.render(story, state, size, options.animationTime, FrameOptions{!options.noUi, true},
                         ignoredRequests, error)) {
        ImGui::EndFrame();
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return kExitFailed;
    }
    std::vector<std::uint8_t> pixels;
    composer.target().readPixels(pixels);
    const PngWriteResult written =
        writePng(options.screenshotPath, pixels, composer.target().width(), composer.target().height(), options.overwrite);
    if (!written.ok) {
        std::fprintf(stderr, "epilogue: %s\n", written.error.c_str());
        return kExitFailed;
    }
    std::printf("%s: %dx%d\n", options.screenshotPath.c_str(), composer.target().width(), composer.target().height());
    return kExitOk;
}

// ---- The window -------------------------------------------------------------------------------------

// The events in time order (ties in file order), for stepping with the arrow keys.
std::vector<EventIndex> eventsInTimeOrder(const Story& story) {
    std::vector<EventIndex> order(story.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<EventIndex>(i);
    std::stable_sort(order.begin(), order.end(), [&](EventIndex a, EventIndex b) {
        return story.events[static_cast<std::size_t>(a)].time < story.events[static_cast<std::size_t>(b)].time;
    });
    return order;
}

void selectEvent(const Story& story, ViewState& state, EventIndex event) {
    state.selectedEvent = event;
    if (event != kNone) state.playheadTime = story.events[static_cast<std::size_t>(event)].time;
}

void stepSelection(const Story& story, const std::vector<EventIndex>& order, ViewState& state, int direction) {
    const EventIndex current = eventToDescribe(story, state);
    auto at = std::find(order.begin(), order.end(), current);
    if (at == order.end()) {
        selectEvent(story, state, direction > 0 ? order.front() : order.back());
        return;
    }
    const auto index = static_cast<long>(at - order.begin()) + direction;
    if (index >= 0 && index < static_cast<long>(order.size())) selectEvent(story, state, order[static_cast<std::size_t>(index)]);
}

int runWindow(const CommandLine& options, const Story& story, ViewState& state) {
    PlatformWindow window;
    std::string error;
    if (!window.open({false, options.width, options.height, "Epilogue \u2014 " + story.title}, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        std::fprintf(stderr, "epilogue: with no display, render a still instead: epilogue --screenshot out.png\n");
        return kExitFailed;
    }
    int logicalWidth = 0, logicalHeight = 0, pixelWidth = 0, pixelHeight = 0;
    window.logicalSize(logicalWidth, logicalHeight);
    window.pixelSize(pixelWidth, pixelHeight);
    FrameComposer composer;
    if (!composer.initialize(static_cast<float>(pixelWidth) / static_cast<float>(std::max(logicalWidth, 1)), error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return kExitFailed;
    }
    const std::vector<EventIndex> order = eventsInTimeOrder(story);
    const Uint64 start = SDL_GetPerformanceCounter();
    Uint64 previous = start;
    bool running = true;
    bool scrubbing = false;
    while (running) {
        // Events. While the sky twinkles, wake for the next frame; when still, sleep until input arrives.
        SDL_Event event;
        bool have = state.reducedMotion ? SDL_WaitEvent(&event) == 1 : SDL_WaitEventTimeout(&event, 16) == 1;
        while (have) {
            window.processEvent(event);
            const ImGuiIO& io = ImGui::GetIO();
            const float mouseX = static_cast<float>(event.button.x), mouseY = static_cast<float>(event.button.y);
            switch (event.type) {
                case SDL_QUIT: running = false; break;
                case SDL_MOUSEBUTTONDOWN:
                    if (io.WantCaptureMouse || event.button.button != SDL_BUTTON_LEFT) break;
                    if (composer.layout().ruler.contains(mouseX, mouseY)) {
                        scrubbing = true;
                        state.playheadTime = std::clamp(state.view.xToTime(mouseX), story.startTime, story.endTime);
                    } else if (state.view.canvas.contains(mouseX, mouseY)) {
                        selectEvent(story, state, hitTestEvent(composer.layout(), {mouseX, mouseY}));
                    }
                    break;
                case SDL_MOUSEBUTTONUP:
                    if (event.button.button == SDL_BUTTON_LEFT) scrubbing = false;
                    break;
                case SDL_MOUSEMOTION: {
                    const float x = static_cast<float>(event.motion.x), y = static_cast<float>(event.motion.y);
                    if (scrubbing) state.playheadTime = std::clamp(state.view.xToTime(x), story.startTime, story.endTime);
                    state.hoveredEvent = io.WantCaptureMouse ? kNone : hitTestEvent(composer.layout(), {x, y});
                    break;
                }
                case SDL_KEYDOWN:
                    if (io.WantCaptureKeyboard) break;
                    if (event.key.keysym.sym == SDLK_ESCAPE) state.selectedEvent = kNone;
                    if (event.key.keysym.sym == SDLK_RIGHT) stepSelection(story, order, state, +1);
                    if (event.key.keysym.sym == SDLK_LEFT) stepSelection(story, order, state, -1);
                    if (event.key.keysym.sym == SDLK_HOME) state.playheadTime = story.startTime;
                    if (event.key.keysym.sym == SDLK_END) state.playheadTime = story.endTime;
                    break;
                default: break;
            }
            have = SDL_PollEvent(&event) == 1;
        }
        if (!running) break;
        if (SDL_GetWindowFlags(window.sdlWindow()) & SDL_WINDOW_MINIMIZED) continue;

        // Update, layout, scene, UI, present.
        const Uint64 now = SDL_GetPerformanceCounter();
        const auto frequency = static_cast<double>(SDL_GetPerformanceFrequency());
        const auto delta = static_cast<float>(static_cast<double>(now - previous) / frequency);
        const auto animationTime = static_cast<float>(static_cast<double>(now - start) / frequency);
        previous = now;
        window.logicalSize(logicalWidth, logicalHeight);
        window.pixelSize(pixelWidth, pixelHeight);
        const FrameSize size{static_cast<float>(logicalWidth), static_cast<float>(logicalHeight),
                             static_cast<float>(pixelWidth) / static_cast<float>(std::max(logicalWidth, 1))};
        window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, delta);
        UiRequests requests;
        if (!composer.render(story, state, size, animationTime, FrameOptions{}, requests, error)) {
            ImGui::EndFrame();
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return kExitFailed;
        }
        composer.target().presentToWindow(pixelWidth, pixelHeight);
        window.swap();
        if (requests.selectEvent != kNone) selectEvent(story, state, requests.selectEvent);
        if (requests.clearSelection) state.selectedEvent = kNone;
    }
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
    int exitCode = kExitOk;
    if (!loadStory(options, story, exitCode)) return exitCode;
    ViewState state;
    if (!initialViewState(story, options, state)) return kExitUsage;
    if (!options.screenshotPath.empty()) return runScreenshot(options, story, state);
    return runWindow(options, story, state);
}
