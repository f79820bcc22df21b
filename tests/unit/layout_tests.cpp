// Tier 1 (pure logic): time <-> pixel mapping, lane curves that fork and rejoin smoothly, ruler ticks,
// era bands and hit-testing.
#include "story/story_loader.h"
#include "timeline/layout.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace epilogue;

namespace {

Story loadDefaultStory() {
    StoryLoadResult result = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(result.ok());
    return std::move(result.story);
}

const EventMark* markOf(const TimelineLayout& layout, const Story& story, const std::string& id) {
    const EventIndex index = story.findEvent(id);
    for (const EventMark& mark : layout.events) {
        if (mark.event == index) return &mark;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("time and pixels map both ways") {
    TimelineView view;
    view.startTime = 10;
    view.endTime = 30;
    view.canvas = {100, 0, 400, 300};
    CHECK(view.timeToX(10) == doctest::Approx(100));
    CHECK(view.timeToX(20) == doctest::Approx(300));
    CHECK(view.timeToX(30) == doctest::Approx(500));
    CHECK(view.xToTime(200) == doctest::Approx(15));
    for (double t : {-5.0, 12.25, 29.9}) CHECK(view.xToTime(view.timeToX(t)) == doctest::Approx(t).epsilon(1e-5));
}

TEST_CASE("fitting the story shows all of it with a margin") {
    const Story story = loadDefaultStory();
    const TimelineView view = fitStory(story, {0, 0, 1280, 500});
    CHECK(view.startTime < story.startTime);
    CHECK(view.endTime > story.endTime);
    CHECK(view.timeToX(story.startTime) > 0);
    CHECK(view.timeToX(story.endTime) < 1280);
}

TEST_CASE("the dream lane peels away at the fork and returns at the rejoin") {
    const Story story = loadDefaultStory();
    const LaneIndex dream = story.findLane("dream");
    const double fork = story.events[static_cast<std::size_t>(story.findEvent("restaurant"))].time;
    const double kiss = story.events[static_cast<std::size_t>(story.findEvent("kiss"))].time;
    const double rejoin = story.events[static_cast<std::size_t>(story.findEvent("final-notes"))].time;
    CHECK(laneSeparation(story, dream, fork) == 0.0f);
    CHECK(laneSeparation(story, dream, kiss) == 1.0f);
    CHECK(laneSeparation(story, dream, (kiss + rejoin) / 2) == 1.0f);
    CHECK(laneSeparation(story, dream, rejoin) == 0.0f);
    // Rising monotonically through the peel.
    float previous = 0;
    for (int i = 1; i <= 20; ++i) {
        const float s = laneSeparation(story, dream, fork + (kiss - fork) * i / 20.0);
        CHECK(s >= previous);
        previous = s;
    }
}

TEST_CASE("lane curves: one line before the fork, two after it, no kink anywhere") {
    const Story story = loadDefaultStory();
    const TimelineView view = fitStory(story, {0, 0, 1280, 500});
    const TimelineLayout layout = layoutTimeline(story, view);
    REQUIRE(layout.lanes.size() == 2);
    const LaneIndex real = story.findLane("real");
    const LaneIndex dream = story.findLane("dream");
    CHECK(layout.laneRowY[static_cast<std::size_t>(dream)] < layout.laneRowY[static_cast<std::size_t>(real)]);

    const float forkX = view.timeToX(story.events[static_cast<std::size_t>(story.findEvent("restaurant"))].time);
    const float rejoinX = view.timeToX(story.events[static_cast<std::size_t>(story.findEvent("final-notes"))].time);
    const LaneCurve& dreamCurve = layout.lanes[static_cast<std::size_t>(dream)];
    CHECK(dreamCurve.points.front().x == doctest::Approx(forkX));
    CHECK(dreamCurve.points.back().x == doctest::Approx(rejoinX));
    CHECK(dreamCurve.points.front().y == doctest::Approx(layout.laneRowY[static_cast<std::size_t>(real)]));
    CHECK(dreamCurve.points.back().y == doctest::Approx(layout.laneRowY[static_cast<std::size_t>(real)]));

    // Smooth: the slope changes little from one sample to the next, and points are a few pixels apart.
    for (std::size_t i = 1; i + 1 < dreamCurve.points.size(); ++i) {
        const glm::vec2 a = dreamCurve.points[i] - dreamCurve.points[i - 1];
        const glm::vec2 b = dreamCurve.points[i + 1] - dreamCurve.points[i];
        CHECK(a.x > 0);
        CHECK(a.x <= 3.01f);
        const float turn = std::abs(std::atan2(b.y, b.x) - std::atan2(a.y, a.x));
        CHECK(turn < 0.35f);  // radians between neighbouring segments: no corner at the fork or rejoin
    }
    // The real lane is a straight line across the whole story.
    const LaneCurve& realCurve = layout.lanes[static_cast<std::size_t>(real)];
    CHECK(realCurve.points.front().x == doctest::Approx(view.timeToX(story.startTime)));
    CHECK(realCurve.points.back().x == doctest::Approx(view.timeToX(story.endTime)));
    for (const glm::vec2& point : realCurve.points) CHECK(point.y == realCurve.points.front().y);
}

TEST_CASE("event marks sit on their lanes; the fork and rejoin are marked") {
    const Story story = loadDefaultStory();
    const TimelineView view = fitStory(story, {0, 0, 1280, 500});
    const TimelineLayout layout = layoutTimeline(story, view);
    CHECK(layout.events.size() == story.events.size());
    const EventMark* restaurant = markOf(layout, story, "restaurant");
    const EventMark* kiss = markOf(layout, story, "kiss");
    const EventMark* finalNotes = markOf(layout, story, "final-notes");
    REQUIRE(restaurant);
    REQUIRE(kiss);
    REQUIRE(finalNotes);
    CHECK(restaurant->isFork);
    CHECK(finalNotes->isRejoin);
    CHECK(restaurant->radius > kiss->radius);
    CHECK(kiss->position.y == doctest::Approx(layout.laneRowY[static_cast<std::size_t>(story.findLane("dream"))]));
    CHECK(restaurant->position.y == doctest::Approx(layout.laneRowY[static_cast<std::size_t>(story.findLane("real"))]));
}

TEST_CASE("zoomed in, only what is on screen is laid out") {
    const Story story = loadDefaultStory();
    TimelineView view;
    view.canvas = {0, 0, 1000, 400};
    view.startTime = 40;
    view.endTime = 50;  // the second winter: audition, separate ways, "always", and the dream's actress and Paris
    const TimelineLayout layout = layoutTimeline(story, view);
    CHECK(layout.events.size() == 5);
    CHECK(markOf(layout, story, "restaurant") == nullptr);
    REQUIRE(layout.eras.size() == 1);
    CHECK(layout.eras[0].x0 == doctest::Approx(0));
    CHECK(layout.eras[0].x1 == doctest::Approx(1000));
}

TEST_CASE("ruler ticks: nice steps, far enough apart, majors on round times") {
    const Story story = loadDefaultStory();
    for (double span : {80.0, 10.0, 1.0, 0.05}) {
        TimelineView view;
        view.canvas = {0, 0, 1200, 400};
        view.startTime = 3;
        view.endTime = 3 + span;
        const TimelineLayout layout = layoutTimeline(story, view);
        REQUIRE(layout.ticks.size() >= 2);
        const float spacing = layout.ticks[1].x - layout.ticks[0].x;
        CHECK(spacing >= 90.0f / 5 - 0.01f);
        int majors = 0;
        for (const RulerTick& tick : layout.ticks) {
            CHECK(tick.x >= -0.01f);
            CHECK(tick.x <= 1200.01f);
            majors += tick.major ? 1 : 0;
        }
        CHECK(majors >= 1);
        CHECK(majors <= 14);
    }
}

TEST_CASE("hit-testing finds the event under the pointer, and nothing on empty sky") {
    const Story story = loadDefaultStory();
    const TimelineLayout layout = layoutTimeline(story, fitStory(story, {0, 0, 1280, 500}));
    const EventMark* paris = markOf(layout, story, "paris");
    REQUIRE(paris);
    CHECK(hitTestEvent(layout, paris->position) == story.findEvent("paris"));
    CHECK(hitTestEvent(layout, paris->position + glm::vec2(paris->radius + 2, 0)) == story.findEvent("paris"));
    CHECK(hitTestEvent(layout, paris->position + glm::vec2(0, 60)) == kNone);
    CHECK(hitTestEvent(layout, {5, 5}) == kNone);
}

TEST_CASE("a chain of forks nested 3,000 deep lays out each lane on its own row, lanes listed in any order") {
    // Lane k forks from lane k-1's only event and has one event of its own; the lanes are listed deepest
    // first, so no lane's parent comes before it.
    const int depth = 3000;
    std::string lanes, events;
    for (int k = depth - 1; k >= 0; --k) {
        lanes += std::string(lanes.empty() ? "" : ",") + "{\"id\": \"l" + std::to_string(k) + "\", \"title\": \"L\"" +
                 (k == 0 ? "" : ", \"kind\": \"dream\", \"forks_from\": \"e" + std::to_string(k - 1) + "\"") + "}";
    }
    for (int k = 0; k < depth; ++k) {
        events += std::string(events.empty() ? "" : ",") + "{\"id\": \"e" + std::to_string(k) + "\", \"lane\": \"l" +
                  std::to_string(k) + "\", \"time\": " + std::to_string(k) + ", \"title\": \"E\"}";
    }
    StoryLoadResult loaded = parseStory("{\"format\": \"epilogue-story/1\", \"title\": \"Chain\", \"lanes\": [" + lanes +
                                            "], \"events\": [" + events + "]}",
                                        "chain.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    const TimelineLayout layout = layoutTimeline(story, fitStory(story, {0, 0, 1280, 20000}));
    REQUIRE(layout.lanes.size() == static_cast<std::size_t>(depth));
    int onOwnRow = 0;
    for (const EventMark& mark : layout.events) {
        if (mark.isCluster()) continue;
        const LaneIndex lane = story.events[static_cast<std::size_t>(mark.event)].lane;
        onOwnRow += std::abs(mark.position.y - layout.laneRowY[static_cast<std::size_t>(lane)]) < 0.01f ? 1 : 0;
    }
    CHECK(onOwnRow > 0);
    // Past its event, every lane's curve runs along its own row; before its fork, along its parent's.
    for (std::size_t k = 1; k < layout.lanes.size(); k += 97) {
        const LaneCurve& curve = layout.lanes[k];
        REQUIRE(curve.points.size() >= 2);
        CHECK(curve.points.back().y == doctest::Approx(layout.laneRowY[k]));
        const LaneIndex parent = story.parentLane(static_cast<LaneIndex>(k));
        CHECK(curve.points.front().y == doctest::Approx(layout.laneGrid.yAt(parent, curve.points.front().x)));
    }
}
