// Headless screenshots and frame sequences.
#include "app/headless.h"

#include "app/atomic_file.h"
#include "app/child_process.h"
#include "app/frame.h"
#include "app/platform_window.h"
#include "app/png_writer.h"
#include "app/still_export.h"
#include "app/view_report.h"
#include "story/number_limits.h"
#include "timeline/view_commands.h"
#include "export/vector_still.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

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

// `settling`: the first frame, which only lets ImGui settle its windows' sizes and is never shown: the
// scene is left out of it (on a software renderer, filling its pixels is most of a frame's cost).
// `onlyWhatChanged`: a frame of a sequence, drawn only where it differs from the one before (as the window
// draws its frames; the target keeps the rest).
bool renderFrame(const CommandLine& options, const Story& story, ViewState& state, PlatformWindow& window,
                 FrameComposer& composer, float animationTime, bool settling = false, bool onlyWhatChanged = false) {
    const FrameSize size{static_cast<float>(options.width), static_cast<float>(options.height), options.scale};
    UiRequests ignored;
    std::string error;
    FrameOptions frameOptions;
    frameOptions.panels = !options.noUi;
    frameOptions.scene = !settling;
    frameOptions.onlyWhatChanged = onlyWhatChanged;
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

// One frame of a sequence, as frames.json records it.
nlohmann::json frameRecord(const std::string& file, const ViewState& state, const FramePlan& plan) {
    nlohmann::json record = {{"file", file},
                             {"playhead", state.playheadTime},
                             {"view", {{"start", plan.view.startTime}, {"end", plan.view.endTime}}},
                             {"stop", nullptr},
                             {"caption", nullptr},
                             {"attribution", nullptr}};
    if (state.tour.active && plan.tour.active) {
        const TourStop& stop = state.tour.tour.stops[static_cast<std::size_t>(plan.tour.stop)];
        record["stop"] = plan.tour.stop + 1;
        record["caption"] = stop.caption;
        if (!stop.attribution.empty()) record["attribution"] = stop.attribution;
    }
    return record;
}

std::atomic<bool> gStopRequested{false};
// The first Ctrl-C stops after the frame in hand; a second one ends the program at once.
extern "C" void requestStop(int signal) {
    if (gStopRequested) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
        return;
    }
    gStopRequested = true;
}

// Writes a sidecar: replacing a regular file only with --overwrite, never anything else.
bool writeSidecar(const std::string& path, const std::string& text, bool overwrite) {
    std::string error;
    const bool written =
        overwrite ? writeFileAtomically(path, text, error) : writeNewFileAtomically(path, text, error);
    if (!written) std::fprintf(stderr, "epilogue: %s\n", error.c_str());
    return written;
}

// Encodes frames on several threads while the next ones render, and writes them in order: frame N+1 goes
// to disk only after frame N, so the files in the directory are always a sequence without gaps. At most a
// few frames wait (each holds its pixels). The first failed write ends the sequence: frames waiting or
// being encoded are dropped, later ones refused, and the render loop, which asks failed() after every
// frame, stops.
class FrameEncoder {
public:
    explicit FrameEncoder(int threads) : capacity_(static_cast<std::size_t>(threads) + 2) {
        for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { run(); });
    }
    ~FrameEncoder() {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            closing_ = true;
        }
        changed_.notify_all();
        for (std::thread& thread : threads_) thread.join();
    }
    // False, without queueing, once a write has failed.
    bool push(std::string path, std::vector<std::uint8_t> rgba, int width, int height, bool overwrite) {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return framesHeld() < capacity_ || !error_.empty(); });
        if (!error_.empty()) return false;
        queue_.push_back({nextQueued_++, std::move(path), std::move(rgba), width, height, overwrite, {}});
        changed_.notify_all();
        return true;
    }
    bool failed() {
        std::lock_guard<std::mutex> lock(mutex_);
        return !error_.empty();
    }
    // The first error, once every queued frame is written (or dropped after an error).
    std::string finish() {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [this] { return framesHeld() == 0 && !writing_; });
        return error_;
    }
    int written() {
        std::lock_guard<std::mutex> lock(mutex_);
        return written_;
    }
    // One encoder a core, at least two and at most eight: encoding is most of a frame's cost on a machine
    // with no GPU, and the render thread's own work is mostly waiting on llvmpipe's threads.
    static int threadsToUse() {
        return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 2u, 8u));
    }

private:
    struct Job {
        long sequence;
        std::string path;
        std::vector<std::uint8_t> rgba;
        int width, height;
        bool overwrite;
        std::vector<std::uint8_t> png;
    };
    std::size_t framesHeld() const { return queue_.size() + encoding_ + encoded_.size(); }
    void run() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            changed_.wait(lock, [this] { return closing_ || !queue_.empty(); });
            if (queue_.empty()) return;
            Job job = std::move(queue_.front());
            queue_.pop_front();
            ++encoding_;
            lock.unlock();
            std::string encodeError;
            const bool encoded = encodePng(job.rgba.data(), job.width, job.height, job.png, encodeError);
            job.rgba = {};
            lock.lock();
            --encoding_;
            if (!encoded && error_.empty()) error_ = job.path + ": " + encodeError;
            if (error_.empty()) encoded_.push_back(std::move(job));
            writeInOrder(lock);
            if (!error_.empty()) {  // nothing after a failed frame is written: no gaps in the sequence
                queue_.clear();
                encoded_.clear();
            }
            changed_.notify_all();
        }
    }
    // Writes the encoded frames that are next in the sequence. One thread writes at a time, without the lock.
    void writeInOrder(std::unique_lock<std::mutex>& lock) {
        while (!writing_ && error_.empty()) {
            const auto next = std::find_if(encoded_.begin(), encoded_.end(),
                                           [this](const Job& job) { return job.sequence == nextWritten_; });
            if (next == encoded_.end()) return;
            Job job = std::move(*next);
            encoded_.erase(next);
            writing_ = true;
            lock.unlock();
            const PngWriteResult written = writePngFile(job.path, job.png, job.overwrite);
            lock.lock();
            writing_ = false;
            ++nextWritten_;
            if (written.ok) {
                ++written_;
            } else if (error_.empty()) {
                error_ = written.error;
            }
        }
    }
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Job> queue_;     // waiting to be encoded, in sequence
    std::vector<Job> encoded_;  // encoded, waiting for the frames before them to be written
    std::size_t encoding_ = 0;
    bool writing_ = false;
    bool closing_ = false;
    long nextQueued_ = 0, nextWritten_ = 0;
    int written_ = 0;
    std::string error_;
    std::vector<std::thread> threads_;
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

// A path that no program reads as an option or a protocol: absolute, or starting with "./".
std::string plainPath(const std::string& path) {
    if (path.empty() || path[0] == '/' || path.rfind("./", 0) == 0) return path;
    return "./" + path;
}

// The video is written to a file of its own beside the target (".NAME.epilogue-XXXXXX.EXT": ffmpeg picks the
// container by the extension) and moved into place only when ffmpeg succeeded, so a failed run neither
// damages an existing file nor leaves a partial one. The file is removed unless kept.
struct PartialVideo {
    std::string path;
    ~PartialVideo() {
        if (!path.empty()) ::unlink(path.c_str());
    }
    bool reserve(const std::string& target, std::string& error) {
        const fs::path wanted(target);
        const fs::path directory = wanted.has_parent_path() ? wanted.parent_path() : fs::path(".");
        const std::string extension = wanted.extension().string();
        std::string name =
            plainPath((directory / ("." + wanted.stem().string() + ".epilogue-XXXXXX" + extension)).string());
        const int fd = ::mkstemps(name.data(), static_cast<int>(extension.size()));
        if (fd < 0) {
            error = target + ": cannot write in " + directory.string() + ": " + std::strerror(errno);
            return false;
        }
        // mkstemps makes the file private; give it the mode any new file of the user's would have.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
        ::close(fd);
        path = name;
        return true;
    }
    // Flushes the finished video to the disk: a write error the disk reports late shows here.
    bool sync(std::string& error) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            error = path + ": cannot write the video: " + std::strerror(errno);
            if (fd >= 0) ::close(fd);
            return false;
        }
        ::close(fd);
        return true;
    }
    // Moves the finished video to `target`: over a regular file only with `overwrite`, never over anything else.
    bool moveTo(const std::string& target, bool overwrite, std::string& error) {
        if (const std::string problem = outputProblem(target, overwrite); !problem.empty()) {
            error = problem;
            return false;
        }
        if (overwrite) {
            if (::rename(path.c_str(), target.c_str()) != 0) {
                error = target + ": cannot move the video into place: " + std::strerror(errno);
                return false;
            }
        } else if (::link(path.c_str(), target.c_str()) != 0) {  // link() never replaces what appeared meanwhile
            const int code = errno;
            error = code == EEXIST ? outputProblem(target, false)
                                   : target + ": cannot create: " + std::strerror(code);
            if (error.empty()) error = target + ": already exists; not overwritten (pass --overwrite to replace it)";
            return false;
        } else {
            ::unlink(path.c_str());
        }
        path.clear();
        return true;
    }
};

// ffmpeg's command line: raw RGBA frames on its stdin, H.264 out. libx264's yuv420p needs an even width and
// height, so an odd one is padded by a pixel of black.
std::vector<std::string> ffmpegArguments(const std::string& ffmpeg, int width, int height, double fps,
                                         const std::string& output) {
    std::vector<std::string> arguments{ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                                       "-f", "rawvideo", "-pix_fmt", "rgba",
                                       "-s", std::to_string(width) + "x" + std::to_string(height),
                                       "-r", std::to_string(fps), "-i", "pipe:0"};
    if (width % 2 != 0 || height % 2 != 0) {
        arguments.insert(arguments.end(), {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2"});
    }
    arguments.insert(arguments.end(), {"-c:v", "libx264", "-pix_fmt", "yuv420p", plainPath(output)});
    return arguments;
}

}  // namespace

std::string frameFileName(int index) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", index);
    return name;
}

bool renderStill(const CommandLine& options, const Story& story, ViewState& state, PlatformWindow& window,
                 FrameComposer& composer) {
    if (!startRenderer(options, window, composer)) return false;
    // Two frames: ImGui settles its windows' sizes and scrolling in the first; the second is the picture.
    for (int frame = 0; frame < 2; ++frame) {
        if (!renderFrame(options, story, state, window, composer, options.animationTime, frame == 0)) return false;
    }
    return true;
}

int runScreenshot(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    const std::string sidecar = options.screenshotPath + ".json";
    // Both files are checked before anything is drawn: neither is replaced unless --overwrite, and nothing but a
    // regular file ever is.
    for (const std::string& path : {options.screenshotPath, sidecar}) {
        if (const std::string problem = outputProblem(path, options.overwrite); !problem.empty()) {
            std::fprintf(stderr, "epilogue: %s\n", problem.c_str());
            return 1;
        }
    }
    PlatformWindow window;
    FrameComposer composer;
    if (!renderStill(options, story, state, window, composer)) return 1;
    if (stillFormatOf(options.screenshotPath) != StillFormat::Png) {  // the same plan, drawn as vectors
        return writeVectorStill(options, story, storyPath, state, composer.plan(),
                                describeView(story, state, composer.plan(), storyFileFor(storyPath, story)));
    }
    std::vector<std::uint8_t> pixels;
    composer.target().readPixels(pixels);
    const PngWriteResult written = writePng(options.screenshotPath, pixels, composer.target().width(),
                                            composer.target().height(), options.overwrite);
    if (!written.ok) {
        std::fprintf(stderr, "epilogue: %s\n", written.error.c_str());
        return 1;
    }
    if (!writeSidecar(sidecar, sidecarFor(story, storyPath, state, composer), options.overwrite)) return 1;
    std::printf("%s: %dx%d\n", options.screenshotPath.c_str(), composer.target().width(), composer.target().height());
    return 0;
}

int runFrames(const CommandLine& options, const Story& story, const std::string& storyPath, ViewState& state) {
    const bool video = !options.videoPath.empty();
    // The tour (--tour) runs on its own clock: a frame every 1/fps seconds of it, from its start to its end.
    if (options.tour) {
        applyViewCommand(story, 0, state, ViewCommand::startTour());
        if (!state.tour.active) {
            std::fprintf(stderr, "epilogue: --tour: the story has no events to tour\n");
            return 1;
        }
        // As long as --duration may ask for, and no longer (a story's own tour can be far longer).
        if (state.tour.tour.totalSeconds() > limits::kMaxDuration) {
            std::fprintf(stderr, "epilogue: --tour: the story's tour lasts %.0f s; frames and videos are at most %.0f s long\n",
                         state.tour.tour.totalSeconds(), limits::kMaxDuration);
            return 1;
        }
    }
    const int count = options.tour ? static_cast<int>(std::floor(state.tour.tour.totalSeconds() * options.fps)) + 1
                                   : std::max(1, static_cast<int>(std::lround(options.duration * options.fps)));
    // With --video --tour, the captions also go beside the video as subtitles: OUT.vtt.
    const std::string subtitlesPath =
        video && options.tour ? fs::path(options.videoPath).replace_extension(".vtt").string() : std::string();
    if (!subtitlesPath.empty() && subtitlesPath == options.videoPath) {
        std::fprintf(stderr, "epilogue: --video %s --tour: the subtitles go to NAME.vtt beside the video; name the video "
                             "otherwise (OUT.mp4)\n", options.videoPath.c_str());
        return 2;
    }
    const double from = options.from.value_or(story.startTime);
    const double to = options.to.value_or(story.endTime);
    const std::string framesSidecar = video ? "" : (fs::path(options.framesDirectory) / "frames.json").string();
    std::error_code code;
    std::string ffmpegPath;
    PartialVideo partial;
    if (video) {
        ffmpegPath = findOnPath("ffmpeg");
        if (ffmpegPath.empty()) {
            std::fprintf(stderr, "epilogue: --video needs ffmpeg, which is not installed (apt-get install ffmpeg); "
                                 "--frames DIR writes PNGs without it\n");
            return 1;
        }
        for (const std::string& path : {options.videoPath, subtitlesPath}) {
            if (path.empty()) continue;
            if (const std::string problem = outputProblem(path, options.overwrite); !problem.empty()) {
                std::fprintf(stderr, "epilogue: %s\n", problem.c_str());
                return 1;
            }
        }
    } else {
        fs::create_directories(options.framesDirectory, code);
        if (code) {
            std::fprintf(stderr, "epilogue: %s: cannot create the directory: %s\n", options.framesDirectory.c_str(),
                         code.message().c_str());
            return 1;
        }
        if (!options.overwrite &&
            outputState((fs::path(options.framesDirectory) / frameFileName(1)).string()) != OutputState::Absent) {
            std::fprintf(stderr, "epilogue: %s: already holds frames (%s...); not overwritten (pass --overwrite)\n",
                         options.framesDirectory.c_str(), frameFileName(1).c_str());
            return 1;
        }
        if (const std::string problem = outputProblem(framesSidecar, options.overwrite); !problem.empty()) {
            std::fprintf(stderr, "epilogue: %s\n", problem.c_str());
            return 1;
        }
    }
    PlatformWindow window;
    FrameComposer composer;
    if (!startRenderer(options, window, composer)) return 1;
    const int pixelWidth = static_cast<int>(std::lround(static_cast<double>(options.width) * options.scale));
    const int pixelHeight = static_cast<int>(std::lround(static_cast<double>(options.height) * options.scale));
    ChildProcess ffmpeg;
    std::unique_ptr<OutputTail> ffmpegSaid;
    if (video) {
        std::string error;
        if (!partial.reserve(options.videoPath, error)) {
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return 1;
        }
        // No shell: the names go to ffmpeg as they are. A write to ffmpeg after it stopped fails with EPIPE.
        ignoreBrokenPipes();
        SpawnRequest request;
        request.arguments = ffmpegArguments(ffmpegPath, pixelWidth, pixelHeight, options.fps, partial.path);
        request.pipeInput = true;
        request.pipeError = true;
        request.ownProcessGroup = true;  // Ctrl-C stops us; ffmpeg then finishes the video of the frames so far
        if (!spawnProcess(request, ffmpeg, error)) {
            std::fprintf(stderr, "epilogue: %s\n", error.c_str());
            return 1;
        }
        ffmpegSaid = std::make_unique<OutputTail>(std::exchange(ffmpeg.error, -1));
    }

    gStopRequested = false;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    FrameEncoder encoder(FrameEncoder::threadsToUse());
    const auto started = std::chrono::steady_clock::now();
    int done = 0;
    bool failed = false;
    nlohmann::json framesDescription;  // frames.json: the first frame's sidecar, and a record of every frame
    nlohmann::json frameRecords = nlohmann::json::array();
    bool ffmpegStopped = false;
    for (int i = 0; i < count && !gStopRequested; ++i) {
        if (options.tour) {
            state.tour.clock = i / options.fps;
            showTourMoment(state);
        } else {
            state.playheadTime = count == 1 ? from : from + (to - from) * i / (count - 1);
        }
        const float animationTime = options.animationTime + static_cast<float>(i / options.fps);
        // The very first frame twice, so that ImGui's windows have settled.
        for (int pass = i == 0 ? 0 : 1; pass < 2; ++pass) {
            if (!renderFrame(options, story, state, window, composer, animationTime, pass == 0, true)) {
                failed = true;
                break;
            }
        }
        if (failed) break;
        std::vector<std::uint8_t> pixels;
        composer.target().readPixels(pixels);
        if (video) {
            const int error = writeAll(ffmpeg.input, pixels.data(), pixels.size());
            if (error != 0) {
                ffmpegStopped = error == EPIPE;
                if (!ffmpegStopped) {
                    std::fprintf(stderr, "%sepilogue: cannot hand frames to ffmpeg: %s\n", terminal ? "\n" : "",
                                 std::strerror(error));
                }
                failed = true;
                break;
            }
        } else {
            const std::string path = (fs::path(options.framesDirectory) / frameFileName(i + 1)).string();
            if (!encoder.push(path, std::move(pixels), pixelWidth, pixelHeight, options.overwrite)) break;
            if (i == 0) framesDescription = describeView(story, state, composer.plan(), storyFileFor(storyPath, story));
            frameRecords.push_back(frameRecord(frameFileName(i + 1), state, composer.plan()));
            if (encoder.failed()) break;  // the first failed write stops the sequence
        }
        ++done;
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        printProgress(done, count, elapsed, terminal);
    }
    const std::string error = encoder.finish();
    // frames.json describes the frames written: the first one's view, and each frame's playhead, view and stop.
    if (!video && done > 0 && error.empty()) {
        frameRecords.erase(frameRecords.begin() + std::min<std::ptrdiff_t>(done, static_cast<std::ptrdiff_t>(frameRecords.size())),
                           frameRecords.end());
        framesDescription["frames"] = std::move(frameRecords);
        if (!writeSidecar(framesSidecar, framesDescription.dump(2) + "\n", options.overwrite)) failed = true;
    }
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (terminal) std::fprintf(stderr, "\n");
    if (video) {
        // End of input: ffmpeg finishes the video of the frames it has, then says how it went.
        ::close(std::exchange(ffmpeg.input, -1));
        const std::vector<std::string> said = ffmpegSaid->finish();
        const ExitStatus status = waitForProcess(ffmpeg);
        // At -loglevel error, anything ffmpeg says is an error, and some it ends with status 0 for (ffmpeg 5
        // exits 0 when a full disk cuts the video short: "Error writing trailer ...").
        if (!status.success() || ffmpegStopped || !said.empty()) {
            const std::string what = !status.success() ? describeExitStatus(status)
                                     : ffmpegStopped   ? std::string("stopped taking frames")
                                                       : std::string("reported errors (with exit status 0)");
            std::fprintf(stderr, "epilogue: %s: ffmpeg %s%s\n", options.videoPath.c_str(), what.c_str(),
                         said.empty() ? "" : "; it said:");
            for (const std::string& line : said) std::fprintf(stderr, "  %s\n", line.c_str());
            std::fprintf(stderr, "epilogue: %s: not written\n", options.videoPath.c_str());
            return 1;
        }
        if (failed) return 1;  // the partial video goes
        std::string moveError;
        if (!partial.sync(moveError) || !partial.moveTo(options.videoPath, options.overwrite, moveError)) {
            std::fprintf(stderr, "epilogue: %s\n", moveError.c_str());
            return 1;
        }
        if (!subtitlesPath.empty()) {
            if (!writeSidecar(subtitlesPath, tourSubtitles(state.tour.tour), options.overwrite)) return 1;
            std::printf("%s: subtitles of the tour's %zu stops\n", subtitlesPath.c_str(), state.tour.tour.stops.size());
        }
    } else if (!error.empty()) {
        const int written = encoder.written();
        std::fprintf(stderr, "epilogue: %s\nepilogue: stopped; %d frame%s before it in %s %s whole\n",
                     error.c_str(), written, written == 1 ? "" : "s", options.framesDirectory.c_str(),
                     written == 1 ? "is" : "are");
        return 1;
    }
    if (failed) return 1;
    const char* target = video ? options.videoPath.c_str() : options.framesDirectory.c_str();
    if (gStopRequested) {
        std::fprintf(stderr, "epilogue: stopped after %d of %d frames; %s holds them\n", done, count, target);
        return 130;
    }
    // An odd size went to the video padded to an even one.
    const int shownWidth = video ? (pixelWidth + 1) / 2 * 2 : pixelWidth;
    const int shownHeight = video ? (pixelHeight + 1) / 2 * 2 : pixelHeight;
    std::printf("%s: %d frames, %dx%d, %.0f fps\n", target, done, shownWidth, shownHeight, options.fps);
    return 0;
}

}  // namespace epilogue
