// A jittered grid of stars in two layers: many faint small ones, and fewer, brighter, larger ones.
#include "render/star_field.h"

#include <cmath>
#include <cstdint>

namespace epilogue {

namespace {

// A small integer hash (lowbias32), mapped to [0, 1).
float hash01(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return static_cast<float>(x >> 8) / 16777216.0f;
}

float cellHash(int cx, int cy, std::uint32_t salt) {
    return hash01(static_cast<std::uint32_t>(cx) * 73856093U ^ static_cast<std::uint32_t>(cy) * 19349663U ^
                  salt * 83492791U);
}

void addLayer(float width, float height, float cell, float density, std::uint32_t salt, float maxRadius,
              std::vector<Star>& stars) {
    const int columns = static_cast<int>(std::ceil(width / cell));
    const int rows = static_cast<int>(std::ceil(height / cell));
    for (int cy = 0; cy < rows; ++cy) {
        for (int cx = 0; cx < columns; ++cx) {
            if (cellHash(cx, cy, salt) > density) continue;
            Star star;
            star.x = (static_cast<float>(cx) + 0.15f + 0.7f * cellHash(cx, cy, salt + 1)) * cell;
            star.y = (static_cast<float>(cy) + 0.15f + 0.7f * cellHash(cx, cy, salt + 2)) * cell;
            if (star.x > width || star.y > height) continue;  // the last cells reach past the edges
            star.radius = 0.45f + (maxRadius - 0.45f) * std::pow(cellHash(cx, cy, salt + 3), 4.0f);
            star.brightness = 0.25f + 0.75f * std::pow(cellHash(cx, cy, salt + 4), 2.0f);
            star.twinkleSpeed = 0.35f + 1.1f * cellHash(cx, cy, salt + 5);
            star.twinklePhase = 6.2831853f * cellHash(cx, cy, salt + 6);
            stars.push_back(star);
        }
    }
}

}  // namespace

void makeStarField(float width, float height, std::vector<Star>& stars) {
    stars.clear();
    addLayer(width, height, 23.0f, 0.30f, 11, 1.5f, stars);
    addLayer(width, height, 61.0f, 0.55f, 29, 1.9f, stars);
}

}  // namespace epilogue
