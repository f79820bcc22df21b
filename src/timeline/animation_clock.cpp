// Which columns the stepped animation clock changed between two frames.
#include "timeline/animation_clock.h"

#include <algorithm>

namespace epilogue {

void changedColumns(float before, float now, bool still, float left, float right,
                    std::vector<std::pair<float, float>>& ranges) {
    if (still || now == before || !(left < right)) return;
    const float a = before * kAnimationSteps, b = now * kAnimationSteps;
    if (b < a || b - a >= 1.0f) {
        ranges.emplace_back(left, right);
        return;
    }
    // Column x reads anew when a whole step lies in (a + u, b + u], u = x / sweep: when frac(a + u) >= 1 - (b - a),
    // that is for u in [k + 1 - (b - a) - a, k + 1 - a) for each whole k.
    const double d = b - a;
    const double first = std::floor(static_cast<double>(a) + left / kAnimationSweep) - 1;
    for (double k = first;; ++k) {
        const double x0 = (k + 1 - d - a) * kAnimationSweep, x1 = (k + 1 - a) * kAnimationSweep;
        if (x0 >= right) break;
        if (x1 <= left) continue;
        ranges.emplace_back(std::max(left, static_cast<float>(x0)), std::min(right, static_cast<float>(x1)));
    }
}

}  // namespace epilogue
