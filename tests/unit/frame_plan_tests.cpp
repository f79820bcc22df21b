// Tier 1 (pure logic): the frame plan says once where everything of a frame goes — the playhead, every
// lane's curve however many lanes there are, and canvas text that never overlaps anything — measured
// with a fixed-width stand-in for the UI's fonts.
#include "story/story_generator.h"
#include "story/story_loader.h"
#include "timeline/frame_plan.h"
#include "fixed_width_measurer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace epilogue;

namespace {

using testing::FixedWidthMeasurer;

Story laLaLand() {
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(loaded.ok());
    return std::move(loaded.story);
}

ViewState fittedState(const Story& story, float width, float height, double playhead) {
    ViewState state;
    const TimelineView fitted = fitStory(story, screenLayout(width, height, true).canvas, LayoutStyle{}.laneHeaderWidth);
    setVisibleRange(state, fitted.startTime, fitted.endTime);
    state.playheadTime = playhead;
    return state;
}

bool overlaps(const Rect& a, const Rect& b) { return rectsOverlap(a, b); }

}  // namespace

TEST_CASE("the screen layout: the canvas on top, the transport bar under it, two panels below; the canvas alone when small") {
    const ScreenLayout layout = screenLayout(1600, 900, true);
    CHECK(layout.canvas.y == 0);
    CHECK(layout.canvas.width == 1600);
    CHECK(layout.transport.y == layout.canvas.bottom());
    CHECK(layout.commentary.y == layout.transport.bottom());
    CHECK(layout.commentary.right() == layout.events.x);
    CHECK(layout.events.right() == 1600);
    CHECK(layout.events.bottom() == 900);
    const ScreenLayout tiny = screenLayout(400, 280, true);
    CHECK(tiny.canvas.width == 400);
    CHECK(tiny.canvas.height == 280);
    CHECK(tiny.transport.height == 0);
    CHECK(screenLayout(1600, 900, false).canvas.height == 900);
}

TEST_CASE("the plan's playhead is where its time maps to, from below the canvas top to the ruler's bottom") {
    const Story story = laLaLand();
    FramePlanner planner;
    const ViewState state = fittedState(story, 1600, 900, 35);
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    CHECK(plan.view.startTime == state.view.startTime);
    CHECK(plan.view.canvas.width == 1600);
    CHECK(plan.playhead.x == doctest::Approx(plan.view.timeToX(35)));
    CHECK(plan.playhead.top == doctest::Approx(plan.view.canvas.y + plan.view.canvas.height * 0.06f));
    CHECK(plan.playhead.bottom == plan.layout.ruler.bottom());
    CHECK(plan.playhead.onCanvas);
    const Rect rect = plan.playhead.rect();
    CHECK(rect.x + rect.width / 2 == doctest::Approx(plan.playhead.x));
    CHECK(rect.y == plan.playhead.top);
    CHECK(rect.bottom() == doctest::Approx(plan.playhead.bottom));

    // Far outside the view, it is neither drawn nor on the canvas.
    ViewState away = state;
    away.playheadTime = state.view.endTime + (state.view.endTime - state.view.startTime);
    const FramePlan& later = planner.plan(story, away, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    CHECK_FALSE(later.playhead.drawn);
    CHECK_FALSE(later.playhead.onCanvas);
}

TEST_CASE("every lane of a 100-lane story has its curve in the plan") {
    StoryLoadResult loaded = parseStory(generateStory({3000, 100, 7}), "hundred-lanes.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    REQUIRE(story.lanes.size() == 100);
    FramePlanner planner;
    const FramePlan& plan =
        planner.plan(story, fittedState(story, 1600, 900, story.endTime), {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.layout.lanes.size() == 100);
    for (const LaneCurve& curve : plan.layout.lanes) {
        INFO("lane " << curve.lane);
        CHECK(curve.points.size() >= 2);
    }
    // 100 rows in about 550 pixels: every lane is drawn, not every name fits, and the canvas says so.
    CHECK(plan.hiddenLanes == 0);
    CHECK(plan.laneHeaders.size() < 100);
    CHECK(plan.laneHeaders.size() >= 15);
    CHECK(plan.notice.find(std::to_string(100 - plan.laneHeaders.size()) + " lane names left out") != std::string::npos);
    for (std::size_t i = 1; i < plan.laneHeaders.size(); ++i) {
        CHECK(plan.laneHeaders[i].pill.y >= plan.laneHeaders[i - 1].pill.bottom());
    }
    CHECK(plan.ribbonGlowScale < 1);
}

TEST_CASE("more lanes than rows of pixels: lanes within a pixel of a drawn one are left out, and the plan says how many") {
    // A chain of forks: lane k forks from lane k-1's only event.
    std::string lanes, events;
    for (int k = 0; k < 2000; ++k) {
        const std::string n = std::to_string(k), previous = std::to_string(k - 1);
        lanes += std::string(k ? "," : "") + "{\"id\": \"l" + n + "\", \"title\": \"Lane " + n + "\"" +
                 (k ? ", \"kind\": \"dream\", \"forks_from\": \"e" + previous + "\"" : std::string()) + "}";
        events += std::string(k ? "," : "") + "{\"id\": \"e" + n + "\", \"lane\": \"l" + n + "\", \"time\": " + n +
                  ", \"title\": \"E" + n + "\"}";
    }
    StoryLoadResult loaded = parseStory("{\"format\": \"epilogue-story/1\", \"title\": \"Chain\", \"lanes\": [" + lanes +
                                            "], \"events\": [" + events + "]}",
                                        "chain.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    FramePlanner planner;
    const FramePlan& plan =
        planner.plan(story, fittedState(story, 1600, 900, story.endTime), {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.laneDrawn.size() == 2000);
    float lastRow = -1e9f;
    int drawn = 0;
    for (std::size_t i = 0; i < plan.laneDrawn.size(); ++i) {
        if (!plan.laneDrawn[i]) continue;
        CHECK(plan.layout.laneRowY[i] - lastRow >= 1.0f);
        lastRow = plan.layout.laneRowY[i];
        ++drawn;
    }
    CHECK(drawn + plan.hiddenLanes == 2000);
    CHECK(plan.hiddenLanes > 0);
    CHECK(drawn <= static_cast<int>(plan.view.canvas.height));
    CHECK(plan.notice.find(std::to_string(drawn) + " of 2000 lanes drawn") == 0);
    // The La La Land story leaves nothing out.
    const Story small = laLaLand();
    const FramePlan& whole =
        planner.plan(small, fittedState(small, 1600, 900, 0), {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    CHECK(whole.hiddenLanes == 0);
    CHECK(whole.notice.empty());
    CHECK(whole.ribbonGlowScale == 1.0f);
}

TEST_CASE("canvas text never overlaps: labels, lane headers, the title block, the ruler and the nodes") {
    const Story story = laLaLand();
    for (const auto& [width, height] : {std::pair{1600.0f, 900.0f}, {960.0f, 540.0f}, {900.0f, 600.0f}}) {
        INFO(width << "x" << height);
        FramePlanner planner;
        ViewState state = fittedState(story, width, height, 50);
        state.selectedEvent = story.findEvent("paris");
        const FramePlan& plan = planner.plan(story, state, {{width, height, 1}, true, 0}, FixedWidthMeasurer());
        REQUIRE_FALSE(plan.labels.empty());
        const Rect& canvas = plan.view.canvas;
        for (std::size_t i = 0; i < plan.labels.size(); ++i) {
            const Rect& box = plan.labels[i].box;
            INFO("label of " << story.events[static_cast<std::size_t>(plan.labels[i].event)].id.str());
            CHECK(box.x >= canvas.x);
            CHECK(box.right() <= canvas.right());
            CHECK(box.bottom() <= plan.layout.ruler.y);
            CHECK_FALSE(overlaps(box, plan.layout.ruler));
            if (plan.title.shown) CHECK_FALSE(overlaps(box, plan.title.bounds));
            for (const LaneHeaderPlan& header : plan.laneHeaders) CHECK_FALSE(overlaps(box, header.pill));
            for (const EventMark& mark : plan.layout.events) {
                const Rect node{mark.position.x - mark.radius, mark.position.y - mark.radius, 2 * mark.radius,
                                2 * mark.radius};
                CHECK_FALSE(overlaps(box, node));
            }
            for (std::size_t j = i + 1; j < plan.labels.size(); ++j) CHECK_FALSE(overlaps(box, plan.labels[j].box));
        }
        // The selected event is labelled first, so it always has its label.
        bool selectedLabelled = false;
        for (const EventLabelPlan& label : plan.labels) selectedLabelled |= label.event == state.selectedEvent && label.emphasised;
        CHECK(selectedLabelled);
    }
}

TEST_CASE("labels name their own node: each sits just above or below it, and knows whether the playhead passed it") {
    const Story story = laLaLand();
    FramePlanner planner;
    const ViewState state = fittedState(story, 1600, 900, 35);
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    for (const EventLabelPlan& label : plan.labels) {
        const EventMark* mark = plan.markOf(label.event);
        REQUIRE(mark != nullptr);
        INFO(story.events[static_cast<std::size_t>(label.event)].id.str());
        const float centreX = label.box.x + label.box.width / 2;
        // Centred on the node, or set just beside it (the playhead, or a neighbour, is in the way), unless
        // pushed in from the canvas's edge.
        if (label.box.x > plan.view.canvas.x + 4 && label.box.right() < plan.view.canvas.right() - 4) {
            const bool centred = std::abs(centreX - mark->position.x) < 0.01f;
            const bool toTheRight = std::abs(label.box.x - (mark->position.x + kLabelSideShift)) < 0.01f;
            const bool toTheLeft = std::abs(label.box.right() - (mark->position.x - kLabelSideShift)) < 0.01f;
            CHECK((centred || toTheRight || toTheLeft));
        }
        const float gap = label.box.y > mark->position.y ? label.box.y - mark->position.y
                                                           : mark->position.y - label.box.bottom();
        CHECK(gap >= mark->radius);
        CHECK(gap <= mark->radius + 12 + label.box.height + 2);
        CHECK(label.passed == (story.events[static_cast<std::size_t>(label.event)].time <= 35));
    }
}

TEST_CASE("the same inputs give the same plan") {
    const Story story = laLaLand();
    FramePlanner first, second;
    const ViewState state = fittedState(story, 1280, 720, 20);
    const FramePlan& a = first.plan(story, state, {{1280, 720, 1}, true, 0}, FixedWidthMeasurer());
    first.plan(story, state, {{1280, 720, 1}, true, 0}, FixedWidthMeasurer());  // reused buffers, same answer
    const FramePlan& b = second.plan(story, state, {{1280, 720, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(a.labels.size() == b.labels.size());
    for (std::size_t i = 0; i < a.labels.size(); ++i) {
        CHECK(a.labels[i].event == b.labels[i].event);
        CHECK(a.labels[i].box.x == b.labels[i].box.x);
        CHECK(a.labels[i].box.y == b.labels[i].box.y);
    }
}

TEST_CASE("the title block shows only on a canvas with room for it, with the commentary's source as a credit") {
    const Story story = laLaLand();
    FramePlanner planner;
    const FramePlan& large =
        planner.plan(story, fittedState(story, 1600, 900, 0), {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(large.title.shown);
    CHECK(large.title.credit == "Commentary: \u201C" + story.source.title.str() + "\u201D");
    CHECK(large.title.creditAt.y > large.title.titleAt.y);
    // The lanes start below the block.
    for (float rowY : large.layout.laneRowY) CHECK(rowY > large.title.bounds.bottom());
    const FramePlan& small =
        planner.plan(story, fittedState(story, 500, 300, 0), {{500, 300, 1}, true, 0}, FixedWidthMeasurer());
    CHECK_FALSE(small.title.shown);
}

TEST_CASE("era names sit inside their stretch of the ruler, and the current era is marked") {
    const Story story = laLaLand();
    FramePlanner planner;
    const FramePlan& plan =
        planner.plan(story, fittedState(story, 1600, 900, 35), {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE_FALSE(plan.eraLabels.empty());
    int current = 0;
    for (const EraLabelPlan& label : plan.eraLabels) {
        const EraBand* band = nullptr;
        for (const EraBand& b : plan.layout.eras) {
            if (b.era == label.era) band = &b;
        }
        REQUIRE(band != nullptr);
        const float width = FixedWidthMeasurer().measure(TextStyle::Bold, story.eras[static_cast<std::size_t>(label.era)].name).x;
        CHECK(label.at.x >= band->x0);
        CHECK(label.at.x + width <= band->x1);
        CHECK(label.at.y >= plan.layout.ruler.y);
        CHECK(label.at.y <= plan.layout.ruler.bottom());
        current += label.current ? 1 : 0;
        CHECK(label.current == (story.eraAt(35) == label.era));
    }
    CHECK(current == 1);
}

TEST_CASE("labels: never crossed by the playhead, never for a node off the canvas or under a lane name, two never read as one") {
    const Story story = laLaLand();
    FramePlanner planner;
    for (const Event& event : story.events) {
        ViewState state = fittedState(story, 1600, 900, event.time);
        state.selectedEvent = story.findEvent(event.id.view());
        const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
        INFO("playhead on " << event.id.str());
        bool selectedLabelled = false;
        for (const EventLabelPlan& label : plan.labels) {
            CHECK_FALSE((label.box.x <= plan.playhead.x + 2 && label.box.right() >= plan.playhead.x - 2));
            selectedLabelled |= label.event == state.selectedEvent;
        }
        CHECK(selectedLabelled);  // the moment just chosen keeps its label, beside the playhead
    }
    // Panned so that the first events sit under the lane names, and zoomed so that the last are off the canvas.
    ViewState state = fittedState(story, 1600, 900, 0);
    setVisibleRange(state, 2, 30);
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    for (const EventLabelPlan& label : plan.labels) {
        const EventMark* mark = plan.markOf(label.event);
        INFO(story.events[static_cast<std::size_t>(label.event)].id.str());
        REQUIRE(mark != nullptr);
        CHECK(plan.view.canvas.contains(mark->position.x, mark->position.y));
        for (const LaneHeaderPlan& header : plan.laneHeaders) CHECK_FALSE(rectsOverlap(label.box, header.pill));
        for (const EventLabelPlan& other : plan.labels) {
            if (&other == &label) continue;
            const float sideGap = std::max(other.box.x - label.box.right(), label.box.x - other.box.right());
            const float lineGap = std::max(other.box.y - label.box.bottom(), label.box.y - other.box.bottom());
            CHECK((sideGap >= kLabelSideGap || lineGap >= kLabelLineGap));
        }
    }
    bool headerOverNode = false;
    for (const LaneHeaderPlan& header : plan.laneHeaders) headerOverNode |= header.overNode;
    const EventMark* restaurant = plan.markOf(story.findEvent("restaurant"));
    if (restaurant && restaurant->position.x < plan.view.canvas.x + LayoutStyle{}.laneHeaderWidth - 20) {
        CHECK(headerOverNode);
    }
}

TEST_CASE("a label keeps its side while the selection moves between neighbours") {
    // Paris and "Mia becomes an actress" sit close together on the dream lane; selecting one, then the
    // other, used to swap their labels above and below.
    const Story story = laLaLand();
    FramePlanner planner;
    ViewState state = fittedState(story, 1600, 900, 0);
    auto sideOf = [&](const FramePlan& plan, const char* id) {
        for (const EventLabelPlan& label : plan.labels) {
            if (label.event == story.findEvent(id)) return label.box.y < plan.markOf(label.event)->position.y ? 1 : -1;
        }
        return 0;
    };
    auto select = [&](const char* id) -> const FramePlan& {
        state.selectedEvent = story.findEvent(id);
        state.playheadTime = story.events[static_cast<std::size_t>(state.selectedEvent)].time;
        return planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    };
    const FramePlan& first = select("paris");
    const int paris = sideOf(first, "paris"), actress = sideOf(first, "actress");
    REQUIRE(paris != 0);
    REQUIRE(actress != 0);
    for (const char* id : {"actress", "paris", "actress", "always-love", "paris"}) {
        const FramePlan& plan = select(id);
        INFO("selected " << std::string(id));
        CHECK(sideOf(plan, "paris") == paris);
        CHECK(sideOf(plan, "actress") == actress);
    }
}

TEST_CASE("a search rings the marks that hold a match, dims the other labels, and counts matches in view") {
    const Story story = laLaLand();
    FramePlanner planner;
    ViewState state = fittedState(story, 1600, 900, 35);
    const FramePlan& none = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    CHECK_FALSE(none.search.active);
    CHECK(none.search.matches.size() == story.events.size());  // the list shows every event
    CHECK(none.search.markMatches.empty());

    state.searchQuery = "PARIS";  // ASCII case is ignored
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.search.active);
    // "Paris" by its title, "Separate ways" by its summary ("Mia goes to Paris").
    REQUIRE(plan.search.matches.size() == 2);
    CHECK(plan.search.matches[0] == story.findEvent("separate-ways"));
    CHECK(plan.search.matches[1] == story.findEvent("paris"));
    REQUIRE(plan.search.markMatches.size() == plan.layout.events.size());
    int ringed = 0;
    for (std::size_t i = 0; i < plan.layout.events.size(); ++i) {
        const EventMark& mark = plan.layout.events[i];
        bool holds = false;
        for (const EventIndex match : plan.search.matches) {
            const Event& event = story.events[static_cast<std::size_t>(match)];
            const Event& first = story.events[static_cast<std::size_t>(mark.event)];
            const Event& last = story.events[static_cast<std::size_t>(mark.lastEvent)];
            holds = holds || (event.lane == first.lane && event.time >= first.time && event.time <= last.time);
        }
        CHECK(static_cast<bool>(plan.search.markMatches[i]) == holds);
        ringed += holds ? 1 : 0;
    }
    CHECK(ringed >= 1);
    CHECK(plan.search.inView == 2);
    CHECK(plan.search.caption == "\u201CPARIS\u201D: 2 of 16 events match, 2 in view");
    for (const EventLabelPlan& label : plan.labels) {
        const bool match = label.event == story.findEvent("paris") || label.event == story.findEvent("separate-ways");
        CHECK(label.dimmed == !match);
        CHECK(!overlaps(label.box, plan.search.captionBox));  // labels keep clear of the caption
    }
    CHECK(plan.search.captionBox.bottom() <= plan.layout.ruler.y);
    CHECK(plan.search.captionBox.right() <= plan.view.canvas.right());

    // Zoomed onto the story's start, the matches are out of view; with no match at all, the caption says so.
    setVisibleRange(state, 0, 10);
    CHECK(planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer()).search.inView == 0);
    state.searchQuery = "no such words";
    const FramePlan& nothing = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    CHECK(nothing.search.matches.empty());
    CHECK(nothing.search.caption == "\u201Cno such words\u201D: no event matches");
    // A query ending in a letter outside ASCII is shown whole; a long one is cut between characters.
    state.searchQuery = "caf\u00E9";
    CHECK(planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer()).search.caption ==
          "\u201Ccaf\u00E9\u201D: no event matches");
    state.searchQuery = std::string(39, 'a') + "\u00E9\u00E9";  // the 40th byte is inside the first é
    CHECK(planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer()).search.caption ==
          "\u201C" + std::string(39, 'a') + "\u2026\u201D: no event matches");
}

TEST_CASE("a cluster is ringed when any event it stands for matches") {
    StoryLoadResult loaded = parseStory(generateStory({3000, 4, 11}), "generated.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    FramePlanner planner;
    ViewState state = fittedState(story, 800, 600, story.startTime);
    state.searchQuery = story.events[1234].id.str();  // one event, by its id
    const FramePlan& plan = planner.plan(story, state, {{800, 600, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.search.matches.size() >= 1);
    int ringed = 0, clustersRinged = 0;
    for (std::size_t i = 0; i < plan.layout.events.size(); ++i) {
        if (!plan.search.markMatches[i]) continue;
        ++ringed;
        clustersRinged += plan.layout.events[i].isCluster() ? 1 : 0;
    }
    CHECK(ringed >= 1);
    CHECK(clustersRinged >= 1);  // 3,000 events on 800 pixels: the match sits in a cluster
}

TEST_CASE("the ruler numbers its major ticks without overlap, clear of the playhead's mark and the pointer's tag") {
    const Story story = laLaLand();
    FramePlanner planner;
    ViewState state = fittedState(story, 1600, 900, 47);
    const FramePlan& plan = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE(plan.ruler.labels.size() >= 5);
    CHECK_FALSE(plan.ruler.pointerShown);
    CHECK(std::string(plan.ruler.labels[0].text.c_str()) == "-10");  // fitted with a margin before 0
    CHECK(std::string(plan.ruler.labels[1].text.c_str()) == "0");
    float lastRight = -1e9f;
    for (const RulerLabelPlan& label : plan.ruler.labels) {
        const float width = FixedWidthMeasurer().measure(TextStyle::Small, label.text.c_str()).x;
        CHECK(label.at.x >= lastRight);
        lastRight = label.at.x + width;
        CHECK(lastRight <= plan.view.canvas.right());
        CHECK((lastRight < plan.playhead.x - 7 || label.at.x > plan.playhead.x + 7));
        CHECK(label.at.y >= plan.layout.ruler.y);
    }

    // Zoomed in to a tenth: the numbers gain a decimal. The pointer's tag is one digit finer, with "time".
    setVisibleRange(state, 40, 41);
    state.pointerX = 800;
    const FramePlan& fine = planner.plan(story, state, {{1600, 900, 1}, true, 0}, FixedWidthMeasurer());
    REQUIRE_FALSE(fine.ruler.labels.empty());
    CHECK(std::string(fine.ruler.labels[0].text.c_str()).find('.') != std::string::npos);
    REQUIRE(fine.ruler.pointerShown);
    CHECK(std::string(fine.ruler.pointerText.c_str()) ==
          std::string(formatStoryTime(story, fine.view.xToTime(800), decimalsForStep(fine.layout.majorTickStep) + 1).c_str()));
    CHECK(std::string(fine.ruler.pointerText.c_str()).rfind("time 40.", 0) == 0);
    for (const RulerLabelPlan& label : fine.ruler.labels) {
        const float width = FixedWidthMeasurer().measure(TextStyle::Small, label.text.c_str()).x;
        CHECK(!overlaps({label.at.x - 2, label.at.y, width + 4, 10}, fine.ruler.pointerBox));
    }
    CHECK(fine.ruler.pointerBox.y >= fine.layout.ruler.y);
    CHECK(fine.ruler.pointerBox.bottom() <= fine.layout.ruler.bottom());
}
