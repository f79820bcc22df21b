// epilogue-bench's summary of timed samples: median, 99th percentile, fastest and slowest.
#pragma once

#include <algorithm>
#include <vector>

namespace epilogue {

struct Spread {
    double median = 0, p99 = 0, min = 0, max = 0;
};

// All zero for no samples.
inline Spread spreadOf(std::vector<double> samples) {
    Spread spread;
    if (samples.empty()) return spread;
    std::sort(samples.begin(), samples.end());
    spread.median = samples[samples.size() / 2];
    spread.p99 = samples[std::min(samples.size() - 1, samples.size() * 99 / 100)];
    spread.min = samples.front();
    spread.max = samples.back();
    return spread;
}

}  // namespace epilogue
