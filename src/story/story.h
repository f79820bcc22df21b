// The story model: lanes of events on one story-time axis, lanes that fork from and rejoin others,
// eras on the ruler, and the commentary quoted from the story's source. Plain data, no rendering.
#pragma once

#include <string>
#include <vector>

namespace epilogue {

using EventIndex = int;  // index into Story::events; -1 means none
using LaneIndex = int;   // index into Story::lanes; -1 means none
constexpr int kNone = -1;

struct Quote {
    std::string speaker;
    std::string words;
};

struct Commentary {
    std::string text;         // the source's words, quoted verbatim
    std::string attribution;  // who said it, and where
};

struct Era {
    std::string name;
    double start = 0;
    double end = 0;
};

// What a lane stands for; the renderer gives each kind its own colour and pattern.
enum class LaneKind { Real, Dream };

struct Lane {
    std::string id;
    std::string title;
    LaneKind kind = LaneKind::Real;
    EventIndex forkEvent = kNone;    // event of another lane this lane branches from
    EventIndex rejoinEvent = kNone;  // event of that same lane where this lane ends by merging back
    std::vector<EventIndex> events;  // this lane's events, in time order
};

struct Event {
    std::string id;
    LaneIndex lane = kNone;
    double time = 0;
    std::string title;
    std::string summary;
    std::vector<Quote> quotes;
    std::vector<Commentary> commentary;
    std::vector<EventIndex> counterparts;  // the same moment in other lanes ("in the other life")
    bool isFork = false;    // a lane branches from this event (derived by the loader)
    bool isRejoin = false;  // a lane merges back into this event (derived by the loader)
};

struct StorySource {
    std::string title;
    std::string publisher;
    std::string url;
};

struct Story {
    std::string title;
    StorySource source;
    std::vector<Era> eras;
    std::vector<Lane> lanes;
    std::vector<Event> events;  // in file order; each lane lists its own in time order
    double startTime = 0;       // earliest era start or event time
    double endTime = 0;         // latest era end or event time

    EventIndex findEvent(const std::string& id) const;
    LaneIndex findLane(const std::string& id) const;
    // The era that contains `time`, or kNone.
    int eraAt(double time) const;
    // The lane a forked lane branches from (the lane of its fork event), or kNone for a root lane.
    LaneIndex parentLane(LaneIndex lane) const;
};

}  // namespace epilogue
