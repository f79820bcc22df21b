// Command-line parsing with CLI11.
#include "app/command_line.h"

#include <CLI/CLI.hpp>

#include <sstream>

namespace epilogue {

namespace {

// "1280x720" -> 1280, 720.
bool parseSize(const std::string& text, int& width, int& height) {
    const auto x = text.find('x');
    if (x == std::string::npos) return false;
    try {
        std::size_t used = 0;
        const int w = std::stoi(text.substr(0, x), &used);
        if (used != x) return false;
        const std::string rest = text.substr(x + 1);
        const int h = std::stoi(rest, &used);
        if (used != rest.size()) return false;
        if (w < 16 || h < 16 || w > 16384 || h > 16384) return false;
        width = w;
        height = h;
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

// "10.5:20" -> 10.5, 20, with start before end.
bool parseRange(const std::string& text, double& start, double& end) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) return false;
    try {
        std::size_t used = 0;
        const double a = std::stod(text.substr(0, colon), &used);
        if (used != colon) return false;
        const std::string rest = text.substr(colon + 1);
        const double b = std::stod(rest, &used);
        if (used != rest.size() || !(a < b)) return false;
        start = a;
        end = b;
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

CommandLineResult parseCommandLine(int argc, const char* const* argv) {
    CommandLine options;
    std::string size;
    std::string range;
    CLI::App app{"Epilogue: see a story that forks. Opens the story in a window, or renders it headless.",
                 "epilogue"};
    app.add_option("story", options.storyPath, "Story file to open (default: the bundled La La Land story)");
    app.add_option("--validate", options.validatePath, "Check a story file, print a summary or its errors, and exit")
        ->type_name("FILE");
    app.add_option("--screenshot", options.screenshotPath, "Render offscreen to a PNG file and exit (no display needed)")
        ->type_name("OUT.png");
    app.add_option("--size", size, "Size of the image in logical pixels (default 1280x720)")->type_name("WxH");
    app.add_option("--scale", options.scale, "Pixels per logical pixel: 2 renders a sharp image twice the size")
        ->check(CLI::Range(0.5f, 8.0f));
    auto* timeOption = app.add_option("--time", options.time, "Put the playhead at this story time");
    auto* atOption = app.add_option("--at", options.atEvent, "Put the playhead at this event")->type_name("EVENT");
    timeOption->excludes(atOption);
    app.add_option("--range", range, "Show this stretch of story time (default: the whole story)")
        ->type_name("START:END");
    app.add_option("--select", options.selectEvent, "Select this event (its commentary fills the panel)")
        ->type_name("EVENT");
    app.add_flag("--no-ui", options.noUi, "Render the canvas alone, without panels");
    app.add_flag("-y,--overwrite", options.overwrite, "Replace the screenshot file if it exists");
    app.add_flag("--reduced-motion", options.reducedMotion, "Still the twinkle and shimmer");
    app.add_option("--animation-time", options.animationTime,
                   "Animation clock for a screenshot, in seconds (the same value draws the same pixels)")
        ->check(CLI::Range(0.0f, 1.0e6f));
    app.add_option("--screenshot-dir", options.screenshotDirectory,
                   "Where F12 saves screenshots (default: $XDG_PICTURES_DIR, else ~/Pictures)")
        ->type_name("DIR");
    app.add_option("--state-file", options.stateFile,
                   "Keep a JSON description of what the window shows in this file (for scripts and tests)")
        ->type_name("PATH");
    app.add_option("--restore", options.restorePath,
                   "Open the view a screenshot's sidecar describes (with --screenshot: draw the same image)")
        ->type_name("NAME.png.json");
    auto* framesOption = app.add_option("--frames", options.framesDirectory,
                                        "Render the playhead moving through the story into numbered PNGs in DIR")
                             ->type_name("DIR");
    auto* videoOption =
        app.add_option("--video", options.videoPath, "Render the same frames into a video with ffmpeg")->type_name("OUT.mp4");
    framesOption->excludes(videoOption);
    app.add_option("--fps", options.fps, "Frames per second for --frames and --video (default 30)")
        ->check(CLI::Range(1.0, 240.0));
    app.add_option("--from", options.from, "Story time the frames start at (default: the story's start)");
    app.add_option("--to", options.to, "Story time the frames end at (default: the story's end)");
    app.add_option("--duration", options.duration, "Seconds the frames span (default 10)")->check(CLI::Range(0.01, 3600.0));
    app.add_flag("--frame-stats", options.frameStats, "On exit, print how many frames were drawn and how long they took");
    app.set_version_flag("--version", std::string("epilogue ") + EPILOGUE_VERSION);

    CommandLineResult result;
    try {
        app.parse(argc, argv);
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
    if (!size.empty() && !parseSize(size, options.width, options.height)) {
        result.output = "epilogue: --size: '" + size + "' is not WxH with each side from 16 to 16384, e.g. 1280x720\n"
                        "Run with --help for more information.\n";
        result.exitCode = 2;
        return result;
    }
    if (!range.empty()) {
        double start = 0, end = 0;
        if (!parseRange(range, start, end)) {
            result.output = "epilogue: --range: '" + range + "' is not START:END with START before END, e.g. 0:20\n"
                            "Run with --help for more information.\n";
            result.exitCode = 2;
            return result;
        }
        options.rangeStart = start;
        options.rangeEnd = end;
    }
    result.options = options;
    return result;
}

}  // namespace epilogue
