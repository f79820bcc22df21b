// What the built-in story chooser lists in a folder: its folders, then the files that can be stories
// (ending in .json), each group by name, hidden entries left out. A folder of more entries than the chooser
// can show lists the first ones and says how many it left out. No SDL, GL or ImGui: unit-tested.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace epilogue {

struct DirectoryEntry {
    std::string name;  // the entry's own name, no folder
    bool isDirectory = false;
};

struct DirectoryListing {
    std::string directory;                // absolute and normal, no trailing slash (except the root)
    std::vector<DirectoryEntry> entries;  // folders first, then story files
    std::size_t leftOut = 0;              // entries past kMaxListedEntries
    std::string error;                    // why the folder could not be read; empty when it could
};

inline constexpr std::size_t kMaxListedEntries = 5000;

// Lists `directory` (made absolute). A folder that cannot be read gives an empty listing with `error` set.
DirectoryListing listStoryDirectory(const std::string& directory);

// The folder above `directory` ("/" stays "/").
std::string parentDirectory(const std::string& directory);

}  // namespace epilogue
