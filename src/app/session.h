// One viewing session of a story: the story and its file, the view state, the input layer, and what the
// window shows besides the story (a toast, a banner for a file that no longer loads, screenshots under
// way). The window's loop feeds it input and finished reloads and asks it to draw; the soak test drives
// the same object without a window. Time is passed in (seconds on any steady clock), so a session can be
// replayed.
#pragma once

#include "app/frame.h"
#include "app/platform_window.h"
#include "app/recent_stories.h"
#include "app/screenshot_writer.h"
#include "app/view_report.h"
#include "story/story_loader.h"
#include "timeline/canvas_input.h"
#include "timeline/view_state.h"
#include "ui/ui_requests.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>

namespace epilogue {

struct SessionSettings {
    std::string screenshotDirectory;    // where F12 and the Screenshot button write
    bool screenshotCanvasOnly = false;  // captures leave the panels out
    std::string screenshotFormat = "png";  // captures are saved as "png", "svg" or "pdf"
    std::string recentStoriesFile;      // the stories opened lately (recent_stories.h); empty: not kept
};

// How soon the session wants its next frame.
enum class FramePace {
    Idle,     // nothing moves: sleep until input
    Settle,   // a frame now (after input, so that ImGui settles)
    Animate,  // frames at the display's rate (playback, a zoom, a drag, the twinkling sky, a toast)
};

class Session {
public:
    // The window and the composer draw every frame of the session; both outlive it.
    Session(PlatformWindow& window, FrameComposer& composer, Story story, std::string storyPath, ViewState state,
            SessionSettings settings);

    // ---- Input, between frames -----------------------------------------------------------------------
    // Any input at `now` (it wakes the sky and asks for frames until ImGui has settled).
    void noteInput(double now);
    // A pointer event on the canvas; `panelHasPointer` when ImGui wants the mouse (a panel is under it).
    void pointer(const PointerEvent& event, bool panelHasPointer);
    // A key for the canvas. Screenshots are the session's own; what only the window can do (fullscreen)
    // comes back.
    AppAction key(Key key);
    void requestScreenshot() { ++pendingScreenshots_; }
    // Text typed (SDL's text input, UTF-8) for the field that has the keyboard, and an input method's text
    // being composed; both reach the next frame.
    void typed(const char* text) { typed_ += text; }
    void composing(const char* text) { composition_ = text; }
    // Where the field being typed in is (logical pixels; zero-sized when none), for the input method's window.
    const Rect& textInputArea() const { return requests_.textInputArea; }
    // The pointer's shape at a point of the last frame.
    PointerShape pointerShapeAt(float x, float y, bool panelHasPointer) const {
        return input_.shapeAt(x, y, panelHasPointer, composer_.plan());
    }

    // ---- Opening another story, and reloads --------------------------------------------------------------
    // The window now watches `path` and is loading it: the next good load of it is a new story (seen
    // afresh, the whole story fitted), not a reload.
    void opening(const std::string& path);
    // A finished load of the watched file: adopted when it is valid (a reload keeps the view and the
    // selection; a story just opened starts afresh and joins the recent stories), else shown in a banner
    // over the last good story.
    void reloaded(StoryLoadResult&& result, double now);
    // What the panels asked for in the last frame: the file chooser, or a story file to open (taken once).
    bool takeChooserRequest() { return std::exchange(chooserRequested_, false); }
    std::optional<std::string> takeOpenRequest() { return std::exchange(openRequest_, std::nullopt); }
    // The built-in chooser, when the desktop has none.
    void showOpenDialog();
    // Where a chooser starts: the folder of the story on screen.
    std::string storyDirectory() const;
    const RecentStories& recentStories() const { return recent_; }

    // ---- Frames ------------------------------------------------------------------------------------------
    FramePace pace(double now);
    // Advances playback and animations to `now`, captures a pending screenshot, draws the frame into the
    // composer's target and applies what the panels asked for. False with a message if drawing failed.
    bool draw(const FrameSize& size, double now, std::string& error);
    // The frame just drawn, as --state-file reports it.
    nlohmann::json describe() const;

    // Waits until every screenshot asked for is written (their results show as toasts on the next frame).
    void finishScreenshots();

    const Story& story() const { return story_; }
    const ViewState& state() const { return state_; }
    const SessionSettings& settings() const { return settings_; }
    const std::string& storyPath() const { return storyPath_; }

private:
    ScreenshotJob captureJob() const;
    void replaceStory(Story story);
    // The story file on screen joins the recent stories, which are saved (when the session keeps them).
    void rememberStory();
    void showToast(std::string text, double now);

    PlatformWindow& window_;
    FrameComposer& composer_;
    Story story_;
    std::string storyPath_;
    StoryFile storyFile_;
    ViewState state_;
    SessionSettings settings_;
    CanvasInput input_;
    UiRequests requests_;  // what the panels asked for in the last frame; reused
    ScreenshotWriter screenshots_;
    int pendingScreenshots_ = 0;  // asked for and not yet captured: one a frame, none dropped
    std::string reloadError_;     // the banner: why the file on disk does not load; empty when it does
    bool opening_ = false;        // the watched file was just opened: its next good load is a new story
    bool chooserRequested_ = false;
    std::optional<std::string> openRequest_;
    RecentStories recent_;
    std::string openDirectory_;   // where the built-in chooser starts (kept for the frame's pointer)
    std::string toast_;
    std::string typed_;        // typed since the last frame
    std::string composition_;  // being composed in an input method
    double toastUntil_ = 0;
    bool toastOnScreen_ = false;
    int settleFrames_ = 2;       // frames still to draw after input
    bool moving_ = false;        // playback or a zoom animation was under way at the last frame
    double lastInput_ = 0;
    double lastFrame_ = 0;
    bool drawnOnce_ = false;
    float animationTime_ = 0;    // advances only while the sky twinkles, so it resumes without a jump
};

}  // namespace epilogue
