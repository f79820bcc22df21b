// The state of the user's view, kept apart from the story: what is visible (and where a zoom is heading),
// where the playhead is, what is selected, how playback runs. One plain struct, easy to save and restore;
// commands (view_commands.h) are the only way the application changes it.
#pragma once

#include "story/story.h"
#include "timeline/tour.h"
#include "timeline/view.h"

#include <cmath>
#include <string>
#include <vector>

namespace epilogue {

// Where the keyboard's keys go: the canvas (the default), the search box, or the events list. Tab and
// Shift+Tab go round them in this order; a click puts the focus where it lands.
enum class KeyboardFocus { Canvas, Search, EventsList };

// A place in the view history: the stretch of time shown and the playhead.
struct ViewPlace {
    double start = 0, end = 1;
    double playhead = 0;
};

// The guided tour under way (tour.h): its stops, its clock, and the view it began from, which leaving it
// restores.
struct TourState {
    bool active = false;
    bool paused = false;
    double clock = 0;                  // seconds into the tour
    Tour tour;
    ViewPlace before;                  // the view and playhead when the tour began
    EventIndex selectedBefore = kNone;
    bool playingBefore = false;
};

struct ViewState {
    TimelineView view;                 // what is on screen now
    double targetStartTime = 0;        // where an animated zoom or fit is heading
    double targetEndTime = 1;
    double playheadTime = 0;
    EventIndex selectedEvent = kNone;  // pinned in the commentary panel
    EventIndex hoveredEvent = kNone;
    bool playing = false;
    double speed = 1;                  // 1: the whole story plays in kSecondsPerStory seconds
    bool loop = false;                 // playing on past the end starts again at the beginning
    bool reducedMotion = false;        // no twinkle, no shimmer, no animated zoom
    bool helpVisible = false;          // the F1 overlay
    bool openDialogVisible = false;    // the built-in story chooser (Ctrl+O with no desktop chooser)
    KeyboardFocus focus = KeyboardFocus::Canvas;
    std::string searchQuery;           // the events list's search; its matches are highlighted on the canvas
    float pointerX = NAN;              // the pointer over the canvas (NaN when it is elsewhere): the ruler
                                       // shows the time under it
    TourState tour;                    // presenting: the camera and the playhead follow the tour
    // The view history: where fits, cluster zooms and jumps left from (Back) and came back from (Forward).
    std::vector<ViewPlace> back, forward;
};

// The view history keeps this many places; past it, the oldest is let go (as browsers do).
constexpr std::size_t kViewHistoryLength = 200;

// The playback speeds offered (the transport bar's list; [ and ] step through them).
constexpr double kPlaybackSpeeds[] = {0.25, 0.5, 1, 2, 4};

// At speed 1, playing the whole story from start to end takes this long.
constexpr double kSecondsPerStory = 60;

// The event the commentary panel shows: the selection, or else the latest event at or before the
// playhead (the panel follows the playhead), or kNone before the first event: a binary search in the
// story's time order.
EventIndex eventToDescribe(const Story& story, const ViewState& state);

// Shows the stretch of story time from `start` to `end` at once (no zoom animation).
void setVisibleRange(ViewState& state, double start, double end);

// Sets where the visible range is heading: animated, or at once under reduced motion.
void setTargetRange(ViewState& state, double start, double end);

// Puts the view, the playhead and the selection where the tour is at its clock.
void showTourMoment(ViewState& state);

// Swaps in a reloaded story, keeping the view, the playhead (within the new story) and the selection
// where the selected event still exists (by id).
void adoptStory(Story& story, Story&& reloaded, ViewState& state);

}  // namespace epilogue
