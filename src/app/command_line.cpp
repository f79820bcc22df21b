// Command-line parsing with CLI11. Every number is checked against the limits every input shares
// (story/number_limits.h), NaN and infinities included, and every path must be non-empty; a value out of
// the limits is a usage error in CLI11's own words ("--scale: is nan, not a number"), exit status 2.
#include "app/command_line.h"

#include "story/number_limits.h"
#include "story/terminal_text.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <sstream>

namespace epilogue {

namespace {

// The whole of `text` as a number (what strtod reads: "1e3", "-0.5", also "nan" and "inf", which the
// checks then refuse).
bool parseNumber(const std::string& text, double& out) {
    if (text.empty() || text.find_first_of(" \t\n") != std::string::npos) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);  // 1e999 reads as inf, which the checks refuse
    return end == text.c_str() + text.size();
}

// "1280x720" -> 1280, 720 (whole numbers; the limits are checked by the caller).
bool parseSize(const std::string& text, double& width, double& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    return parseNumber(text.substr(0, x), width) && parseNumber(text.substr(x + 1), height) &&
           text.find_first_not_of("0123456789x") == std::string::npos;
}

// "10.5:20" -> 10.5, 20.
bool parseRange(const std::string& text, double& start, double& end) {
    const auto colon = text.find(':');
    return colon != std::string::npos && parseNumber(text.substr(0, colon), start) &&
           parseNumber(text.substr(colon + 1), end);
}

std::string inSingleQuotes(const std::string& text) { return "'" + escapeForTerminal(excerpt(text, 80)) + "'"; }

// A CLI11 check of a number against one of the limits' checks.
CLI::Validator numberCheck(std::string (*check)(double), const std::string& description) {
    return CLI::Validator(
        [check](std::string& text) -> std::string {
            double value = 0;
            if (!parseNumber(text, value)) return inSingleQuotes(text) + " is not a number";
            return check(value);
        },
        description);
}

const CLI::Validator kNonEmpty(
    [](std::string& text) -> std::string { return text.empty() ? "must not be empty" : ""; }, "");

const CLI::Validator kSize(
    [](std::string& text) -> std::string {
        double width = 0, height = 0;
        if (!parseSize(text, width, height)) return inSingleQuotes(text) + " is not WxH, e.g. 1280x720";
        std::string problem = checkLogicalSize(width);
        if (problem.empty()) problem = checkLogicalSize(height);
        return problem.empty() ? "" : inSingleQuotes(text) + ": a side " + problem;
    },
    "");

const CLI::Validator kRange(
    [](std::string& text) -> std::string {
        double start = 0, end = 0;
        if (!parseRange(text, start, end)) return inSingleQuotes(text) + " is not START:END, e.g. 0:20";
        const std::string problem = checkViewRange(start, end);
        return problem.empty() ? "" : inSingleQuotes(text) + ": " + problem;
    },
    "");

// "in [0.5 - 8]", as CLI11 writes its ranges in the help.
std::string range(double min, double max) { return "in [" + formatNumber(min) + " - " + formatNumber(max) + "]"; }

}  // namespace

CommandLineResult parseCommandLine(int argc, const char* const* argv) {
    CommandLine options;
    std::string size;
    std::string visibleRange;
    CLI::App app{"Epilogue: see a story that forks. Opens the story in a window, or renders it headless.",
                 "epilogue"};
    const CLI::Validator time = numberCheck(checkViewTime, "");
    app.add_option("story", options.storyPath, "Story file to open (default: the bundled La La Land story)")->check(kNonEmpty);
    app.add_option("--validate", options.validatePath, "Check a story file, print a summary or its errors, and exit")
        ->type_name("FILE")
        ->check(kNonEmpty);
    app.add_option("--screenshot", options.screenshotPath, "Render offscreen to a PNG file and exit (no display needed)")
        ->type_name("OUT.png")
        ->check(kNonEmpty);
    app.add_option("--size", size, "Size of the image in logical pixels (default 1280x720)")->type_name("WxH")->check(kSize);
    app.add_option("--scale", options.scale, "Pixels per logical pixel: 2 renders a sharp image twice the size")
        ->check(numberCheck(checkScale, range(limits::kMinScale, limits::kMaxScale)));
    auto* timeOption = app.add_option("--time", options.time, "Put the playhead at this story time")->check(time);
    auto* atOption =
        app.add_option("--at", options.atEvent, "Put the playhead at this event")->type_name("EVENT")->check(kNonEmpty);
    timeOption->excludes(atOption);
    app.add_option("--range", visibleRange, "Show this stretch of story time (default: the whole story)")
        ->type_name("START:END")
        ->check(kRange);
    app.add_option("--select", options.selectEvent, "Select this event (its commentary fills the panel)")
        ->type_name("EVENT")
        ->check(kNonEmpty);
    app.add_flag("--no-ui", options.noUi, "Render the canvas alone, without panels");
    app.add_flag("-y,--overwrite", options.overwrite, "Replace the screenshot file if it exists");
    app.add_flag("--reduced-motion", options.reducedMotion, "Still the twinkle and shimmer");
    app.add_option("--animation-time", options.animationTime,
                   "Animation clock for a screenshot, in seconds (the same value draws the same pixels)")
        ->check(numberCheck(checkAnimationTime, range(0, limits::kMaxAnimationTime)));
    app.add_option("--screenshot-dir", options.screenshotDirectory,
                   "Where F12 saves screenshots (default: $XDG_PICTURES_DIR, else ~/Pictures)")
        ->type_name("DIR")
        ->check(kNonEmpty);
    app.add_option("--state-file", options.stateFile,
                   "Keep a JSON description of what the window shows in this file (for scripts and tests)")
        ->type_name("PATH")
        ->check(kNonEmpty);
    app.add_option("--restore", options.restorePath,
                   "Open the view a screenshot's sidecar describes (with --screenshot: draw the same image)")
        ->type_name("NAME.png.json")
        ->check(kNonEmpty);
    auto* framesOption = app.add_option("--frames", options.framesDirectory,
                                        "Render the playhead moving through the story into numbered PNGs in DIR")
                             ->type_name("DIR")
                             ->check(kNonEmpty);
    auto* videoOption = app.add_option("--video", options.videoPath, "Render the same frames into a video with ffmpeg")
                            ->type_name("OUT.mp4")
                            ->check(kNonEmpty);
    framesOption->excludes(videoOption);
    app.add_option("--fps", options.fps, "Frames per second for --frames and --video (default 30)")
        ->check(numberCheck(checkFps, range(limits::kMinFps, limits::kMaxFps)));
    app.add_option("--from", options.from, "Story time the frames start at (default: the story's start)")->check(time);
    app.add_option("--to", options.to, "Story time the frames end at (default: the story's end)")->check(time);
    app.add_option("--duration", options.duration, "Seconds the frames span (default 10)")
        ->check(numberCheck(checkDuration, range(limits::kMinDuration, limits::kMaxDuration)));
    app.add_flag("--frame-stats", options.frameStats, "On exit, print how many frames were drawn and how long they took");
    app.set_version_flag("--version", std::string("epilogue ") + EPILOGUE_VERSION);

    CommandLineResult result;
    try {
        app.parse(argc, argv);
        if (!size.empty()) {
            double width = 0, height = 0;
            parseSize(size, width, height);  // checked by kSize
            options.width = static_cast<int>(width);
            options.height = static_cast<int>(height);
        }
        // The image, as a whole: --size and --scale are each within limits, but their product may not be.
        const std::string problem = checkImageSize(options.width, options.height, options.scale);
        if (!problem.empty()) throw CLI::ValidationError(size.empty() ? "--scale" : "--size and --scale", problem);
    } catch (const CLI::ParseError& error) {
        std::ostringstream out, err;
        const int code = app.exit(error, out, err);
        result.output = out.str() + err.str();
        result.exitCode = code == 0 ? 0 : 2;
        return result;
    }
    options.sizeGiven = !size.empty();
    options.given.story = !options.storyPath.empty();
    options.given.size = !size.empty();
    options.given.scale = app.count("--scale") > 0;
    options.given.time = app.count("--time") > 0 || app.count("--at") > 0;
    options.given.select = app.count("--select") > 0;
    options.given.ui = app.count("--no-ui") > 0;
    options.given.animation = app.count("--animation-time") > 0;
    if (!visibleRange.empty()) {
        double start = 0, end = 0;
        parseRange(visibleRange, start, end);  // checked by kRange
        options.rangeStart = start;
        options.rangeEnd = end;
    }
    result.options = options;
    return result;
}

}  // namespace epilogue
