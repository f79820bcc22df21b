// The guided tour: made from the story (its file's tour, or its events), and read at any clock.
#include "timeline/tour.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace epilogue {

namespace {

constexpr double kOpeningSeconds = 5;
constexpr double kForkExtraSeconds = 2;    // a fork or a rejoin holds this much longer
constexpr double kStillMoveSeconds = 0.6;  // between two stops the camera does not move for: the words change
// The camera's width, as a share of the whole story: an ordinary event, and a fork or rejoin (closer in).
constexpr double kEventViewShare = 1.0 / 3.0;
constexpr double kForkViewShare = 1.0 / 7.0;
constexpr double kStretchMargin = 0.15;  // around a stretch, this share of its length on each side

double storySpan(const Story& story) {
    const double span = story.endTime - story.startTime;
    return span > 0 ? span : std::max(1.0, std::abs(story.startTime) * 1e-9);
}

// The words a stop about `event` shows: its commentary, else its quotes, else its summary or title; the first
// of them the tour has not shown yet (events may share a passage: each stop then tells something new).
void captionEvent(const Story& story, EventIndex index, const std::vector<TourStop>& before, TourStop& stop) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    struct Candidate {
        std::string_view words, by;
        bool quote;
    };
    std::vector<Candidate> candidates;
    for (const Commentary& note : event.commentary) candidates.push_back({note.text.view(), note.attribution.view(), false});
    for (const Quote& quote : event.quotes) candidates.push_back({quote.words.view(), quote.speaker.view(), true});
    if (!event.summary.empty()) candidates.push_back({event.summary.view(), {}, false});
    candidates.push_back({event.title.view(), {}, false});
    const auto shown = [&](const Candidate& candidate) {
        return std::any_of(before.begin(), before.end(), [&](const TourStop& earlier) { return earlier.caption == candidate.words; });
    };
    const auto chosen = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& candidate) { return !shown(candidate); });
    const Candidate& use = chosen != candidates.end() ? *chosen : candidates.front();
    stop.caption = std::string(use.words);
    stop.attribution = std::string(use.by);
    stop.isQuote = use.quote;
}

// A stop about one event: the camera centred on it, closer in at a fork or a rejoin.
TourStop eventStop(const Story& story, EventIndex index, double span) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    TourStop stop;
    stop.kind = TourStop::Kind::Event;
    stop.event = index;
    stop.targetStart = stop.targetEnd = event.time;
    const bool turn = event.isFork || event.isRejoin;
    const double width = span * (turn ? kForkViewShare : kEventViewShare);
    stop.viewStart = event.time - width / 2;
    stop.viewEnd = event.time + width / 2;
    stop.playheadFrom = stop.playheadTo = event.time;
    return stop;
}

bool isTurn(const Story& story, EventIndex index) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    return event.isFork || event.isRejoin;
}

// Which events a made tour visits, in time order: all of them, or for a large story every fork and rejoin
// and others spread evenly, kMaxMadeTourStops in all.
std::vector<EventIndex> eventsToVisit(const Story& story) {
    const std::vector<EventIndex>& order = story.timeOrder;
    const std::size_t most = kMaxMadeTourStops;
    if (order.size() <= most) return order;
    std::vector<char> chosen(order.size(), 0);
    std::vector<std::size_t> turns;  // places in time order of the forks and rejoins
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (isTurn(story, order[i])) turns.push_back(i);
    }
    // Every fork and rejoin; where there are more than the tour visits, as many as it does, spread evenly.
    const std::size_t keep = std::min(turns.size(), most);
    for (std::size_t k = 0; k < keep; ++k) chosen[turns[keep == turns.size() ? k : k * turns.size() / keep]] = 1;
    const std::size_t count = keep;
    const std::size_t rest = most - count;
    for (std::size_t k = 0; k < rest; ++k) {
        // Evenly spread through time order; a place already taken gives way to the next free one.
        std::size_t i = (2 * k + 1) * order.size() / (2 * rest);
        while (i < order.size() && chosen[i]) ++i;
        if (i < order.size()) chosen[i] = 1;
    }
    std::vector<EventIndex> visit;
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (chosen[i]) visit.push_back(order[i]);
    }
    return visit;
}

// The camera's range part of the way (`t`, eased) from one stop's to the next's, the playhead going from
// `fromPlayhead` to `toPlayhead` meanwhile: the width changes by a constant factor (a zoom feels the same at
// every scale), and the playhead's place across the view moves evenly from where it was to where it will be,
// so the camera follows it and never loses it.
void blendView(const TourStop& from, const TourStop& to, double t, double playhead, double& start, double& end) {
    const double fromWidth = from.viewEnd - from.viewStart, toWidth = to.viewEnd - to.viewStart;
    const double width = fromWidth > 0 && toWidth > 0 ? fromWidth * std::pow(toWidth / fromWidth, t)
                                                       : fromWidth + (toWidth - fromWidth) * t;
    const double fromShare = fromWidth > 0 ? (from.playheadTo - from.viewStart) / fromWidth : 0.5;
    const double toShare = toWidth > 0 ? (to.playheadFrom - to.viewStart) / toWidth : 0.5;
    const double share = fromShare + (toShare - fromShare) * t;
    start = playhead - share * width;
    end = start + width;
}

}  // namespace

double easeInOut(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * t * (t * (t * 6 - 15) + 10);
}

double readingSeconds(std::string_view caption) {
    // Words (runs between spaces), and characters (code points that are not spaces): text with no spaces
    // between its words (Chinese, Japanese, Thai) is timed by its characters.
    int words = 0, characters = 0;
    bool inWord = false;
    for (const char c : caption) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (!space && !inWord) ++words;
        if (!space && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
        inWord = !space;
    }
    // About 150 words a minute read aloud to a room, or 8 characters a second; never a flash, and at most a
    // minute and a half (a longer caption is shown a page at a time within it).
    return std::clamp(std::max(1.5 + words / 2.5, 1.5 + characters / 8.0), 4.0, 90.0);
}

Tour makeTour(const Story& story) {
    Tour tour;
    const double span = storySpan(story);
    TourStop opening;
    opening.kind = TourStop::Kind::Opening;
    opening.targetStart = story.startTime;
    opening.targetEnd = story.endTime;
    opening.viewStart = story.startTime - span * 0.1;  // room on the left for the lane names
    opening.viewEnd = story.endTime + span * 0.04;
    opening.playheadFrom = opening.playheadTo = story.startTime;
    opening.caption = std::string(story.title.view());
    if (!story.source.title.empty()) opening.attribution = "Commentary: \u201C" + std::string(story.source.title.view()) + "\u201D";
    opening.holdSeconds = kOpeningSeconds;
    tour.stops.push_back(opening);

    if (!story.tour.empty()) {
        tour.fromFile = true;
        for (const TourStopSource& source : story.tour) {
            TourStop stop;
            if (source.event != kNone) {
                stop = eventStop(story, source.event, span);
                captionEvent(story, source.event, tour.stops, stop);
            } else {
                stop.kind = TourStop::Kind::Stretch;
                stop.targetStart = source.from;
                stop.targetEnd = source.to;
                const double margin = (source.to - source.from) * kStretchMargin;
                stop.viewStart = source.from - margin;
                stop.viewEnd = source.to + margin;
                stop.playheadFrom = source.from;
                stop.playheadTo = source.to;
            }
            if (!source.caption.empty()) {
                stop.caption = std::string(source.caption.view());
                stop.attribution = std::string(source.attribution.view());
                stop.isQuote = false;
            }
            stop.holdSeconds = source.seconds > 0 ? source.seconds : readingSeconds(stop.caption);
            tour.stops.push_back(std::move(stop));
        }
    } else {
        const std::vector<EventIndex> visit = eventsToVisit(story);
        tour.eventsLeftOut = static_cast<int>(story.events.size() - visit.size());
        if (tour.eventsLeftOut > 0) {  // said where the tour begins, not left out silently
            std::string& said = tour.stops.front().attribution;
            said += (said.empty() ? "" : " \u00B7 ") + std::string("A tour of ") + std::to_string(visit.size()) + " of its " +
                    std::to_string(story.events.size()) + " events";
        }
        for (const EventIndex index : visit) {
            TourStop stop = eventStop(story, index, span);
            captionEvent(story, index, tour.stops, stop);
            stop.holdSeconds = readingSeconds(stop.caption) + (isTurn(story, index) ? kForkExtraSeconds : 0);
            tour.stops.push_back(std::move(stop));
        }
    }
    // The clock: each stop's move, then its hold.
    double clock = 0;
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        TourStop& stop = tour.stops[i];
        if (i > 0) {
            const TourStop& before = tour.stops[i - 1];
            const bool still = before.viewStart == stop.viewStart && before.viewEnd == stop.viewEnd &&
                               before.playheadTo == stop.playheadFrom;
            stop.moveSeconds = still ? kStillMoveSeconds : kTourMoveSeconds;
        }
        stop.startsAt = clock;
        clock = stop.endsAt();
    }
    return tour;
}

namespace {

// "00:01:05.250"
std::string vttTime(double seconds) {
    const auto milliseconds = static_cast<long long>(std::llround(std::max(0.0, seconds) * 1000));
    char text[32];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld", milliseconds / 3600000, milliseconds / 60000 % 60,
                  milliseconds / 1000 % 60, milliseconds % 1000);
    return text;
}

// Cue text: markup characters escaped, and each run of line breaks one break (a blank line ends a cue).
std::string vttText(std::string_view text) {
    std::string out;
    bool lineBreak = false;
    for (const char c : text) {
        if (c == '\n' || c == '\r') {
            lineBreak = !out.empty();
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) continue;  // no control character in a cue
        if (lineBreak) out += '\n';
        lineBreak = false;
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

}  // namespace

std::string tourSubtitles(const Tour& tour) {
    std::string out = "WEBVTT\n";
    for (std::size_t i = 0; i < tour.stops.size(); ++i) {
        const TourStop& stop = tour.stops[i];
        const std::string words = vttText(stop.caption);
        if (words.empty()) continue;
        out += "\n" + std::to_string(i + 1) + "\n" + vttTime(stop.startsAt) + " --> " + vttTime(stop.endsAt()) + "\n";
        out += stop.isQuote ? "\u201C" + words + "\u201D" : words;
        if (const std::string by = vttText(stop.attribution); !by.empty()) out += "\n\u2014 " + by;
        out += "\n";
    }
    return out;
}

TourMoment tourMomentAt(const Tour& tour, double clock, bool reducedMotion) {
    TourMoment moment;
    if (tour.stops.empty()) return moment;
    const double total = tour.totalSeconds();
    if (!(clock >= 0)) clock = 0;  // also NaN
    if (clock >= total) {
        clock = total;
        moment.finished = true;
    }
    // The first stop that has not ended (the last one at the very end).
    const auto at = std::upper_bound(tour.stops.begin(), tour.stops.end(), clock,
                                     [](double time, const TourStop& stop) { return time < stop.endsAt(); });
    const std::size_t index = at == tour.stops.end() ? tour.stops.size() - 1 : static_cast<std::size_t>(at - tour.stops.begin());
    const TourStop& stop = tour.stops[index];
    moment.stop = static_cast<int>(index);
    const double length = stop.moveSeconds + stop.holdSeconds;
    moment.stopProgress = length > 0 ? static_cast<float>(std::clamp((clock - stop.startsAt) / length, 0.0, 1.0)) : 1.0f;
    moment.progress = total > 0 ? static_cast<float>(clock / total) : 1.0f;
    if (index > 0 && clock < stop.holdsAt() && !reducedMotion) {
        const TourStop& before = tour.stops[index - 1];
        const double t = easeInOut((clock - stop.startsAt) / stop.moveSeconds);
        moment.playhead = before.playheadTo + (stop.playheadFrom - before.playheadTo) * t;
        blendView(before, stop, t, moment.playhead, moment.viewStart, moment.viewEnd);
        moment.moving = true;
        return moment;
    }
    moment.viewStart = stop.viewStart;
    moment.viewEnd = stop.viewEnd;
    const double held = stop.holdSeconds > 0 ? std::clamp((clock - stop.holdsAt()) / stop.holdSeconds, 0.0, 1.0) : 1.0;
    moment.playhead = stop.playheadFrom + (stop.playheadTo - stop.playheadFrom) * held;
    return moment;
}

}  // namespace epilogue
