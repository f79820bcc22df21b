// The guided tour: a story told stop by stop, the camera going where the story goes and each stop's words
// on screen. A tour is a list of stops, each with what it is about (an event, or a stretch of story time),
// a camera (the visible range), the playhead's path, a caption and how long it holds; between two stops the
// camera moves, eased. Everything on screen is a function of the tour clock alone (seconds since the tour
// began), so a tour renders the same at any frame rate, and frame sequences are deterministic. Pure: no
// SDL, GL or ImGui.
#pragma once

#include "story/story.h"

#include <string>
#include <vector>

namespace epilogue {

struct TourStop {
    enum class Kind { Opening, Event, Stretch };
    Kind kind = Kind::Event;
    EventIndex event = kNone;         // the event the stop is about (Kind::Event)
    double targetStart = 0;           // what the stop is about, in story time (an event: its time, twice)
    double targetEnd = 0;
    double viewStart = 0;             // the camera while the stop holds: the visible range
    double viewEnd = 1;
    double playheadFrom = 0;          // the playhead's path while the stop holds
    double playheadTo = 0;
    std::string caption;              // the story's own words, as they are in the file
    std::string attribution;          // who they are by ("the article", "Seb"); may be empty
    bool isQuote = false;             // the caption is a character's line (shown in quotation marks)
    double startsAt = 0;              // tour clock when the camera starts moving to this stop
    double moveSeconds = 0;           // the camera's move from the stop before (0 for the first)
    double holdSeconds = 0;           // then the stop holds
    double holdsAt() const { return startsAt + moveSeconds; }
    double endsAt() const { return startsAt + moveSeconds + holdSeconds; }
};

struct Tour {
    std::vector<TourStop> stops;
    bool fromFile = false;    // the story file defines it (else it was made from the events)
    int eventsLeftOut = 0;    // a made tour of a large story visits some of its events; this many it does not
    double totalSeconds() const { return stops.empty() ? 0 : stops.back().endsAt(); }
};

// How long captions stay: long enough to read aloud in a classroom.
double readingSeconds(std::string_view caption);

// The tour of a story: the one its file defines, or one made from its events: an opening view of the whole
// story, then its events in time order with the camera following the playhead, closing in on each fork and
// rejoin and holding them longer. A made tour visits at most kMaxMadeTourStops events (every fork and rejoin,
// spread evenly when there are more, and others spread evenly); Tour::eventsLeftOut says how many it passes by,
// and so does the opening's attribution.
Tour makeTour(const Story& story);
constexpr int kMaxMadeTourStops = 60;

// Seconds the camera takes from one stop to the next.
constexpr double kTourMoveSeconds = 1.6;

// What the tour shows at one moment of its clock.
struct TourMoment {
    int stop = 0;              // the stop being moved to or held
    double viewStart = 0;      // the camera
    double viewEnd = 1;
    double playhead = 0;
    bool moving = false;       // the camera is on its way to `stop`
    float stopProgress = 0;    // 0..1 through the stop (its move and its hold)
    float progress = 0;        // 0..1 through the whole tour
    bool finished = false;     // the clock is past the last stop's end
};

// The moment at `clock` seconds (clamped to the tour). With reduced motion the camera and the playhead cut
// to each stop as its move begins instead of moving. A tour with no stops has no moments: returns a
// default moment.
TourMoment tourMomentAt(const Tour& tour, double clock, bool reducedMotion);

// The tour's captions as WebVTT subtitles: a cue per stop, from the start of the camera's move to it until
// its end, its words and their attribution, escaped as WebVTT requires (no "-->", no blank line in a cue).
std::string tourSubtitles(const Tour& tour);

// Ease in and out (a smootherstep): 0 at 0, 1 at 1, flat at both ends.
double easeInOut(double t);

}  // namespace epilogue
