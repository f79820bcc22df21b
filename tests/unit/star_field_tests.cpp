// Tier 1 (pure logic): the star field is the same for the same size, fills the sky evenly, and stays
// inside it.
#include "render/star_field.h"

#include <doctest/doctest.h>

using namespace epilogue;

TEST_CASE("the star field is deterministic, inside the sky, and evenly spread") {
    std::vector<Star> first, second;
    makeStarField(1280, 720, first);
    makeStarField(1280, 720, second);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].x == second[i].x);
        CHECK(first[i].y == second[i].y);
    }
    // Roughly one star per 1,300 square pixels: enough to twinkle, few enough to stay a backdrop.
    CHECK(first.size() > 500);
    CHECK(first.size() < 1100);
    int quadrants[4] = {0, 0, 0, 0};
    for (const Star& star : first) {
        CHECK(star.x >= 0);
        CHECK(star.x <= 1280);
        CHECK(star.y >= 0);
        CHECK(star.y <= 720);
        CHECK(star.brightness > 0);
        CHECK(star.brightness <= 1);
        quadrants[(star.x < 640 ? 0 : 1) + (star.y < 360 ? 0 : 2)]++;
    }
    for (int count : quadrants) CHECK(count > static_cast<int>(first.size()) / 6);
}
