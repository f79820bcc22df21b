// Command-line parsing with CLI11. Every number is checked against the limits every input shares
// (story/number_limits.h), NaN and infinities included, and every path must be non-empty; a value out of
// the limits is a usage error in CLI11's own words ("--scale: is nan, not a number"), exit status 2.
#include "app/command_line.h"

#include "export/vector_still.h"
#include "story/number_limits.h"
#include "story/story_time_text.h"
#include "story/terminal_text.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <sstream>

namespace epilogue {

namespace {

bool parseNumber(const std::string& text, double& out) { return parseNumberText(text, out); }

// "1280x720" -> 1280, 720 (whole numbers; the limits are checked by the caller).
bool parseSize(const std::string& text, double& width, double& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    return parseNumber(text.substr(0, x), width) && parseNumber(text.substr(x + 1), height) &&
           text.find_first_not_of("0123456789x") == std::string::npos;
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

// A story time as typed: a number within the limits, or a date (which one the story takes is known later).
const CLI::Validator kTime(
    [](std::string& text) -> std::string {
        const TimeTextShape shape = checkTimeTextShape(text);
        if (shape.kind != TimeTextKind::Invalid) return "";
        // The limits' own words stand alone ("is nan, not a number"), as for every other number.
        double number = 0;
        return parseNumber(text, number) ? shape.problem : inSingleQuotes(text) + " " + shape.problem;
    },
    "");

// "10.5:20", "1942-06-01:1942-06-10", "1942-06-04T09:00..1942-06-04T12:00": both ends numbers or both dates.
const CLI::Validator kRange(
    [](std::string& text) -> std::string {
        std::string start, end, problem;
        if (!splitTimeRange(text, start, end, problem)) return inSingleQuotes(text) + " " + problem;
        const TimeTextShape first = checkTimeTextShape(start), last = checkTimeTextShape(end);
        if (first.kind == TimeTextKind::Invalid) return inSingleQuotes(text) + ": the start " + inSingleQuotes(start) + " " + first.problem;
        if (last.kind == TimeTextKind::Invalid) return inSingleQuotes(text) + ": the end " + inSingleQuotes(end) + " " + last.problem;
        if (first.kind != last.kind) return inSingleQuotes(text) + ": one end is a number and the other a date";
        double startNumber = 0, endNumber = 0;
        if (first.kind == TimeTextKind::Number && parseNumber(start, startNumber) && parseNumber(end, endNumber)) {
            const std::string outOfRange = checkViewRange(startNumber, endNumber);
            if (!outOfRange.empty()) return inSingleQuotes(text) + ": " + outOfRange;
        }
        return "";
    },
    "");

// A screenshot is a PNG, an SVG or a PDF, by its extension.
const CLI::Validator kStillPath(
    [](std::string& text) -> std::string {
        if (text.empty()) return "must not be empty";
        if (stillFormatOf(text)) return "";
        const std::size_t slash = text.find_last_of('/');
        const std::size_t dot = text.find_last_of('.');
        const bool hasExtension = dot != std::string::npos && (slash == std::string::npos || dot > slash);
        return inSingleQuotes(text) + (hasExtension ? ": unknown image type " + inSingleQuotes(text.substr(dot)) : ": no extension") +
               "; a screenshot is a .png, .svg or .pdf file";
    },
    "");

const CLI::Validator kPaper(
    [](std::string& text) -> std::string {
        return paperNamed(text) ? "" : inSingleQuotes(text) + " is not a paper size (" + paperNames() + ")";
    },
    "");

// "in [0.5 - 8]", as CLI11 writes its ranges in the help.
std::string range(double min, double max) { return "in [" + formatNumber(min) + " - " + formatNumber(max) + "]"; }

}  // namespace

CommandLineResult parseCommandLine(int argc, const char* const* argv) {
    CommandLine options;
    std::string size;
    CLI::App app{"Epilogue: see a story that forks. Opens the story in a window, or renders it headless.",
                 "epilogue"};
    app.add_option("story", options.storyPath, "Story file to open (default: the bundled La La Land story)")->check(kNonEmpty);
    app.add_option("--validate", options.validatePath, "Check a story file, print a summary or its errors, and exit")
        ->type_name("FILE")
        ->check(kNonEmpty);
    auto* screenshotOption =
        app.add_option("--screenshot", options.screenshotPath,
                       "Render offscreen to a PNG file and exit (no display needed); OUT.svg or OUT.pdf draws the same "
                       "frame as vectors, with real text")
            ->type_name("OUT.png")
            ->check(kStillPath);
    app.add_option("--paper", options.paper, "Put a PDF screenshot on a landscape page of this size, for printing")
        ->type_name("A4|A3|Letter")
        ->check(kPaper);
    auto* htmlOption = app.add_option("--html", options.htmlPath,
                                      "Write a self-contained web page of the story: the picture, every event to click "
                                      "or reach with the keyboard, and its commentary beside it")
                           ->type_name("OUT.html")
                           ->check(kNonEmpty);
    htmlOption->excludes(screenshotOption);
    app.add_option("--size", size, "Size of the image in logical pixels (default 1280x720)")->type_name("WxH")->check(kSize);
    app.add_option("--scale", options.scale, "Pixels per logical pixel: 2 renders a sharp image twice the size")
        ->check(numberCheck(checkScale, range(limits::kMinScale, limits::kMaxScale)));
    auto* timeOption = app.add_option("--time", options.timeText,
                                      "Put the playhead at this story time (a date such as 1942-06-04T09:30 in a story in dates)")
                           ->type_name("TIME")
                           ->check(kTime);
    auto* atOption =
        app.add_option("--at", options.atEvent, "Put the playhead at this event")->type_name("EVENT")->check(kNonEmpty);
    timeOption->excludes(atOption);
    app.add_option("--range", options.rangeText,
                   "Show this stretch of story time (default: the whole story); START..END also works, and is never "
                   "ambiguous when times of day hold colons")
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
    htmlOption->excludes(framesOption);
    htmlOption->excludes(videoOption);
    app.add_option("--fps", options.fps, "Frames per second for --frames and --video (default 30)")
        ->check(numberCheck(checkFps, range(limits::kMinFps, limits::kMaxFps)));
    app.add_option("--from", options.fromText, "Story time the frames start at (default: the story's start)")
        ->type_name("TIME")
        ->check(kTime);
    app.add_option("--to", options.toText, "Story time the frames end at (default: the story's end)")
        ->type_name("TIME")
        ->check(kTime);
    app.add_option("--duration", options.duration, "Seconds the frames span (default 10)")
        ->check(numberCheck(checkDuration, range(limits::kMinDuration, limits::kMaxDuration)));
    app.add_flag("--tour", options.tour,
                 "With --frames or --video: render the guided tour, stop by stop, captions and all (it sets its own "
                 "length; with --video, subtitles go to OUT.vtt)");
    app.add_flag("--frame-stats", options.frameStats, "On exit, print how many frames were drawn and how long they took");
    app.add_flag("--frame-log", options.frameLog,
                 "Print the window's start-up steps and each frame's start, end and pixels drawn as they happen "
                 "(milliseconds on the monotonic clock; read by epilogue-bench), and the peak memory on exit");
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
        if (options.tour && options.framesDirectory.empty() && options.videoPath.empty()) {
            throw CLI::ValidationError("--tour", "renders the guided tour into --frames DIR or --video OUT.mp4; give one");
        }
        if (options.tour && (app.count("--from") || app.count("--to") || app.count("--duration"))) {
            throw CLI::ValidationError("--tour", "the tour sets its own stretch and length; leave out --from, --to and --duration");
        }
        if (!options.paper.empty() && stillFormatOf(options.screenshotPath) != StillFormat::Pdf) {
            throw CLI::ValidationError("--paper", "a paper size is for a PDF screenshot (--screenshot OUT.pdf)");
        }
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
    result.options = options;
    return result;
}

std::string resolveStoryTimes(const Story& story, CommandLine& options) {
    auto read = [&](const char* flag, const std::string& text, std::optional<double>& out) -> std::string {
        if (text.empty()) return "";
        const StoryTimeReading reading = readStoryTimeText(story, text);
        if (!reading.ok) return std::string(flag) + ": " + inSingleQuotes(text) + " " + reading.problem;
        out = reading.time;
        return "";
    };
    std::string problem = read("--time", options.timeText, options.time);
    if (problem.empty()) problem = read("--from", options.fromText, options.from);
    if (problem.empty()) problem = read("--to", options.toText, options.to);
    if (!problem.empty() || options.rangeText.empty()) return problem;
    std::string startText, endText;
    splitTimeRange(options.rangeText, startText, endText, problem);  // checked by kRange
    std::optional<double> start, end;
    problem = read("--range", startText, start);
    if (problem.empty()) problem = read("--range", endText, end);
    if (!problem.empty()) return problem;
    const std::string outOfRange = checkViewRange(*start, *end);
    if (!outOfRange.empty()) {
        if (!(*start < *end)) {
            return "--range: " + inSingleQuotes(options.rangeText) + ": starts at " + startText + ", not before its end " + endText;
        }
        return "--range: " + inSingleQuotes(options.rangeText) + ": " + outOfRange;
    }
    options.rangeStart = start;
    options.rangeEnd = end;
    return "";
}

}  // namespace epilogue
