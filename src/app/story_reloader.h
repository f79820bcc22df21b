// Reloading the story file off the window's thread: a story of a hundred thousand events takes about a
// tenth of a second to read, and the window keeps drawing (and answering the mouse) meanwhile. The loop
// asks for a reload when the file changed and takes the result once the worker says it is ready.
#pragma once

#include "story/story_loader.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace epilogue {

class StoryReloader {
public:
    // `onReady` runs on the worker each time a load has finished (it should only wake the loop).
    StoryReloader(std::string path, std::function<void()> onReady);
    ~StoryReloader();  // waits for a load in progress
    StoryReloader(const StoryReloader&) = delete;
    StoryReloader& operator=(const StoryReloader&) = delete;

    // Loads the file again. Asked while a load is under way, it loads once more after that one, so the
    // last save is always the one read.
    void request();
    // The newest finished load, if one is waiting; never blocks. Older unclaimed loads are dropped.
    std::optional<StoryLoadResult> take();
    bool busy();

private:
    void run();

    std::string path_;
    std::function<void()> onReady_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<StoryLoadResult> finished_;
    bool requested_ = false;
    bool loading_ = false;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace epilogue
