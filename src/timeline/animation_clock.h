// The clock the sky's twinkle and the dream's shimmer run on, read in steps: each column of the frame takes a
// new reading kAnimationSteps times a second, and the columns take theirs in turn, a sweep of
// kAnimationSweep logical pixels per step. So between two frames the animation changes only the band of
// columns whose reading changed (a sixth of a 1,200-pixel sweep at 60 frames a second), and a frame redraws
// that band, not the whole sky. The motions are slow (in a step a star's twinkle changes by at most 6% of its
// full light, a travelling dot moves half a pixel), so the steps do not show. shaders/star.frag and ribbon.frag read the clock the same way
// (stars at their centre's column), and so does the vector picture. Pure: no GL.
#pragma once

#include <cmath>
#include <utility>
#include <vector>

namespace epilogue {

inline constexpr float kAnimationSteps = 10.0f;    // readings a second in each column
inline constexpr float kAnimationSweep = 1200.0f;  // logical pixels between columns that read at once

// The reading at logical column `x` of a clock at `time` seconds; 0 for a still clock (reduced motion).
inline float steppedClock(float time, float x, bool still) {
    if (still) return 0.0f;
    const float offset = x / kAnimationSweep;
    return (std::floor(time * kAnimationSteps + offset) - offset) / kAnimationSteps;
}

// The columns within [left, right) whose reading differs between a clock at `before` and at `now`, as
// ranges [x0, x1) of logical pixels appended to `ranges`; the whole span when the clock went back or moved a
// whole step or more. Nothing when the clock is still.
void changedColumns(float before, float now, bool still, float left, float right,
                    std::vector<std::pair<float, float>>& ranges);

}  // namespace epilogue
