// The limits on every number that enters the program, and the checks that apply them: story times and
// spans, view ranges and playheads, sizes, scales, playback speed, frame rates, durations and the
// animation clock. The command line, sidecars (--restore), preferences and the story loader all check
// with these, so that what one of them accepts the others accept too, and what --validate accepts every
// command renders. Each check returns "" when the value is good, else what is wrong with it, worded to
// follow the name of the value ("--scale: is 0; it must be from 0.5 to 8"). No SDL, GL or ImGui.
#pragma once

#include <cstddef>

#include <string>

namespace epilogue {

namespace limits {

// Story times (event times, era starts and ends), in the story's own unit. A trillion holds any unit a
// story is likely to use (seconds over 30,000 years, or years since long before the Big Bang), and keeps
// every sum and difference the view makes of times finite in a double, and every pixel position finite in
// a float. Times of 9e307 passed once, and their span overflowed to infinity in the transport's slider.
inline constexpr double kMaxStoryTime = 1e12;
// The length of a story's texts, in bytes of UTF-8. A name (a title, an id, an era's name, a speaker) is
// shown on one line; a text (a summary, the characters' words, commentary) in a panel. Beyond these, text
// is no longer readable where it is shown, and Dear ImGui draws at most 16,384 characters in one call (its
// 16-bit vertex indices): a title of 17 MB once aborted the window.
inline constexpr std::size_t kMaxNameBytes = 1000;
inline constexpr std::size_t kMaxTextBytes = 10000;
// A story's time unit is written after every time on the ruler and in the panels: a word or two.
inline constexpr std::size_t kMaxTimeUnitBytes = 40;
// A tour a story file defines: at most this many stops, each held at most this many seconds.
inline constexpr std::size_t kMaxTourStops = 1000;
inline constexpr double kMaxTourStopSeconds = 600;
// A story's times either all share one time (a span of 0), or spread over at least this share of their
// largest magnitude (and at least this much in absolute terms, for a story near 0): kMinStorySpanRatio ×
// max(1, |largest time|). The view zooms in to 1/2000 of the span, over up to 16384 pixels; at this
// ratio a pixel is still over a hundred representable doubles wide there, so the time/pixel mapping, the
// zoom animation (which settles within 1e-4 of its target span) and scrubbing stay exact to the pixel.
// Narrower spreads drew every event as one mark, or off the canvas.
inline constexpr double kMinStorySpanRatio = 1e-6;

// Times that name a place in a view (the playhead, --time, --from, --to, the ends of --range and of a
// sidecar's view): wider than story times, since a view has margins, can be zoomed out and panned, and a
// small canvas fits the story with very wide margins.
inline constexpr double kMaxViewTime = 1e15;
// A visible range spans at least kMinViewSpanRatio × max(1, |its farthest end|): the deepest zoom of the
// narrowest story (1/2000 of kMinStorySpanRatio) is allowed, nothing finer.
inline constexpr double kMinViewSpanRatio = 1e-10;

// Window and image sizes in logical pixels, each side.
inline constexpr int kMinLogicalSize = 16;
inline constexpr int kMaxLogicalSize = 16384;
// Pixels per logical pixel (--scale, HiDPI). Under 0.5 the fonts are too small to rasterise.
inline constexpr double kMinScale = 0.5;
inline constexpr double kMaxScale = 8;
// Image pixels on each side (logical size × scale): the largest texture the renderer makes.
inline constexpr int kMaxImageSide = 16384;

// Playback speed, as the transport's view commands clamp it (1: the whole story in a minute).
inline constexpr double kMinSpeed = 0.05;
inline constexpr double kMaxSpeed = 20;
// --fps and --duration of frame sequences and videos.
inline constexpr double kMinFps = 1;
inline constexpr double kMaxFps = 240;
inline constexpr double kMinDuration = 0.01;
inline constexpr double kMaxDuration = 3600;
// The animation clock that drives twinkle and shimmer, in seconds (a float in the shaders: beyond a
// million seconds its steps show).
inline constexpr double kMaxAnimationTime = 1e6;

}  // namespace limits

// "" when `value` is finite and within [min, max], else "is nan, not a number" or "is 0; it must be from
// 0.5 to 8".
std::string checkRange(double value, double min, double max);

// Story times and a story's spread (start and end: its earliest and latest time).
std::string checkStoryTime(double time);
double minimumStorySpan(double start, double end);
std::string checkStorySpan(double start, double end);

// A playhead or another single view time, and a visible range (start before end, wide enough).
std::string checkViewTime(double time);
double minimumViewSpan(double start, double end);
std::string checkViewRange(double start, double end);

// One side of a window or image in logical pixels (a whole number), the scale, and the image they make.
std::string checkLogicalSize(double pixels);
std::string checkScale(double scale);
std::string checkImageSize(double width, double height, double scale);

std::string checkSpeed(double speed);
std::string checkFps(double fps);
std::string checkDuration(double seconds);
std::string checkAnimationTime(double seconds);

// A number as the messages write it: the shortest form that reads back as the same double.
std::string formatNumber(double value);

}  // namespace epilogue
