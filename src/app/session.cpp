// A viewing session: input, reloads and frames.
//
// Redraw policy: a frame is drawn after any input (and one more, so ImGui settles), and continuously
// while something moves: playback, a zoom animation, a drag, a toast, or the twinkling sky, which stills
// itself after a few seconds without input. Otherwise the window sleeps and costs nothing.
#include "app/session.h"

#include "export/vector_still.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace epilogue {

namespace {

constexpr double kTwinkleSeconds = 3.0;  // the sky stills itself this long after the last input
constexpr double kToastSeconds = 4.0;

// The first few errors of a failed reload, for the banner.
std::string describeErrors(const std::vector<StoryError>& errors) {
    std::string text;
    for (std::size_t i = 0; i < errors.size() && i < 4; ++i) text += (i ? "\n" : "") + errors[i].toString();
    if (errors.size() > 4) text += "\n... and " + std::to_string(errors.size() - 4) + " more";
    return text;
}

}  // namespace

Session::Session(PlatformWindow& window, FrameComposer& composer, Story story, std::string storyPath, ViewState state,
                 SessionSettings settings)
    : window_(window),
      composer_(composer),
      story_(std::move(story)),
      storyPath_(std::move(storyPath)),
      storyFile_(storyFileFor(storyPath_, story_)),
      state_(std::move(state)),
      settings_(std::move(settings)),
      input_(composer.style().laneHeaderWidth),
      openDirectory_(storyDirectory()) {
    // The story the window opened with is the newest of the recent ones.
    if (!settings_.recentStoriesFile.empty()) {
        std::string warning;
        recent_ = RecentStories::load(settings_.recentStoriesFile, warning);
        if (!warning.empty()) std::fprintf(stderr, "epilogue: warning: %s\n", warning.c_str());
        rememberStory();
    }
}

void Session::rememberStory() {
    if (settings_.recentStoriesFile.empty()) return;
    recent_.add(storyPath_);
    std::string error;
    if (!recent_.save(settings_.recentStoriesFile, error)) {
        std::fprintf(stderr, "epilogue: warning: recent stories not saved: %s\n", error.c_str());
    }
}

void Session::noteInput(double now) {
    lastInput_ = now;
    settleFrames_ = 2;
}

void Session::pointer(const PointerEvent& event, bool panelHasPointer) {
    // The built-in chooser covers the canvas: the canvas takes no clicks meanwhile.
    const bool covered = state_.openDialogVisible;
    input_.pointer(event, covered || (panelHasPointer && !input_.scrubbing()), story_, composer_.plan(), state_);
}

AppAction Session::key(Key key) {
    // With no panels on screen the keyboard stays with the canvas; in the events list, Home and End go
    // to its first and last rows (the list reads them).
    const bool panels = composer_.plan().screen.events.height > 0;
    if ((key == Key::FocusNext || key == Key::FocusPrevious || key == Key::Search) && !panels) return AppAction::None;
    if ((key == Key::Home || key == Key::End) && state_.focus == KeyboardFocus::EventsList) return AppAction::None;
    // While the built-in chooser is up, only Escape (which closes it) and the application's keys act.
    const bool movesFocus = key == Key::FocusNext || key == Key::FocusPrevious || key == Key::Search;
    if (state_.openDialogVisible && ((key != Key::Escape && !isApplicationKey(key)) || movesFocus)) return AppAction::None;
    const AppAction wanted = input_.key(key, story_, state_);
    if (wanted != AppAction::Screenshot) return wanted;
    requestScreenshot();
    return AppAction::None;
}

void Session::opening(const std::string& path) {
    storyPath_ = path;
    opening_ = true;
    reloadError_.clear();  // a problem of the file before is no longer the one on screen
    state_.openDialogVisible = false;
}

void Session::showOpenDialog() { state_.openDialogVisible = true; }

std::string Session::storyDirectory() const {
    std::error_code ignored;
    const std::filesystem::path shown(storyFile_.path);
    return shown.has_parent_path() ? shown.parent_path().string() : std::filesystem::current_path(ignored).string();
}

void Session::replaceStory(Story story) {
    story_ = std::move(story);
    // Another story: nothing of the last one's view carries over but the playback settings.
    ViewState fresh;
    fresh.speed = state_.speed;
    fresh.loop = state_.loop;
    fresh.reducedMotion = state_.reducedMotion;
    fresh.view.canvas = state_.view.canvas;
    fresh.playheadTime = story_.startTime;
    const TimelineView fitted = fitStory(story_, composer_.plan().view.canvas, composer_.style().laneHeaderWidth);
    setVisibleRange(fresh, fitted.startTime, fitted.endTime);
    state_ = std::move(fresh);
    composer_.forgetLabelPlaces();
}

void Session::reloaded(StoryLoadResult&& result, double now) {
    if (result.ok()) {
        const bool opened = opening_;
        if (opened) {
            replaceStory(std::move(result.story));
            opening_ = false;
        } else {
            adoptStory(story_, std::move(result.story), state_);
        }
        input_.storyReplaced();
        storyFile_ = storyFileFor(storyPath_, story_);
        openDirectory_ = storyDirectory();
        reloadError_.clear();
        showToast((opened ? "Opened " : "Reloaded ") + storyPath_, now);
        if (opened) rememberStory();
    } else {
        reloadError_ = describeErrors(result.errors);
        for (const StoryError& problem : result.errors) std::fprintf(stderr, "%s\n", problem.toString().c_str());
    }
    settleFrames_ = 2;
}

void Session::showToast(std::string text, double now) {
    toast_ = std::move(text);
    toastUntil_ = now + kToastSeconds;
    settleFrames_ = 2;
}

FramePace Session::pace(double now) {
    if (toastOnScreen_ && now >= toastUntil_) settleFrames_ = std::max(settleFrames_, 1);  // take the toast down
    const bool twinkling = !state_.reducedMotion && now - lastInput_ < kTwinkleSeconds;
    if (moving_ || input_.scrubbing() || twinkling || now < toastUntil_ || screenshots_.busy() ||
        pendingScreenshots_ > 0) {
        return FramePace::Animate;
    }
    return settleFrames_ > 0 ? FramePace::Settle : FramePace::Idle;
}

ScreenshotJob Session::captureJob() const {
    ScreenshotJob job;
    composer_.target().readPixels(job.rgba);
    job.width = composer_.target().width();
    job.height = composer_.target().height();
    job.directory = settings_.screenshotDirectory;
    job.takenAt = std::time(nullptr);
    nlohmann::json sidecar = describeView(story_, state_, composer_.plan(), storyFile_);
    // SVG and PDF: the same frame plan drawn as vectors, here, while the plan is this frame's; written on the
    // writer's thread like a PNG.
    if (settings_.screenshotFormat == "svg" || settings_.screenshotFormat == "pdf") {
        VectorStillRequest request;
        request.story = &story_;
        request.plan = &composer_.plan();
        request.state = &state_;
        request.storyFileName = std::filesystem::path(storyFile_.path).filename().string();
        job.extension = settings_.screenshotFormat;
        std::string error;
        if (job.extension == "svg") {
            job.document = renderSvg(request);
        } else if (!renderPdf(request, job.document, error)) {
            job.document.clear();
            job.extension = "png";  // the picture is not lost: it is saved as a PNG, and the toast says why
            std::fprintf(stderr, "epilogue: the PDF could not be made (%s); saving a PNG instead\n", error.c_str());
        }
        if (job.extension != "png") {
            job.rgba.clear();
            sidecar["format"] = job.extension;
        }
    }
    job.sidecar = sidecar.dump(2) + "\n";
    return job;
}

bool Session::draw(const FrameSize& size, double now, std::string& error) {
    // ---- Update --------------------------------------------------------------------------------------
    // A long sleep (the window idle, or paused) is no jump: the frame that ends it advances nothing, so a tour
    // resumed or started after a pause begins where it was.
    const double sinceLast = now - lastFrame_;
    const double delta = drawnOnce_ && sinceLast >= 0 && sinceLast <= 0.25 ? sinceLast : 0.0;
    lastFrame_ = now;
    const bool firstFrame = !drawnOnce_;
    drawnOnce_ = true;
    // The sky's clock advances at most a 60th of a second a frame: a slow frame slows the (slow) twinkle a
    // little rather than making the next frame redraw a wider sweep of sky (animation_clock.h).
    if (!state_.reducedMotion && now - lastInput_ < kTwinkleSeconds) {
        animationTime_ += static_cast<float>(std::min(delta, 1.0 / 60.0));
    }
    moving_ = advanceView(story_, state_, delta);
    if (settleFrames_ > 0) --settleFrames_;
    const float uiDelta = delta > 0 ? static_cast<float>(delta) : 1.0f / 60.0f;

    // ---- A capture of the canvas alone is a frame of its own, drawn before the one the window shows ----
    const bool capture = pendingScreenshots_ > 0;
    if (capture) --pendingScreenshots_;
    if (capture && settings_.screenshotCanvasOnly) {
        UiRequests ignored;
        FrameOptions canvasOnly;
        canvasOnly.panels = false;
        if (!composer_.draw(window_, story_, state_, size, animationTime_, uiDelta, canvasOnly, ignored, error)) {
            return false;
        }
        screenshots_.submit(captureJob());
    }

    // ---- The frame -----------------------------------------------------------------------------------
    FrameOptions options;
    options.tooltip = !input_.scrubbing();
    // A captured frame leaves the toast out: the picture is of the story, not of the last message.
    options.toast = now < toastUntil_ && !capture ? toast_.c_str() : nullptr;
    toastOnScreen_ = options.toast != nullptr;
    options.screenshotCanvasOnly = settings_.screenshotCanvasOnly;
    options.screenshotFormat = settings_.screenshotFormat.c_str();
    options.banner = reloadError_.empty() ? nullptr : reloadError_.c_str();
    if (opening_) options.bannerHeading = "The story just opened does not load; the story before stays on screen until it is fixed:";
    requests_.commands.clear();
    requests_.screenshot = false;
    requests_.toggleScreenshotCanvasOnly = false;
    requests_.screenshotFormat.clear();
    requests_.chooseStory = false;
    requests_.openStory.clear();
    options.recentStories = &recent_.paths();
    options.openDirectory = openDirectory_.c_str();
    options.typed = typed_;
    options.composition = composition_;
    options.sceneStraight = firstFrame;
    options.onlyWhatChanged = true;  // the window shows only the rectangles that changed (window_loop.cpp)
    requests_.textInputArea = {};
    if (!composer_.draw(window_, story_, state_, size, animationTime_, uiDelta, options, requests_, error)) return false;
    typed_.clear();
    // With the panels gone (a window too small for them), the keyboard is the canvas's.
    if (composer_.plan().screen.events.height <= 0) state_.focus = KeyboardFocus::Canvas;
    // What the user sees, handed to the writer thread; this frame only pays for the readback.
    if (capture && !settings_.screenshotCanvasOnly) screenshots_.submit(captureJob());

    // ---- What the panels asked for -------------------------------------------------------------------
    if (requests_.screenshot) requestScreenshot();
    if (requests_.toggleScreenshotCanvasOnly) settings_.screenshotCanvasOnly = !settings_.screenshotCanvasOnly;
    if (!requests_.screenshotFormat.empty()) settings_.screenshotFormat = requests_.screenshotFormat;
    if (requests_.chooseStory) chooserRequested_ = true;
    if (!requests_.openStory.empty()) openRequest_ = requests_.openStory;
    for (const ViewCommand& command : requests_.commands) {
        applyViewCommand(story_, composer_.style().laneHeaderWidth, state_, command);
        settleFrames_ = 2;
    }
    ScreenshotResult saved;
    while (screenshots_.poll(saved)) {
        showToast(saved.ok ? "Screenshot saved: " + saved.path : "Screenshot failed: " + saved.error, now);
        std::fprintf(saved.ok ? stdout : stderr, "epilogue: %s\n", toast_.c_str());
    }
    return true;
}

nlohmann::json Session::describe() const {
    nlohmann::json described = describeView(story_, state_, composer_.plan(), storyFile_);
    described["reload_error"] = reloadError_.empty() ? nlohmann::json(nullptr) : nlohmann::json(reloadError_);
    return described;
}

void Session::finishScreenshots() { screenshots_.waitUntilIdle(); }

}  // namespace epilogue
