// Preferences as JSON.
#include "app/preferences.h"

#include "app/atomic_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace epilogue {

Preferences loadPreferences(const std::string& path, std::string& warning) {
    Preferences preferences;
    std::ifstream file(path);
    if (!file) return preferences;  // first run: nothing to say
    try {
        const nlohmann::json json = nlohmann::json::parse(file);
        preferences.windowWidth = json.value("window_width", preferences.windowWidth);
        preferences.windowHeight = json.value("window_height", preferences.windowHeight);
        preferences.maximized = json.value("maximized", preferences.maximized);
        preferences.speed = json.value("speed", preferences.speed);
        preferences.loop = json.value("loop", preferences.loop);
        preferences.reducedMotion = json.value("reduced_motion", preferences.reducedMotion);
        preferences.screenshotCanvasOnly = json.value("screenshot_canvas_only", preferences.screenshotCanvasOnly);
    } catch (const std::exception& error) {
        warning = path + ": ignored (" + error.what() + "); using the default preferences";
        return Preferences{};
    }
    if (preferences.windowWidth < 480 || preferences.windowHeight < 360 || preferences.windowWidth > 16384 ||
        preferences.windowHeight > 16384) {
        preferences.windowWidth = Preferences{}.windowWidth;
        preferences.windowHeight = Preferences{}.windowHeight;
    }
    return preferences;
}

bool savePreferences(const std::string& path, const Preferences& preferences, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code code;
    fs::create_directories(fs::path(path).parent_path(), code);
    const nlohmann::json json = {
        {"window_width", preferences.windowWidth}, {"window_height", preferences.windowHeight},
        {"maximized", preferences.maximized},      {"speed", preferences.speed},
        {"loop", preferences.loop},                {"reduced_motion", preferences.reducedMotion},
        {"screenshot_canvas_only", preferences.screenshotCanvasOnly},
    };
    return writeFileAtomically(path, json.dump(2) + "\n", error);
}

}  // namespace epilogue
