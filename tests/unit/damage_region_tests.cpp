// Tier 1 (no window): the damage region's rectangles and the stepped animation clock's changed columns.
#include "timeline/animation_clock.h"
#include "timeline/damage_region.h"

#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

using namespace epilogue;

namespace {

bool overlap(const PixelRect& a, const PixelRect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool covers(const std::vector<PixelRect>& rectangles, int x, int y) {
    for (const PixelRect& rect : rectangles) {
        if (x >= rect.x && x < rect.right() && y >= rect.y && y < rect.bottom()) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("nothing damaged gives no rectangle; everything gives the whole frame") {
    DamageRegion damage;
    damage.reset(1920, 1080);
    CHECK(damage.empty());
    CHECK(damage.rectangles(12).empty());
    damage.add(5, 5, 5, 9);        // no width
    damage.add(NAN, 0, 10, 10);    // not a number
    damage.add(-50, -50, -1, -1);  // outside the frame
    CHECK(damage.empty());
    damage.addEverything();
    CHECK(damage.rectangles(12) == std::vector<PixelRect>{{0, 0, 1920, 1080}});
    CHECK(damage.area() == 1920LL * 1080);
}

TEST_CASE("a damaged box becomes the cells it touches, cut to the frame") {
    DamageRegion damage;
    damage.reset(100, 50);
    damage.add(17.5f, 3, 20, 4);  // within one cell, at x 16..32
    CHECK(damage.rectangles(12) == std::vector<PixelRect>{{16, 0, 16, 16}});
    damage.reset(100, 50);
    damage.add(90, 40, 500, 500);  // the last cells are cut to the frame's edge
    CHECK(damage.rectangles(12) == std::vector<PixelRect>{{80, 32, 20, 18}});
    // A column of cells becomes one rectangle, not one per row.
    damage.reset(100, 50);
    damage.add(0, 0, 10, 50);
    CHECK(damage.rectangles(12) == std::vector<PixelRect>{{0, 0, 16, 50}});
}

TEST_CASE("the rectangles never overlap, cover every damaged pixel, and are at most as many as asked") {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> x(-20, 1940), y(-20, 1100), size(1, 300);
    for (int round = 0; round < 200; ++round) {
        DamageRegion damage;
        damage.reset(1920, 1080);
        std::vector<PixelRect> boxes;
        const int count = 1 + round % 40;
        for (int i = 0; i < count; ++i) {
            const float left = x(random), top = y(random);
            const float right = left + size(random), bottom = top + size(random) / 4;
            damage.add(left, top, right, bottom);
            const int l = std::max(0, static_cast<int>(std::floor(left))), t = std::max(0, static_cast<int>(std::floor(top)));
            const int r = std::min(1920, static_cast<int>(std::ceil(right))), b = std::min(1080, static_cast<int>(std::ceil(bottom)));
            if (r > l && b > t) boxes.push_back({l, t, r - l, b - t});
        }
        const int most = 1 + round % 12;
        const std::vector<PixelRect> rectangles = damage.rectangles(most);
        CHECK(static_cast<int>(rectangles.size()) <= most);
        for (std::size_t i = 0; i < rectangles.size(); ++i) {
            CHECK(rectangles[i].x >= 0);
            CHECK(rectangles[i].y >= 0);
            CHECK(rectangles[i].right() <= 1920);
            CHECK(rectangles[i].bottom() <= 1080);
            for (std::size_t j = i + 1; j < rectangles.size(); ++j) CHECK_FALSE(overlap(rectangles[i], rectangles[j]));
        }
        for (const PixelRect& box : boxes) {  // each box's corners and centre
            for (const auto& [px, py] : {std::pair{box.x, box.y}, std::pair{box.right() - 1, box.bottom() - 1},
                                         std::pair{box.x, box.bottom() - 1}, std::pair{box.right() - 1, box.y},
                                         std::pair{box.x + box.width / 2, box.y + box.height / 2}}) {
                CHECK(covers(rectangles, px, py));
            }
        }
    }
}

TEST_CASE("joining rectangles to fewer joins the nearest: two far apart stay apart") {
    DamageRegion damage;
    damage.reset(1920, 1080);
    damage.add(0, 0, 10, 10);
    damage.add(20, 0, 30, 10);        // next to the first: joined with it
    damage.add(1900, 1000, 1910, 1010);  // far away: kept apart
    const std::vector<PixelRect> rectangles = damage.rectangles(2);
    REQUIRE(rectangles.size() == 2);
    CHECK(damage.area() < 1000 * 16);  // not one rectangle across the frame
}

TEST_CASE("the stepped clock: a column's reading changes kAnimationSteps times a second, columns in turn") {
    CHECK(steppedClock(12.34f, 500, true) == 0);
    // The reading trails the clock by less than a step.
    for (float x : {0.0f, 333.0f, 1199.0f, 1900.0f}) {
        for (float t : {0.0f, 0.05f, 1.0f, 37.26f}) {
            const float reading = steppedClock(t, x, false);
            CHECK(reading <= t + 1e-4f);
            CHECK(reading > t - 1.0f / kAnimationSteps - 1e-4f);
        }
    }
    // Between two frames a 60th of a second apart, a sixth of each sweep's columns reads anew: 200 of 1,200,
    // one or two runs of them across 1,920.
    std::vector<std::pair<float, float>> ranges;
    auto changedWidth = [&] {
        float changed = 0;
        for (const auto& [left, right] : ranges) changed += right - left;
        return changed;
    };
    changedColumns(5.0f, 5.0f + 1.0f / 60, false, 0, kAnimationSweep, ranges);
    CHECK(changedWidth() == doctest::Approx(kAnimationSweep * kAnimationSteps / 60).epsilon(0.01));
    ranges.clear();
    changedColumns(5.0f, 5.0f + 1.0f / 60, false, 0, 1920, ranges);
    CHECK(changedWidth() >= 199);
    CHECK(changedWidth() <= 401);
    // Exactly those columns: checked against the readings themselves, a column at a time.
    for (float x = 0.5f; x < 1920; x += 1) {
        const bool differs = steppedClock(5.0f, x, false) != steppedClock(5.0f + 1.0f / 60, x, false);
        bool listed = false;
        for (const auto& [left, right] : ranges) listed = listed || (x >= left - 0.01f && x < right + 0.01f);
        if (differs) CHECK(listed);
    }
    // Still, unchanged, back in time or a whole step on: nothing, nothing, everything, everything.
    ranges.clear();
    changedColumns(3, 4, true, 0, 1920, ranges);
    changedColumns(3, 3, false, 0, 1920, ranges);
    CHECK(ranges.empty());
    changedColumns(3, 2.9f, false, 0, 1920, ranges);
    CHECK(ranges == std::vector<std::pair<float, float>>{{0.0f, 1920.0f}});
    ranges.clear();
    changedColumns(3, 3.5f, false, 0, 1920, ranges);
    CHECK(ranges == std::vector<std::pair<float, float>>{{0.0f, 1920.0f}});
}
