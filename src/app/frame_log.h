// --frame-log: the window's start-up steps and every frame it draws, printed on standard output as they
// happen, so that a program outside (epilogue-bench) can measure what a user waits for: launch to the
// first frame, the interval between frames while dragging, the window's peak memory. Times are milliseconds
// on the system's monotonic clock, which every process shares. No SDL, GL or ImGui.
//
//   step main 1234.500        a start-up step and when it was reached (main, story, window, renderer, ...)
//   frame 1300.250 1317.000 81920   a frame: when its drawing began, when it was presented, and how many of its
//                                    pixels it drew (the others kept the last frame's)
//   peak_kb 183424            on exit: the most resident memory the process had
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace epilogue {

// Now, in milliseconds on CLOCK_MONOTONIC (std::chrono::steady_clock).
double monotonicMilliseconds();

// A memory figure of this process from /proc/self/status ("VmHWM", "VmRSS"), in kilobytes; 0 when it
// cannot be read.
long memoryStatusKilobytes(std::string_view field);
// The process's peak resident memory (VmHWM), in kilobytes.
inline long peakResidentKilobytes() { return memoryStatusKilobytes("VmHWM"); }

// Writes the log's lines to `out` (nullptr: writes nothing), each flushed at once.
class FrameLog {
public:
    explicit FrameLog(std::FILE* out = nullptr) : out_(out) {}
    bool enabled() const { return out_ != nullptr; }
    void step(const char* name, double at);
    void frame(double began, double presented, long long pixels);
    void finish();  // the peak_kb line

private:
    std::FILE* out_;
};

// A log read back. Lines it does not know are skipped (a log may be cut short by the process's end).
struct FrameLogRecord {
    std::vector<std::pair<std::string, double>> steps;  // in the order reached
    std::vector<std::pair<double, double>> frames;      // began, presented
    std::vector<long long> framePixels;                 // per frame: the pixels it drew (-1: not logged)
    long peakKilobytes = -1;                            // -1: no peak_kb line

    // When `name` was reached; negative when it was not.
    double stepAt(std::string_view name) const;
};
FrameLogRecord parseFrameLog(std::string_view text);

}  // namespace epilogue
