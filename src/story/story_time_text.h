// Story times typed by people (the command line's --time, --from, --to and --range): a number in a story in
// numbers, an ISO 8601 date or time in a story in dates ("1942-06-04", "1942-06-04T09:30", "-0043-03-15").
// Text is checked in two steps: its shape as soon as it is typed (a number within the limits, or a
// possible date), and its meaning once the story is known (a date given to a story in numbers, or a number
// to a story in dates, is an error saying so). No SDL, GL or ImGui.
#pragma once

#include "story/story.h"

#include <string>
#include <string_view>

namespace epilogue {

// The whole of `text` as a number (what strtod reads: "1e3", "-0.5", also "nan" and "inf", which the limits'
// checks then refuse); false when anything else is there.
bool parseNumberText(std::string_view text, double& out);

// What a time typed before the story is known can be.
enum class TimeTextKind { Invalid, Number, Date };
struct TimeTextShape {
    TimeTextKind kind = TimeTextKind::Invalid;
    std::string problem;  // when Invalid: what is wrong, worded to follow the flag ("'x' is not a number or a date")
};
// A number within the limits on view times, or a valid ISO 8601 date or time.
TimeTextShape checkTimeTextShape(std::string_view text);

// Splits a range "START:END" or "START..END" into its ends. The ".." form is never ambiguous; with ":", the
// one place where both sides read as numbers, or both as dates, is the split ("1942-06-04T09:00:1942-06-04T12:00"
// has one). False, with the problem, when there is no such place or more than one.
bool splitTimeRange(std::string_view text, std::string& start, std::string& end, std::string& problem);

// A typed time in the story's own notation, as a story time; or, when it is not one, why ("is a date, but the
// story's times are numbers (from 0 to 80)"), worded to follow the quoted text.
struct StoryTimeReading {
    bool ok = false;
    double time = 0;
    std::string problem;
};
StoryTimeReading readStoryTimeText(const Story& story, std::string_view text);

}  // namespace epilogue
