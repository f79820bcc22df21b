// The canvas's input layer: plain pointer and key events (translated from SDL by the application) become
// view commands. A click on an event selects it, wherever the playhead is; press-and-drag on the ruler or
// the playhead's handle scrubs (snapping to nearby events unless the no-snap modifier is held); a
// left-drag on empty sky, a right or middle drag, a horizontal scroll, Shift+wheel and Ctrl+arrows pan;
// the wheel zooms around the pointer; a double click on empty sky fits the whole story. No SDL here: the
// tests drive it directly.
#pragma once

#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_commands.h"
#include "timeline/view_state.h"

#include <vector>

namespace epilogue {

enum class PointerButton { Left, Middle, Right };

struct PointerEvent {
    enum class Kind { Press, Release, Move, Wheel, Leave };
    Kind kind = Kind::Move;
    PointerButton button = PointerButton::Left;
    float x = 0, y = 0;   // logical pixels
    int clicks = 1;       // 2 for a double click
    float wheel = 0;      // notches; positive away from the user (zoom in; with Shift, pan earlier)
    float wheelX = 0;     // horizontal notches (a trackpad's sideways scroll); positive to the right
    bool noSnap = false;  // the no-snap modifier (Shift) is held
};

enum class Key {
    PlayPause, Previous, Next, Home, End, ZoomIn, ZoomOut, Fit, Help, Fullscreen, Screenshot, Escape,
    PanEarlier, PanLater,  // Ctrl+Left, Ctrl+Right
    Back, Forward,         // Alt+Left, Alt+Right, and the mouse's back and forward buttons
    FocusNext, FocusPrevious,  // Tab, Shift+Tab: canvas -> search box -> events list -> canvas
    Search,                // Ctrl+F: to the search box
    ToggleLoop,            // L
    Slower, Faster,        // [ and ]: the next playback speed down or up
    Quit,                  // Ctrl+Q
    Open,                  // Ctrl+O: choose a story file to open
    Tour,                  // P: start the guided tour (or leave it)
    PageUp, PageDown,      // on tour, the previous and next stop (what a presentation clicker sends)
};

// Keys that belong to the application even while a panel has the keyboard (typing in the search box):
// they never reach the panels. During the tour, every key is the application's (the panels are hidden).
bool isApplicationKey(Key key);

// The pointer's shape over the canvas, telling what a press there does.
enum class PointerShape { Arrow, Hand, Scrub, Pan };

// What the application must do beyond the view (the input layer cannot open files or windows).
enum class AppAction { None, ToggleFullscreen, Screenshot, Quit, Open };

class CanvasInput {
public:
    explicit CanvasInput(float fitInset) : fitInset_(fitInset) {}

    // A new story was adopted: a gesture in progress ends.
    void storyReplaced() {
        gesture_ = Gesture::None;
        clearedBySky_ = kNone;  // an event of the story before
    }

    // `plan` is what is on screen (the last frame's): hit-testing, the playhead's handle and the mapping
    // from pixels to story time all come from it; before the first frame there is nothing to point at.
    // `overUi` when the pointer is over a panel, which then has it. Returns true when the view state changed.
    bool pointer(const PointerEvent& event, bool overUi, const Story& story, const FramePlan& plan, ViewState& state);
    AppAction key(Key key, const Story& story, ViewState& state);

    bool scrubbing() const { return gesture_ == Gesture::Scrub; }
    // Over the ruler or the playhead's knob (or while scrubbing): Scrub; over an event: Hand; over empty sky
    // (or while panning): Pan; elsewhere, or over a panel: Arrow.
    PointerShape shapeAt(float x, float y, bool overUi, const FramePlan& plan) const;

    // Snap reach while scrubbing, and how far the pointer may move before a click becomes a drag.
    static constexpr float kSnapPixels = 8;
    static constexpr float kClickSlop = 4;
    static constexpr float kPlayheadGrabPixels = 7;
    // A notch of horizontal scroll (or of Shift+wheel), or a press of Ctrl+arrow, pans this share of the view.
    static constexpr double kPanShare = 0.1;

private:
    // Click: pressed on an event (released there, it selects it). Sky: pressed on empty sky (released
    // there, it clears the selection; dragged, it pans).
    enum class Gesture { None, Scrub, Pan, Click, Sky };
    void apply(const Story& story, ViewState& state, const ViewCommand& command);
    void scrubTo(float x, bool noSnap, const Story& story, const TimelineView& view, ViewState& state);

    float fitInset_;
    Gesture gesture_ = Gesture::None;
    float pressX_ = 0, pressY_ = 0, lastX_ = 0;
    float grabOffset_ = 0;  // pixels between the pointer and the playhead when it was grabbed
    // The selection a click on the sky cleared: the second click of a double click (fit) brings it back.
    EventIndex clearedBySky_ = kNone;
};

}  // namespace epilogue
