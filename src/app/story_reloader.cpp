// The story reloader's worker thread.
#include "app/story_reloader.h"

#include <utility>

namespace epilogue {

StoryReloader::StoryReloader(std::string path, std::function<void()> onReady)
    : path_(std::move(path)), onReady_(std::move(onReady)), worker_([this] { run(); }) {}

StoryReloader::~StoryReloader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void StoryReloader::request() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        requested_ = true;
    }
    wake_.notify_one();
}

std::optional<StoryLoadResult> StoryReloader::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(finished_, std::nullopt);
}

bool StoryReloader::busy() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requested_ || loading_;
}

void StoryReloader::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || requested_; });
        if (stopping_) return;
        requested_ = false;
        loading_ = true;
        lock.unlock();
        StoryLoadResult loaded = loadStoryFile(path_);
        lock.lock();
        finished_ = std::move(loaded);
        loading_ = false;
        if (onReady_) {
            lock.unlock();
            onReady_();
            lock.lock();
        }
    }
}

}  // namespace epilogue
