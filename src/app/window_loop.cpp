// The interactive window's loop: a small linear loop around a Session (session.h), which holds the
// state and decides when a frame is needed. Each turn: sleep until input when nothing moves -> events
// to the session -> a finished reload -> draw -> present. The story file is checked about once a second
// and read again on the reloader's thread when it changed.
#include "app/window_loop.h"

#include "app/atomic_file.h"
#include "app/file_chooser.h"
#include "app/frame.h"
#include "app/frame_log.h"
#include "app/platform_window.h"
#include "app/preferences.h"
#include "app/sdl_input.h"
#include "app/session.h"
#include "app/story_reloader.h"
#include "app/story_watcher.h"
#include "app/xdg_paths.h"
#include "story/text_position.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace epilogue {

namespace {

constexpr Uint32 kFrameMilliseconds = 16;

double secondsNow() {
    return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency());
}

Uint32 requestWatchCheck(Uint32 interval, void* eventType) {
    SDL_Event event{};
    event.type = static_cast<Uint32>(reinterpret_cast<std::uintptr_t>(eventType));
    SDL_PushEvent(&event);
    return interval;
}

FrameSize frameSizeOf(const PlatformWindow& window) {
    int logicalWidth = 0, logicalHeight = 0, pixelWidth = 0, pixelHeight = 0;
    window.logicalSize(logicalWidth, logicalHeight);
    window.pixelSize(pixelWidth, pixelHeight);
    return {static_cast<float>(logicalWidth), static_cast<float>(logicalHeight),
            static_cast<float>(pixelWidth) / static_cast<float>(std::max(logicalWidth, 1))};
}

void toggleFullscreen(PlatformWindow& window, int& windowedWidth, int& windowedHeight) {
    const bool fullscreen = (SDL_GetWindowFlags(window.sdlWindow()) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
    if (!fullscreen) window.logicalSize(windowedWidth, windowedHeight);
    SDL_SetWindowFullscreen(window.sdlWindow(), fullscreen ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
    // Back in a window, ask for the size it had: without a window manager, SDL would keep reporting the
    // fullscreen size.
    if (fullscreen) SDL_SetWindowSize(window.sdlWindow(), windowedWidth, windowedHeight);
}

// --frame-stats keeps the times of the first kTimedFrames frames (a few minutes of drawing); later ones are
// counted, and the summary says so.
constexpr std::size_t kTimedFrames = 1 << 16;

// "Epilogue — TITLE", with a title of any length cut to what a window manager takes (X refuses a
// property of many megabytes, and a title bar shows a few dozen characters anyway).
std::string windowTitleFor(const Story& story) {
    constexpr std::size_t kTitleBytes = 200;
    const std::string_view title = story.title.view();
    const std::string_view cut = cutUtf8(title, kTitleBytes);
    return "Epilogue \u2014 " + std::string(cut) + (cut.size() < title.size() ? "\u2026" : "");
}

// SDL's system cursors for the canvas's pointer shapes, made once.
class PointerCursors {
public:
    PointerCursors()
        : cursors_{SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW), SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND),
                   SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZEWE), SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_SIZEALL)} {}
    ~PointerCursors() {
        for (SDL_Cursor* cursor : cursors_) {
            if (cursor) SDL_FreeCursor(cursor);
        }
    }
    PointerCursors(const PointerCursors&) = delete;
    PointerCursors& operator=(const PointerCursors&) = delete;
    void show(PointerShape shape) {
        SDL_Cursor* cursor = cursors_[static_cast<std::size_t>(shape)];
        if (cursor && cursor != SDL_GetCursor()) SDL_SetCursor(cursor);
    }

private:
    std::array<SDL_Cursor*, 4> cursors_;  // in PointerShape's order
};

void printFrameStats(std::vector<double>& frameMilliseconds, std::size_t untimed) {
    if (frameMilliseconds.empty()) return;
    std::sort(frameMilliseconds.begin(), frameMilliseconds.end());
    const std::size_t n = frameMilliseconds.size();
    std::printf("epilogue: %zu frames drawn; frame time median %.2f ms, p99 %.2f ms, max %.2f ms\n", n + untimed,
                frameMilliseconds[n / 2], frameMilliseconds[std::min(n - 1, n * 99 / 100)], frameMilliseconds[n - 1]);
    if (untimed > 0) {
        std::printf("epilogue: --frame-stats timed the first %zu frames only; %zu later ones are not in these figures\n",
                    n, untimed);
    }
}

}  // namespace

int runWindow(const CommandLine& options, Story story, const std::string& storyPath, ViewState& state,
              double mainStartedAt) {
    FrameLog frameLog(options.frameLog ? stdout : nullptr);
    frameLog.step("main", mainStartedAt);
    frameLog.step("story", monotonicMilliseconds());  // read, with the command line
    // --state-file is rewritten after every frame: it must never be the story it describes.
    std::error_code same;
    if (!options.stateFile.empty() && std::filesystem::equivalent(options.stateFile, storyPath, same)) {
        std::fprintf(stderr, "epilogue: --state-file %s is the story file itself; it would be overwritten\n",
                     options.stateFile.c_str());
        return 2;
    }

    // ---- Preferences, the window, the composer -------------------------------------------------------
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
    windowOptions.title = windowTitleFor(story);
    PlatformWindow window;
    std::string error;
    if (!window.open(windowOptions, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        std::fprintf(stderr, "epilogue: with no display, render a still instead: epilogue --screenshot out.png\n");
        return 1;
    }
    frameLog.step("window", monotonicMilliseconds());  // with its GL context
    if (preferences.maximized && !options.sizeGiven) SDL_MaximizeWindow(window.sdlWindow());
    std::error_code ignored;
    std::filesystem::create_directories(configDir, ignored);
    window.setSettingsFile(configDir + "/imgui.ini");

    const FrameSize openedAt = frameSizeOf(window);
    FrameComposer composer;
    if (!composer.initialize(openedAt.pixelScale, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return 1;
    }
    frameLog.step("renderer", monotonicMilliseconds());  // shaders, fonts, the interface
    // The window opens at the story's beginning, inviting the viewer in (screenshots keep the whole story
    // told, the playhead at its end), unless the command line or a sidecar put the playhead elsewhere.
    if (!options.time && options.atEvent.empty()) state.playheadTime = story.startTime;
    if (!options.rangeStart) {  // fit the story to the window as it opened (its size may be a remembered one)
        const Rect canvas = screenLayout(openedAt.logicalWidth, openedAt.logicalHeight, true).canvas;
        const TimelineView fitted = fitStory(story, canvas, composer.style().laneHeaderWidth);
        setVisibleRange(state, fitted.startTime, fitted.endTime);
    }
    SessionSettings settings;
    settings.screenshotDirectory = options.screenshotDirectory.empty() ? picturesDirectory() : options.screenshotDirectory;
    settings.screenshotCanvasOnly = preferences.screenshotCanvasOnly;
    settings.screenshotFormat = preferences.screenshotFormat;
    settings.recentStoriesFile = stateDirectory() + "/recent.json";
    Session session(window, composer, std::move(story), storyPath, state, settings);
    session.noteInput(secondsNow());  // opening the window counts as input: the sky twinkles a while

    // ---- The story file: checked about once a second, read again on the reloader's thread ------------
    // Opening another story (Ctrl+O, the story menu, a file dropped on the window) watches and loads that
    // file instead; until it loads, the story on screen stays.
    const Uint32 watchEvent = SDL_RegisterEvents(3);
    const bool watching = watchEvent != static_cast<Uint32>(-1);
    const Uint32 reloadedEvent = watchEvent + 1;
    const Uint32 chooserEvent = watchEvent + 2;
    const SDL_TimerID watchTimer =
        watching ? SDL_AddTimer(1000, requestWatchCheck, reinterpret_cast<void*>(static_cast<std::uintptr_t>(watchEvent)))
                 : 0;
    auto makeReloader = [reloadedEvent](const std::string& path) {
        return std::make_unique<StoryReloader>(path, [reloadedEvent] {
            SDL_Event done{};
            done.type = reloadedEvent;
            SDL_PushEvent(&done);
        });
    };
    auto watcher = std::make_unique<StoryWatcher>(storyPath);
    auto reloader = makeReloader(storyPath);
    auto openStoryFile = [&](const std::string& path) {
        std::error_code sameFile;
        if (!options.stateFile.empty() && std::filesystem::equivalent(options.stateFile, path, sameFile)) {
            std::fprintf(stderr, "epilogue: not opening %s: it is the --state-file, which is rewritten after every frame\n",
                         path.c_str());
            return;
        }
        session.opening(path);
        watcher = std::make_unique<StoryWatcher>(path);
        reloader = makeReloader(path);
        reloader->request();
    };
    ExternalChooser chooser;
    auto chooseStory = [&] {
        const ChooserKind kind = pickChooser();
        std::string problem;
        if (kind != ChooserKind::BuiltIn &&
            chooser.start(kind, session.storyDirectory(), [chooserEvent] {
                SDL_Event done{};
                done.type = chooserEvent;
                SDL_PushEvent(&done);
            }, problem)) {
            return;
        }
        if (!problem.empty()) std::fprintf(stderr, "epilogue: %s; using the built-in chooser\n", problem.c_str());
        session.showOpenDialog();
    };

    std::vector<double> frameMilliseconds;  // with --frame-stats: how long each drawn frame took
    std::size_t untimedFrames = 0;
    if (options.frameStats) frameMilliseconds.reserve(kTimedFrames);
    std::string stateFileError;  // the last --state-file failure, reported once until it changes
    int windowedWidth = 0, windowedHeight = 0;  // the size to return to when leaving fullscreen
    double lastFrame = secondsNow();
    PointerCursors cursors;
    // Dear ImGui 1.86 reads each key's state once a frame: a key pressed and released between two frames
    // (a quick tap of BackSpace or End in the search box) would never be seen, and of a chord typed within
    // one frame (Ctrl down, A down, Ctrl up, A up, as xdotool and quick fingers send it) it would see A
    // without Ctrl. So a turn's key events stop at the first release after a press: that release is fed
    // right after the frame is drawn, and every key and text event after it waits, in order, for the next
    // turn.
    std::vector<SDL_Event> heldReleases;  // fed to ImGui right after this frame is drawn
    std::vector<SDL_Event> laterKeys;     // key and text events for the next turn
    std::vector<SDL_Scancode> upSinceFrame;  // keys released since the last frame: pressed again, they wait
    std::vector<SDL_Event> turnEvents;
    Rect typingArea;  // where the input method was last told the field being typed in is
    auto isKeyEvent = [](const SDL_Event& e) {
        return e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT || e.type == SDL_TEXTEDITING;
    };
    bool running = true;
    bool showWhole = true;  // the next frame is shown whole: the window's pixels on screen are not the last frame's
    while (running) {
        // ---- Sleep until input when nothing moves (and no key waits for its frame) ---------------------
        const double now = secondsNow();
        const FramePace pace = session.pace(now);
        SDL_Event event;
        bool have = false;
        if (pace == FramePace::Idle && laterKeys.empty()) {
            have = SDL_WaitEvent(&event) == 1;
        } else {
            const auto sinceFrame = static_cast<Uint32>((now - lastFrame) * 1000.0);
            const Uint32 wait = pace != FramePace::Animate || !laterKeys.empty() || sinceFrame >= kFrameMilliseconds
                                    ? 0
                                    : kFrameMilliseconds - sinceFrame;
            have = SDL_WaitEventTimeout(&event, static_cast<int>(wait)) == 1;
        }
        turnEvents.swap(laterKeys);
        laterKeys.clear();
        for (; have; have = SDL_PollEvent(&event) == 1) turnEvents.push_back(event);

        // ---- Events ----------------------------------------------------------------------------------
        int fullscreenToggles = 0;
        bool checkStory = false;
        bool pressedThisTurn = false;
        bool keysWait = false;
        for (SDL_Event& turnEvent : turnEvents) {
            event = turnEvent;
            // A key released and pressed again before ImGui has drawn a frame without it would look held:
            // the press waits for a frame.
            if (event.type == SDL_KEYDOWN && std::find(upSinceFrame.begin(), upSinceFrame.end(),
                                                       event.key.keysym.scancode) != upSinceFrame.end()) {
                keysWait = true;
                session.noteInput(secondsNow());  // that frame comes
            }
            if (isKeyEvent(event) && keysWait) {
                laterKeys.push_back(event);
                continue;
            }
            if (event.type == SDL_KEYUP) upSinceFrame.push_back(event.key.keysym.scancode);
            if (event.type == SDL_KEYDOWN) pressedThisTurn = true;
            if (event.type == SDL_KEYUP && pressedThisTurn) {
                heldReleases.push_back(event);
                keysWait = true;
                continue;
            }
            if (event.type == SDL_DROPFILE || event.type == SDL_DROPTEXT) {  // a dropped file opens, as from the chooser
                const std::optional<std::string> dropped = droppedFile(event);
                if (dropped) openStoryFile(*dropped);
                session.noteInput(secondsNow());
                continue;
            }
            if (watching && event.type == chooserEvent) {
                if (std::optional<ChooserAnswer> answer = chooser.take()) {
                    if (answer->chosen) openStoryFile(answer->path);
                    if (!answer->error.empty()) {
                        std::fprintf(stderr, "epilogue: %s; using the built-in chooser\n", answer->error.c_str());
                        session.showOpenDialog();
                    }
                }
                session.noteInput(secondsNow());
                continue;
            }
            if (watching && (event.type == watchEvent || event.type == reloadedEvent)) {
                // Not input: neither wakes the sky nor asks for a frame (a finished reload asks below).
                checkStory = checkStory || event.type == watchEvent;
                continue;
            }
            // Keys of the application's own (Tab, F1, Ctrl+Q; Escape while searching) never reach the panels.
            const std::optional<Key> key = toKey(event);
            // Typing: in the search box, or the built-in chooser's path.
            const bool searching = session.state().focus == KeyboardFocus::Search || session.state().openDialogVisible;
            // On tour the panels are hidden: every key is the tour's.
            const bool applicationKey =
                key && (isApplicationKey(*key) || (*key == Key::Escape && searching) || session.state().tour.active);
            if (!applicationKey) window.processEvent(event);
            // Typed text reaches the search box whole (UTF-8: any script, emoji too), past ImGui's 16-bit queue.
            if (!applicationKey && event.type == SDL_TEXTINPUT && searching) {
                session.typed(event.text.text);
            }
            if (event.type == SDL_TEXTEDITING) session.composing(event.edit.text);
            const ImGuiIO& io = ImGui::GetIO();
            if (event.type == SDL_QUIT) running = false;
            if (event.type == SDL_WINDOWEVENT &&
                (event.window.event == SDL_WINDOWEVENT_EXPOSED || event.window.event == SDL_WINDOWEVENT_SHOWN ||
                 event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || event.window.event == SDL_WINDOWEVENT_RESTORED)) {
                showWhole = true;
            }
            if (const auto pointer = toPointerEvent(event)) {
                session.pointer(*pointer, io.WantCaptureMouse);
                // Over the canvas (or while dragging on it) the pointer shows what a press does there; over the
                // panels, ImGui chooses (a text beam in the search box).
                const PointerShape shape = session.pointerShapeAt(pointer->x, pointer->y, io.WantCaptureMouse);
                if (io.WantCaptureMouse && shape == PointerShape::Arrow) {
                    ImGui::GetIO().ConfigFlags &= ~ImGuiConfigFlags_NoMouseCursorChange;
                } else {
                    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
                    cursors.show(shape);
                }
            }
            // The panels have the keyboard while the search box does (the application's focus says so at
            // once; ImGui's flags lag a frame), or while a widget of theirs is held (a slider, an open list).
            const bool panelsHaveKeyboard = searching || (io.WantCaptureKeyboard && !io.WantTextInput);
            if (key && (applicationKey || !panelsHaveKeyboard)) {
                const KeyboardFocus focusBefore = session.state().focus;
                const bool dialogBefore = session.state().openDialogVisible;
                const std::size_t queryBefore = session.state().searchQuery.size();
                const AppAction action = session.key(*key);
                // Where the keys go next is known after a frame (a field takes or lets go of the keyboard then).
                if (session.state().focus != focusBefore || session.state().openDialogVisible != dialogBefore ||
                    session.state().searchQuery.size() != queryBefore || action == AppAction::Open) {
                    keysWait = true;
                }
                if (action == AppAction::ToggleFullscreen) ++fullscreenToggles;
                if (action == AppAction::Quit) running = false;
                if (action == AppAction::Open) chooseStory();
            }
            session.noteInput(secondsNow());
        }
        if (!running) break;
        if (checkStory && watcher->changed()) reloader->request();
        if (std::optional<StoryLoadResult> reloaded = reloader->take()) {
            session.reloaded(std::move(*reloaded), secondsNow());
            window.setTitle(windowTitleFor(session.story()));
        }
        if (fullscreenToggles % 2 == 1) toggleFullscreen(window, windowedWidth, windowedHeight);

        // ---- Draw and present ------------------------------------------------------------------------
        // Woken only by the file check, with nothing changed and nothing moving: no frame to draw.
        if (session.pace(secondsNow()) == FramePace::Idle) continue;
        if (SDL_GetWindowFlags(window.sdlWindow()) & SDL_WINDOW_MINIMIZED) {
            SDL_WaitEvent(nullptr);  // nothing to draw until the window comes back
            continue;
        }
        const double frameStart = secondsNow();
        const double frameBegan = frameLog.enabled() ? monotonicMilliseconds() : 0;
        lastFrame = frameStart;
        const FrameSize size = frameSizeOf(window);
        if (!session.draw(size, frameStart, error)) {
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return 1;
        }
        // An input method opens its window under the field being typed in.
        const Rect& typing = session.textInputArea();
        if (typing.width > 0 && (typing.x != typingArea.x || typing.y != typingArea.y || typing.width != typingArea.width)) {
            SDL_Rect area{static_cast<int>(typing.x), static_cast<int>(typing.y), static_cast<int>(typing.width),
                          static_cast<int>(typing.height)};
            SDL_SetTextInputRect(&area);
        }
        typingArea = typing;
        upSinceFrame.clear();
        for (const SDL_Event& release : heldReleases) {  // seen by the next frame
            window.processEvent(release);
            upSinceFrame.push_back(release.key.keysym.scancode);
        }
        heldReleases.clear();
        // What the panels asked for: the chooser (the story menu's "Open"), or a story to open.
        if (session.takeChooserRequest()) chooseStory();
        if (std::optional<std::string> path = session.takeOpenRequest()) openStoryFile(*path);
        // Shown: only the rectangles that changed, where the window can show parts (a software renderer);
        // the whole frame after the window was exposed, resized or shown, or when all of it changed.
        const std::vector<PixelRect>& changed = composer.drawnRectangles();
        bool shown = false;
        if (!showWhole && !composer.drewEverything()) {
            composer.target().presentToWindow(changed);
            shown = changed.empty() || window.showParts(changed);
        }
        if (!shown) {
            composer.target().presentToWindow(static_cast<int>(std::lround(size.logicalWidth * size.pixelScale)),
                                              static_cast<int>(std::lround(size.logicalHeight * size.pixelScale)));
            window.swap();
            showWhole = false;
        }
        if (frameLog.enabled()) frameLog.frame(frameBegan, monotonicMilliseconds(), composer.drawnPixels());
        if (options.frameStats) {
            if (frameMilliseconds.size() < kTimedFrames) {
                frameMilliseconds.push_back((secondsNow() - frameStart) * 1000.0);
            } else {
                ++untimedFrames;
            }
        }
        if (!options.stateFile.empty()) {
            if (!writeFileAtomically(options.stateFile, session.describe().dump() + "\n", error)) {
                if (error != stateFileError) std::fprintf(stderr, "epilogue: --state-file: %s\n", error.c_str());
                stateFileError = error;
            } else {
                stateFileError.clear();
            }
        }
    }

    // ---- Remember the window and playback for next time ----------------------------------------------
    if (watchTimer) SDL_RemoveTimer(watchTimer);
    if (options.frameStats) printFrameStats(frameMilliseconds, untimedFrames);
    frameLog.finish();
    const Uint32 flags = SDL_GetWindowFlags(window.sdlWindow());
    preferences.maximized = (flags & SDL_WINDOW_MAXIMIZED) != 0;
    if (!(flags & (SDL_WINDOW_MAXIMIZED | SDL_WINDOW_FULLSCREEN_DESKTOP))) {
        window.logicalSize(preferences.windowWidth, preferences.windowHeight);
    }
    preferences.speed = session.state().speed;
    preferences.loop = session.state().loop;
    preferences.screenshotCanvasOnly = session.settings().screenshotCanvasOnly;
    preferences.screenshotFormat = session.settings().screenshotFormat;
    if (!savePreferences(preferencesPath, preferences, error)) {
        std::fprintf(stderr, "epilogue: warning: preferences not saved: %s\n", error.c_str());
    }
    return 0;
}

}  // namespace epilogue
