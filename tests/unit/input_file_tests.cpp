// Tier 1 (pure logic, on real files): files from outside are read only when they are regular files, never
// waited on (a FIFO), never read without end (/dev/zero, a file that grows), and every failure says why.
#include "story/input_file.h"
#include "story/story_loader.h"

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

using namespace epilogue;

namespace {

struct TemporaryDirectory {
    std::filesystem::path path;
    TemporaryDirectory() {
        char name[] = "/tmp/epilogue-input-XXXXXX";
        REQUIRE(mkdtemp(name) != nullptr);
        path = name;
    }
    ~TemporaryDirectory() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("input files: a regular file is read whole; over the limit is an error that says so") {
    TemporaryDirectory directory;
    const std::string path = (directory.path / "a.json").string();
    std::ofstream(path, std::ios::binary) << "0123456789";
    std::string contents;
    InputFileError error;
    REQUIRE(readInputFile(path, 10, contents, error));
    CHECK(contents == "0123456789");
    CHECK_FALSE(readInputFile(path, 9, contents, error));
    CHECK(error.problem == InputFileProblem::TooLarge);
    CHECK(error.message == "the file is 10 bytes, over the limit of 9 bytes");
}

TEST_CASE("input files: a missing or unreadable file says why (strerror)") {
    std::string contents;
    InputFileError error;
    CHECK_FALSE(readInputFile("/nonexistent/a.json", 100, contents, error));
    CHECK(error.problem == InputFileProblem::CannotOpen);
    CHECK(error.message == "cannot open the file: No such file or directory");
    CHECK_FALSE(readInputFile("", 100, contents, error));
    CHECK(error.problem == InputFileProblem::CannotOpen);
}

TEST_CASE("input files: a FIFO, a device and a directory are refused at once, never opened for long") {
    TemporaryDirectory directory;
    const std::string fifo = (directory.path / "fifo.json").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    std::string contents;
    InputFileError error;
    // Would block in open() for ever if the FIFO were opened for reading without O_NONBLOCK: run it on a
    // thread, and fail (rather than hang) if it does not come back.
    std::atomic<bool> done{false};
    bool read = true;
    std::thread reader([&] {
        read = readInputFile(fifo, 100, contents, error);
        done = true;
    });
    for (int i = 0; i < 500 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!done) {
        FAIL_CHECK("reading a FIFO blocked");
        std::ofstream(fifo) << "x";  // lets the reader go, so the test can end
    }
    reader.join();
    CHECK_FALSE(read);
    CHECK(error.problem == InputFileProblem::NotRegular);
    CHECK(error.message == "is not a regular file (a FIFO)");

    CHECK_FALSE(readInputFile("/dev/zero", 100, contents, error));
    CHECK(error.message == "is not a regular file (a character device)");
    CHECK_FALSE(readInputFile(directory.path.string(), 100, contents, error));
    CHECK(error.message == "is not a regular file (a directory)");
}

TEST_CASE("input files: a file that reports no size, or grows while read, is still read only to the limit") {
    // Files under /proc report a size of 0 and have content.
    std::string contents;
    InputFileError error;
    REQUIRE(readInputFile("/proc/self/status", 1 << 20, contents, error));
    CHECK(contents.find("Name:") != std::string::npos);
    CHECK_FALSE(readInputFile("/proc/self/status", 16, contents, error));
    CHECK(error.problem == InputFileProblem::TooLarge);
    CHECK(error.message.find("grew past the limit of 16 bytes") != std::string::npos);

    // The story loader reads it the same way: what it read is checked, however large it said it was.
    const StoryLoadResult proc = loadStoryFile("/proc/self/status");
    REQUIRE_FALSE(proc.ok());
    CHECK(proc.errors[0].kind == StoryErrorKind::Syntax);
    StoryLoadOptions small;
    small.maxBytes = 16;
    const StoryLoadResult limited = loadStoryFile("/proc/self/status", small);
    REQUIRE_FALSE(limited.ok());
    CHECK(limited.errors[0].kind == StoryErrorKind::TooLarge);
}
