// The interactive window's loop.
//
// Redraw policy: a frame is drawn after any input (and one more, so ImGui settles), and continuously
// while something moves: playback, a zoom animation, a drag, a toast, or the twinkling sky, which stills
// itself after a few seconds without input. Otherwise the loop sleeps in SDL_WaitEvent and costs nothing.
#include "app/window_loop.h"

#include "app/frame.h"
#include "app/platform_window.h"
#include "app/preferences.h"
#include "app/screenshot_writer.h"
#include "app/sdl_input.h"
#include "app/story_reloader.h"
#include "app/story_watcher.h"
#include "app/view_report.h"
#include "app/xdg_paths.h"
#include "timeline/canvas_input.h"
#include "ui/canvas_labels.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <optional>
#include <vector>

namespace epilogue {

namespace {

constexpr double kTwinkleSeconds = 3.0;  // the sky stills itself this long after the last input
constexpr double kToastSeconds = 4.0;
constexpr Uint32 kFrameMilliseconds = 16;

// The pixels of the frame just drawn and the sidecar that describes them.
ScreenshotJob captureJob(const FrameComposer& composer, const Story& story, const ViewState& state,
                         const FrameSize& size, float animationTime, bool panels, ReportContext report,
                         const std::string& directory) {
    ScreenshotJob job;
    composer.target().readPixels(job.rgba);
    job.width = composer.target().width();
    job.height = composer.target().height();
    job.directory = directory;
    job.takenAt = std::time(nullptr);
    report.logicalWidth = size.logicalWidth;
    report.logicalHeight = size.logicalHeight;
    report.pixelScale = size.pixelScale;
    report.animationTime = animationTime;
    report.panels = panels;
    job.sidecar = describeView(story, state, composer.layout(), report).dump(2) + "\n";
    return job;
}

double secondsNow() {
    return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
}

}  // namespace

// The first few errors of a failed reload, for the banner.
std::string describeErrors(const std::vector<StoryError>& errors) {
    std::string text;
    for (std::size_t i = 0; i < errors.size() && i < 4; ++i) text += (i ? "\n" : "") + errors[i].toString();
    if (errors.size() > 4) text += "\n... and " + std::to_string(errors.size() - 4) + " more";
    return text;
}

Uint32 requestWatchCheck(Uint32 interval, void* eventType) {
    SDL_Event event{};
    event.type = static_cast<Uint32>(reinterpret_cast<std::uintptr_t>(eventType));
    SDL_PushEvent(&event);
    return interval;
}

int runWindow(const CommandLine& options, Story story, const std::string& storyPath, ViewState& state) {
    const std::string configDir = configDirectory();
    const std::string preferencesPath = configDir + "/preferences.json";
    std::string message;
    Preferences preferences = loadPreferences(preferencesPath, message);
    if (!message.empty()) std::fprintf(stderr, "epilogue: warning: %s\n", message.c_str());
    state.speed = preferences.speed;
    state.loop = preferences.loop;
    state.reducedMotion = options.reducedMotion || preferences.reducedMotion;

    WindowOptions windowOptions;
    windowOptions.width = options.sizeGiven ? options.width : preferences.windowWidth;
    windowOptions.height = options.sizeGiven ? options.height : preferences.windowHeight;
    windowOptions.title = "Epilogue \u2014 " + story.title.str();
    PlatformWindow window;
    std::string error;
    if (!window.open(windowOptions, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        std::fprintf(stderr, "epilogue: with no display, render a still instead: epilogue --screenshot out.png\n");
        return 1;
    }
    if (preferences.maximized && !options.sizeGiven) SDL_MaximizeWindow(window.sdlWindow());
    std::error_code ignored;
    std::filesystem::create_directories(configDir, ignored);
    window.setSettingsFile(configDir + "/imgui.ini");

    int logicalWidth = 0, logicalHeight = 0, pixelWidth = 0, pixelHeight = 0;
    window.logicalSize(logicalWidth, logicalHeight);
    window.pixelSize(pixelWidth, pixelHeight);
    FrameComposer composer;
    if (!composer.initialize(static_cast<float>(pixelWidth) / static_cast<float>(std::max(logicalWidth, 1)), error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return 1;
    }
    CanvasInput input(kLaneHeaderWidth);
    if (!options.rangeStart) {  // fit the story to the window as it opened (its size may be a remembered one)
        const TimelineView fitted = fitStory(
            story, screenLayout(static_cast<float>(logicalWidth), static_cast<float>(logicalHeight), true).canvas,
            kLaneHeaderWidth);
        setVisibleRange(state, fitted.startTime, fitted.endTime);
    }

    ScreenshotWriter screenshots;
    const std::string screenshotDirectory =
        options.screenshotDirectory.empty() ? picturesDirectory() : options.screenshotDirectory;
    ReportContext report = reportContextFor(storyPath, story);
    std::string toast;
    double toastUntil = 0;
    bool toastOnScreen = false;

    // The story file is checked about once a second; a check that finds nothing changed draws nothing.
    // A changed file is read on the reloader's thread, which wakes the loop when it is done.
    StoryWatcher watcher(storyPath);
    std::string reloadError;
    const Uint32 watchEvent = SDL_RegisterEvents(2);
    const bool watching = watchEvent != static_cast<Uint32>(-1);
    const Uint32 reloadedEvent = watchEvent + 1;
    const SDL_TimerID watchTimer =
        watching ? SDL_AddTimer(1000, requestWatchCheck, reinterpret_cast<void*>(static_cast<std::uintptr_t>(watchEvent)))
                 : 0;
    StoryReloader reloader(storyPath, [reloadedEvent] {
        SDL_Event done{};
        done.type = reloadedEvent;
        SDL_PushEvent(&done);
    });

    std::vector<double> frameMilliseconds;  // with --frame-stats: how long each drawn frame took
    if (options.frameStats) frameMilliseconds.reserve(1 << 16);
    double lastFrame = secondsNow();
    double lastInput = lastFrame;
    float animationTime = 0;  // advances only while the sky twinkles, so it resumes without a jump
    int settleFrames = 2;
    int pendingScreenshots = 0;  // F12 presses not yet captured: one a frame, none dropped
    int windowedWidth = 0, windowedHeight = 0;  // the size to return to when leaving fullscreen
    bool moving = false;
    bool running = true;
    while (running) {
        // ---- Events: sleep until input when nothing moves -------------------------------------------
        const double now = secondsNow();
        if (toastOnScreen && now >= toastUntil) settleFrames = std::max(settleFrames, 1);  // take the toast down
        const bool twinkling = !state.reducedMotion && now - lastInput < kTwinkleSeconds;
        const bool animating = moving || input.scrubbing() || twinkling || now < toastUntil || screenshots.busy() ||
                               pendingScreenshots > 0;
        SDL_Event event;
        bool have = false;
        if (animating || settleFrames > 0) {
            const auto sinceFrame = static_cast<Uint32>((now - lastFrame) * 1000.0);
            const Uint32 wait = settleFrames > 0 ? 0 : (sinceFrame >= kFrameMilliseconds ? 0 : kFrameMilliseconds - sinceFrame);
            have = SDL_WaitEventTimeout(&event, static_cast<int>(wait)) == 1;
        } else {
            have = SDL_WaitEvent(&event) == 1;
        }
        UiRequests requests;
        int fullscreenToggles = 0;
        bool checkStory = false;
        while (have) {
            if (watching && (event.type == watchEvent || event.type == reloadedEvent)) {
                // Not input: neither wakes the sky nor asks for a frame (a finished reload asks below).
                checkStory = checkStory || event.type == watchEvent;
                have = SDL_PollEvent(&event) == 1;
                continue;
            }
            window.processEvent(event);
            const ImGuiIO& io = ImGui::GetIO();
            if (event.type == SDL_QUIT) running = false;
            if (const auto pointer = toPointerEvent(event)) {
                input.pointer(*pointer, io.WantCaptureMouse && !input.scrubbing(), story, composer.layout(), state);
            }
            if (const auto key = toKey(event); key && !io.WantCaptureKeyboard) {
                const AppAction wanted = input.key(*key, story, state);
                if (wanted == AppAction::Screenshot) ++pendingScreenshots;
                if (wanted == AppAction::ToggleFullscreen) ++fullscreenToggles;
            }
            lastInput = secondsNow();
            settleFrames = 2;
            have = SDL_PollEvent(&event) == 1;
        }
        if (!running) break;
        if (checkStory && watcher.changed()) reloader.request();
        if (std::optional<StoryLoadResult> reloaded = reloader.take()) {
            if (reloaded->ok()) {
                adoptStory(story, std::move(reloaded->story), state);
                input.storyReplaced();
                report = reportContextFor(storyPath, story);
                reloadError.clear();
                toast = "Reloaded " + storyPath;
                toastUntil = secondsNow() + kToastSeconds;
            } else {
                reloadError = describeErrors(reloaded->errors);
                for (const StoryError& problem : reloaded->errors) std::fprintf(stderr, "%s\n", problem.toString().c_str());
            }
            settleFrames = 2;
        }
        if (fullscreenToggles % 2 == 1) {
            const bool fullscreen = (SDL_GetWindowFlags(window.sdlWindow()) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
            if (!fullscreen) window.logicalSize(windowedWidth, windowedHeight);
            SDL_SetWindowFullscreen(window.sdlWindow(), fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
            // Back in a window, ask for the size it had: without a window manager, SDL would keep reporting
            // the fullscreen size.
            if (fullscreen) SDL_SetWindowSize(window.sdlWindow(), windowedWidth, windowedHeight);
        }
        // Woken only by the file check, with nothing changed and nothing moving: no frame to draw.
        if (!animating && settleFrames == 0) continue;
        if (SDL_GetWindowFlags(window.sdlWindow()) & SDL_WINDOW_MINIMIZED) {
            SDL_WaitEvent(nullptr);  // nothing to draw until the window comes back
            continue;
        }

        // ---- Update ------------------------------------------------------------------------------------
        const double frameStart = secondsNow();
        const double delta = std::min(frameStart - lastFrame, 0.25);  // a long sleep is not a jump in time
        lastFrame = frameStart;
        if (!state.reducedMotion && frameStart - lastInput < kTwinkleSeconds) animationTime += static_cast<float>(delta);
        moving = advanceView(story, state, delta);
        if (settleFrames > 0) --settleFrames;

        // ---- Layout, scene, UI, present ----------------------------------------------------------------
        window.logicalSize(logicalWidth, logicalHeight);
        window.pixelSize(pixelWidth, pixelHeight);
        const FrameSize size{static_cast<float>(logicalWidth), static_cast<float>(logicalHeight),
                             static_cast<float>(pixelWidth) / static_cast<float>(std::max(logicalWidth, 1))};
        // A capture of the canvas alone is its own frame, drawn before the one the window shows.
        const bool capture = pendingScreenshots > 0;
        if (capture) --pendingScreenshots;
        if (capture && preferences.screenshotCanvasOnly) {
            UiRequests ignoredRequests;
            FrameOptions canvasOnly;
            canvasOnly.panels = false;
            window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, 0);
            if (!composer.render(story, state, size, animationTime, canvasOnly, ignoredRequests, error)) {
                ImGui::EndFrame();
                std::fprintf(stderr, "epilogue: %s\n", error.c_str());
                return 1;
            }
            screenshots.submit(captureJob(composer, story, state, size, animationTime, false, report, screenshotDirectory));
        }
        FrameOptions frameOptions;
        frameOptions.tooltip = !input.scrubbing();
        // A captured frame leaves the toast out: the picture is of the story, not of the last message.
        frameOptions.toast = frameStart < toastUntil && !capture ? toast.c_str() : nullptr;
        toastOnScreen = frameOptions.toast != nullptr;
        frameOptions.screenshotCanvasOnly = preferences.screenshotCanvasOnly;
        frameOptions.banner = reloadError.empty() ? nullptr : reloadError.c_str();
        window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, static_cast<float>(delta));
        if (!composer.render(story, state, size, animationTime, frameOptions, requests, error)) {
            ImGui::EndFrame();
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return 1;
        }
        if (capture && !preferences.screenshotCanvasOnly) {
            // What the user sees, handed to the writer thread; this frame only pays for the readback.
            screenshots.submit(captureJob(composer, story, state, size, animationTime, true, report, screenshotDirectory));
        }
        if (requests.screenshot) ++pendingScreenshots;
        if (requests.toggleScreenshotCanvasOnly) preferences.screenshotCanvasOnly = !preferences.screenshotCanvasOnly;
        composer.target().presentToWindow(pixelWidth, pixelHeight);
        window.swap();
        if (options.frameStats && frameMilliseconds.size() < frameMilliseconds.capacity()) {
            frameMilliseconds.push_back((secondsNow() - frameStart) * 1000.0);
        }
        for (const ViewCommand& command : requests.commands) {
            applyViewCommand(story, kLaneHeaderWidth, state, command);
            settleFrames = 2;
        }
        ScreenshotResult saved;
        while (screenshots.poll(saved)) {
            toast = saved.ok ? "Screenshot saved: " + saved.path : "Screenshot failed: " + saved.error;
            toastUntil = secondsNow() + kToastSeconds;
            std::fprintf(saved.ok ? stdout : stderr, "epilogue: %s\n", toast.c_str());
            settleFrames = 2;
        }
        if (!options.stateFile.empty()) {
            report.logicalWidth = size.logicalWidth;
            report.logicalHeight = size.logicalHeight;
            report.pixelScale = size.pixelScale;
            nlohmann::json described = describeView(story, state, composer.layout(), report);
            described["reload_error"] = reloadError.empty() ? nlohmann::json(nullptr) : nlohmann::json(reloadError);
            if (!writeFileAtomically(options.stateFile, described.dump() + "\n", error)) {
                std::fprintf(stderr, "epilogue: --state-file: %s\n", error.c_str());
            }
        }
    }

    if (watchTimer) SDL_RemoveTimer(watchTimer);
    if (options.frameStats && !frameMilliseconds.empty()) {
        std::sort(frameMilliseconds.begin(), frameMilliseconds.end());
        const std::size_t n = frameMilliseconds.size();
        std::printf("epilogue: %zu frames drawn; frame time median %.2f ms, p99 %.2f ms, max %.2f ms\n", n,
                    frameMilliseconds[n / 2], frameMilliseconds[std::min(n - 1, n * 99 / 100)], frameMilliseconds[n - 1]);
    }
    // Remember the window and playback for next time.
    const Uint32 flags = SDL_GetWindowFlags(window.sdlWindow());
    preferences.maximized = (flags & SDL_WINDOW_MAXIMIZED) != 0;
    if (!(flags & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN_DESKTOP))) {
        window.logicalSize(preferences.windowWidth, preferences.windowHeight);
    }
    preferences.speed = state.speed;
    preferences.loop = state.loop;
    if (!savePreferences(preferencesPath, preferences, error)) {
        std::fprintf(stderr, "epilogue: warning: preferences not saved: %s\n", error.c_str());
    }
    return 0;
}

}  // namespace epilogue
