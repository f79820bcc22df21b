// Look-ups on the story model.
#include "story/story.h"

namespace epilogue {

EventIndex Story::findEvent(std::string_view id) const {
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].id == id) return static_cast<EventIndex>(i);
    }
    return kNone;
}

LaneIndex Story::findLane(std::string_view id) const {
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        if (lanes[i].id == id) return static_cast<LaneIndex>(i);
    }
    return kNone;
}

int Story::eraAt(double time) const {
    for (std::size_t i = 0; i < eras.size(); ++i) {
        const bool last = i + 1 == eras.size();
        if (time >= eras[i].start && (time < eras[i].end || (last && time <= eras[i].end))) {
            return static_cast<int>(i);
        }
    }
    return kNone;
}

LaneIndex Story::parentLane(LaneIndex lane) const {
    const EventIndex fork = lanes[static_cast<std::size_t>(lane)].forkEvent;
    return fork == kNone ? kNone : events[static_cast<std::size_t>(fork)].lane;
}

}  // namespace epilogue
