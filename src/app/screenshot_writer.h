// Saving in-app screenshots off the render thread: the frame's pixels are handed to a worker thread that
// encodes the PNG, finds a name that is not taken (epilogue-YYYYMMDD-HHMMSS.png, then -2, -3, ...; taken
// when either NAME.png or NAME.png.json exists), writes it without ever replacing a file, and writes the
// sidecar beside it, which never replaces a file either. Results come back to the
// main thread to be shown as a toast.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace epilogue {

struct ScreenshotJob {
    std::vector<std::uint8_t> rgba;  // top row first
    int width = 0, height = 0;
    std::string directory;           // created if missing
    std::time_t takenAt = 0;
    std::string sidecar;             // JSON written to NAME.EXT.json
    std::string extension = "png";   // "png": rgba is encoded; "svg" or "pdf": `document` is written as it is
    std::string document;            // an SVG's text or a PDF's bytes, made from the frame plan on the main thread
};

struct ScreenshotResult {
    bool ok = false;
    std::string path;   // the file written
    std::string error;  // what went wrong, naming the file or directory
};

// epilogue-YYYYMMDD-HHMMSS.png for attempt 0, then epilogue-YYYYMMDD-HHMMSS-2.png, -3... (.svg, .pdf for
// those). Pure.
std::string screenshotFileName(std::time_t takenAt, int attempt, const std::string& extension = "png");

// Writes one job on the calling thread (the worker's body; also used by tests).
ScreenshotResult writeScreenshot(const ScreenshotJob& job);

class ScreenshotWriter {
public:
    ScreenshotWriter();
    ~ScreenshotWriter();  // finishes the queued jobs first: nothing the user asked for is lost
    ScreenshotWriter(const ScreenshotWriter&) = delete;
    ScreenshotWriter& operator=(const ScreenshotWriter&) = delete;

    void submit(ScreenshotJob job);
    bool poll(ScreenshotResult& result);  // a finished job's result, if any; never blocks
    bool busy();
    void waitUntilIdle();

private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::deque<ScreenshotJob> jobs_;
    std::deque<ScreenshotResult> results_;
    bool working_ = false;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace epilogue
