// The screenshot worker thread.
#include "app/screenshot_writer.h"

#include "app/png_writer.h"
#include "app/atomic_file.h"

#include <filesystem>
#include <unistd.h>

namespace epilogue {

std::string screenshotFileName(std::time_t takenAt, int attempt, const std::string& extension) {
    std::tm local{};
    localtime_r(&takenAt, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    std::string name = std::string("epilogue-") + stamp;
    if (attempt > 0) name += "-" + std::to_string(attempt + 1);
    return name + "." + extension;
}

ScreenshotResult writeScreenshot(const ScreenshotJob& job) {
    namespace fs = std::filesystem;
    ScreenshotResult result;
    std::error_code code;
    fs::create_directories(job.directory, code);
    if (code) {
        result.error = job.directory + ": cannot create the directory: " + code.message();
        return result;
    }
    for (int attempt = 0; attempt < 10000; ++attempt) {
        const std::string path = (fs::path(job.directory) / screenshotFileName(job.takenAt, attempt, job.extension)).string();
        const std::string sidecar = path + ".json";
        // A name is free only if its sidecar's is too: an old NAME.png.json is never replaced.
        if (!job.sidecar.empty() && outputState(sidecar) != OutputState::Absent) continue;
        if (job.document.empty()) {
            const PngWriteResult written = writePng(path, job.rgba, job.width, job.height, false);
            if (written.alreadyExists) continue;  // taken: try the next suffix
            if (!written.ok) {
                result.error = written.error;
                return result;
            }
        } else {
            bool taken = false;
            if (!writeNewFileAtomically(path, job.document, result.error, &taken)) {
                if (!taken) return result;
                result.error.clear();
                continue;
            }
        }
        result.path = path;
        bool sidecarTaken = false;
        if (!job.sidecar.empty() && !writeNewFileAtomically(sidecar, job.sidecar, result.error, &sidecarTaken)) {
            if (!sidecarTaken) return result;
            // The sidecar's name was taken meanwhile: give back the PNG just made and try the next name.
            ::unlink(path.c_str());
            result.path.clear();
            result.error.clear();
            continue;
        }
        result.ok = true;
        return result;
    }
    result.error = job.directory + ": no free screenshot name left for this second";
    return result;
}

ScreenshotWriter::ScreenshotWriter() : worker_([this] { run(); }) {}

ScreenshotWriter::~ScreenshotWriter() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void ScreenshotWriter::submit(ScreenshotJob job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

bool ScreenshotWriter::poll(ScreenshotResult& result) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (results_.empty()) return false;
    result = std::move(results_.front());
    results_.pop_front();
    return true;
}

bool ScreenshotWriter::busy() {
    std::lock_guard<std::mutex> lock(mutex_);
    return working_ || !jobs_.empty();
}

void ScreenshotWriter::waitUntilIdle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return !working_ && jobs_.empty(); });
}

void ScreenshotWriter::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // stopping, and everything asked for is written
        ScreenshotJob job = std::move(jobs_.front());
        jobs_.pop_front();
        working_ = true;
        lock.unlock();
        ScreenshotResult result = writeScreenshot(job);
        lock.lock();
        results_.push_back(std::move(result));
        working_ = false;
        if (jobs_.empty()) idle_.notify_all();
    }
}

}  // namespace epilogue
