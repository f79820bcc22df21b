// The recent stories list.
#include "app/recent_stories.h"

#include "app/atomic_file.h"
#include "story/input_file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>

namespace epilogue {

void RecentStories::add(const std::string& path) {
    std::error_code ignored;
    const std::string absolute = std::filesystem::absolute(path, ignored).lexically_normal().string();
    paths_.erase(std::remove(paths_.begin(), paths_.end(), absolute), paths_.end());
    paths_.insert(paths_.begin(), absolute);
    if (paths_.size() > kRecentStories) paths_.resize(kRecentStories);
}

RecentStories RecentStories::load(const std::string& file, std::string& warning) {
    RecentStories recent;
    std::string text;
    InputFileError problem;
    if (!readInputFile(file, 1 << 20, text, problem)) {
        if (problem.problem == InputFileProblem::CannotOpen && problem.code == ENOENT) return recent;  // none yet
        warning = file + ": recent stories not read (" + problem.message + ")";
        return recent;
    }
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_array()) {
        warning = file + ": recent stories not read (not a JSON list of paths)";
        return recent;
    }
    for (auto it = json.rbegin(); it != json.rend(); ++it) {  // oldest first, so the newest ends first
        if (it->is_string() && !it->get<std::string>().empty()) recent.add(it->get<std::string>());
    }
    return recent;
}

bool RecentStories::save(const std::string& file, std::string& error) const {
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path(), ignored);
    // JSON holds UTF-8 only: a path that is not (a file name in another encoding) is left out of the file.
    nlohmann::json list = nlohmann::json::array();
    for (const std::string& path : paths_) {
        try {
            (void)nlohmann::json(path).dump();
            list.push_back(path);
        } catch (const nlohmann::json::exception&) {
        }
    }
    return writeFileAtomically(file, list.dump(2) + "\n", error);
}

}  // namespace epilogue
