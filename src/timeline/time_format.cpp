// Writing story times.
#include "timeline/time_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>

namespace epilogue {

namespace {

// Appends to a time's text, cutting at its end (the buffer is sized so that nothing is ever cut).
void append(TimeText& to, std::string_view text) {
    const std::size_t used = std::strlen(to.text);
    const std::size_t room = sizeof to.text - 1 - used;
    const std::size_t length = std::min(room, text.size());
    std::memcpy(to.text + used, text.data(), length);
    to.text[used + length] = '\0';
}

TimeText withUnit(const Story& story, const TimeText& number) {
    TimeText written;
    if (story.timeUnit.empty()) {
        append(written, "time ");
        append(written, number.text);
    } else {
        append(written, number.text);
        append(written, " ");
        append(written, story.timeUnit.view());
    }
    return written;
}

}  // namespace

int decimalsForStep(double step) {
    if (!(step > 0) || step >= 1) return 0;
    // A step of 0.1 needs one decimal, 0.05 two: enough that every multiple of it is written exactly.
    int decimals = 0;
    for (double scaled = step; decimals < 12 && std::abs(scaled - std::round(scaled)) > 1e-6 * scaled; scaled *= 10) {
        ++decimals;
    }
    return decimals;
}

TimeText formatTimeNumber(double time, int decimals) {
    TimeText written;
    std::snprintf(written.text, sizeof written.text, "%.*f", std::clamp(decimals, 0, 12), time);
    // A small negative time that rounds to zero is written "0", not "-0".
    if (written.text[0] == '-' && std::strspn(written.text, "-0.") == std::strlen(written.text)) {
        std::memmove(written.text, written.text + 1, std::strlen(written.text));
    }
    return written;
}

TimeText formatStoryTime(const Story& story, double time, int decimals) {
    return withUnit(story, formatTimeNumber(time, decimals));
}

TimeText formatEventTime(const Story& story, double time) {
    TimeText number;
    if (time == std::round(time)) {
        std::snprintf(number.text, sizeof number.text, "%.0f", time);  // whole times in full: "1000000", not "1e+06"
    } else {
        std::snprintf(number.text, sizeof number.text, "%.9g", time);
    }
    return withUnit(story, number);
}

}  // namespace epilogue
