// epilogue-bench's "window" section: the program as a user runs it, in a real window on the X display the
// bench is given (under Xvfb: xvfb-run -a -s "-screen 0 1920x1080x24" build/epilogue-bench). Each launch is a
// fresh `epilogue --frame-log` process; its log gives the time from launch to each start-up step and to the
// first frame on screen, and its peak memory. A drag of the playhead along the ruler, sent by xdotool as a
// person's mouse would, gives the interval between the frames the window presents while it follows.
#pragma once

#include <string>
#include <vector>

namespace epilogue {

struct WindowStep {
    std::string name;       // main, story, window, renderer, first frame drawn, first frame presented
    double medianMs = 0;    // from the launch (the bench's clock just before the process is started)
    double minMs = 0, maxMs = 0;
};

struct WindowDrag {
    bool reducedMotion = false;   // --reduced-motion: no twinkle or shimmer, so only what the drag moves changes
    std::string story;            // the file's name
    std::size_t events = 0;
    int moves = 0;                // pointer moves sent
    double pointerSeconds = 0;    // how long the moves took to send
    int frames = 0;               // frames presented while the playhead followed the pointer
    double intervalMedianMs = 0, intervalP99Ms = 0, intervalMaxMs = 0;  // between frames presented
    double drawMedianMs = 0, drawP99Ms = 0;  // a frame's drawing, from its start to its presentation
    double redrawnShareMedian = -1;  // of the window's pixels, the share a frame drew again (median; -1: not logged)
    double peakMb = 0;            // the window's peak resident memory, the drag included
};

struct WindowFigures {
    bool measured = false;
    std::string notMeasured;      // why not, when not
    int width = 0, height = 0, launches = 0;
    std::string story;            // the story launched
    std::vector<WindowStep> steps;
    double peakMbMedian = 0;      // the window's peak memory after its first frames
    std::string notDragged;       // why no drag, when none
    std::vector<WindowDrag> drags;  // as the window opens, then with reduced motion
};

struct WindowMeasurement {
    std::string program;          // the epilogue executable
    std::string story;            // launched `launches` times (after one launch not counted, warming caches)
    std::string dragStory;        // dragged twice: as the window opens, and with --reduced-motion
    std::size_t dragEvents = 0;
    float rulerY = 0, dragFromX = 0, dragToX = 0;  // where the drag runs, in the window's pixels
    int width = 1920, height = 1080, launches = 5, moves = 400;
};

// Needs $DISPLAY (else the figures say so) and, for the drag, xdotool on PATH. Settings the window keeps
// (preferences, recent stories) go to a temporary directory, never the user's.
WindowFigures measureWindow(const WindowMeasurement& measurement);

void printWindowTable(const WindowFigures& figures);
void printWindowJson(const WindowFigures& figures);

}  // namespace epilogue
