// Headless screenshots and frame sequences.
#include "app/headless.h"

#include "app/atomic_file.h"
#include "app/frame.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
#include "app/view_report.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace epilogue {

namespace {

namespace fs = std::filesystem;

// Opens the offscreen context and a composer. Prints what went wrong otherwise.
bool startRenderer(const CommandLine& options, PlatformWindow& window, FrameComposer& composer) {
    std::string error;
    if (!window.open({true, options.width, options.height, "Epilogue"}, error) ||
        !composer.initialize(options.scale, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return false;
    }
    return true;
}

bool renderFrame(const CommandLine& options, const Story& story, ViewState& state, PlatformWindow& window,
                 FrameComposer& composer, float animationTime) {
    const FrameSize size{static_cast<float>(options.width), static_cast<float>(options.height), options.scale};
    UiRequests ignored;
    std::string error;
    FrameOptions frameOptions;
    frameOptions.panels = !options.noUi;
    if (!composer.draw(window, story, state, size, animationTime, 1.0f / 60, frameOptions, ignored, error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return false;
    }
    return true;
}

// The sidecar of the frame just drawn.
std::string sidecarFor(const Story& story, const std::string& storyPath, const ViewState& state,
                       const FrameComposer& composer) {
    return describeView(story, state, composer.plan(), storyFileFor(storyPath, story)).dump(2) + "\n";
}

std::atomic<bool> gStopRequested{false};
extern "C" void requestStop(int) { gStopRequested = true; }

// Encodes and writes frames on a second thread while the next ones render; at most a few wait in line.
class FrameEncoder {
public:
    FrameEncoder() : thread_([this] { run(); }) {}
    ~FrameEncoder() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closing_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    void push(std::string path, std::vector<std::uint8_t> rgba, int width, int height, bool overwrite) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return queue_.size() < 3; });
        queue_.push_back({std::move(path), std::move(rgba), width, height, overwrite});
        changed_.notify_all();
    }
    // The first error, once every queued frame is written.
    std::string finish() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return queue_.empty() && !writing_; });
        return error_;
    }

private:
    struct Job {
        std::string path;
        std::vector<std::uint8_t> rgba;
        int width, height;
        bool overwrite;
    };
    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            changed_.wait(lock, [this] { return closing_ || !queue_.empty(); });
            if (queue_.empty()) return;
            Job job = std::move(queue_.front());
            queue_.pop_front();
            writing_ = true;
            lock.unlock();
            const PngWriteResult written = writePng(job.path, job.rgba, job.width, job.height, job.overwrite);
            lock.lock();
            writing_ = false;
            if (!written.ok && error_.empty()) error_ = written.error;
            changed_.notify_all();
        }
    }
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> queue_;
    bool writing_ = false;
    bool closing_ = false;
    std::string error_;
    std::thread thread_;
};

// "[##########----------]  30/60 frames  12.5 fps  2 s left", redrawn in place on a terminal.
void printProgress(int done, int total, double elapsedSeconds, bool terminal) {
    const double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    const double left = rate > 0 ? (total - done) / rate : 0;
    if (!terminal && done != total && done % std::max(1, total / 10) != 0) return;
    char bar[21];
    const int filled = total > 0 ? done * 20 / total : 20;
    for (int i = 0; i < 20; ++i) bar[i] = i < filled ? '#' : '-';
    bar[20] = '\0';
    std::fprintf(stderr, "%s[%s] %d/%d frames  %.1f fps  %.0f s left%s", terminal ? "\r" : "", bar, done, total, rate,
                 left, terminal ? "" : "\n");
    std::fflush(stderr);
}

std::string findOnPath(const char* program) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::string entries = path;
    std::size_t start = 0;
    while (start <= entries.size()) {
        const std::size_t end = std::min(entries.find(':', start), entries.size());
        const fs::path candidate = fs::path(entries.substr(start, end - start)) / program;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return {};
}

}  // namespace

std::string frameFileName(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", index);
    return name;
}

int runScreenshot(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    std::error_code ignored;
    if (!options.overwrite && fs::exists(options.screenshotPath, ignored)) {
        std::fprintf(stderr, "epilogue: %s: already exists; not overwritten (pass --overwrite to replace it)\n",
                     options.screenshotPath.c_str());
        return 1;
    }
    PlatformWindow window;
    FrameComposer composer;
    if (!startRenderer(options, window, composer)) return 1;
    // Two frames: ImGui settles its windows' sizes and scrolling in the first; the second is the picture.
    for (int frame = 0; frame < 2; ++frame) {
        if (!renderFrame(options, story, state, window, composer, options.animationTime)) return 1;
    }
    std::vector<std::uint8_t> pixels;
    composer.target().readPixels(pixels);
    const PngWriteResult written = writePng(options.screenshotPath, pixels, composer.target().width(),
                                            composer.target().height(), options.overwrite);
    if (!written.ok) {
        std::fprintf(stderr, "epilogue: %s\n", written.error.c_str());
        return 1;
    }
    std::string error;
    const std::string sidecar = options.screenshotPath + ".json";
    if (!writeFileAtomically(sidecar, sidecarFor(story, storyPath, state, composer),
                             error)) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return 1;
    }
    std::printf("%s: %dx%d\n", options.screenshotPath.c_str(), composer.target().width(), composer.target().height());
    return 0;
}

int runFrames(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    const bool video = !options.videoPath.empty();
    const int count = std::max(1, static_cast<int>(std::lround(options.duration * options.fps)));
    const double from = options.from.value_or(story.startTime);
    const double to = options.to.value_or(story.endTime);
    std::error_code code;
    FILE* ffmpeg = nullptr;
    if (video) {
        const std::string ffmpegPath = findOnPath("ffmpeg");
        if (ffmpegPath.empty()) {
            std::fprintf(stderr, "epilogue: --video needs ffmpeg, which is not installed (apt-get install ffmpeg); "
                                 "--frames DIR writes PNGs without it\n");
            return 1;
        }
        if (!options.overwrite && fs::exists(options.videoPath, code)) {
            std::fprintf(stderr, "epilogue: %s: already exists; not overwritten (pass --overwrite to replace it)\n",
                         options.videoPath.c_str());
            return 1;
        }
    } else {
        fs::create_directories(options.framesDirectory, code);
        if (code) {
            std::fprintf(stderr, "epilogue: %s: cannot create the directory: %s\n", options.framesDirectory.c_str(),
                         code.message().c_str());
            return 1;
        }
        if (!options.overwrite && fs::exists(fs::path(options.framesDirectory) / frameFileName(1), code)) {
            std::fprintf(stderr, "epilogue: %s: already holds frames (%s...); not overwritten (pass --overwrite)\n",
                         options.framesDirectory.c_str(), frameFileName(1).c_str());
            return 1;
        }
    }
    PlatformWindow window;
    FrameComposer composer;
    if (!startRenderer(options, window, composer)) return 1;
    const int pixelWidth = static_cast<int>(std::lround(static_cast<double>(options.width) * options.scale));
    const int pixelHeight = static_cast<int>(std::lround(static_cast<double>(options.height) * options.scale));
    if (video) {
        const std::string command = "ffmpeg -loglevel error " + std::string(options.overwrite ? "-y" : "-n") +
                                    " -f rawvideo -pix_fmt rgba -s " + std::to_string(pixelWidth) + "x" +
                                    std::to_string(pixelHeight) + " -r " + std::to_string(options.fps) +
                                    " -i - -c:v libx264 -pix_fmt yuv420p '" + options.videoPath + "'";
        ffmpeg = ::popen(command.c_str(), "w");
        if (!ffmpeg) {
            std::fprintf(stderr, "epilogue: cannot start ffmpeg\n");
            return 1;
        }
    }

    gStopRequested = false;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    FrameEncoder encoder;
    const auto started = std::chrono::steady_clock::now();
    int done = 0;
    bool failed = false;
    for (int i = 0; i < count && !gStopRequested; ++i) {
        state.playheadTime = count == 1 ? from : from + (to - from) * i / (count - 1);
        const float animationTime = options.animationTime + static_cast<float>(i / options.fps);
        // The very first frame twice, so that ImGui's windows have settled.
        for (int pass = i == 0 ? 0 : 1; pass < 2; ++pass) {
            if (!renderFrame(options, story, state, window, composer, animationTime)) {
                failed = true;
                break;
            }
        }
        if (failed) break;
        std::vector<std::uint8_t> pixels;
        composer.target().readPixels(pixels);
        if (ffmpeg) {
            if (std::fwrite(pixels.data(), 1, pixels.size(), ffmpeg) != pixels.size()) {
                std::fprintf(stderr, "\nepilogue: ffmpeg stopped taking frames\n");
                failed = true;
                break;
            }
        } else {
            const std::string path = (fs::path(options.framesDirectory) / frameFileName(i + 1)).string();
            encoder.push(path, std::move(pixels), pixelWidth, pixelHeight, options.overwrite);
            if (i == 0) {
                std::string error;
                const std::string sidecar = (fs::path(options.framesDirectory) / "frames.json").string();
                if (!writeFileAtomically(sidecar, sidecarFor(story, storyPath, state, composer),
                                         error)) {
                    std::fprintf(stderr, "epilogue: %s\n", error.c_str());
                }
            }
        }
        ++done;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        printProgress(done, count, elapsed, terminal);
    }
    const std::string error = encoder.finish();
    if (ffmpeg && ::pclose(ffmpeg) != 0 && !failed) {
        std::fprintf(stderr, "%sepilogue: ffmpeg failed to write %s\n", terminal ? "\n" : "", options.videoPath.c_str());
        failed = true;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal) std::fprintf(stderr, "\n");
    if (!error.empty()) {
        std::fprintf(stderr, "epilogue: %s\n", error.c_str());
        return 1;
    }
    if (failed) return 1;
    const char* target = video ? options.videoPath.c_str() : options.framesDirectory.c_str();
    if (gStopRequested) {
        std::fprintf(stderr, "epilogue: stopped after %d of %d frames; %s holds them\n", done, count, target);
        return 130;
    }
    std::printf("%s: %d frames, %dx%d, %.0f fps\n", target, done, pixelWidth, pixelHeight, options.fps);
    return 0;
}

}  // namespace epilogue
