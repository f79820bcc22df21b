// Tier 1 (pure logic): the guided tour: the tour made from a story's events or defined in its file, the
// clock that drives the camera and the playhead, the commands and keys that run it, and its presentation in
// the frame plan.
#include "fixed_width_measurer.h"
#include "story/story_generator.h"
#include "story/story_loader.h"
#include "story/text_position.h"
#include "timeline/canvas_input.h"
#include "timeline/frame_plan.h"
#include "timeline/tour.h"
#include "timeline/view_commands.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

using namespace epilogue;

namespace {

Story laLaLand() {
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(loaded.ok());
    return std::move(loaded.story);
}

const Event& eventOf(const Story& story, const TourStop& stop) {
    REQUIRE(stop.event != kNone);
    return story.events[static_cast<std::size_t>(stop.event)];
}

// The caption is one of the event's own passages, word for word (or its summary or title).
bool captionIsTheEventsOwn(const Story& story, const TourStop& stop) {
    const Event& event = eventOf(story, stop);
    for (const Commentary& note : event.commentary) {
        if (stop.caption == note.text.view() && stop.attribution == note.attribution.view()) return true;
    }
    for (const Quote& quote : event.quotes) {
        if (stop.caption == quote.words.view() && stop.attribution == quote.speaker.view() && stop.isQuote) return true;
    }
    return stop.caption == event.summary.view() || stop.caption == event.title.view();
}

// A story with a tour of its own; each test breaks one thing in it.
const std::string kToured = R"({
  "format": "epilogue-story/1",
  "title": "Two lives",
  "lanes": [{"id": "real", "title": "What happened"}],
  "events": [
    {"id": "meet", "lane": "real", "time": 1, "title": "They meet",
     "commentary": [{"text": "It begins.", "attribution": "the article"}]},
    {"id": "apart", "lane": "real", "time": 12, "title": "Apart"},
    {"id": "end", "lane": "real", "time": 18, "title": "The end"}
  ],
  "tour": [
    {"event": "meet"},
    {"from": 2, "to": 10, "caption": "Years go by.", "attribution": "the story", "seconds": 7},
    {"event": "end", "caption": "And so it ends.", "seconds": 3}
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test setup: '" << from << "' not in the story");
    return text.replace(at, from.size(), to);
}

void checkTourError(const std::string& text, StoryErrorKind kind, const std::string& anchor, const std::string& words) {
    const StoryLoadResult result = parseStory(text, "toured.json");
    REQUIRE_FALSE(result.ok());
    const StoryError& error = result.errors.front();
    INFO("error: " << error.toString());
    CHECK(error.kind == kind);
    const TextPosition expected = textPositionOf(text, text.find(anchor));
    CHECK(error.line == expected.line);
    CHECK(error.column == expected.column);
    CHECK(error.message.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("easing: from 0 to 1, flat at both ends, never going back") {
    CHECK(easeInOut(0) == 0);
    CHECK(easeInOut(1) == 1);
    CHECK(easeInOut(0.5) == doctest::Approx(0.5));
    CHECK(easeInOut(-1) == 0);
    CHECK(easeInOut(2) == 1);
    CHECK(easeInOut(0.01) < 0.0001);  // flat start: no jolt
    double last = 0;
    for (int i = 1; i <= 100; ++i) {
        const double value = easeInOut(i / 100.0);
        CHECK(value >= last);
        last = value;
    }
}

TEST_CASE("reading time grows with the caption and stays within bounds") {
    CHECK(readingSeconds("") == 4);
    CHECK(readingSeconds("Paris") == 4);
    const std::string sentence = "They agree to go their separate ways and chase their own dreams; Mia will go to Paris";
    CHECK(readingSeconds(sentence) > readingSeconds("Mia goes to Paris and Seb stays in L.A. now"));
    CHECK(readingSeconds(std::string(20000, 'a') + std::string(5000, ' ')) <= 90);
    // Text with no spaces between its words is timed by its characters: 60 kana take more than a flash.
    std::string kana;
    for (int i = 0; i < 60; ++i) kana += "\u3042";
    CHECK(readingSeconds(kana) >= 8);
}

TEST_CASE("the La La Land story's tour, made from its events") {
    const Story story = laLaLand();
    const Tour tour = makeTour(story);
    REQUIRE(tour.stops.size() == story.events.size() + 1);
    CHECK_FALSE(tour.fromFile);
    CHECK(tour.eventsLeftOut == 0);

    SUBCASE("it opens on the whole story under its title") {
        const TourStop& opening = tour.stops.front();
        CHECK(opening.kind == TourStop::Kind::Opening);
        CHECK(opening.caption == story.title.view());
        CHECK(opening.attribution.find(story.source.title.str()) != std::string::npos);
        CHECK(opening.viewStart <= story.startTime);
        CHECK(opening.viewEnd >= story.endTime);
        CHECK(opening.moveSeconds == 0);
        CHECK(opening.startsAt == 0);
    }
    SUBCASE("then every event in time order, each caption the event's own words, none shown twice") {
        for (std::size_t i = 1; i < tour.stops.size(); ++i) {
            const TourStop& stop = tour.stops[i];
            INFO("stop " << i << ": " << stop.caption);
            CHECK(stop.kind == TourStop::Kind::Event);
            CHECK(stop.event == story.timeOrder[i - 1]);
            CHECK(captionIsTheEventsOwn(story, stop));
            for (std::size_t k = 0; k < i; ++k) CHECK(stop.caption != tour.stops[k].caption);  // never twice
            // The camera's range holds its target, and the playhead stops on it.
            CHECK(stop.viewStart < stop.targetStart);
            CHECK(stop.viewEnd > stop.targetEnd);
            CHECK(stop.playheadFrom == eventOf(story, stop).time);
            CHECK(stop.playheadTo == eventOf(story, stop).time);
            // The clock runs on: each stop starts where the one before ends.
            CHECK(stop.startsAt == doctest::Approx(tour.stops[i - 1].endsAt()));
            CHECK(stop.moveSeconds > 0);
            CHECK(stop.holdSeconds >= readingSeconds(stop.caption));
        }
    }
    SUBCASE("it closes in on the fork and the rejoin, and gives them longer") {
        const auto stopOf = [&](const char* id) {
            return *std::find_if(tour.stops.begin(), tour.stops.end(),
                                 [&](const TourStop& stop) { return stop.event == story.findEvent(id); });
        };
        const TourStop fork = stopOf("restaurant"), rejoin = stopOf("final-notes"), plain = stopOf("five-years");
        CHECK(fork.viewEnd - fork.viewStart < (plain.viewEnd - plain.viewStart) / 2);
        CHECK(rejoin.viewEnd - rejoin.viewStart < (plain.viewEnd - plain.viewStart) / 2);
        CHECK(fork.holdSeconds == doctest::Approx(readingSeconds(fork.caption) + 2));
        CHECK(rejoin.holdSeconds == doctest::Approx(readingSeconds(rejoin.caption) + 2));
        CHECK(plain.holdSeconds == doctest::Approx(readingSeconds(plain.caption)));
    }
    SUBCASE("a whole tour takes minutes, not hours") {
        CHECK(tour.totalSeconds() > 60);
        CHECK(tour.totalSeconds() < 600);
    }
}

TEST_CASE("the tour's clock: moves eased between stops, holds on them, the same at any frame rate") {
    const Story story = laLaLand();
    const Tour tour = makeTour(story);
    const TourStop& before = tour.stops[3];
    const TourStop& stop = tour.stops[4];

    SUBCASE("holding: the stop's camera, the playhead on its event") {
        const TourMoment moment = tourMomentAt(tour, stop.holdsAt() + 0.5, false);
        CHECK(moment.stop == 4);
        CHECK_FALSE(moment.moving);
        CHECK(moment.viewStart == stop.viewStart);
        CHECK(moment.viewEnd == stop.viewEnd);
        CHECK(moment.playhead == stop.playheadFrom);
    }
    SUBCASE("moving: from the stop before, eased (no jump at either end)") {
        const TourMoment start = tourMomentAt(tour, stop.startsAt, false);
        CHECK(start.stop == 4);
        CHECK(start.moving);
        CHECK(start.viewStart == doctest::Approx(before.viewStart));
        CHECK(start.playhead == doctest::Approx(before.playheadTo));
        const TourMoment middle = tourMomentAt(tour, stop.startsAt + stop.moveSeconds / 2, false);
        CHECK(middle.playhead == doctest::Approx((before.playheadTo + stop.playheadFrom) / 2));
        const double width = middle.viewEnd - middle.viewStart;
        CHECK(width == doctest::Approx(std::sqrt((before.viewEnd - before.viewStart) * (stop.viewEnd - stop.viewStart))));
        // The camera follows the playhead all the way: it never leaves the view.
        for (const TourStop& each : tour.stops) {
            for (double t = 0; t <= each.moveSeconds; t += each.moveSeconds / 50 + 1e-9) {
                const TourMoment moving = tourMomentAt(tour, each.startsAt + t, false);
                CHECK(moving.playhead >= moving.viewStart);
                CHECK(moving.playhead <= moving.viewEnd);
            }
        }
        const TourMoment almost = tourMomentAt(tour, stop.holdsAt() - 1e-6, false);
        CHECK(almost.viewStart == doctest::Approx(stop.viewStart));
    }
    SUBCASE("with reduced motion the camera cuts") {
        const TourMoment moment = tourMomentAt(tour, stop.startsAt + 0.01, true);
        CHECK_FALSE(moment.moving);
        CHECK(moment.viewStart == stop.viewStart);
        CHECK(moment.playhead == stop.playheadFrom);
    }
    SUBCASE("the end, and nonsense clocks") {
        const TourMoment end = tourMomentAt(tour, tour.totalSeconds() + 100, false);
        CHECK(end.finished);
        CHECK(end.stop == static_cast<int>(tour.stops.size()) - 1);
        CHECK(end.progress == 1.0f);
        CHECK(tourMomentAt(tour, NAN, false).stop == 0);
        CHECK(tourMomentAt(tour, -5, false).stop == 0);
        CHECK(tourMomentAt(Tour{}, 3, false).stop == 0);
    }
    SUBCASE("advancing in many small steps or a few large ones gives the same view") {
        ViewState fine, coarse;
        applyViewCommand(story, 150, fine, ViewCommand::startTour());
        applyViewCommand(story, 150, coarse, ViewCommand::startTour());
        for (int i = 0; i < 600; ++i) advanceView(story, fine, 1.0 / 60);
        for (int i = 0; i < 4; ++i) advanceView(story, coarse, 2.5);
        CHECK(fine.tour.clock == doctest::Approx(10));
        CHECK(coarse.tour.clock == doctest::Approx(10));
        CHECK(fine.view.startTime == doctest::Approx(coarse.view.startTime));
        CHECK(fine.view.endTime == doctest::Approx(coarse.view.endTime));
        CHECK(fine.playheadTime == doctest::Approx(coarse.playheadTime));
    }
}

TEST_CASE("a generated story's tour: every fork and rejoin, others spread evenly, and it says what it leaves out") {
    StoryGeneratorOptions options;
    options.events = 5000;
    options.lanes = 6;
    const StoryLoadResult loaded = parseStory(generateStory(options), "generated.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    const Tour tour = makeTour(story);
    REQUIRE(tour.stops.size() == kMaxMadeTourStops + 1);
    CHECK(tour.eventsLeftOut == 5000 - kMaxMadeTourStops);
    CHECK(tour.stops.front().attribution.find("A tour of 60 of its 5000 events") != std::string::npos);
    int turns = 0;
    for (const Event& event : story.events) turns += event.isFork || event.isRejoin;
    int turnsVisited = 0;
    for (std::size_t i = 1; i < tour.stops.size(); ++i) {
        const Event& event = eventOf(story, tour.stops[i]);
        turnsVisited += event.isFork || event.isRejoin;
        if (i > 1) CHECK(event.time >= eventOf(story, tour.stops[i - 1]).time);
    }
    CHECK(turnsVisited == std::min(turns, kMaxMadeTourStops));
    // Spread: the visited events reach from the story's first tenth to its last.
    const double span = story.endTime - story.startTime;
    CHECK(eventOf(story, tour.stops[1]).time < story.startTime + span * 0.1);
    CHECK(eventOf(story, tour.stops.back()).time > story.endTime - span * 0.1);
}

TEST_CASE("a tour the story file defines") {
    SUBCASE("its stops: an event, a stretch of time, an event with words of its own") {
        const StoryLoadResult loaded = parseStory(kToured, "toured.json");
        for (const StoryError& error : loaded.errors) INFO(error.toString());
        REQUIRE(loaded.ok());
        const Tour tour = makeTour(loaded.story);
        CHECK(tour.fromFile);
        REQUIRE(tour.stops.size() == 4);  // the opening, then the file's three
        CHECK(tour.stops[1].event == loaded.story.findEvent("meet"));
        CHECK(tour.stops[1].caption == "It begins.");
        CHECK(tour.stops[1].attribution == "the article");
        const TourStop& stretch = tour.stops[2];
        CHECK(stretch.kind == TourStop::Kind::Stretch);
        CHECK(stretch.playheadFrom == 2);
        CHECK(stretch.playheadTo == 10);
        CHECK(stretch.viewStart < 2);
        CHECK(stretch.viewEnd > 10);
        CHECK(stretch.holdSeconds == 7);
        CHECK(stretch.caption == "Years go by.");
        CHECK(tour.stops[3].caption == "And so it ends.");
        CHECK(tour.stops[3].holdSeconds == 3);
        // The playhead sweeps the stretch while it holds.
        const TourMoment halfway = tourMomentAt(tour, stretch.holdsAt() + 3.5, false);
        CHECK(halfway.playhead == doctest::Approx(6));
    }
    SUBCASE("an unknown event, at its place in the file") {
        checkTourError(replaced(kToured, R"({"event": "end")", R"({"event": "ending")"),
                       StoryErrorKind::UnknownReference, "\"ending\"", "tour[2]: unknown event \"ending\"");
    }
    SUBCASE("an unknown event after a broken stop is named by its own place in the file") {
        std::string text = replaced(kToured, R"({"event": "meet"})", R"(5)");
        text = replaced(text, R"({"event": "end")", R"({"event": "ending")");
        const StoryLoadResult result = parseStory(text, "toured.json");
        REQUIRE(result.errors.size() == 2);
        CHECK(result.errors[1].message == "tour[2]: unknown event \"ending\"");
    }
    SUBCASE("a stretch outside the story, or too short to tell its ends apart") {
        checkTourError(replaced(kToured, R"("from": 2, "to": 10)", R"("from": 500, "to": 900)"), StoryErrorKind::InvalidValue,
                       R"({"from": 500)", "tour[1]: the stretch from 500 to 900 lies outside the story (1 to 18)");
        checkTourError(replaced(kToured, R"("from": 2, "to": 10)", R"("from": 9.99999999999, "to": 10)"),
                       StoryErrorKind::InvalidValue, R"({"from": 9.9)", "tour[1]: a stretch too short to tell its ends apart");
    }
    SUBCASE("an event and a stretch at once") {
        checkTourError(replaced(kToured, R"({"event": "meet"})", R"({"event": "meet", "from": 1, "to": 2})"),
                       StoryErrorKind::InvalidValue, R"({"event": "meet", "from")", "not both");
    }
    SUBCASE("neither") {
        checkTourError(replaced(kToured, R"({"event": "meet"})", R"({"seconds": 3})"), StoryErrorKind::MissingField,
                       R"({"seconds": 3})", "missing field \"event\"");
    }
    SUBCASE("a stretch that ends before it starts, or has no words") {
        checkTourError(replaced(kToured, R"("to": 10)", R"("to": 1)"), StoryErrorKind::InvalidValue, "1, \"caption\"",
                       "not after its start");
        checkTourError(replaced(kToured, R"("caption": "Years go by.", )", ""), StoryErrorKind::MissingField,
                       R"({"from": 2)", "missing field \"caption\"");
    }
    SUBCASE("seconds out of bounds, and unknown fields") {
        checkTourError(replaced(kToured, R"("seconds": 7)", R"("seconds": 0)"), StoryErrorKind::InvalidValue, "0}",
                       "\"seconds\" must be more than 0");
        checkTourError(replaced(kToured, R"("seconds": 3)", R"("secs": 3)"), StoryErrorKind::UnknownField, "\"secs\"",
                       "unknown field \"secs\"");
    }
}

TEST_CASE("running the tour: P starts it, Space pauses, Left and Right step, Escape puts the view back") {
    const Story story = laLaLand();
    ViewState state;
    setVisibleRange(state, 20, 30);
    state.playheadTime = 25;
    state.selectedEvent = story.findEvent("keith-band");
    CanvasInput input(150);

    input.key(Key::Tour, story, state);
    REQUIRE(state.tour.active);
    CHECK(state.tour.clock == 0);
    CHECK(state.view.startTime == state.tour.tour.stops[0].viewStart);
    CHECK(state.selectedEvent == kNone);  // the opening is about the whole story

    advanceView(story, state, 1.0);
    CHECK(state.tour.clock == doctest::Approx(1.0));
    input.key(Key::PlayPause, story, state);
    CHECK(state.tour.paused);
    CHECK_FALSE(advanceView(story, state, 1.0));  // paused: nothing moves, the window may sleep
    CHECK(state.tour.clock == doctest::Approx(1.0));
    input.key(Key::Next, story, state);  // paused, Right arrives at the next stop at once
    CHECK(state.tour.clock == state.tour.tour.stops[1].holdsAt());
    CHECK(state.selectedEvent == state.tour.tour.stops[1].event);
    CHECK(state.playheadTime == state.tour.tour.stops[1].playheadFrom);
    input.key(Key::Previous, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[0].holdsAt());
    input.key(Key::PlayPause, story, state);
    CHECK_FALSE(state.tour.paused);

    input.key(Key::Next, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[1].startsAt);
    input.key(Key::Next, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[2].startsAt);
    advanceView(story, state, 10);  // well into the stop's hold
    CHECK(state.selectedEvent == state.tour.tour.stops[2].event);
    input.key(Key::Previous, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[1].holdsAt());
    CHECK(state.playheadTime == state.tour.tour.stops[1].playheadFrom);
    // A presentation clicker's Page Down and Page Up step the same way.
    input.key(Key::PageDown, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[2].startsAt);
    input.key(Key::PageUp, story, state);
    CHECK(state.tour.clock == state.tour.tour.stops[1].holdsAt());

    // Keys that would move the camera do nothing on tour.
    const double start = state.view.startTime;
    input.key(Key::ZoomIn, story, state);
    input.key(Key::Fit, story, state);
    CHECK(state.targetStartTime == start);

    input.key(Key::Escape, story, state);
    CHECK_FALSE(state.tour.active);
    CHECK(state.view.startTime == 20);
    CHECK(state.view.endTime == 30);
    CHECK(state.playheadTime == 25);
    CHECK(state.selectedEvent == story.findEvent("keith-band"));
}

TEST_CASE("at the tour's end Space starts it again") {
    const Story story = laLaLand();
    ViewState state;
    applyViewCommand(story, 150, state, ViewCommand::startTour());
    CHECK(advanceView(story, state, 30));
    for (int i = 0; i < 100; ++i) advanceView(story, state, 30);
    CHECK(state.tour.clock == state.tour.tour.totalSeconds());
    CHECK_FALSE(advanceView(story, state, 1));  // the end holds still
    applyViewCommand(story, 150, state, ViewCommand::pauseTour());
    CHECK(state.tour.clock == 0);
    CHECK_FALSE(state.tour.paused);
}

TEST_CASE("the tour's presentation in the frame plan") {
    const Story story = laLaLand();
    testing::FixedWidthMeasurer measurer;
    for (const float height : {540.0f, 720.0f, 1080.0f}) {
        const float width = height * 16 / 9;
        INFO("frame " << width << "x" << height);
        ViewState state;
        applyViewCommand(story, 150, state, ViewCommand::startTour());
        FramePlanner planner;
        FrameRequest request;
        request.size = {width, height, 1};
        // The stop about the parting: a long sentence of the article's.
        const auto kiss = std::find_if(state.tour.tour.stops.begin(), state.tour.tour.stops.end(),
                                       [&](const TourStop& stop) { return stop.event == story.findEvent("separate-ways"); });
        state.tour.clock = kiss->holdsAt() + 1;
        showTourMoment(state);
        const FramePlan& plan = planner.plan(story, state, request, measurer);
        const TourPlan& tour = plan.tour;
        REQUIRE(tour.active);
        CHECK_FALSE(plan.panels);
        CHECK(plan.screen.events.height == 0);
        CHECK_FALSE(plan.title.shown);
        CHECK(tour.stops == static_cast<int>(state.tour.tour.stops.size()));
        CHECK(tour.dots.size() == state.tour.tour.stops.size());
        // Capitals at least 3% of the frame's height (DejaVu Sans's capitals are 0.73 of its size).
        CHECK(tour.captionSize * 0.73f >= height * 0.03f - 0.01f);
        // Every line inside the band, none over another, and the whole caption there, in order.
        const Rect& band = plan.screen.caption;
        REQUIRE_FALSE(tour.lines.empty());
        std::string rebuilt;
        for (std::size_t i = 0; i < tour.lines.size(); ++i) {
            const TourLinePlan& line = tour.lines[i];
            const float lineWidth = 20.0f * static_cast<float>(line.end - line.begin) * tour.captionSize / kCaptionBaseSize;
            CHECK(line.at.x >= band.x);
            CHECK(line.at.x + lineWidth <= band.right() + 0.5f);
            CHECK(line.at.y >= band.y);
            CHECK(line.at.y + tour.captionSize * 1.25f <= band.bottom());
            if (i > 0) CHECK(line.at.y > tour.lines[i - 1].at.y);
            rebuilt += (i ? " " : "") + tour.caption.substr(line.begin, line.end - line.begin);
        }
        CHECK(tour.pages == 1);  // the article's sentences fit the band whole
        CHECK(rebuilt == kiss->caption);
        CHECK(tour.attribution == "\u2014 " + kiss->attribution);
        CHECK(tour.attributionShown);
        // The canvas sits above the band, the story on it.
        CHECK(plan.view.canvas.bottom() <= band.y);
        CHECK(plan.view.startTime == kiss->viewStart);
    }
}

TEST_CASE("a caption too long for the band is shown a page at a time, none of it dropped") {
    std::string many;
    for (int i = 0; i < 400; ++i) many += "word" + std::to_string(i) + " ";
    many += "end";
    const StoryLoadResult loaded = parseStory(replaced(kToured, "\"Years go by.\"", "\"" + many + "\""), "long.json");
    REQUIRE(loaded.ok());
    ViewState state;
    applyViewCommand(loaded.story, 150, state, ViewCommand::startTour());
    const TourStop& stop = state.tour.tour.stops[2];
    FramePlanner planner;
    FrameRequest request;
    request.size = {1280, 720, 1};
    testing::FixedWidthMeasurer measurer;
    std::string shown;
    int pagesSeen = 0, lastPage = -1;
    for (double clock = stop.holdsAt(); clock < stop.endsAt(); clock += 0.05) {
        state.tour.clock = clock;
        showTourMoment(state);
        const FramePlan& plan = planner.plan(loaded.story, state, request, measurer);
        const TourPlan& tour = plan.tour;
        REQUIRE(tour.pages > 1);
        CHECK(tour.captionSize * 0.73f >= 720 * 0.03f - 0.01f);
        CHECK(tour.continues == (tour.page + 1 < tour.pages));
        CHECK(tour.attributionShown == (tour.page + 1 == tour.pages));
        for (const TourLinePlan& line : tour.lines) CHECK(line.at.y + tour.captionSize * 1.25f <= plan.screen.caption.bottom());
        if (tour.page == lastPage) continue;
        CHECK(tour.page == lastPage + 1);  // in order, none skipped
        lastPage = tour.page;
        ++pagesSeen;
        for (const TourLinePlan& line : tour.lines) shown += (shown.empty() ? "" : " ") + tour.caption.substr(line.begin, line.end - line.begin);
    }
    CHECK(pagesSeen > 1);
    CHECK(shown == many);
    // The pages share the lines evenly: none holds more than one line more than another.
    state.tour.clock = stop.holdsAt();
    showTourMoment(state);
    const std::size_t firstPageLines = planner.plan(loaded.story, state, request, measurer).tour.lines.size();
    state.tour.clock = stop.endsAt() - 0.01;
    showTourMoment(state);
    const std::size_t lastPageLines = planner.plan(loaded.story, state, request, measurer).tour.lines.size();
    CHECK(firstPageLines - lastPageLines <= 1);
}

TEST_CASE("the tour's captions as WebVTT subtitles") {
    const Story story = laLaLand();
    const Tour tour = makeTour(story);
    const std::string vtt = tourSubtitles(tour);
    CHECK(vtt.rfind("WEBVTT\n", 0) == 0);
    // A cue per stop, timed from the camera's move to the stop's end.
    CHECK(vtt.find("\n1\n00:00:00.000 --> 00:00:05.000\nLa La Land — the ending\n— Commentary:") != std::string::npos);
    const TourStop& second = tour.stops[1];
    char timing[64];
    std::snprintf(timing, sizeof timing, "\n2\n00:00:%02d.%03d --> ", static_cast<int>(second.startsAt),
                  static_cast<int>(std::lround(second.startsAt * 1000)) % 1000);
    CHECK(vtt.find(timing) != std::string::npos);
    for (const TourStop& stop : tour.stops) CHECK(vtt.find(stop.caption.substr(0, 40)) != std::string::npos);
    // Nothing that would end a cue early or read as markup.
    Tour hostile;
    TourStop stop;
    stop.caption = "a --> b <i>c</i> & d\n\n\ne\a";
    stop.attribution = "x<y";
    stop.holdSeconds = 4;
    hostile.stops.push_back(stop);
    const std::string escaped = tourSubtitles(hostile);
    CHECK(escaped.find("a --&gt; b &lt;i&gt;c&lt;/i&gt; &amp; d\ne\n— x&lt;y\n") != std::string::npos);
    CHECK(escaped.find("\n\n\n") == std::string::npos);
}

TEST_CASE("a caption with no spaces breaks between whole characters, never inside one") {
    std::string word;
    for (int i = 0; i < 300; ++i) word += "e\u0301";  // e and a combining acute: one character, three bytes
    const StoryLoadResult loaded = parseStory(replaced(kToured, "\"Years go by.\"", "\"" + word + "\""), "accents.json");
    REQUIRE(loaded.ok());
    ViewState state;
    applyViewCommand(loaded.story, 150, state, ViewCommand::startTour());
    state.tour.clock = state.tour.tour.stops[2].holdsAt();
    showTourMoment(state);
    FramePlanner planner;
    FrameRequest request;
    request.size = {1280, 720, 1};
    testing::FixedWidthMeasurer measurer;
    const TourPlan& tour = planner.plan(loaded.story, state, request, measurer).tour;
    REQUIRE(tour.lines.size() > 1);
    for (const TourLinePlan& line : tour.lines) {
        CHECK(line.begin % 3 == 0);
        CHECK(line.end % 3 == 0);
        CHECK(line.end > line.begin);
    }
}
