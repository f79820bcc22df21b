// The stories opened lately, newest first, for the window's menu: kept in the XDG state directory
// ($XDG_STATE_HOME/epilogue/recent.json, else ~/.local/state/epilogue/recent.json) as a JSON list of
// absolute paths. A file that does not read as that list is set aside with a warning, never a failure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace epilogue {

inline constexpr std::size_t kRecentStories = 10;

class RecentStories {
public:
    // Puts `path` (made absolute) first, once; the oldest beyond kRecentStories are let go.
    void add(const std::string& path);
    const std::vector<std::string>& paths() const { return paths_; }
    void clear() { paths_.clear(); }

    // Reads the list; an unreadable or malformed file gives an empty list and a `warning` saying why.
    // A missing file is no warning (nothing opened yet).
    static RecentStories load(const std::string& file, std::string& warning);
    // Writes the list (atomically, creating the folder); false with a message when it cannot. A path that
    // is not UTF-8 (which JSON cannot hold) is left out of the file.
    bool save(const std::string& file, std::string& error) const;

private:
    std::vector<std::string> paths_;
};

}  // namespace epilogue
