// The loader's cross-checks: references, forks and time order (see story_checks.h).
#include "story/story_checks.h"

#include "story/story_messages.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <functional>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace epilogue {

namespace {

class CrossChecker {
public:
    CrossChecker(Story& story, const StoryReferences& references, std::size_t maxProblems)
        : story_(story), references_(references), maxProblems_(maxProblems) {}

    std::vector<StoryProblem> run() {
        linkEvents();
        linkForks();
        linkPairs();
        deriveOrder();
        return std::move(problems_);
    }

private:
    void report(StoryErrorKind kind, std::size_t offset, std::string message) {
        if (problems_.size() < maxProblems_) problems_.push_back({kind, offset, std::move(message)});
    }

    // Lanes of events, and time order within each lane.
    void linkEvents() {
        for (std::size_t i = 0; i < story_.events.size(); ++i) {
            Event& event = story_.events[i];
            const EventReferences& references = references_.events[i];
            if (references.laneId.empty()) continue;
            Place place = Place::item("events", i);
            if (!event.id.empty()) place.name("event", event.id);
            if (references.lane == kNone) {
                event.lane = references_.laneIds.find(references.laneId);
                if (event.lane == kNone) {
                    report(StoryErrorKind::UnknownReference, references.laneOffset,
                           place.str() + ": unknown lane " + inQuotes(references.laneId));
                    continue;
                }
            } else {
                event.lane = references.lane;
            }
            if (!references.hasTime) continue;
            Lane& owner = story_.lanes[static_cast<std::size_t>(event.lane)];
            if (!owner.events.empty()) {
                const Event& previous = story_.events[static_cast<std::size_t>(owner.events.back())];
                if (event.time < previous.time) {
                    lanesInTimeOrder_ = false;
                    report(StoryErrorKind::EventOrder, references.timeOffset,
                           place.str() + ": at time " + formatTime(story_, event.time) + ", before " + inQuotes(previous.id) +
                               " (time " + formatTime(story_, previous.time) + ") listed earlier in lane " + inQuotes(owner.id));
                }
            }
            owner.events.push_back(static_cast<EventIndex>(i));
            owner.times.push_back(event.time);
        }
    }

    EventIndex resolveLaneEvent(std::size_t laneIndex, const char* fieldName, std::string_view id, std::size_t offset) {
        if (id.empty()) return kNone;
        const EventIndex event = references_.eventIds.find(id);
        if (event == kNone) {
            report(StoryErrorKind::UnknownReference, offset,
                   "lane " + inQuotes(story_.lanes[laneIndex].id) + ": " + fieldName + " names unknown event " + inQuotes(id));
        }
        return event;
    }

    void linkForks() {
        for (std::size_t i = 0; i < story_.lanes.size(); ++i) {
            Lane& lane = story_.lanes[i];
            const LaneReferences& references = references_.lanes[i];
            const std::string context = "lane " + inQuotes(lane.id);
            lane.forkEvent = resolveLaneEvent(i, "forks_from", references.forkId, references.forkOffset);
            lane.rejoinEvent = resolveLaneEvent(i, "rejoins_at", references.rejoinId, references.rejoinOffset);
            if (lane.rejoinEvent != kNone && references.forkId.empty()) {
                report(StoryErrorKind::InvalidValue, references.rejoinOffset,
                       context + ": rejoins_at needs forks_from: a lane can only rejoin the lane it forked from");
                lane.rejoinEvent = kNone;
            }
            if (lane.forkEvent == kNone) continue;
            const Event& fork = story_.events[static_cast<std::size_t>(lane.forkEvent)];
            if (fork.lane == static_cast<LaneIndex>(i)) {
                report(StoryErrorKind::InvalidValue, references.forkOffset,
                       context + ": forks_from names " + inQuotes(fork.id) + ", an event of this same lane");
                lane.forkEvent = kNone;
                continue;
            }
            // Order is checked between times that were read (an unreadable time is reported already).
            auto timed = [&](EventIndex event) { return references_.events[static_cast<std::size_t>(event)].hasTime; };
            if (!lane.events.empty() && timed(lane.forkEvent) && timed(lane.events.front())) {
                const Event& first = story_.events[static_cast<std::size_t>(lane.events.front())];
                if (first.time < fork.time) {
                    report(StoryErrorKind::ForkOrder, references.forkOffset,
                           context + ": forks from " + inQuotes(fork.id) + " at time " + formatTime(story_, fork.time) +
                               ", after its first event " + inQuotes(first.id) + " at time " + formatTime(story_, first.time));
                }
            }
            if (lane.rejoinEvent == kNone) continue;
            const Event& rejoin = story_.events[static_cast<std::size_t>(lane.rejoinEvent)];
            if (rejoin.lane != fork.lane) {
                report(StoryErrorKind::InvalidValue, references.rejoinOffset,
                       context + ": rejoins at " + inQuotes(rejoin.id) + ", which is not in the lane it forks from");
                lane.rejoinEvent = kNone;
                continue;
            }
            if (!timed(lane.forkEvent) || !timed(lane.rejoinEvent)) continue;
            if (rejoin.time <= fork.time) {
                report(StoryErrorKind::ForkOrder, references.rejoinOffset,
                       context + ": rejoins at " + inQuotes(rejoin.id) + " (time " + formatTime(story_, rejoin.time) +
                           "), not after it forks at " + inQuotes(fork.id) + " (time " + formatTime(story_, fork.time) + ")");
                continue;
            }
            if (!lane.events.empty() && timed(lane.events.back())) {
                const Event& last = story_.events[static_cast<std::size_t>(lane.events.back())];
                if (last.time > rejoin.time) {
                    report(StoryErrorKind::ForkOrder, references.rejoinOffset,
                           context + ": rejoins at " + inQuotes(rejoin.id) + " at time " + formatTime(story_, rejoin.time) +
                               ", before its last event " + inQuotes(last.id) + " at time " + formatTime(story_, last.time));
                }
            }
        }
        // A lane must not descend from itself through a chain of forks. Each lane is walked once (a chain
        // of ten thousand forks is checked in linear time): a walk ends at a root or at a lane already
        // cleared; meeting a lane of its own walk again closes a cycle, which is reported at its lowest
        // lane and cut there.
        enum : char { kUnseen, kOnWalk, kCleared };
        std::vector<char> state(story_.lanes.size(), kUnseen);
        std::vector<LaneIndex> walk, cut;
        for (std::size_t i = 0; i < story_.lanes.size(); ++i) {
            walk.clear();
            LaneIndex lane = static_cast<LaneIndex>(i);
            while (lane != kNone && state[static_cast<std::size_t>(lane)] == kUnseen) {
                state[static_cast<std::size_t>(lane)] = kOnWalk;
                walk.push_back(lane);
                lane = story_.parentLane(lane);
            }
            if (lane != kNone && state[static_cast<std::size_t>(lane)] == kOnWalk) {
                const auto start = std::find(walk.begin(), walk.end(), lane);
                const LaneIndex lowest = *std::min_element(start, walk.end());
                story_.lanes[static_cast<std::size_t>(lowest)].forkEvent = kNone;
                cut.push_back(lowest);
            }
            for (LaneIndex walked : walk) state[static_cast<std::size_t>(walked)] = kCleared;
        }
        std::sort(cut.begin(), cut.end());
        for (LaneIndex lane : cut) {
            const auto i = static_cast<std::size_t>(lane);
            report(StoryErrorKind::InvalidValue, references_.lanes[i].forkOffset,
                   "lane " + inQuotes(story_.lanes[i].id) + ": forks from a lane that forks from it in turn");
        }
    }

    void linkPairs() {
        // Each pair of events, as (lower index, higher index), and the first item of "pairs" that joined them.
        std::unordered_map<std::uint64_t, std::size_t> joined;
        joined.reserve(references_.pairs.size());
        for (std::size_t i = 0; i < references_.pairs.size(); ++i) {
            const PairReferences& references = references_.pairs[i];
            if (references.offset == PairReferences::kMalformed) continue;  // reported by the reader
            const Place place = Place::item("pairs", i);
            EventIndex ends[2] = {kNone, kNone};
            for (std::size_t k = 0; k < 2; ++k) {
                ends[k] = references_.eventIds.find(references.ids[k]);
                if (ends[k] == kNone) {
                    report(StoryErrorKind::UnknownReference, references.idOffsets[k],
                           place.str() + ": unknown event " + inQuotes(references.ids[k]));
                }
            }
            if (ends[0] == kNone || ends[1] == kNone) continue;
            Event& a = story_.events[static_cast<std::size_t>(ends[0])];
            Event& b = story_.events[static_cast<std::size_t>(ends[1])];
            if (a.lane == b.lane) {
                report(StoryErrorKind::InvalidValue, references.offset,
                       place.str() + ": " + inQuotes(a.id) + " and " + inQuotes(b.id) +
                           " are in the same lane; a pair joins the same moment in two lanes");
                continue;
            }
            const auto low = static_cast<std::uint64_t>(std::min(ends[0], ends[1]));
            const auto high = static_cast<std::uint64_t>(std::max(ends[0], ends[1]));
            const auto [first, isNew] = joined.emplace((low << 32) | high, i);
            if (!isNew) {
                report(StoryErrorKind::InvalidValue, references.offset,
                       place.str() + ": " + inQuotes(a.id) + " and " + inQuotes(b.id) + " are paired already, by " +
                           Place::item("pairs", first->second).str() + "; list a pair once");
                continue;
            }
            a.counterparts.push_back(ends[1]);
            b.counterparts.push_back(ends[0]);
        }
    }

    // The fields the model derives from the links: fork and rejoin marks, every event by time, the time span.
    void deriveOrder() {
        for (const Lane& lane : story_.lanes) {
            if (lane.forkEvent != kNone) story_.events[static_cast<std::size_t>(lane.forkEvent)].isFork = true;
            if (lane.rejoinEvent != kNone) story_.events[static_cast<std::size_t>(lane.rejoinEvent)].isRejoin = true;
        }
        story_.timeOrder.clear();
        story_.timeOrder.reserve(story_.events.size());
        std::size_t inLanes = 0;
        for (const Lane& lane : story_.lanes) inLanes += lane.events.size();
        if (lanesInTimeOrder_ && inLanes == story_.events.size()) {
            mergeLanes();
        } else {
            sortByTime();
        }
        bool anyTime = false;
        for (const Era& era : story_.eras) {
            story_.startTime = anyTime ? std::min(story_.startTime, era.start) : era.start;
            story_.endTime = anyTime ? std::max(story_.endTime, era.end) : era.end;
            anyTime = true;
        }
        for (const Event& event : story_.events) {
            story_.startTime = anyTime ? std::min(story_.startTime, event.time) : event.time;
            story_.endTime = anyTime ? std::max(story_.endTime, event.time) : event.time;
            anyTime = true;
        }
    }

    // Every event is in a lane, and each lane lists its events in time order, ties in file order: the story's
    // time order is the lanes' lists merged, taking at each step the earliest of their heads (of equal times,
    // the one listed first in the file).
    void mergeLanes() {
        using Head = std::tuple<double, EventIndex, std::size_t, std::size_t>;  // time, event, lane, place in it
        std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heads;
        auto push = [&](std::size_t lane, std::size_t at) {
            const std::vector<EventIndex>& events = story_.lanes[lane].events;
            if (at < events.size()) heads.emplace(story_.events[static_cast<std::size_t>(events[at])].time, events[at], lane, at);
        };
        for (std::size_t lane = 0; lane < story_.lanes.size(); ++lane) push(lane, 0);
        while (!heads.empty()) {
            const auto [time, event, lane, at] = heads.top();
            heads.pop();
            story_.timeOrder.push_back(event);
            push(lane, at + 1);
        }
    }

    // Otherwise (a story with problems) every event is sorted: as (time, index) pairs side by side rather than
    // as indices into the events, whose comparisons would each cost two cache misses in a large story.
    void sortByTime() {
        std::vector<std::pair<double, EventIndex>> byTime(story_.events.size());
        for (std::size_t i = 0; i < byTime.size(); ++i) byTime[i] = {story_.events[i].time, static_cast<EventIndex>(i)};
        std::sort(byTime.begin(), byTime.end());
        for (const auto& [time, event] : byTime) story_.timeOrder.push_back(event);
    }

    Story& story_;
    const StoryReferences& references_;
    std::size_t maxProblems_;
    std::vector<StoryProblem> problems_;
    bool lanesInTimeOrder_ = true;  // no lane lists an event before an earlier one
};

}  // namespace

std::vector<StoryProblem> crossCheckStory(Story& story, const StoryReferences& references, std::size_t maxProblems) {
    assert(references.lanes.size() == story.lanes.size() && references.events.size() == story.events.size());
    return CrossChecker(story, references, maxProblems).run();
}

}  // namespace epilogue
