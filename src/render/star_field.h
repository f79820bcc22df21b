// The stars of the night sky ("City of Stars"): a deterministic field scattered over the sky in logical
// pixels, the same for the same size at any pixel scale. Pure data; the scene renderer draws each star
// as a small instanced sprite, which costs far less than evaluating a star field at every pixel.
#pragma once

#include <vector>

namespace epilogue {

struct Star {
    float x = 0, y = 0;        // logical pixels
    float radius = 1;          // of the bright core
    float brightness = 1;      // 0..1
    float twinkleSpeed = 1;    // radians per second
    float twinklePhase = 0;    // radians
};

// Fills `stars` for a sky of the given logical size (reusing its storage).
void makeStarField(float width, float height, std::vector<Star>& stars);

}  // namespace epilogue
