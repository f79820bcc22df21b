// The loader's cross-checks, run once every part of a story is read: the references between parts are
// resolved (an event's lane, a lane's fork and rejoin events, the events of a pair) and checked (forks and
// rejoins in time order with their lanes, events in time order within each lane, no lane descending from
// itself, pairs across two lanes and each listed once), and the fields the loader derives are filled in (each lane's events,
// counterparts, isFork and isRejoin, timeOrder, startTime and endTime).
//
// It works on a Story and on what the reader noted about each reference (the id as written and where), so
// it can be run on a hand-built story, without a file.
#pragma once

#include "story/id_table.h"
#include "story/story.h"
#include "story/story_loader.h"

#include <array>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

// A lane's references, as written in the file. Empty ids mean the field is absent.
struct LaneReferences {
    std::size_t idOffset = 0;
    std::string_view forkId, rejoinId;
    std::size_t forkOffset = 0, rejoinOffset = 0;
};

// An event's lane, as written in the file. An empty laneId means the event's lane could not be read.
struct EventReferences {
    std::string_view laneId;
    LaneIndex lane = kNone;  // found while reading when the lane came first, as it usually does
    std::size_t idOffset = 0, laneOffset = 0, timeOffset = 0;
    bool hasTime = false;  // false when the event's time could not be read
};

// One item of the file's "pairs"; an offset of kMalformed marks an item already reported as malformed.
struct PairReferences {
    static constexpr std::size_t kMalformed = std::string::npos;
    std::size_t offset = 0;
    std::array<std::string_view, 2> ids;
    std::array<std::size_t, 2> idOffsets{};
};

// Everything the cross-checks need besides the story. The ids are looked up in tables the reader fills as
// it goes (it finds duplicates with them); the tables view the ids, which must outlive them.
struct StoryReferences {
    explicit StoryReferences(std::size_t expectedEvents = 0) : eventIds(expectedEvents) {}

    std::vector<LaneReferences> lanes;    // one per Story::lanes
    std::vector<EventReferences> events;  // one per Story::events
    std::vector<PairReferences> pairs;    // one per item of "pairs"
    IdTable laneIds;                      // lane id -> index of the first lane with that id
    IdTable eventIds;                     // event id -> index of the first event with that id
};

// A problem the cross-checks found, at a byte offset of the file (the loader turns it into line and column).
struct StoryProblem {
    StoryErrorKind kind = StoryErrorKind::InvalidValue;
    std::size_t offset = 0;
    std::string message;
};

// Resolves, checks and derives (see above); returns the problems found, at most `maxProblems` of them, in
// the order the checks find them. The story is linked as far as its references allow even when there are
// problems; a loader hands it out only when there are none.
std::vector<StoryProblem> crossCheckStory(Story& story, const StoryReferences& references,
                                          std::size_t maxProblems = std::numeric_limits<std::size_t>::max());

}  // namespace epilogue
