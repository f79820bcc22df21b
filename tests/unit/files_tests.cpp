// Tier 1 (no window): what the program writes — PNGs and sidecars that never replace a file (and never
// anything but a regular file), screenshot names that never collide, preferences that survive a broken
// file, atomic writes that leave no temporary file behind — and the story reloader's thread.
#include "app/atomic_file.h"
#include "app/png_writer.h"
#include "app/preferences.h"
#include "app/screenshot_writer.h"
#include "app/story_reloader.h"

#include "temporary_directory.h"

#include <doctest/doctest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace epilogue;
namespace fs = std::filesystem;

namespace {

using testing::TemporaryDirectory;

std::vector<std::uint8_t> smallImage() { return std::vector<std::uint8_t>(4 * 4 * 4, 200); }

// The names in a directory, sorted.
std::set<std::string> entriesOf(const fs::path& directory) {
    std::set<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory)) names.insert(entry.path().filename().string());
    return names;
}

std::string contentOf(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// A target the rename cannot replace: a directory that is not empty.
fs::path occupiedTarget(const fs::path& directory) {
    const fs::path target = directory / "target.json";
    fs::create_directory(target);
    std::ofstream(target / "inside") << "x";
    return target;
}

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

TEST_CASE("preferences out of the limits fall back to the defaults with a warning, and are not saved back") {
    TemporaryDirectory directory;
    const std::string path = (directory.path / "preferences.json").string();
    const std::pair<const char*, const char*> cases[] = {
        {R"({"speed": -5, "loop": true})", "speed is -5; it must be from 0.05 to 20"},
        {R"({"speed": 1e308, "loop": true})", "speed is 1e+308"},
        {R"({"window_width": 1e12, "window_height": 700, "loop": true})", "window_width is 1e+12"},
        {R"({"window_width": -100, "window_height": 700, "loop": true})", "window_width is -100"},
        {R"({"window_width": 900, "window_height": 700.5, "loop": true})", "window_height is 700.5, not a whole number"},
    };
    for (const auto& [text, words] : cases) {
        INFO(text);
        std::ofstream(path, std::ios::trunc) << text;
        std::string warning;
        const Preferences loaded = loadPreferences(path, warning);
        CHECK(warning.find(path + ": ") == 0);
        CHECK(warning.find(words) != std::string::npos);
        CHECK(loaded.speed == Preferences{}.speed);
        CHECK(loaded.windowWidth == Preferences{}.windowWidth);
        CHECK(loaded.windowHeight == Preferences{}.windowHeight);
        CHECK(loaded.loop);  // the values that were right are kept
        // Saved back as the program runs on: the defaults, not the values out of the limits.
        std::string error;
        REQUIRE(savePreferences(path, loaded, error));
        warning.clear();
        loadPreferences(path, warning);
        CHECK(warning.empty());
    }
    // Nor does a value out of the limits that reaches saving get written.
    Preferences wild;
    wild.speed = -5;
    std::string error, warning;
    REQUIRE(savePreferences(path, wild, error));
    CHECK(loadPreferences(path, warning).speed == Preferences{}.speed);
    CHECK(warning.empty());
    // A preferences file that is not a regular file is ignored with a warning (read as every file from
    // outside is: a FIFO is never waited on, see input_file_tests.cpp).
    CHECK(loadPreferences(directory.path.string(), warning).speed == Preferences{}.speed);
    CHECK(warning.find("is not a regular file (a directory)") != std::string::npos);
}

TEST_CASE("an atomic write replaces the content and leaves nothing else beside it") {
    TemporaryDirectory directory;
    const fs::path path = directory.path / "state.json";
    std::string error;
    REQUIRE(writeFileAtomically(path.string(), "first", error));
    REQUIRE(writeFileAtomically(path.string(), "second, longer", error));
    CHECK(error.empty());
    CHECK(contentOf(path) == "second, longer");
    CHECK(entriesOf(directory.path) == std::set<std::string>{"state.json"});
}

TEST_CASE("an atomic write onto a directory refuses, says why and leaves nothing behind") {
    TemporaryDirectory directory;
    const fs::path target = occupiedTarget(directory.path);
    std::string error;
    CHECK_FALSE(writeFileAtomically(target.string(), "text", error));
    CHECK(error == target.string() + ": is not a regular file (a directory); not replaced");
    CHECK(entriesOf(directory.path) == std::set<std::string>{"target.json"});
    CHECK(entriesOf(target) == std::set<std::string>{"inside"});
}

TEST_CASE("nothing but a regular file is ever replaced: FIFOs, devices, directories and links are refused") {
    TemporaryDirectory directory;
    const fs::path fifo = directory.path / "fifo.png";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const fs::path folder = directory.path / "folder.png";
    fs::create_directory(folder);
    const fs::path real = directory.path / "real.txt";
    std::ofstream(real) << "real";
    const fs::path link = directory.path / "link.png";
    fs::create_symlink(real, link);
    const fs::path dangling = directory.path / "dangling.png";
    fs::create_symlink(directory.path / "nowhere", dangling);

    CHECK(outputState(fifo.string()) == OutputState::NotRegular);
    CHECK(outputState(real.string()) == OutputState::RegularFile);
    CHECK(outputState((directory.path / "absent").string()) == OutputState::Absent);
    CHECK(outputProblem(fifo.string(), true) == fifo.string() + ": is not a regular file (a FIFO); not replaced");
    CHECK(outputProblem("/dev/null", true) == "/dev/null: is not a regular file (a character device); not replaced");
    CHECK(outputProblem(link.string(), true) == link.string() + ": is not a regular file (a symbolic link); not replaced");
    CHECK(outputProblem(real.string(), true).empty());
    CHECK(outputProblem(real.string(), false) == real.string() + ": already exists; not overwritten (pass --overwrite to replace it)");

    // Neither with nor without overwrite; nothing opened (a FIFO would block), nothing left behind.
    for (const bool overwrite : {false, true}) {
        for (const fs::path& target : {fifo, folder, link, dangling, fs::path("/dev/null"), fs::path("/dev/full")}) {
            CAPTURE(target);
            const PngWriteResult png = writePng(target.string(), smallImage(), 4, 4, overwrite);
            CHECK_FALSE(png.ok);
            CHECK(png.alreadyExists);
            CHECK(png.error.find("is not a regular file") != std::string::npos);
            std::string error;
            bool exists = false;
            const bool written = overwrite ? writeFileAtomically(target.string(), "{}", error)
                                           : writeNewFileAtomically(target.string(), "{}", error, &exists);
            CHECK_FALSE(written);
            CHECK(error.find("is not a regular file") != std::string::npos);
            CHECK(exists == !overwrite);
        }
    }
    CHECK(fs::is_fifo(fifo));
    CHECK(fs::is_directory(folder));
    CHECK(fs::is_symlink(link));
    CHECK(contentOf(real) == "real");
    CHECK(fs::is_character_file("/dev/null"));
    CHECK(entriesOf(directory.path) == std::set<std::string>{"fifo.png", "folder.png", "real.txt", "link.png", "dangling.png"});
}

TEST_CASE("a new-file atomic write never replaces a file, and says when the name is taken") {
    TemporaryDirectory directory;
    const fs::path path = directory.path / "frames.json";
    std::string error;
    bool exists = true;
    REQUIRE(writeNewFileAtomically(path.string(), "first", error, &exists));
    CHECK_FALSE(exists);
    CHECK_FALSE(writeNewFileAtomically(path.string(), "second", error, &exists));
    CHECK(exists);
    CHECK(error == path.string() + ": already exists; not overwritten (pass --overwrite to replace it)");
    CHECK(contentOf(path) == "first");
    CHECK(entriesOf(directory.path) == std::set<std::string>{"frames.json"});
}

TEST_CASE("an F12 screenshot never replaces a sidecar: a stray NAME.png.json makes the name taken") {
    TemporaryDirectory directory;
    const std::time_t when = 1700000000;
    const fs::path stray = directory.path / (screenshotFileName(when, 0) + ".json");
    std::ofstream(stray) << "precious";
    ScreenshotJob job;
    job.rgba = smallImage();
    job.width = job.height = 4;
    job.directory = directory.path.string();
    job.takenAt = when;
    job.sidecar = "{}\n";
    const ScreenshotResult result = writeScreenshot(job);
    REQUIRE_MESSAGE(result.ok, result.error);
    CHECK(fs::path(result.path).filename() == screenshotFileName(when, 1));
    CHECK(contentOf(stray) == "precious");
    CHECK(contentOf(result.path + ".json") == "{}\n");
    CHECK_FALSE(fs::exists(directory.path / screenshotFileName(when, 0)));
}

TEST_CASE("an F12 capture as SVG or PDF: the document under a name of its own kind, never over another") {
    TemporaryDirectory directory;
    const std::time_t when = 1700000000;
    CHECK(screenshotFileName(when, 0, "svg").substr(screenshotFileName(when, 0).size() - 4) == ".svg");
    const fs::path taken = directory.path / screenshotFileName(when, 0, "svg");
    std::ofstream(taken) << "an older drawing";
    ScreenshotJob job;
    job.directory = directory.path.string();
    job.takenAt = when;
    job.extension = "svg";
    job.document = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
    job.sidecar = "{\"format\": \"svg\"}\n";
    const ScreenshotResult result = writeScreenshot(job);
    REQUIRE_MESSAGE(result.ok, result.error);
    CHECK(fs::path(result.path).filename() == screenshotFileName(when, 1, "svg"));
    CHECK(contentOf(result.path) == job.document);
    CHECK(contentOf(result.path + ".json") == job.sidecar);
    CHECK(contentOf(taken) == "an older drawing");
    CHECK(entriesOf(directory.path) == std::set<std::string>{taken.filename().string(), fs::path(result.path).filename().string(),
                                                             fs::path(result.path).filename().string() + ".json"});
}

TEST_CASE("an atomic write into a missing or unwritable directory fails and leaves nothing") {
    TemporaryDirectory directory;
    const fs::path missing = directory.path / "missing" / "state.json";
    std::string error;
    CHECK_FALSE(writeFileAtomically(missing.string(), "text", error));
    CHECK(error.find(missing.string() + ": cannot create a temporary file beside it (No such file") == 0);
    CHECK(entriesOf(directory.path).empty());

    if (::geteuid() != 0) {  // root writes anywhere: the permission half needs an ordinary user
        const fs::path locked = directory.path / "locked";
        fs::create_directory(locked);
        fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
        error.clear();
        CHECK_FALSE(writeFileAtomically((locked / "state.json").string(), "text", error));
        CHECK(error.find("Permission denied") != std::string::npos);
        fs::permissions(locked, fs::perms::owner_all);
        CHECK(entriesOf(locked).empty());
    }
}

TEST_CASE("saving preferences that cannot replace the file fails with a message and leaves no temporary") {
    TemporaryDirectory directory;
    const fs::path target = occupiedTarget(directory.path);
    std::string error;
    CHECK_FALSE(savePreferences(target.string(), Preferences{}, error));
    CHECK(error.find(target.string()) == 0);
    CHECK(entriesOf(directory.path) == std::set<std::string>{"target.json"});
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
