// Which event the panel describes.
#include "timeline/view_state.h"

namespace epilogue {

EventIndex eventToDescribe(const Story& story, const ViewState& state) {
    if (state.selectedEvent != kNone) return state.selectedEvent;
    EventIndex latest = kNone;
    for (std::size_t i = 0; i < story.events.size(); ++i) {
        const Event& event = story.events[i];
        if (event.time > state.playheadTime) continue;
        // Later events win; at equal times, the one listed later in the file.
        if (latest == kNone || event.time >= story.events[static_cast<std::size_t>(latest)].time) {
            latest = static_cast<EventIndex>(i);
        }
    }
    return latest;
}

}  // namespace epilogue
