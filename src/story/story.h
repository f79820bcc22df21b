// The story model: lanes of events on one story-time axis, lanes that fork from and rejoin others,
// eras on the ruler, and the commentary quoted from the story's source. Plain data, no rendering; its
// strings view the story's shared text (see story_text.h).
#pragma once

#include "story/calendar_time.h"
#include "story/story_text.h"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace epilogue {

using EventIndex = int;  // index into Story::events; -1 means none
using LaneIndex = int;   // index into Story::lanes; -1 means none
constexpr int kNone = -1;

struct Quote {
    StoryString speaker;
    StoryString words;
};

struct Commentary {
    StoryString text;         // the source's words, quoted verbatim
    StoryString attribution;  // who said it, and where
};

struct Era {
    StoryString name;
    double start = 0;
    double end = 0;
};

// What a lane stands for; the renderer gives each kind its own colour and pattern.
enum class LaneKind { Real, Dream };

struct Lane {
    StoryString id;
    StoryString title;
    LaneKind kind = LaneKind::Real;
    EventIndex forkEvent = kNone;    // event of another lane this lane branches from
    EventIndex rejoinEvent = kNone;  // event of that same lane where this lane ends by merging back
    std::vector<EventIndex> events;  // this lane's events, in time order
    // Their times, side by side (derived by the loader): a binary search over a lane reads these, a few
    // cache lines, rather than visiting each event it passes in the story's much larger array of events.
    std::vector<double> times;
};

struct Event {
    StoryString id;
    LaneIndex lane = kNone;
    double time = 0;
    DatePrecision datePrecision = DatePrecision::Second;  // in a story in dates: how much of the date it gives
    StoryString title;
    StoryString summary;
    std::vector<Quote> quotes;
    std::vector<Commentary> commentary;
    std::vector<EventIndex> counterparts;  // the same moment in other lanes ("in the other life")
    bool isFork = false;    // a lane branches from this event (derived by the loader)
    bool isRejoin = false;  // a lane merges back into this event (derived by the loader)
};

struct StorySource {
    StoryString title;
    StoryString publisher;
    StoryString url;
};

// A stop of the tour a story file defines (timeline/tour.h makes the tour from these): an event, or a
// stretch of story time, with its own caption or the event's words.
struct TourStopSource {
    EventIndex event = kNone;  // the stop's event; kNone for a stretch
    double from = 0, to = 0;   // the stretch of story time (an event's stop: its time, twice)
    StoryString caption;       // empty: the event's own words
    StoryString attribution;   // who the caption's words are by
    double seconds = 0;        // how long the stop holds; 0: long enough to read its caption
};

struct Story {
    StoryString title;
    StorySource source;
    StoryString timeUnit;               // what story time counts ("min", "chapter"); empty when unnamed
    // A story in dates (its times are ISO 8601 text in the file) keeps them as seconds since 00:00 of its
    // epoch day, the day of its earliest time (see calendar_time.h); a story in numbers, as they are.
    bool calendar = false;
    std::int64_t epochDay = 0;          // days since 1970-01-01
    std::vector<Era> eras;
    std::vector<Lane> lanes;
    std::vector<Event> events;          // in file order; each lane lists its own in time order
    std::vector<EventIndex> timeOrder;  // every event by time, ties in file order (derived by the loader)
    std::vector<TourStopSource> tour;   // the file's own tour; empty: one is made from the events
    double startTime = 0;               // earliest era start or event time
    double endTime = 0;                 // latest era end or event time

    std::shared_ptr<const StoryText> text;  // where every StoryString above lives
    std::uint64_t sourceHash = 0;           // of the bytes the story was read from (see source_hash.h)

    EventIndex findEvent(std::string_view id) const;
    LaneIndex findLane(std::string_view id) const;
    // The era that contains `time`, or kNone.
    int eraAt(double time) const;
    // The lane a forked lane branches from (the lane of its fork event), or kNone for a root lane.
    LaneIndex parentLane(LaneIndex lane) const;
};

}  // namespace epilogue
