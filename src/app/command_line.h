// The command line: what the user asked for, parsed and checked, with CLI11's help and error messages.
#pragma once

#include "story/story.h"

#include <optional>
#include <string>

namespace epilogue {

// Which flags the user gave explicitly (a restored sidecar must not override them).
struct ExplicitFlags {
    bool story = false, size = false, scale = false, time = false, select = false, ui = false, animation = false;
};

struct CommandLine {
    std::string storyPath;        // empty: the bundled La La Land story
    std::string validatePath;     // --validate FILE
    std::string screenshotPath;   // --screenshot OUT.png (or OUT.svg, OUT.pdf: by the extension)
    std::string paper;            // --paper A4|A3|Letter: a PDF screenshot on a page of that size, landscape
    std::string htmlPath;         // --html OUT.html: a self-contained web page of the story
    int width = 1280, height = 720;  // --size WxH, logical pixels
    float scale = 1;                 // --scale N
    // Story times, as given: in the story's notation (numbers, or dates in a story in dates), read once the
    // story is known (resolveStoryTimes) into the numbers below, which --restore may also set.
    std::string timeText, rangeText, fromText, toText;
    std::optional<double> time;      // --time T
    std::optional<double> rangeStart, rangeEnd;  // --range START:END or START..END, the visible stretch of story time
    std::string atEvent;             // --at EVENT
    std::string selectEvent;         // --select EVENT
    bool noUi = false;               // --no-ui
    bool overwrite = false;          // --overwrite / -y
    bool reducedMotion = false;      // --reduced-motion
    float animationTime = 2.0f;      // --animation-time S: the clock that drives twinkle and shimmer
    bool sizeGiven = false;          // --size was given (else the window takes its remembered size)
    std::string screenshotDirectory; // --screenshot-dir DIR: where F12 saves (default: the XDG pictures directory)
    bool frameStats = false;         // --frame-stats: print how long drawn frames took, on exit
    bool frameLog = false;           // --frame-log: print start-up steps and every frame's times as they happen
    std::string stateFile;           // --state-file PATH: the window writes what is on screen there (for tests)
    std::string restorePath;         // --restore NAME.png.json: open the view a screenshot shows
    std::string framesDirectory;     // --frames DIR: render the playhead moving through the story as PNGs
    std::string videoPath;           // --video OUT.mp4: the same frames piped into ffmpeg
    double fps = 30;                 // --fps N
    std::optional<double> from, to;  // --from T, --to T: the stretch of story time the frames cover
    double duration = 10;            // --duration S: seconds of video
    bool tour = false;               // --tour: the frames or the video show the guided tour (timeline/tour.h)
    ExplicitFlags given;
};

struct CommandLineResult {
    std::optional<CommandLine> options;  // set when the program should run
    int exitCode = 0;                    // when not: 0 after --help/--version, 2 after a usage error
    std::string output;                  // text to print (help, version, or the error)
};

CommandLineResult parseCommandLine(int argc, const char* const* argv);

// Reads the story times the command line gave (--time, --range, --from, --to) in the story's notation into
// `options`. Returns "" or the usage error, naming the flag: "--time: '1942-06-04' is a date, but the
// story's times are numbers (from 0 to 80)".
std::string resolveStoryTimes(const Story& story, CommandLine& options);

}  // namespace epilogue
