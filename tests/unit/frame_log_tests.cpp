// Tier 1 (no window): --frame-log's lines, written and read back, as epilogue-bench reads a window's log.
#include "app/frame_log.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

using namespace epilogue;

TEST_CASE("a frame log read back gives its steps in order, its frames and the peak memory") {
    char* buffer = nullptr;
    std::size_t size = 0;
    std::FILE* out = ::open_memstream(&buffer, &size);
    REQUIRE(out != nullptr);
    FrameLog log(out);
    CHECK(log.enabled());
    log.step("main", 1000.25);
    log.step("window", 1040.5);
    log.frame(1050.0, 1066.75, 2073600);
    log.frame(1067.0, 1083.5, 81920);
    log.finish();
    std::fclose(out);
    const std::string text(buffer, size);
    std::free(buffer);

    const FrameLogRecord record = parseFrameLog(text);
    REQUIRE(record.steps.size() == 2);
    CHECK(record.steps[0].first == "main");
    CHECK(record.stepAt("main") == doctest::Approx(1000.25));
    CHECK(record.stepAt("window") == doctest::Approx(1040.5));
    CHECK(record.stepAt("renderer") < 0);
    REQUIRE(record.frames.size() == 2);
    CHECK(record.frames[1].first == doctest::Approx(1067.0));
    CHECK(record.frames[1].second == doctest::Approx(1083.5));
    REQUIRE(record.framePixels.size() == 2);
    CHECK(record.framePixels[0] == 2073600);
    CHECK(record.framePixels[1] == 81920);
    CHECK(record.peakKilobytes > 0);  // this process's own
}

TEST_CASE("a frame log cut short or holding other lines keeps what it has whole") {
    const FrameLogRecord record = parseFrameLog("epilogue: a warning\nstep main 5.5\nframe 6 7\nframe 8.0 9");
    CHECK(record.stepAt("main") == doctest::Approx(5.5));
    CHECK(record.frames.size() == 1);  // the last line has no end: it may be cut
    CHECK(record.framePixels == std::vector<long long>{-1});  // a log that does not say
    CHECK(record.peakKilobytes == -1);
    FrameLog off;
    CHECK_FALSE(off.enabled());
    off.step("main", 1);  // writes nothing, and does not fail
}

TEST_CASE("the monotonic clock moves forward and the peak memory is read") {
    const double before = monotonicMilliseconds();
    CHECK(monotonicMilliseconds() >= before);
    CHECK(peakResidentKilobytes() > 0);
    CHECK(memoryStatusKilobytes("VmRSS") > 0);
    CHECK(memoryStatusKilobytes("NoSuchField") == 0);
}
