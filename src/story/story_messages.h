// The wording of the loader's messages, shared by its parts: quoted names, times, and the place in the story
// a problem concerns ("events[3]", "event \"kiss\": quotes[0]").
#pragma once

#include "story/calendar_time.h"
#include "story/story.h"
#include "story/terminal_text.h"

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>

namespace epilogue {

// A name from the file, quoted; a long one cut to an excerpt (an id may be megabytes long). Control
// characters are escaped when the message is printed (StoryError::toString).
inline std::string inQuotes(std::string_view text) { return "\"" + excerpt(text, 80) + "\""; }

inline std::string formatTime(double time) {
    std::ostringstream out;
    out << time;
    return out.str();
}

// A story's time as its file writes it: a number, or in a story in dates, ISO 8601 text as fine as the
// time needs ("1942-06-04", "1942-06-04T09:30").
inline std::string formatTime(const Story& story, double time) {
    CivilTime civil;
    if (!story.calendar || !civilFromStoryTime(story.epochDay, time, civil)) return formatTime(time);
    const DatePrecision precision = civil.second != 0                     ? DatePrecision::Second
                                    : civil.hour != 0 || civil.minute != 0 ? DatePrecision::Minute
                                                                           : DatePrecision::Day;
    return isoDateText(civil, precision);
}

// Where in the story a problem is, for its message: "story", "events[3]", "event \"kiss\"",
// "event \"kiss\": quotes[0]". Kept as parts and written out only when a problem is reported, so reading
// a valid story builds no message text.
struct Place {
    static constexpr std::size_t kWhole = std::string::npos;
    const char* what = "story";  // "story", "source", or the array holding the item
    std::size_t index = kWhole;  // the item's index in `what`
    const char* kind = nullptr;  // once the item's id is known, the place is `kind "id"`
    std::string_view id;
    const char* part = nullptr;  // an object inside the item: `: part[partIndex]`
    std::size_t partIndex = 0;

    static Place item(const char* array, std::size_t at) {
        Place place;
        place.what = array;
        place.index = at;
        return place;
    }
    void name(const char* itemKind, std::string_view itemId) {
        kind = itemKind;
        id = itemId;
    }
    Place inside(const char* array, std::size_t at) const {
        Place place = *this;
        place.part = array;
        place.partIndex = at;
        return place;
    }
    std::string str() const {
        std::string out = kind ? std::string(kind) + " " + inQuotes(id) : std::string(what);
        if (!kind && index != kWhole) out += "[" + std::to_string(index) + "]";
        if (part) out += ": " + std::string(part) + "[" + std::to_string(partIndex) + "]";
        return out;
    }
};

}  // namespace epilogue
