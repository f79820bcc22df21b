// The user's preferences, kept between runs in preferences.json under the XDG config directory (beside
// imgui.ini, where Dear ImGui keeps its own window state). A missing or broken file gives the defaults
// and a warning; it never stops the program.
#pragma once

#include <string>

namespace epilogue {

struct Preferences {
    int windowWidth = 1280;
    int windowHeight = 760;
    bool maximized = false;
    double speed = 1;
    bool loop = false;
    bool reducedMotion = false;
    bool screenshotCanvasOnly = false;
    std::string screenshotFormat = "png";  // "png", "svg" or "pdf"
};

// Reads `path` (a regular file only, of at most a megabyte); on any problem returns the defaults and
// describes it in `warning`. A value out of the limits every input shares (a window side from 16 to
// 16384, a speed from 0.05 to 20: story/number_limits.h) falls back to its default, with a warning.
Preferences loadPreferences(const std::string& path, std::string& warning);
// Writes `path` (and its directory) atomically, any value out of the limits as its default; false with a
// message on failure.
bool savePreferences(const std::string& path, const Preferences& preferences, std::string& error);

}  // namespace epilogue
