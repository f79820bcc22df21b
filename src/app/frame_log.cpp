// --frame-log's lines, written and read back (see frame_log.h).
#include "app/frame_log.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace epilogue {

double monotonicMilliseconds() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

long memoryStatusKilobytes(std::string_view field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.size() > field.size() && line.compare(0, field.size(), field) == 0 && line[field.size()] == ':') {
            return std::atol(line.c_str() + field.size() + 1);
        }
    }
    return 0;
}

void FrameLog::step(const char* name, double at) {
    if (!out_) return;
    std::fprintf(out_, "step %s %.3f\n", name, at);
    std::fflush(out_);
}

void FrameLog::frame(double began, double presented, long long pixels) {
    if (!out_) return;
    std::fprintf(out_, "frame %.3f %.3f %lld\n", began, presented, pixels);
    std::fflush(out_);
}

void FrameLog::finish() {
    if (!out_) return;
    std::fprintf(out_, "peak_kb %ld\n", peakResidentKilobytes());
    std::fflush(out_);
}

double FrameLogRecord::stepAt(std::string_view name) const {
    for (const auto& [step, at] : steps) {
        if (step == name) return at;
    }
    return -1;
}

FrameLogRecord parseFrameLog(std::string_view text) {
    FrameLogRecord record;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (end == std::string_view::npos) break;  // a line cut short
        const std::string line(text.substr(0, end));
        text.remove_prefix(end + 1);
        char name[64];
        double first = 0, second = 0;
        long kilobytes = 0;
        long long pixels = -1;
        if (std::sscanf(line.c_str(), "step %63s %lf", name, &first) == 2) {
            record.steps.emplace_back(name, first);
        } else if (std::sscanf(line.c_str(), "frame %lf %lf %lld", &first, &second, &pixels) >= 2) {
            record.frames.emplace_back(first, second);
            record.framePixels.push_back(pixels);
        } else if (std::sscanf(line.c_str(), "peak_kb %ld", &kilobytes) == 1) {
            record.peakKilobytes = kilobytes;
        }
    }
    return record;
}

}  // namespace epilogue
