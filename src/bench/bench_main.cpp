// epilogue-bench: prints what a frame of Epilogue costs, headless, so anyone can reproduce the figures.
// For each story it times frames while the playhead scrubs across the whole story: the CPU work of a
// frame (layout, draw-list building, GL submission) and the whole frame including the GPU (glFinish).
// Timings live here, never in the tests.
#include "app/frame.h"
#include "app/platform_window.h"
#include "app/screenshot_writer.h"
#include "app/view_report.h"
#include "render/gl.h"
#include "story/story_loader.h"
#include "ui/canvas_labels.h"

#include <CLI/CLI.hpp>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

namespace epilogue {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Summary {
    double median = 0, p99 = 0;
};

Summary summarise(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    Summary summary;
    if (samples.empty()) return summary;
    summary.median = samples[samples.size() / 2];
    summary.p99 = samples[std::min(samples.size() - 1, static_cast<std::size_t>(static_cast<double>(samples.size()) * 0.99))];
    return summary;
}

struct CaptureFigures {
    double readbackMs = 0;  // glReadPixels and the row flip: what a capture costs the render thread
    double sidecarMs = 0;   // describing the view as JSON, also on the render thread
    double encodeMs = 0;    // PNG encoding and writing, on the screenshot thread
};

struct FrameFigures {
    std::string story;
    std::size_t events = 0;
    double loadMs = 0;
    Summary cpu;     // Epilogue's own work: layout, labels and panels (ImGui draw lists)
    Summary submit;  // building and submitting GL commands, including the driver's share
    Summary whole;   // the whole frame, through glFinish
    CaptureFigures capture;
};

// Times one screenshot of the frame just drawn, as the window takes it (F12).
CaptureFigures measureCapture(const Story& story, const ViewState& state, FrameComposer& composer, int width,
                              int height) {
    CaptureFigures figures;
    glFinish();
    auto start = Clock::now();
    ScreenshotJob job;
    composer.target().readPixels(job.rgba);
    figures.readbackMs = millisecondsSince(start);
    start = Clock::now();
    ReportContext report;
    report.logicalWidth = static_cast<float>(width);
    report.logicalHeight = static_cast<float>(height);
    job.sidecar = describeView(story, state, composer.layout(), report).dump(2);
    figures.sidecarMs = millisecondsSince(start);
    job.width = composer.target().width();
    job.height = composer.target().height();
    char directory[] = "/tmp/epilogue-bench-XXXXXX";
    job.directory = mkdtemp(directory);
    job.takenAt = std::time(nullptr);
    start = Clock::now();
    const ScreenshotResult result = writeScreenshot(job);
    figures.encodeMs = millisecondsSince(start);
    std::error_code ignored;
    std::filesystem::remove_all(job.directory, ignored);
    if (!result.ok) std::fprintf(stderr, "epilogue-bench: %s\n", result.error.c_str());
    return figures;
}

bool measureStory(const std::string& path, PlatformWindow& window, FrameComposer& composer, int width, int height,
                  int frames, FrameFigures& figures) {
    const auto loadStart = Clock::now();
    StoryLoadResult loaded = loadStoryFile(path);
    figures.loadMs = millisecondsSince(loadStart);
    if (!loaded.ok()) {
        for (const StoryError& error : loaded.errors) std::fprintf(stderr, "%s\n", error.toString().c_str());
        return false;
    }
    const Story& story = loaded.story;
    figures.story = path.substr(path.find_last_of('/') + 1);
    figures.events = story.events.size();
    ViewState state;
    const FrameSize size{static_cast<float>(width), static_cast<float>(height), 1.0f};
    state.view = fitStory(story, screenLayout(size.logicalWidth, size.logicalHeight, true).canvas, kLaneHeaderWidth);
    std::vector<double> cpu, submit, whole;
    std::string error;
    for (int frame = -10; frame < frames; ++frame) {  // ten frames of warm-up
        const double progress = frame < 0 ? 0.0 : static_cast<double>(frame) / std::max(frames - 1, 1);
        state.playheadTime = story.startTime + (story.endTime - story.startTime) * progress;
        const auto start = Clock::now();
        window.beginUiFrame(size.logicalWidth, size.logicalHeight, 1.0f, 1.0f / 60);
        UiRequests requests;
        if (!composer.render(story, state, size, static_cast<float>(frame) / 60.0f, FrameOptions{}, requests, error)) {
            std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
            return false;
        }
        const FrameTimings& t = composer.timings();
        glFinish();
        const double wholeMs = millisecondsSince(start);
        if (frame >= 0) {
            cpu.push_back(t.layout + t.uiBuild);
            submit.push_back(t.sceneSubmit + t.uiSubmit);
            whole.push_back(wholeMs);
        }
    }
    figures.capture = measureCapture(story, state, composer, width, height);
    figures.cpu = summarise(cpu);
    figures.submit = summarise(submit);
    figures.whole = summarise(whole);
    return true;
}

}  // namespace
}  // namespace epilogue

int main(int argc, char** argv) {
    using namespace epilogue;
    std::vector<std::string> stories;
    int width = 1920, height = 1080, frames = 300;
    bool json = false;
    CLI::App app{"epilogue-bench: what a frame of Epilogue costs, headless", "epilogue-bench"};
    app.add_option("stories", stories, "Story files to measure (default: the bundled La La Land story)");
    app.add_option("--frames", frames, "Frames to time per story while scrubbing")->check(CLI::Range(10, 100000));
    app.add_option("--width", width, "Frame width in pixels")->check(CLI::Range(64, 8192));
    app.add_option("--height", height, "Frame height in pixels")->check(CLI::Range(64, 8192));
    app.add_flag("--json", json, "Print the figures as JSON");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (stories.empty()) stories.push_back(EPILOGUE_DEFAULT_STORY);

    PlatformWindow window;
    std::string error;
    FrameComposer composer;
    if (!window.open({true, width, height, "epilogue-bench"}, error) || !composer.initialize(1.0f, error)) {
        std::fprintf(stderr, "epilogue-bench: %s\n", error.c_str());
        return 1;
    }
    const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    std::vector<FrameFigures> results;
    for (const std::string& path : stories) {
        FrameFigures figures;
        if (!measureStory(path, window, composer, width, height, frames, figures)) return 1;
        results.push_back(figures);
    }
    if (json) {
        std::printf("{\"renderer\": \"%s\", \"width\": %d, \"height\": %d, \"frames\": %d, \"stories\": [", renderer, width,
                    height, frames);
        for (std::size_t i = 0; i < results.size(); ++i) {
            const FrameFigures& f = results[i];
            std::printf("%s{\"story\": \"%s\", \"events\": %zu, \"load_ms\": %.3f, \"frame_cpu_ms\": {\"median\": %.4f, "
                        "\"p99\": %.4f}, \"gl_submit_ms\": {\"median\": %.4f, \"p99\": %.4f}, "
                        "\"whole_frame_ms\": {\"median\": %.4f, \"p99\": %.4f}, \"capture_ms\": {\"readback\": %.3f, "
                        "\"sidecar\": %.3f, \"png_encode_and_write\": %.3f}}",
                        i ? ", " : "", f.story.c_str(), f.events, f.loadMs, f.cpu.median, f.cpu.p99, f.submit.median,
                        f.submit.p99, f.whole.median, f.whole.p99, f.capture.readbackMs, f.capture.sidecarMs,
                        f.capture.encodeMs);
        }
        std::printf("]}\n");
        return 0;
    }
    std::printf("epilogue-bench: %dx%d, %d frames scrubbing the playhead across each story, renderer %s\n\n", width,
                height, frames, renderer);
    std::printf("frame CPU: Epilogue's own work per frame (layout, labels, panels)\n"
                "GL submit: building and submitting GL commands, with the driver's share (llvmpipe does vertex work here)\n"
                "whole frame: everything through glFinish, rasterisation included\n\n");
    std::printf("%-20s %7s %9s | %-17s | %-17s | %-17s\n", "", "", "", "frame CPU (ms)", "GL submit (ms)",
                "whole frame (ms)");
    std::printf("%-20s %7s %9s | %8s %8s | %8s %8s | %8s %8s\n", "story", "events", "load ms", "median", "p99",
                "median", "p99", "median", "p99");
    for (const FrameFigures& f : results) {
        std::printf("%-20s %7zu %9.2f | %8.3f %8.3f | %8.3f %8.3f | %8.2f %8.2f\n", f.story.c_str(), f.events, f.loadMs,
                    f.cpu.median, f.cpu.p99, f.submit.median, f.submit.p99, f.whole.median, f.whole.p99);
    }
    std::printf("\nscreenshot of a %dx%d frame (ms): render thread blocked for readback + sidecar; PNG on its own "
                "thread\n",
                width, height);
    for (const FrameFigures& f : results) {
        std::printf("%-20s readback %.2f + sidecar %.2f = %.2f blocked | PNG encode and write %.1f\n", f.story.c_str(),
                    f.capture.readbackMs, f.capture.sidecarMs, f.capture.readbackMs + f.capture.sidecarMs,
                    f.capture.encodeMs);
    }
    return 0;
}
