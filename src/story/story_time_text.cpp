// Story times typed by people (see story_time_text.h).
#include "story/story_time_text.h"

#include "story/calendar_time.h"
#include "story/number_limits.h"
#include "story/story_messages.h"

#include <cstdlib>

namespace epilogue {

namespace {

// A plain number, not a year that is also a date ("1942" is both: which it means depends on the story).
bool isNumberText(std::string_view text) {
    double ignored = 0;
    return parseNumberText(text, ignored);
}

// A date the command line can tell from a number: a valid one, or one with a date's shape and a problem.
bool isDateText(std::string_view text) { return parseIsoDate(text).ok || (looksLikeIsoDate(text) && !isNumberText(text)); }

}  // namespace

bool parseNumberText(std::string_view text, double& out) {
    if (text.empty() || text.find_first_of(" \t\n") != std::string_view::npos) return false;
    const std::string copy(text);
    char* end = nullptr;
    out = std::strtod(copy.c_str(), &end);  // 1e999 reads as inf, which the checks refuse
    return end == copy.c_str() + copy.size();
}

TimeTextShape checkTimeTextShape(std::string_view text) {
    TimeTextShape shape;
    double number = 0;
    if (parseNumberText(text, number)) {
        shape.problem = checkViewTime(number);
        shape.kind = shape.problem.empty() ? TimeTextKind::Number : TimeTextKind::Invalid;
        return shape;
    }
    const ParsedDate date = parseIsoDate(text);
    if (date.ok) {
        shape.kind = TimeTextKind::Date;
        return shape;
    }
    // Text with a date's separators after its first character ("392-11-01") gets the date's own problem.
    const bool dateLike = looksLikeIsoDate(text) || text.find_first_of("-T:", 1) != std::string_view::npos;
    shape.problem = dateLike ? date.problem : "is not a number or a date (such as 1942-06-04T09:30)";
    return shape;
}

bool splitTimeRange(std::string_view text, std::string& start, std::string& end, std::string& problem) {
    const std::size_t dots = text.find("..");
    if (dots != std::string_view::npos) {
        start = text.substr(0, dots);
        end = text.substr(dots + 2);
        return true;
    }
    // With ":", the place where both sides are of one kind; times of day hold colons too.
    int found = 0;
    std::size_t only = std::string_view::npos, colons = 0, lastColon = std::string_view::npos;
    for (std::size_t at = text.find(':'); at != std::string_view::npos; at = text.find(':', at + 1)) {
        ++colons;
        lastColon = at;
        const std::string_view left = text.substr(0, at), right = text.substr(at + 1);
        const bool numbers = isNumberText(left) && isNumberText(right);
        const bool dates = isDateText(left) && isDateText(right);
        if (numbers || dates) {
            ++found;
            only = at;
        }
    }
    if (found == 1 || (found == 0 && colons == 1)) {
        const std::size_t at = found == 1 ? only : lastColon;
        start = text.substr(0, at);
        end = text.substr(at + 1);
        return true;
    }
    problem = found > 1 ? "can be split at more than one colon; write START..END, e.g. 1942-06-04T09:00..1942-06-04T12:00"
                        : "is not START:END or START..END, e.g. 0:20 or 1942-06-01..1942-06-10";
    return false;
}

StoryTimeReading readStoryTimeText(const Story& story, std::string_view text) {
    StoryTimeReading reading;
    if (story.calendar) {
        const ParsedDate date = parseIsoDate(text);
        if (date.ok) {
            reading.ok = true;
            reading.time = storyTimeFromSeconds(story.epochDay, date.secondsSince1970);
            return reading;
        }
        const std::string example = formatTime(story, story.startTime);
        reading.problem = looksLikeIsoDate(text) || !isNumberText(text)
                              ? date.problem
                              : "is a number, but the story's times are dates (from " + example + " to " +
                                    formatTime(story, story.endTime) + "): write one as the story does, e.g. " + example;
        return reading;
    }
    double number = 0;
    if (parseNumberText(text, number)) {
        reading.problem = checkViewTime(number);
        reading.ok = reading.problem.empty();
        reading.time = number;
        return reading;
    }
    reading.problem = isDateText(text) ? "is a date, but the story's times are numbers (from " + formatTime(story.startTime) +
                                             " to " + formatTime(story.endTime) + ")"
                                       : "is not a number";
    return reading;
}

}  // namespace epilogue
