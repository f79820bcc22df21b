// Tier 1 (pure logic): event labels never overlap each other, the obstacles, or the edges.
#include "story/story_loader.h"
#include "timeline/label_placement.h"
#include "timeline/layout.h"

#include <doctest/doctest.h>

using namespace epilogue;

namespace {

LabelRequest label(float x, float y, float width, bool above = true, int priority = 1) {
    LabelRequest request;
    request.anchorX = x;
    request.anchorY = y;
    request.width = width;
    request.height = 16;
    request.clearance = 10;
    request.preferAbove = above;
    request.priority = priority;
    return request;
}

void checkNoOverlaps(const std::vector<PlacedLabel>& placed, const Rect& bounds, const std::vector<Rect>& obstacles) {
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].visible) continue;
        const Rect& box = placed[i].box;
        CHECK(box.x >= bounds.x);
        CHECK(box.right() <= bounds.right());
        CHECK(box.y >= bounds.y);
        CHECK(box.bottom() <= bounds.bottom());
        for (const Rect& obstacle : obstacles) CHECK_FALSE(rectsOverlap(box, obstacle));
        for (std::size_t j = i + 1; j < placed.size(); ++j) {
            if (placed[j].visible) CHECK_FALSE(rectsOverlap(box, placed[j].box));
        }
    }
}

}  // namespace

TEST_CASE("a lone label sits where it prefers, centred over its anchor") {
    const Rect bounds{0, 0, 400, 300};
    const auto placed = placeLabels({label(200, 150, 80)}, bounds, {});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].visible);
    CHECK(placed[0].box.x == doctest::Approx(160));
    CHECK(placed[0].box.bottom() == doctest::Approx(140));  // above, clear of the anchor by 10
}

TEST_CASE("crowded labels take the other side, then further out, then hide; none overlap") {
    const Rect bounds{0, 0, 400, 300};
    std::vector<LabelRequest> requests;
    for (int i = 0; i < 6; ++i) requests.push_back(label(200 + static_cast<float>(i) * 5, 150, 90));
    const auto placed = placeLabels(requests, bounds, {});
    int visible = 0;
    for (const PlacedLabel& p : placed) visible += p.visible ? 1 : 0;
    CHECK(visible == 4);  // above, below, and one line further out on each side
    checkNoOverlaps(placed, bounds, {});
}

TEST_CASE("higher priority is placed first and gets the preferred spot") {
    const Rect bounds{0, 0, 400, 300};
    const auto placed = placeLabels({label(200, 150, 90, true, 1), label(205, 150, 90, true, 3)}, bounds, {});
    REQUIRE(placed[1].visible);
    CHECK(placed[1].box.bottom() == doctest::Approx(140));
    CHECK(placed[0].box.y == doctest::Approx(160));  // pushed below
}

TEST_CASE("labels keep off obstacles and inside the bounds") {
    const Rect bounds{0, 0, 400, 300};
    const std::vector<Rect> obstacles{{150, 120, 100, 25}};  // where the label would go above
    const auto placed = placeLabels({label(200, 150, 80), label(5, 12, 60)}, bounds, obstacles);
    CHECK(placed[0].visible);
    CHECK(placed[0].box.y == doctest::Approx(160));
    CHECK(placed[1].visible);
    CHECK(placed[1].box.x == doctest::Approx(0));  // clamped into the bounds, not centred off the edge
    checkNoOverlaps(placed, bounds, obstacles);
}

TEST_CASE("the La La Land labels at common sizes: no two overlap") {
    StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
    REQUIRE(loaded.ok());
    const Story& story = loaded.story;
    for (float width : {640.0f, 1280.0f, 2560.0f}) {
        const Rect canvas{0, 0, width, width * 0.35f};
        const TimelineLayout layout = layoutTimeline(story, fitStory(story, canvas, 150));
        std::vector<LabelRequest> requests;
        for (const EventMark& mark : layout.events) {
            const Event& event = story.events[static_cast<std::size_t>(mark.event)];
            // Roughly 7.5 pixels a character at the panel's font size.
            requests.push_back(label(mark.position.x, mark.position.y, 7.5f * static_cast<float>(event.title.size()),
                                     story.lanes[static_cast<std::size_t>(event.lane)].kind == LaneKind::Dream));
        }
        const auto placed = placeLabels(requests, canvas, {layout.ruler});
        checkNoOverlaps(placed, canvas, {layout.ruler});
        int visible = 0;
        for (const PlacedLabel& p : placed) visible += p.visible ? 1 : 0;
        INFO("width " << width);
        CHECK(visible >= (width >= 1280 ? 16 : 8));
    }
}
