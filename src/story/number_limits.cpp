// The limits on numbers that enter the program (see number_limits.h).
#include "story/number_limits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace epilogue {

std::string formatNumber(double value) {
    if (std::isnan(value)) return "nan";
    if (std::isinf(value)) return value < 0 ? "-inf" : "inf";
    char text[32];
    for (int precision = 6; precision <= 17; ++precision) {
        std::snprintf(text, sizeof text, "%.*g", precision, value);
        if (std::strtod(text, nullptr) == value) break;
    }
    return text;
}

std::string checkRange(double value, double min, double max) {
    if (std::isnan(value)) return "is nan, not a number";
    if (value >= min && value <= max) return "";
    return "is " + formatNumber(value) + "; it must be from " + formatNumber(min) + " to " + formatNumber(max);
}

std::string checkStoryTime(double time) { return checkRange(time, -limits::kMaxStoryTime, limits::kMaxStoryTime); }

double minimumStorySpan(double start, double end) {
    return limits::kMinStorySpanRatio * std::max({1.0, std::abs(start), std::abs(end)});
}

std::string checkStorySpan(double start, double end) {
    if (!checkStoryTime(start).empty() || !checkStoryTime(end).empty() || !(start <= end)) {
        return "the times are out of range";
    }
    const double span = end - start;
    if (span == 0 || span >= minimumStorySpan(start, end)) return "";
    return "the times span only " + formatNumber(span) + " (from " + formatNumber(start) + " to " + formatNumber(end) +
           "); they must all be equal or span at least " + formatNumber(minimumStorySpan(start, end)) +
           " (a millionth of the largest time, or of 1) to be told apart";
}

std::string checkViewTime(double time) { return checkRange(time, -limits::kMaxViewTime, limits::kMaxViewTime); }

double minimumViewSpan(double start, double end) {
    return limits::kMinViewSpanRatio * std::max({1.0, std::abs(start), std::abs(end)});
}

std::string checkViewRange(double start, double end) {
    std::string problem = checkViewTime(start);
    if (!problem.empty()) return "the start " + problem;
    problem = checkViewTime(end);
    if (!problem.empty()) return "the end " + problem;
    if (!(start < end)) return "starts at " + formatNumber(start) + ", not before its end " + formatNumber(end);
    if (end - start < minimumViewSpan(start, end)) {
        return "spans only " + formatNumber(end - start) + "; at times of this size it must span at least " +
               formatNumber(minimumViewSpan(start, end));
    }
    return "";
}

std::string checkLogicalSize(double pixels) {
    std::string problem = checkRange(pixels, limits::kMinLogicalSize, limits::kMaxLogicalSize);
    if (problem.empty() && pixels != std::floor(pixels)) problem = "is " + formatNumber(pixels) + ", not a whole number";
    return problem;
}

std::string checkScale(double scale) { return checkRange(scale, limits::kMinScale, limits::kMaxScale); }

std::string checkImageSize(double width, double height, double scale) {
    for (const double side : {width, height}) {
        std::string problem = checkLogicalSize(side);
        if (!problem.empty()) return "a side " + problem;
    }
    std::string problem = checkScale(scale);
    if (!problem.empty()) return "the scale " + problem;
    const double pixelWidth = std::round(width * scale), pixelHeight = std::round(height * scale);
    if (pixelWidth > limits::kMaxImageSide || pixelHeight > limits::kMaxImageSide) {
        return formatNumber(width) + "x" + formatNumber(height) + " at scale " + formatNumber(scale) + " makes an image of " +
               formatNumber(pixelWidth) + "x" + formatNumber(pixelHeight) + " pixels; each side must be at most " +
               std::to_string(limits::kMaxImageSide);
    }
    return "";
}

std::string checkSpeed(double speed) { return checkRange(speed, limits::kMinSpeed, limits::kMaxSpeed); }
std::string checkFps(double fps) { return checkRange(fps, limits::kMinFps, limits::kMaxFps); }
std::string checkDuration(double seconds) { return checkRange(seconds, limits::kMinDuration, limits::kMaxDuration); }
std::string checkAnimationTime(double seconds) { return checkRange(seconds, 0, limits::kMaxAnimationTime); }

}  // namespace epilogue
