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
};

// Reads `path`; on any problem returns the defaults and describes it in `warning`.
Preferences loadPreferences(const std::string& path, std::string& warning);
// Writes `path` (and its directory) atomically; false with a message on failure.
bool savePreferences(const std::string& path, const Preferences& preferences, std::string& error);

}  // namespace epilogue
