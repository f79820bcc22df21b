// epilogue-bench: what Epilogue costs, headless, with figures anyone can reproduce.
//
//   epilogue-bench [STORY.json ...]            the La La Land story and generated stories of 1,000,
//                                              10,000 and 100,000 events (and Japanese twins of those
//                                              up to 10,000), or the stories given
//   epilogue-bench --generate N [-o FILE]      write a synthetic story (deterministic, seeded; --japanese
//                                              for one in Japanese)
//
// For each story: load + validate time (the median of several fresh processes, as a first load is what
// a user waits for) and peak memory, the first frame (load and the first frame drawn, in a fresh process
// with its window and fonts already set up, so nothing is shaped or rasterised yet), layout time for the whole
// story and a zoomed view, per-frame costs while the playhead scrubs across the whole story at three
// zoom levels (Epilogue's own CPU work, GL submission, and the whole frame through glFinish), and what a
// 1080p screenshot costs. The generated stories in Japanese (kana and kanji: every label a fallback font's,
// shaped) are listed beside their English twins. Timings live here, never in the tests.
//
// The "window" section launches the program itself in a real window (needs an X display: run the bench
// under xvfb-run -a -s "-screen 0 1920x1080x24") and reports the time from launch to its first frame, its
// peak memory, and the frame interval while xdotool drags the playhead across the 10,000-event story
// (window_figures.h).
//
// The "png" section encodes one real frame (La La Land's, or the first story's) in memory, several times:
// with the encoder the program uses and with the one it used before (stb_image_write at level 5, filter 0),
// and on several threads as --frames does. `--png-only` measures that section alone.
#include "app/child_process.h"
#include "app/frame.h"
#include "app/frame_log.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
#include "app/screenshot_writer.h"
#include "app/view_report.h"
#include "bench/sample_spread.h"
#include "bench/window_figures.h"
#include "story/story_generator.h"
#include "story/story_loader.h"

#include <CLI/CLI.hpp>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace epilogue {
namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct ZoomFigures {
    const char* name;
    double share;  // of the story's span shown
    Spread cpu, submit, whole;
    double redrawnShare = 0;  // of the frame's pixels, the share a frame drew again (median)
};

struct StoryFigures {
    std::string name;
    std::size_t events = 0, lanes = 0;
    std::string twinOf;    // a generated Japanese story: the name of the English story of the same shape
    double loadMs = 0;     // median over the load runs
    double firstFrameMs = 0, firstFrameMinMs = 0, firstFrameMaxMs = 0;  // load + first frame, fresh processes
    double loadMinMs = 0, loadMaxMs = 0;
    long peakKilobytes = 0;
    double layoutWholeMs = 0, layoutZoomedMs = 0;
    std::array<ZoomFigures, 3> zooms{{{"whole", 1.0, {}, {}, {}}, {"10%", 0.1, {}, {}, {}}, {"1%", 0.01, {}, {}, {}}}};
    double readbackMs = 0, sidecarMs = 0, encodeMs = 0;
};

// One encoder on one frame: the median of several encodes into memory, and the file's size.
struct PngEncoderFigures {
    const char* name;
    double medianMs = 0, minMs = 0, maxMs = 0;
    std::size_t bytes = 0;
};

struct PngFigures {
    int width = 0, height = 0, runs = 0;
    std::string story;
    std::vector<PngEncoderFigures> encoders;
    int threads = 0, sequenceFrames = 0;
    double framesPerSecondOneThread = 0, framesPerSecondThreads = 0;  // encoding a sequence of the frame
};

void appendBytes(void* context, void* data, int size) {
    auto* png = static_cast<std::vector<std::uint8_t>*>(context);
    png->insert(png->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
}

// The encoder Epilogue used before libspng, with the settings it had.
bool encodeWithStb(const std::vector<std::uint8_t>& rgba, int width, int height, std::vector<std::uint8_t>& png) {
    png.clear();
    stbi_write_png_compression_level = 5;
    stbi_write_force_png_filter = 0;
    return stbi_write_png_to_func(appendBytes, &png, width, height, 4, rgba.data(), width * 4) != 0;
}

template <typename Encode>
bool timeEncoder(PngEncoderFigures& figures, int runs, Encode encode) {
    std::vector<double> samples;
    std::vector<std::uint8_t> png;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        if (!encode(png)) return false;
        samples.push_back(millisecondsSince(start));
    }
    const Spread spread = spreadOf(samples);
    figures.medianMs = spread.median;
    figures.minMs = spread.min;
    figures.maxMs = spread.max;
    figures.bytes = png.size();
    return true;
}

// Frames a second encoding `frames` copies of one frame on `threads` threads, as --frames does.
double encodeSequence(const std::vector<std::uint8_t>& rgba, int width, int height, int frames, int threads) {
    std::atomic<int> next{0};
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            std::vector<std::uint8_t> png;
            std::string error;
            while (next++ < frames) encodePng(rgba.data(), width, height, png, error);
        });
    }
    for (std::thread& worker : workers) worker.join();
    return frames / (millisecondsSince(start) / 1000.0);
}

bool measurePng(const std::vector<std::uint8_t>& rgba, int width, int height, int runs, PngFigures& figures) {
    figures.width = width;
    figures.height = height;
    figures.runs = runs;
    std::string error;
    PngEncoderFigures now{"libspng, zlib level 1, no filter (now)"};
    PngEncoderFigures before{"stb_image_write, level 5, filter 0 (before)"};
    if (!timeEncoder(now, runs, [&](std::vector<std::uint8_t>& png) { return encodePng(rgba.data(), width, height, png, error); }) ||
        !timeEncoder(before, runs, [&](std::vector<std::uint8_t>& png) { return encodeWithStb(rgba, width, height, png); })) {
        std::fprintf(stderr, "epilogue-bench: PNG encoding failed: %s\n", error.c_str());
        return false;
    }
    figures.encoders = {now, before};
    figures.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 2u, 8u));
    figures.sequenceFrames = 4 * figures.threads;
    figures.framesPerSecondOneThread = encodeSequence(rgba, width, height, figures.sequenceFrames, 1);
    figures.framesPerSecondThreads = encodeSequence(rgba, width, height, figures.sequenceFrames, figures.threads);
    return true;
}

void printPngTable(const PngFigures& f) {
    std::printf("\npng: a %dx%d frame of %s encoded in memory, median of %d (min-max)\n\n", f.width, f.height,
                f.story.c_str(), f.runs);
    for (const PngEncoderFigures& e : f.encoders) {
        std::printf("%-46s %7.1f ms (%6.1f-%6.1f) %9zu bytes\n", e.name, e.medianMs, e.minMs, e.maxMs, e.bytes);
    }
    std::printf("a sequence of %d such frames (libspng): %.1f frames/s on 1 thread, %.1f on %d threads\n",
                f.sequenceFrames, f.framesPerSecondOneThread, f.framesPerSecondThreads, f.threads);
}

void printPngJson(const PngFigures& f) {
    std::printf("\"png\": {\"width\": %d, \"height\": %d, \"story\": \"%s\", \"runs\": %d, \"encoders\": [", f.width,
                f.height, f.story.c_str(), f.runs);
    for (std::size_t i = 0; i < f.encoders.size(); ++i) {
        const PngEncoderFigures& e = f.encoders[i];
        std::printf("%s{\"encoder\": \"%s\", \"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f, \"bytes\": %zu}",
                    i ? ", " : "", e.name, e.medianMs, e.minMs, e.maxMs, e.bytes);
    }
    std::printf("], \"sequence_frames\": %d, \"threads\": %d, \"frames_per_second_one_thread\": %.2f, "
                "\"frames_per_second_threads\": %.2f}",
                f.sequenceFrames, f.threads, f.framesPerSecondOneThread, f.framesPerSecondThreads);
}

// Runs epilogue-bench again with `arguments` (no shell: a name starting with '-' or holding quotes is one
// argument) and gives what it printed; false, having said why, when it could not run or did not succeed.
// `what` names the measurement for the message.
bool runMeasuringChild(const std::string& self, std::vector<std::string> arguments, const char* what, std::string& output) {
    SpawnRequest request;
    request.arguments = std::move(arguments);
    request.arguments.insert(request.arguments.begin(), self);
    request.pipeOutput = true;
    ChildProcess child;
    std::string error;
    if (!spawnProcess(request, child, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return false;
    }
    const bool complete = readAll(child.output, output);
    const ExitStatus status = waitForProcess(child);
    if (!status.success()) {
        std::fprintf(stderr, "epilogue-bench: measuring %s: %s %s\n", what, self.c_str(), describeExitStatus(status).c_str());
        return false;
    }
    return complete;
}

// Loads in a fresh process, so that its peak memory is the load's own: epilogue-bench --measure-load=FILE
// (one argument, so that a name starting with '-' is not read as an option).
bool measureLoadInChild(const std::string& self, const std::string& path, double& milliseconds, long& kilobytes) {
    std::string output;
    return runMeasuringChild(self, {"--measure-load=" + path}, "the load", output) &&
           std::sscanf(output.c_str(), "%lf %ld", &milliseconds, &kilobytes) == 2;
}

// Empty when a generated story of `bytes` bytes can be loaded, else why not: --generate writes nothing the
// loader refuses. `estimated`: the size is extrapolated from a sample of the story, not measured, and is
// refused only when 2% over (the sample's bytes per event differ a little from the whole story's).
std::string storyTooLargeProblem(int events, double bytes, bool estimated) {
    const std::size_t limit = StoryLoadOptions{}.maxBytes;
    if ((estimated ? bytes * 0.98 : bytes) <= static_cast<double>(limit)) return {};
    // Events that fit, with a margin (ids grow longer as events are added), to two significant digits.
    const double fit = static_cast<double>(events) * static_cast<double>(limit) / bytes * 0.97;
    const double unit = std::pow(10.0, std::floor(std::log10(std::max(fit, 1.0))) - 1);
    char message[320];
    std::snprintf(message, sizeof message,
                  "a story of %d events would be %s%.0f MB, over the limit of %zu MiB that every command loads; "
                  "about %.0f events fit",
                  events, estimated ? "about " : "", bytes / 1e6, limit >> 20, std::max(1.0, std::floor(fit / unit) * unit));
    return message;
}

int writeGeneratedStory(const StoryGeneratorOptions& options, const std::string& output) {
    // A large story is first sized from a sample, so that one far over the limit is refused at once.
    if (options.events > 20000) {
        StoryGeneratorOptions sample = options;
        sample.events = 20000;
        const double bytesPerEvent = static_cast<double>(generateStory(sample).size()) / sample.events;
        const std::string problem = storyTooLargeProblem(options.events, bytesPerEvent * options.events, true);
        if (!problem.empty()) {
            std::fprintf(stderr, "epilogue-bench: %s\n", problem.c_str());
            return 1;
        }
    }
    const std::string text = generateStory(options);
    if (const std::string problem = storyTooLargeProblem(options.events, static_cast<double>(text.size()), false);
        !problem.empty()) {
        std::fprintf(stderr, "epilogue-bench: %s\n", problem.c_str());
        return 1;
    }
    if (output.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    std::ofstream file(output, std::ios::binary | std::ios::trunc);
    if (!(file << text) || !file.flush()) {
        std::fprintf(stderr, "epilogue-bench: %s: cannot write\n", output.c_str());
        return 1;
    }
    return 0;
}

// Loads and draws the first frame in a fresh process (--first-frame=FILE), printing the milliseconds from
// the load's start to the frame drawn (the window, GL and fonts are set up before, as they are before a
// story is opened; no story text has been shaped or rasterised).
bool measureFirstFrameInChild(const std::string& self, const std::string& path, int width, int height,
                              double& milliseconds) {
    std::string output;
    return runMeasuringChild(self, {"--width", std::to_string(width), "--height", std::to_string(height), "--first-frame=" + path},
                             "the first frame", output) &&
           std::sscanf(output.c_str(), "%lf", &milliseconds) == 1;
}

int measureFirstFrame(const std::string& path, int width, int height) {
    PlatformWindow window;
    std::string error;
    FrameComposer composer;
    if (!window.open({true, width, height, "epilogue-bench"}, error) || !composer.initialize(1.0f, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return 1;
    }
    const auto start = Clock::now();
    const StoryLoadResult loaded = loadStoryFile(path);
    if (!loaded.ok()) {
        for (const StoryError& problem : loaded.errors) std::fprintf(stderr, "%s\n", problem.toString().c_str());
        return 1;
    }
    const FrameSize size{static_cast<float>(width), static_cast<float>(height), 1.0f};
    ViewState state;
    state.view = fitStory(loaded.story, screenLayout(size.logicalWidth, size.logicalHeight, true).canvas,
                          composer.style().laneHeaderWidth);
    UiRequests requests;
    if (!composer.draw(window, loaded.story, state, size, 0, 1.0f / 60, FrameOptions{}, requests, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return 1;
    }
    composer.target().waitUntilDrawn();
    std::printf("%.3f\n", millisecondsSince(start));
    return 0;
}

int measureLoad(const std::string& path) {
    const auto start = Clock::now();
    const StoryLoadResult loaded = loadStoryFile(path);
    const double milliseconds = millisecondsSince(start);
    if (!loaded.ok()) {
        for (const StoryError& error : loaded.errors) std::fprintf(stderr, "%s\n", error.toString().c_str());
        return 1;
    }
    std::printf("%.3f %ld\n", milliseconds, peakResidentKilobytes());
    return 0;
}

double timeLayout(const Story& story, TimelineView view, int repeats) {
    TimelineLayout layout;
    layoutTimeline(story, view, LayoutStyle{}, layout);  // warm the buffers
    const auto start = Clock::now();
    for (int i = 0; i < repeats; ++i) layoutTimeline(story, view, LayoutStyle{}, layout);
    return millisecondsSince(start) / repeats;
}

bool measureFrames(const Story& story, PlatformWindow& window, FrameComposer& composer, int width, int height,
                   int frames, StoryFigures& figures, std::vector<std::uint8_t>& screenshotPixels) {
    const FrameSize size{static_cast<float>(width), static_cast<float>(height), 1.0f};
    const Rect canvas = screenLayout(size.logicalWidth, size.logicalHeight, true).canvas;
    const double span = std::max(story.endTime - story.startTime, 1e-9);
    std::string error;
    for (ZoomFigures& zoom : figures.zooms) {
        std::vector<double> cpu, submit, whole, redrawn;
        ViewState state;
        state.view = fitStory(story, canvas, composer.style().laneHeaderWidth);
        const double visible = (state.view.endTime - state.view.startTime) * zoom.share;
        for (int frame = -10; frame < frames; ++frame) {  // ten frames of warm-up
            const double progress = frame < 0 ? 0.0 : static_cast<double>(frame) / std::max(frames - 1, 1);
            state.playheadTime = story.startTime + span * progress;
            if (zoom.share < 1) {  // zoomed in, the view follows the playhead
                state.view.startTime = state.playheadTime - visible / 2;
                state.view.endTime = state.playheadTime + visible / 2;
            }
            const auto start = Clock::now();
            UiRequests requests;
            FrameOptions options;
            options.onlyWhatChanged = true;  // as the window draws its frames
            if (!composer.draw(window, story, state, size, static_cast<float>(frame) / 60.0f, 1.0f / 60, options,
                               requests, error)) {
                std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
                return false;
            }
            const FrameTimings& t = composer.timings();
            composer.target().waitUntilDrawn();
            const double wholeMs = millisecondsSince(start);
            if (frame >= 0) {
                cpu.push_back(t.plan + t.uiBuild);
                submit.push_back(t.sceneSubmit + t.uiSubmit);
                whole.push_back(wholeMs);
                redrawn.push_back(static_cast<double>(composer.drawnPixels()) / (static_cast<double>(width) * height));
            }
        }
        zoom.cpu = spreadOf(cpu);
        zoom.submit = spreadOf(submit);
        zoom.whole = spreadOf(whole);
        zoom.redrawnShare = spreadOf(redrawn).median;
    }

    // A screenshot of the last frame, as the window takes one (F12).
    ViewState state;
    state.view = fitStory(story, canvas, composer.style().laneHeaderWidth);
    UiRequests requests;
    if (!composer.draw(window, story, state, size, 0, 1.0f / 60, FrameOptions{}, requests, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return false;
    }
    composer.target().waitUntilDrawn();
    auto start = Clock::now();
    ScreenshotJob job;
    composer.target().readPixels(job.rgba);
    figures.readbackMs = millisecondsSince(start);
    start = Clock::now();
    job.sidecar = describeView(story, state, composer.plan(), StoryFile{}).dump(2);
    figures.sidecarMs = millisecondsSince(start);
    job.width = composer.target().width();
    job.height = composer.target().height();
    char directory[] = "/tmp/epilogue-bench-XXXXXX";
    job.directory = ::mkdtemp(directory);
    job.takenAt = std::time(nullptr);
    start = Clock::now();
    const ScreenshotResult written = writeScreenshot(job);
    figures.encodeMs = millisecondsSince(start);
    std::error_code ignored;
    fs::remove_all(job.directory, ignored);
    if (!written.ok) std::fprintf(stderr, "epilogue-bench: %s\n", written.error.c_str());
    screenshotPixels = std::move(job.rgba);
    return true;
}

void printTable(const std::vector<StoryFigures>& results, int width, int height, int frames, const char* renderer) {
    std::printf("epilogue-bench: %dx%d, renderer %s, %d frames per zoom level scrubbing the whole story\n\n", width,
                height, renderer, frames);
    std::printf("%-22s %8s %6s %22s %9s %24s %12s %12s\n", "story", "events", "lanes", "load ms (min-max)", "peak MB",
                "first frame ms (min-max)", "layout whole", "layout 1%");
    for (const StoryFigures& f : results) {
        std::printf("%-22s %8zu %6zu %8.1f (%5.1f-%5.1f) %9.1f %8.1f (%6.1f-%6.1f) %9.3f ms %9.3f ms\n", f.name.c_str(),
                    f.events, f.lanes, f.loadMs, f.loadMinMs, f.loadMaxMs, static_cast<double>(f.peakKilobytes) / 1024.0,
                    f.firstFrameMs, f.firstFrameMinMs, f.firstFrameMaxMs, f.layoutWholeMs, f.layoutZoomedMs);
    }
    std::printf("\nper frame while scrubbing, median / p99 in ms: frame CPU (Epilogue's own work: layout, labels,\n"
                "panels), GL submit (commands and the driver's share), whole frame (through glFinish), each frame\n"
                "drawn as the window draws it, only where it changed: the share of its pixels drawn again (median)\n\n");
    std::printf("%-22s %6s | %17s | %17s | %17s | %8s\n", "story", "zoom", "frame CPU", "GL submit", "whole frame",
                "redrawn");
    for (const StoryFigures& f : results) {
        for (const ZoomFigures& z : f.zooms) {
            std::printf("%-22s %6s | %7.3f / %7.3f | %7.3f / %7.3f | %7.2f / %7.2f | %7.0f%%\n", f.name.c_str(), z.name,
                        z.cpu.median, z.cpu.p99, z.submit.median, z.submit.p99, z.whole.median, z.whole.p99,
                        z.redrawnShare * 100);
        }
    }
    bool twins = false;
    for (const StoryFigures& f : results) twins = twins || !f.twinOf.empty();
    if (twins) {
        std::printf("\nthe same generated stories in English and in Japanese, in ms: load (median), first frame (load\n"
                    "and the first frame drawn, in a fresh process; median), frame CPU median / p99 with the whole\n"
                    "story in view and scrubbing at 1%% zoom (every frame meets labels not seen before)\n\n");
        std::printf("%-26s %8s %8s %12s | %17s | %17s\n", "story", "events", "load", "first frame", "CPU whole",
                    "CPU 1% zoom");
        auto row = [](const StoryFigures& f) {
            std::printf("%-26s %8zu %8.1f %12.1f | %7.3f / %7.3f | %7.3f / %7.3f\n", f.name.c_str(), f.events, f.loadMs,
                        f.firstFrameMs, f.zooms[0].cpu.median, f.zooms[0].cpu.p99, f.zooms[2].cpu.median,
                        f.zooms[2].cpu.p99);
        };
        for (const StoryFigures& japanese : results) {
            for (const StoryFigures& english : results) {
                if (japanese.twinOf.empty() || english.name != japanese.twinOf) continue;
                row(english);
                row(japanese);
                std::printf("%-26s first frame %+.0f%% of the English one's\n", "",
                            english.firstFrameMs > 0 ? (japanese.firstFrameMs / english.firstFrameMs - 1) * 100 : 0.0);
            }
        }
    }
    std::printf("\nscreenshot of a %dx%d frame, in ms (the render thread waits for readback and sidecar only)\n\n", width,
                height);
    for (const StoryFigures& f : results) {
        std::printf("%-22s readback %6.2f + sidecar %6.2f | PNG encode and write %7.1f (screenshot thread)\n",
                    f.name.c_str(), f.readbackMs, f.sidecarMs, f.encodeMs);
    }
}

// The whole story in view, drawn once and read back: the frame the "png" section encodes.
bool renderWholeStory(const Story& story, PlatformWindow& window, FrameComposer& composer, int width, int height,
                      std::vector<std::uint8_t>& pixels) {
    const FrameSize size{static_cast<float>(width), static_cast<float>(height), 1.0f};
    ViewState state;
    state.view = fitStory(story, screenLayout(size.logicalWidth, size.logicalHeight, true).canvas,
                          composer.style().laneHeaderWidth);
    std::string error;
    for (int frame = 0; frame < 2; ++frame) {  // the first lets ImGui settle its windows
        UiRequests requests;
        if (!composer.draw(window, story, state, size, 0, 1.0f / 60, FrameOptions{}, requests, error)) {
            std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
            return false;
        }
    }
    composer.target().readPixels(pixels);
    return true;
}

void printJson(const std::vector<StoryFigures>& results, int width, int height, int frames, const char* renderer,
               const PngFigures& png, const WindowFigures& windowFigures) {
    std::printf("{\"renderer\": \"%s\", \"width\": %d, \"height\": %d, \"frames\": %d, \"stories\": [", renderer, width,
                height, frames);
    for (std::size_t i = 0; i < results.size(); ++i) {
        const StoryFigures& f = results[i];
        std::printf("%s{\"story\": \"%s\", ", i ? ", " : "", f.name.c_str());
        if (!f.twinOf.empty()) std::printf("\"japanese_twin_of\": \"%s\", ", f.twinOf.c_str());
        std::printf("\"events\": %zu, \"lanes\": %zu, \"load_ms\": %.3f, \"load_min_ms\": %.3f, "
                    "\"load_max_ms\": %.3f, \"peak_mb\": %.1f, \"first_frame_ms\": %.3f, \"first_frame_min_ms\": %.3f, "
                    "\"first_frame_max_ms\": %.3f, \"layout_whole_ms\": %.4f, \"layout_zoomed_ms\": %.4f, \"zoom\": [",
                    f.events, f.lanes, f.loadMs, f.loadMinMs, f.loadMaxMs, static_cast<double>(f.peakKilobytes) / 1024.0,
                    f.firstFrameMs, f.firstFrameMinMs, f.firstFrameMaxMs, f.layoutWholeMs, f.layoutZoomedMs);
        for (std::size_t z = 0; z < f.zooms.size(); ++z) {
            const ZoomFigures& zoom = f.zooms[z];
            std::printf("%s{\"view\": \"%s\", \"frame_cpu_ms\": {\"median\": %.4f, \"p99\": %.4f}, \"gl_submit_ms\": "
                        "{\"median\": %.4f, \"p99\": %.4f}, \"whole_frame_ms\": {\"median\": %.4f, \"p99\": %.4f}, "
                        "\"redrawn_share\": %.4f}",
                        z ? ", " : "", zoom.name, zoom.cpu.median, zoom.cpu.p99, zoom.submit.median, zoom.submit.p99,
                        zoom.whole.median, zoom.whole.p99, zoom.redrawnShare);
        }
        std::printf("], \"frame_cpu_ms\": {\"median\": %.4f, \"p99\": %.4f}, \"capture_ms\": {\"readback\": %.3f, "
                    "\"sidecar\": %.3f, \"png_encode_and_write\": %.3f}}",
                    f.zooms[0].cpu.median, f.zooms[0].cpu.p99, f.readbackMs, f.sidecarMs, f.encodeMs);
    }
    std::printf("], ");
    printWindowJson(windowFigures);
    std::printf(", ");
    printPngJson(png);
    std::printf("}\n");
}

}  // namespace
}  // namespace epilogue

int main(int argc, char** argv) {
    using namespace epilogue;
    std::vector<std::string> stories;
    std::vector<int> sizes{1000, 10000, 100000};
    int width = 1920, height = 1080, frames = 200, generate = 0, lanes = 6, loadRuns = 7, pngRuns = 9;
    int japaneseUpTo = 10000, firstFrameRuns = 3, windowLaunches = 5, dragEvents = 10000;
    unsigned long long seed = 1;
    std::string output, measureLoadPath, firstFramePath;
    bool json = false, pngOnly = false, japanese = false;
    CLI::App app{"epilogue-bench: what Epilogue costs, headless", "epilogue-bench"};
    app.add_option("stories", stories, "Story files to measure (default: La La Land and generated stories)");
    app.add_option("--sizes", sizes, "Event counts of the generated stories measured by default")->delimiter(',');
    app.add_option("--frames", frames, "Frames timed per zoom level")->check(CLI::Range(10, 100000));
    app.add_option("--load-runs", loadRuns, "Fresh processes timed loading each story (the median is reported)")
        ->check(CLI::Range(1, 101));
    app.add_option("--first-frame-runs", firstFrameRuns,
                   "Fresh processes timed loading each story and drawing its first frame (the median is reported)")
        ->check(CLI::Range(1, 101));
    app.add_option("--japanese-up-to", japaneseUpTo,
                   "Also measure a Japanese twin of each generated story of at most this many events (0: none)")
        ->check(CLI::Range(0, 10000000));
    app.add_option("--window-launches", windowLaunches,
                   "Launches of the program in a real window, timed to its first frame (0: no window section)")
        ->check(CLI::Range(0, 101));
    app.add_option("--drag-events", dragEvents,
                   "The generated story (of those measured) whose playhead is dragged in the window")
        ->check(CLI::Range(1, 10000000));
    app.add_option("--width", width, "Frame width in pixels")->check(CLI::Range(64, 8192));
    app.add_option("--height", height, "Frame height in pixels")->check(CLI::Range(64, 8192));
    app.add_flag("--json", json, "Print the figures as JSON");
    app.add_option("--png-runs", pngRuns, "Times each PNG encoder encodes the frame (the median is reported)")
        ->check(CLI::Range(1, 101));
    app.add_flag("--png-only", pngOnly, "Measure PNG encoding alone, on a frame of the first story");
    app.add_option("--generate", generate,
                   "Write a synthetic story of N events and exit (refused, writing nothing, past the loader's size limit)")->check(CLI::Range(1, 10000000));
    app.add_option("--lanes", lanes, "Lanes of a generated story")->check(CLI::Range(1, 64));
    app.add_option("--seed", seed, "Seed of a generated story");
    app.add_flag("--japanese", japanese, "Write the generated story in Japanese (kana and kanji)");
    app.add_option("-o,--output", output, "Where --generate writes (default: standard output)");
    app.add_option("--measure-load", measureLoadPath, "Internal: load FILE and print milliseconds and peak KB")
        ->group("");
    app.add_option("--first-frame", firstFramePath, "Internal: load FILE, draw its first frame and print milliseconds")
        ->group("");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (!measureLoadPath.empty()) return measureLoad(measureLoadPath);
    if (!firstFramePath.empty()) return measureFirstFrame(firstFramePath, width, height);
    const GeneratedLanguage language = japanese ? GeneratedLanguage::Japanese : GeneratedLanguage::English;
    if (generate > 0) return writeGeneratedStory({generate, lanes, seed, language}, output);

    // The stories: the given ones, or La La Land and generated ones in a temporary directory.
    char scratch[] = "/tmp/epilogue-bench-stories-XXXXXX";
    const std::string scratchDirectory = stories.empty() ? ::mkdtemp(scratch) : "";
    std::vector<std::string> twinOf;  // of each story: the English story a Japanese one is the twin of
    if (stories.empty()) {
        stories.push_back(EPILOGUE_DEFAULT_STORY);
        for (int events : pngOnly ? std::vector<int>{} : sizes) {  // --png-only needs La La Land alone
            const std::string name = "generated-" + std::to_string(events) + ".json";
            std::ofstream(scratchDirectory + "/" + name, std::ios::binary) << generateStory({events, lanes, seed});
            stories.push_back(scratchDirectory + "/" + name);
            if (events > japaneseUpTo) continue;
            const std::string path = scratchDirectory + "/generated-ja-" + std::to_string(events) + ".json";
            std::ofstream(path, std::ios::binary)
                << generateStory({events, lanes, seed, GeneratedLanguage::Japanese});
            stories.push_back(path);
            twinOf.resize(stories.size());
            twinOf.back() = name;
        }
    }
    twinOf.resize(stories.size());
    std::error_code ignored;
    const std::string self = fs::read_symlink("/proc/self/exe", ignored).string();

    PlatformWindow window;
    std::string error;
    FrameComposer composer;
    if (!window.open({true, width, height, "epilogue-bench"}, error) || !composer.initialize(1.0f, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return 1;
    }
    const std::string rendererText = rendererName();
    const char* renderer = rendererText.c_str();
    PngFigures png;
    png.story = fs::path(stories.front()).filename().string();
    std::vector<std::uint8_t> pngPixels;
    if (pngOnly) {
        const StoryLoadResult loaded = loadStoryFile(stories.front());
        if (!loaded.ok() || !renderWholeStory(loaded.story, window, composer, width, height, pngPixels) ||
            !measurePng(pngPixels, composer.target().width(), composer.target().height(), pngRuns, png)) {
            return 1;
        }
        if (!scratchDirectory.empty()) fs::remove_all(scratchDirectory, ignored);
        if (json) {
            std::printf("{");
            printPngJson(png);
            std::printf("}\n");
        } else {
            printPngTable(png);
        }
        return 0;
    }
    std::vector<StoryFigures> results;
    WindowMeasurement drag;
    for (std::size_t s = 0; s < stories.size(); ++s) {
        const std::string& path = stories[s];
        StoryFigures figures;
        figures.name = fs::path(path).filename().string();
        figures.twinOf = twinOf[s];
        std::vector<double> loads;
        for (int run = 0; run < loadRuns; ++run) {
            double milliseconds = 0;
            long kilobytes = 0;
            if (!measureLoadInChild(self, path, milliseconds, kilobytes)) {
                std::fprintf(stderr, "epilogue-bench: %s: could not be loaded\n", path.c_str());
                return 1;
            }
            loads.push_back(milliseconds);
            figures.peakKilobytes = std::max(figures.peakKilobytes, kilobytes);
        }
        const Spread load = spreadOf(loads);
        figures.loadMs = load.median;
        figures.loadMinMs = load.min;
        figures.loadMaxMs = load.max;
        std::vector<double> firstFrames;
        for (int run = 0; run < firstFrameRuns; ++run) {
            double milliseconds = 0;
            if (!measureFirstFrameInChild(self, path, width, height, milliseconds)) {
                std::fprintf(stderr, "epilogue-bench: %s: its first frame could not be drawn\n", path.c_str());
                return 1;
            }
            firstFrames.push_back(milliseconds);
        }
        const Spread firstFrame = spreadOf(firstFrames);
        figures.firstFrameMs = firstFrame.median;
        figures.firstFrameMinMs = firstFrame.min;
        figures.firstFrameMaxMs = firstFrame.max;
        const StoryLoadResult loaded = loadStoryFile(path);
        if (!loaded.ok()) return 1;
        const Story& story = loaded.story;
        figures.events = story.events.size();
        figures.lanes = story.lanes.size();
        const Rect canvas = screenLayout(static_cast<float>(width), static_cast<float>(height), true).canvas;
        TimelineView view = fitStory(story, canvas, composer.style().laneHeaderWidth);
        figures.layoutWholeMs = timeLayout(story, view, 50);
        const double middle = (view.startTime + view.endTime) / 2, visible = (view.endTime - view.startTime) * 0.01;
        view.startTime = middle - visible / 2;
        view.endTime = middle + visible / 2;
        figures.layoutZoomedMs = timeLayout(story, view, 200);
        std::vector<std::uint8_t> screenshotPixels;
        if (!measureFrames(story, window, composer, width, height, frames, figures, screenshotPixels)) return 1;
        if (results.empty()) pngPixels = std::move(screenshotPixels);
        // The window's drag runs on the story of --drag-events events (else the last one), along the ruler
        // of the plan just drawn at the window's size.
        if (figures.twinOf.empty() && (drag.dragStory.empty() || drag.dragEvents != static_cast<std::size_t>(dragEvents))) {
            const Rect& ruler = composer.plan().layout.ruler;
            drag.dragStory = path;
            drag.dragEvents = figures.events;
            drag.rulerY = ruler.y + ruler.height / 2;
            drag.dragFromX = ruler.x + ruler.width * 0.1f;
            drag.dragToX = ruler.x + ruler.width * 0.9f;
        }
        results.push_back(figures);
    }
    WindowFigures windowFigures;
    windowFigures.notMeasured = "--window-launches 0";
    if (windowLaunches > 0) {
        WindowMeasurement measurement = drag;
        measurement.program = EPILOGUE_PROGRAM;
        measurement.story = stories.front();
        measurement.width = width;
        measurement.height = height;
        measurement.launches = windowLaunches;
        windowFigures = measureWindow(measurement);
    }
    if (!scratchDirectory.empty()) fs::remove_all(scratchDirectory, ignored);
    if (!measurePng(pngPixels, width, height, pngRuns, png)) return 1;
    if (json) {
        printJson(results, width, height, frames, renderer, png, windowFigures);
    } else {
        printTable(results, width, height, frames, renderer);
        printWindowTable(windowFigures);
        printPngTable(png);
    }
    return 0;
}
