// Tier 1 (no window): what the program writes — PNGs that never replace a file, screenshot names that
// never collide, preferences that survive a broken file — and the story reloader's thread.
#include "app/png_writer.h"
#include "app/preferences.h"
#include "app/screenshot_writer.h"
#include "app/story_reloader.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>

using namespace epilogue;
namespace fs = std::filesystem;

namespace {

struct TemporaryDirectory {
    fs::path path;
    TemporaryDirectory() {
        char name[] = "/tmp/epilogue-test-XXXXXX";
        path = mkdtemp(name);
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
};

std::vector<std::uint8_t> smallImage() { return std::vector<std::uint8_t>(4 * 4 * 4, 200); }

}  // namespace

TEST_CASE("screenshot names: a timestamp, then a suffix when the name is taken") {
    const std::time_t when = 1700000000;
    const std::string first = screenshotFileName(when, 0);
    CHECK(first.rfind("epilogue-", 0) == 0);
    CHECK(first.size() == std::string("epilogue-YYYYMMDD-HHMMSS.png").size());
    CHECK(screenshotFileName(when, 1) == first.substr(0, first.size() - 4) + "-2.png");
}

TEST_CASE("ten captures in the same second give ten files, each with its sidecar") {
    TemporaryDirectory directory;
    ScreenshotWriter writer;
    for (int i = 0; i < 10; ++i) {
        ScreenshotJob job;
        job.rgba = smallImage();
        job.width = job.height = 4;
        job.directory = (directory.path / "shots").string();  // created on demand
        job.takenAt = 1700000000;
        job.sidecar = "{}\n";
        writer.submit(std::move(job));
    }
    writer.waitUntilIdle();
    std::set<std::string> written;
    ScreenshotResult result;
    while (writer.poll(result)) {
        CHECK_MESSAGE(result.ok, result.error);
        written.insert(result.path);
        CHECK(fs::exists(result.path + ".json"));
    }
    CHECK(written.size() == 10);
    std::size_t pngs = 0;
    for (const auto& entry : fs::directory_iterator(directory.path / "shots")) {
        pngs += entry.path().extension() == ".png" ? 1 : 0;
    }
    CHECK(pngs == 10);
}

TEST_CASE("a PNG is never written over an existing file unless asked") {
    TemporaryDirectory directory;
    const std::string path = (directory.path / "keep.png").string();
    {
        std::ofstream existing(path);
        existing << "precious";
    }
    const PngWriteResult refused = writePng(path, smallImage(), 4, 4, false);
    CHECK_FALSE(refused.ok);
    CHECK(refused.alreadyExists);
    std::ifstream kept(path);
    std::string content;
    kept >> content;
    CHECK(content == "precious");
    const PngWriteResult replaced = writePng(path, smallImage(), 4, 4, true);
    CHECK(replaced.ok);
    CHECK(fs::file_size(path) > 8);
    for (const auto& entry : fs::directory_iterator(directory.path)) {
        CHECK(entry.path().filename().string().rfind(".keep.png.", 0) != 0);  // no temporary left behind
    }
}

TEST_CASE("a directory that cannot be written gets a clear message") {
    const PngWriteResult result = writePng("/nonexistent-directory/shot.png", smallImage(), 4, 4, false);
    CHECK_FALSE(result.ok);
    CHECK(result.error.find("/nonexistent-directory/shot.png: cannot write in /nonexistent-directory") == 0);
}

TEST_CASE("preferences round-trip; a broken file gives the defaults and a warning") {
    TemporaryDirectory directory;
    const std::string path = (directory.path / "config" / "preferences.json").string();
    Preferences preferences;
    preferences.windowWidth = 1500;
    preferences.speed = 2;
    preferences.loop = true;
    std::string message;
    REQUIRE(savePreferences(path, preferences, message));
    const Preferences loaded = loadPreferences(path, message);
    CHECK(message.empty());
    CHECK(loaded.windowWidth == 1500);
    CHECK(loaded.speed == 2);
    CHECK(loaded.loop);
    {
        std::ofstream broken(path);
        broken << "{ not json";
    }
    const Preferences fallback = loadPreferences(path, message);
    CHECK(fallback.windowWidth == Preferences{}.windowWidth);
    CHECK(message.find(path) == 0);
}

namespace {

void writeStory(const fs::path& path, const std::string& title) {
    std::ofstream(path) << R"({"format": "epilogue-story/1", "title": ")" << title << R"(",
        "lanes": [{"id": "real", "title": "What happened"}],
        "events": [{"id": "meet", "lane": "real", "time": 1, "title": "They meet"}]})";
}

// Waits for the reloader's "ready" signal, then takes the result.
struct ReadySignal {
    std::mutex mutex;
    std::condition_variable changed;
    int count = 0;
    void notify() {
        {
            std::lock_guard<std::mutex> lock(mutex);
            ++count;
        }
        changed.notify_all();
    }
    bool waitFor(int wanted) {
        std::unique_lock<std::mutex> lock(mutex);
        return changed.wait_for(lock, std::chrono::seconds(10), [&] { return count >= wanted; });
    }
};

}  // namespace

TEST_CASE("the story reloader reads the file on its own thread and hands over the newest result") {
    TemporaryDirectory directory;
    const fs::path path = directory.path / "story.json";
    writeStory(path, "First");
    ReadySignal ready;
    StoryReloader reloader(path.string(), [&] { ready.notify(); });
    CHECK_FALSE(reloader.take().has_value());  // nothing asked yet

    reloader.request();
    REQUIRE(ready.waitFor(1));
    std::optional<StoryLoadResult> first = reloader.take();
    REQUIRE(first.has_value());
    REQUIRE(first->ok());
    CHECK(first->story.title == "First");
    CHECK_FALSE(reloader.take().has_value());  // taken once

    // A broken save comes back as errors naming the file; the next good save loads again.
    std::ofstream(path) << "{\"format\": ";
    reloader.request();
    REQUIRE(ready.waitFor(2));
    std::optional<StoryLoadResult> broken = reloader.take();
    REQUIRE(broken.has_value());
    REQUIRE_FALSE(broken->ok());
    CHECK(broken->errors[0].file == path.string());

    writeStory(path, "Second");
    reloader.request();
    REQUIRE(ready.waitFor(3));
    std::optional<StoryLoadResult> second = reloader.take();
    REQUIRE(second.has_value());
    REQUIRE(second->ok());
    CHECK(second->story.title == "Second");
    CHECK_FALSE(reloader.busy());
}
