// epilogue-bench's "window" section (see window_figures.h): launches of the real program, read through its
// --frame-log, and a drag sent with xdotool.
#include "bench/window_figures.h"

#include "bench/sample_spread.h"

#include "app/child_process.h"
#include "app/frame_log.h"

#include <nlohmann/json.hpp>

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <utility>

namespace epilogue {
namespace {

namespace fs = std::filesystem;

// One running window: its log as read so far. Ending it (SIGTERM, which SDL turns into a quit) lets it
// print its peak memory.
class RunningWindow {
public:
    RunningWindow(const WindowMeasurement& m, const std::string& story, const std::string& settingsDirectory,
                  bool reducedMotion = false) {
        SpawnRequest request;
        request.arguments = {m.program, story, "--size", std::to_string(m.width) + "x" + std::to_string(m.height),
                             "--frame-log"};
        if (reducedMotion) request.arguments.push_back("--reduced-motion");
        request.environment = {"XDG_CONFIG_HOME=" + settingsDirectory + "/config",
                               "XDG_STATE_HOME=" + settingsDirectory + "/state"};
        request.pipeOutput = true;
        request.pipeError = true;
        launchedAt_ = monotonicMilliseconds();
        started_ = spawnProcess(request, child_, error_);
        if (started_) errors_ = std::make_unique<OutputTail>(std::exchange(child_.error, -1));
    }
    ~RunningWindow() { end(); }
    RunningWindow(const RunningWindow&) = delete;
    RunningWindow& operator=(const RunningWindow&) = delete;

    bool started() const { return started_; }
    pid_t pid() const { return child_.pid; }
    double launchedAt() const { return launchedAt_; }
    const std::string& log() const { return log_; }

    // Reads the log until it holds `frames` frames (true), the window ends, or `seconds` pass.
    bool waitForFrames(std::size_t frames, double seconds) {
        const double until = monotonicMilliseconds() + seconds * 1000;
        while (parseFrameLog(log_).frames.size() < frames) {
            const double left = until - monotonicMilliseconds();
            if (left <= 0 || readFor(left) == Read::Ended) return false;
        }
        return true;
    }

    // Reads until no frame has come for `quietMs` (the sky has stilled itself), or `seconds` pass.
    bool waitUntilIdle(double quietMs, double seconds) {
        const double until = monotonicMilliseconds() + seconds * 1000;
        while (monotonicMilliseconds() < until) {
            const Read read = readFor(quietMs);
            if (read == Read::Quiet) return true;
            if (read == Read::Ended) return false;
        }
        return false;
    }

    // Ends the window (SIGKILL if it has not ended 20 s later) and reads the rest of its log; false, with
    // why, when it had failed.
    bool end() {
        if (!started_ || ended_) return ended_ && status_.success();
        ended_ = true;
        ::kill(child_.pid, SIGTERM);
        const double until = monotonicMilliseconds() + 20000;
        for (Read read = Read::Data; read != Read::Ended;) {
            read = readFor(until - monotonicMilliseconds());
            if (read == Read::Quiet && monotonicMilliseconds() >= until) ::kill(child_.pid, SIGKILL);
        }
        status_ = waitForProcess(child_);
        const std::vector<std::string> lines = errors_->finish(3);
        if (!status_.success()) {
            error_ = "epilogue " + describeExitStatus(status_);
            for (const std::string& line : lines) error_ += "; " + line;
        }
        return status_.success();
    }

    std::string error() const { return error_; }

private:
    enum class Read { Data, Quiet, Ended };

    // Reads what the window writes within `milliseconds`: Data when something came, Quiet when nothing did,
    // Ended at the end of its output.
    Read readFor(double milliseconds) {
        if (child_.output < 0) return Read::Ended;
        pollfd wait{child_.output, POLLIN, 0};
        const int ready = ::poll(&wait, 1, static_cast<int>(std::max(0.0, milliseconds)));
        if (ready == 0) return Read::Quiet;
        char buffer[4096];
        const ssize_t got = ready < 0 ? -1 : ::read(child_.output, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) return Read::Data;
        if (got <= 0) {
            ::close(child_.output);
            child_.output = -1;
            return Read::Ended;
        }
        log_.append(buffer, static_cast<std::size_t>(got));
        return Read::Data;
    }

    ChildProcess child_;
    std::unique_ptr<OutputTail> errors_;
    bool started_ = false, ended_ = false;
    ExitStatus status_;
    double launchedAt_ = 0;
    std::string log_, error_;
};

// Runs xdotool with `arguments`, giving what it printed; false, with why, when it failed.
bool runXdotool(std::vector<std::string> arguments, std::string& output, std::string& error) {
    SpawnRequest request;
    request.arguments = std::move(arguments);
    request.arguments.insert(request.arguments.begin(), "xdotool");
    request.pipeOutput = true;
    request.pipeError = true;
    // xdotool is not Epilogue's: a preload meant for its programs (the sanitizer tests') stays with them.
    request.environment = {"LD_PRELOAD="};
    ChildProcess child;
    if (!spawnProcess(request, child, error)) return false;
    OutputTail errors(std::exchange(child.error, -1));
    readAll(child.output, output);
    const ExitStatus status = waitForProcess(child);
    const std::vector<std::string> lines = errors.finish(2);
    if (status.success()) return true;
    error = "xdotool " + describeExitStatus(status);
    for (const std::string& line : lines) error += "; " + line;
    return false;
}

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// One drag; false, with figures.notDragged saying why, when it could not be measured.
bool measureDrag(const WindowMeasurement& m, const std::string& settings, bool reducedMotion, WindowFigures& figures) {
    RunningWindow window(m, m.dragStory, settings, reducedMotion);
    if (!window.started() || !window.waitForFrames(1, 60) || !window.waitUntilIdle(500, 30)) {
        window.end();
        figures.notDragged = "the window did not draw and settle: " + window.error();
        return false;
    }
    // The pointer presses on the ruler and moves along it, a move every 4 ms (faster than frames come, so the
    // window is never waiting for input), then lets go.
    std::vector<std::string> arguments{"search", "--sync", "--onlyvisible", "--all", "--pid",
                                       std::to_string(window.pid()), "--name", "^Epilogue", "mousemove", "--window", "%1", format("%.0f", m.dragFromX),
                                       format("%.0f", m.rulerY), "mousedown", "1"};
    for (int move = 1; move <= m.moves; ++move) {
        const double x = m.dragFromX + static_cast<double>(m.dragToX - m.dragFromX) * move / m.moves;
        for (std::string argument : {std::string("mousemove"), std::string("--window"), std::string("%1"),
                                     format("%.0f", x), format("%.0f", m.rulerY), std::string("sleep"),
                                     std::string("0.004")}) {
            arguments.push_back(std::move(argument));
        }
    }
    arguments.insert(arguments.end(), {"mouseup", "1"});
    std::string printed, error;
    const double began = monotonicMilliseconds();
    const bool sent = runXdotool(arguments, printed, error);
    const double ended = monotonicMilliseconds();
    if (!window.end() || !sent) {
        figures.notDragged = sent ? window.error() : error;
        return false;
    }
    const FrameLogRecord record = parseFrameLog(window.log());
    std::vector<double> intervals, draws, redrawn;
    double previous = -1;
    const double windowPixels = static_cast<double>(m.width) * m.height;
    for (std::size_t i = 0; i < record.frames.size(); ++i) {
        const auto& [start, presented] = record.frames[i];
        if (start < began || presented > ended) continue;
        if (previous >= 0) intervals.push_back(presented - previous);
        draws.push_back(presented - start);
        if (record.framePixels[i] >= 0) redrawn.push_back(static_cast<double>(record.framePixels[i]) / windowPixels);
        previous = presented;
    }
    if (intervals.size() < 2) {
        figures.notDragged = "the window drew " + std::to_string(draws.size()) + " frames during the drag";
        return false;
    }
    const Spread interval = spreadOf(intervals), draw = spreadOf(draws);
    WindowDrag drag;
    drag.reducedMotion = reducedMotion;
    drag.story = fs::path(m.dragStory).filename().string();
    drag.events = m.dragEvents;
    drag.moves = m.moves;
    drag.pointerSeconds = (ended - began) / 1000;
    drag.frames = static_cast<int>(draws.size());
    drag.intervalMedianMs = interval.median;
    drag.intervalP99Ms = interval.p99;
    drag.intervalMaxMs = interval.max;
    drag.drawMedianMs = draw.median;
    drag.drawP99Ms = draw.p99;
    if (!redrawn.empty()) drag.redrawnShareMedian = spreadOf(redrawn).median;
    drag.peakMb = static_cast<double>(record.peakKilobytes) / 1024.0;
    figures.drags.push_back(drag);
    return true;
}

// A JSON string.
std::string quoted(const std::string& text) { return nlohmann::json(text).dump(); }

}  // namespace

WindowFigures measureWindow(const WindowMeasurement& m) {
    WindowFigures figures;
    figures.width = m.width;
    figures.height = m.height;
    figures.story = fs::path(m.story).filename().string();
    const char* display = std::getenv("DISPLAY");
    if (!display || !*display) {
        figures.notMeasured = "no X display: run under xvfb-run -a -s \"-screen 0 1920x1080x24\"";
        return figures;
    }
    char directory[] = "/tmp/epilogue-bench-window-XXXXXX";
    if (!::mkdtemp(directory)) {
        figures.notMeasured = "no temporary directory for the window's settings";
        return figures;
    }
    const std::string settings = directory;

    // Launches: the first warms the disk's and Mesa's shader caches, as any launch after a user's first has.
    std::vector<std::vector<double>> stepTimes(6);
    std::vector<double> peaks;
    const char* stepNames[] = {"main", "story", "window", "renderer", "first frame drawn", "first frame presented"};
    for (int launch = -1; launch < m.launches; ++launch) {
        RunningWindow window(m, m.story, settings);
        const bool drew = window.started() && window.waitForFrames(1, 60);
        if (!window.end() || !drew) {
            figures.notMeasured = window.error().empty() ? "the window drew no frame within a minute" : window.error();
            fs::remove_all(settings);
            return figures;
        }
        if (launch < 0) continue;
        const FrameLogRecord record = parseFrameLog(window.log());
        for (std::size_t step = 0; step < 4; ++step) {
            stepTimes[step].push_back(record.stepAt(stepNames[step]) - window.launchedAt());
        }
        stepTimes[4].push_back(record.frames.front().first - window.launchedAt());  // its drawing began
        stepTimes[5].push_back(record.frames.front().second - window.launchedAt());
        peaks.push_back(static_cast<double>(record.peakKilobytes) / 1024.0);
    }
    for (std::size_t step = 0; step < stepTimes.size(); ++step) {
        const Spread spread = spreadOf(stepTimes[step]);
        figures.steps.push_back({stepNames[step], spread.median, spread.min, spread.max});
    }
    figures.steps[4].name = "first frame begun";
    figures.peakMbMedian = spreadOf(peaks).median;
    figures.launches = m.launches;
    figures.measured = true;

    std::string geometry, problem;
    int displayWidth = 0, displayHeight = 0;
    if (!runXdotool({"getdisplaygeometry"}, geometry, problem)) {
        figures.notDragged = "xdotool is needed to drag (" + problem + ")";
    } else if (std::sscanf(geometry.c_str(), "%d %d", &displayWidth, &displayHeight) != 2 || displayWidth < m.width ||
               displayHeight < m.height) {
        figures.notDragged = "the display (" + geometry.substr(0, geometry.find('\n')) + ") is smaller than the " +
                             std::to_string(m.width) + "x" + std::to_string(m.height) + " window";
    } else if (measureDrag(m, settings, false, figures)) {
        measureDrag(m, settings, true, figures);
    }
    fs::remove_all(settings);
    return figures;
}

void printWindowTable(const WindowFigures& f) {
    if (!f.measured) {
        std::printf("\nwindow: not measured (%s)\n", f.notMeasured.c_str());
        return;
    }
    std::printf("\nwindow: %s launched %d times in a %dx%d window (epilogue --frame-log), ms from the launch,\n"
                "median (min-max)\n\n",
                f.story.c_str(), f.launches, f.width, f.height);
    for (const WindowStep& step : f.steps) {
        std::printf("%-24s %7.1f (%6.1f-%6.1f)\n", step.name.c_str(), step.medianMs, step.minMs, step.maxMs);
    }
    std::printf("window's peak memory after its first frame: %.1f MB (median)\n", f.peakMbMedian);
    for (const WindowDrag& d : f.drags) {
        std::printf("\ndrag%s: the playhead along the ruler of %s (%zu events), %d pointer moves in %.2f s (xdotool)\n"
                    "  %d frames presented: interval median %.1f ms, p99 %.1f, max %.1f (%.1f frames/s)\n"
                    "  a frame from the start of its drawing to its presentation: median %.1f ms, p99 %.1f\n"
                    "  a frame drew again %.0f%% of the window's pixels (median; the others kept the last frame's)\n"
                    "  the window's peak memory: %.1f MB\n",
                    d.reducedMotion ? " with --reduced-motion (no twinkle, no shimmer)" : "", d.story.c_str(), d.events,
                    d.moves, d.pointerSeconds, d.frames, d.intervalMedianMs, d.intervalP99Ms, d.intervalMaxMs,
                    d.intervalMedianMs > 0 ? 1000 / d.intervalMedianMs : 0.0, d.drawMedianMs, d.drawP99Ms,
                    d.redrawnShareMedian * 100, d.peakMb);
    }
    if (!f.notDragged.empty()) std::printf("drag: not measured (%s)\n", f.notDragged.c_str());
}

void printWindowJson(const WindowFigures& f) {
    std::printf("\"window\": {\"measured\": %s", f.measured ? "true" : "false");
    if (!f.measured) {
        std::printf(", \"not_measured\": %s}", quoted(f.notMeasured).c_str());
        return;
    }
    std::printf(", \"story\": %s, \"width\": %d, \"height\": %d, \"launches\": %d, \"from_launch_ms\": {",
                quoted(f.story).c_str(), f.width, f.height, f.launches);
    for (std::size_t i = 0; i < f.steps.size(); ++i) {
        const WindowStep& s = f.steps[i];
        std::printf("%s\"%s\": {\"median\": %.3f, \"min\": %.3f, \"max\": %.3f}", i ? ", " : "", s.name.c_str(),
                    s.medianMs, s.minMs, s.maxMs);
    }
    std::printf("}, \"peak_mb\": %.1f, \"drags\": [", f.peakMbMedian);
    for (std::size_t i = 0; i < f.drags.size(); ++i) {
        const WindowDrag& d = f.drags[i];
        std::printf("%s{\"reduced_motion\": %s, \"story\": %s, \"events\": %zu, \"moves\": %d, "
                    "\"pointer_seconds\": %.3f, \"frames\": %d, \"interval_ms\": {\"median\": %.3f, \"p99\": %.3f, "
                    "\"max\": %.3f}, \"draw_ms\": {\"median\": %.3f, \"p99\": %.3f}, \"redrawn_share\": %.4f, "
                    "\"peak_mb\": %.1f}",
                    i ? ", " : "", d.reducedMotion ? "true" : "false", quoted(d.story).c_str(), d.events, d.moves,
                    d.pointerSeconds, d.frames, d.intervalMedianMs, d.intervalP99Ms, d.intervalMaxMs, d.drawMedianMs,
                    d.drawP99Ms, d.redrawnShareMedian, d.peakMb);
    }
    std::printf("]");
    if (!f.notDragged.empty()) std::printf(", \"drag_not_measured\": %s", quoted(f.notDragged).c_str());
    std::printf("}");
}

}  // namespace epilogue
