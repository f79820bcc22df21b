// Locating bundled assets relative to the running program.
#include "app/asset_paths.h"

#include <filesystem>

namespace epilogue {

std::string findDefaultStory(std::string& searched) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path program = fs::read_symlink("/proc/self/exe", error);
    const fs::path directory = error ? fs::current_path() : program.parent_path();
    const fs::path candidates[] = {
        directory / "assets" / "stories" / "la-la-land.json",                              // build tree
        directory / ".." / EPILOGUE_INSTALL_DATADIR / "epilogue" / "stories" / "la-la-land.json",  // installed
    };
    searched.clear();
    for (const fs::path& candidate : candidates) {
        if (fs::is_regular_file(candidate, error)) return candidate.lexically_normal().string();
        searched += (searched.empty() ? "" : ", ") + candidate.lexically_normal().string();
    }
    return {};
}

}  // namespace epilogue
