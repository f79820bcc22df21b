// Preferences as JSON. The file is read as any file from outside is (a regular file, bounded), and each
// value is checked against the limits the command line uses (story/number_limits.h): one out of them
// falls back to its default with a warning, so it is not saved back either.
#include "app/preferences.h"

#include "app/atomic_file.h"
#include "story/input_file.h"
#include "story/located_json.h"
#include "story/number_limits.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <filesystem>

namespace epilogue {

namespace {

constexpr std::size_t kMaxPreferencesBytes = std::size_t{1} << 20;

// Values out of the limits replaced by the defaults; what was replaced is added to `problems`.
Preferences withinLimits(Preferences preferences, std::string& problems) {
    const Preferences defaults;
    auto note = [&](const char* name, const std::string& problem) {
        if (!problems.empty()) problems += "; ";
        problems += std::string(name) + " " + problem;
    };
    const std::string width = checkLogicalSize(preferences.windowWidth);
    const std::string height = checkLogicalSize(preferences.windowHeight);
    if (!width.empty() || !height.empty()) {
        note(!width.empty() ? "window_width" : "window_height", !width.empty() ? width : height);
        preferences.windowWidth = defaults.windowWidth;
        preferences.windowHeight = defaults.windowHeight;
    }
    if (preferences.screenshotFormat != "png" && preferences.screenshotFormat != "svg" &&
        preferences.screenshotFormat != "pdf") {
        note("screenshot_format", "is not \"png\", \"svg\" or \"pdf\"");
        preferences.screenshotFormat = defaults.screenshotFormat;
    }
    if (const std::string problem = checkSpeed(preferences.speed); !problem.empty()) {
        note("speed", problem);
        preferences.speed = defaults.speed;
    }
    return preferences;
}

}  // namespace

Preferences loadPreferences(const std::string& path, std::string& warning) {
    Preferences preferences;
    std::string text;
    InputFileError problem;
    if (!readInputFile(path, kMaxPreferencesBytes, text, problem)) {
        if (problem.problem == InputFileProblem::CannotOpen && problem.code == ENOENT) return preferences;  // first run
        warning = path + ": ignored (" + problem.message + "); using the default preferences";
        return preferences;
    }
    // Sizes are read as numbers of any kind and checked before they become ints (1e12 does not fit one).
    double width = preferences.windowWidth, height = preferences.windowHeight;
    try {
        const nlohmann::json json = nlohmann::json::parse(text);
        width = json.value("window_width", width);
        height = json.value("window_height", height);
        preferences.maximized = json.value("maximized", preferences.maximized);
        preferences.speed = json.value("speed", preferences.speed);
        preferences.loop = json.value("loop", preferences.loop);
        preferences.reducedMotion = json.value("reduced_motion", preferences.reducedMotion);
        preferences.screenshotCanvasOnly = json.value("screenshot_canvas_only", preferences.screenshotCanvasOnly);
        preferences.screenshotFormat = json.value("screenshot_format", preferences.screenshotFormat);
    } catch (const std::exception& error) {
        warning = path + ": ignored (" + describeJsonError(error.what()) + "); using the default preferences";
        return Preferences{};
    }
    std::string problems;
    const std::string widthProblem = checkLogicalSize(width), heightProblem = checkLogicalSize(height);
    if (widthProblem.empty() && heightProblem.empty()) {
        preferences.windowWidth = static_cast<int>(width);
        preferences.windowHeight = static_cast<int>(height);
    } else {
        problems = !widthProblem.empty() ? "window_width " + widthProblem : "window_height " + heightProblem;
    }
    preferences = withinLimits(preferences, problems);
    if (!problems.empty()) warning = path + ": " + problems + "; using the defaults for them";
    return preferences;
}

bool savePreferences(const std::string& path, const Preferences& given, std::string& error) {
    namespace fs = std::filesystem;
    std::string ignored;
    const Preferences preferences = withinLimits(given, ignored);  // never written out of the limits
    std::error_code code;
    fs::create_directories(fs::path(path).parent_path(), code);
    const nlohmann::json json = {
        {"window_width", preferences.windowWidth}, {"window_height", preferences.windowHeight},
        {"maximized", preferences.maximized},      {"speed", preferences.speed},
        {"loop", preferences.loop},                {"reduced_motion", preferences.reducedMotion},
        {"screenshot_canvas_only", preferences.screenshotCanvasOnly},
        {"screenshot_format", preferences.screenshotFormat},
    };
    return writeFileAtomically(path, json.dump(2) + "\n", error);
}

}  // namespace epilogue
