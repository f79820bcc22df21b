// The colours and widths of each kind of lane, shared by the scene renderer and the canvas labels so
// that text matches the ribbon it names. Plain data, no GL.
#pragma once

#include "story/story.h"

namespace epilogue {

struct Colour {
    float r, g, b;
};

struct LanePalette {
    Colour core;   // the ribbon's body
    Colour hot;    // its bright centre line
    Colour glow;   // the light around it
    Colour node;   // its event nodes
    Colour label;  // text naming its events
    float coreHalfWidth;
    float glowWidth;
    int pattern;   // 0 solid, 1 shimmering with travelling dots
};

// What happened: warm gold, streetlight and Mia's yellow dress.
inline constexpr LanePalette kRealPalette{{1.00f, 0.76f, 0.34f}, {1.00f, 0.95f, 0.78f}, {1.00f, 0.55f, 0.16f},
                                          {1.00f, 0.80f, 0.42f}, {1.00f, 0.86f, 0.60f}, 3.2f, 9.0f, 0};
// What if: violet-blue, the colour of the dream sequences.
inline constexpr LanePalette kDreamPalette{{0.56f, 0.56f, 1.00f}, {0.86f, 0.88f, 1.00f}, {0.50f, 0.34f, 1.00f},
                                           {0.64f, 0.64f, 1.00f}, {0.78f, 0.78f, 1.00f}, 3.0f, 11.0f, 1};

inline const LanePalette& lanePalette(LaneKind kind) { return kind == LaneKind::Dream ? kDreamPalette : kRealPalette; }

}  // namespace epilogue
