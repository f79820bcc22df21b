// Noticing that the story file changed on disk: its modification time, size or identity (an editor that
// saves by renaming a new file into place changes the inode). Checked about once a second.
#pragma once

#include <cstdint>
#include <string>

namespace epilogue {

class StoryWatcher {
public:
    explicit StoryWatcher(std::string path);
    // True once for each change since the last call (or since construction). A file that is missing for a
    // moment (mid-save) is not a change; its reappearance is.
    bool changed();

private:
    struct Stamp {
        std::int64_t modified = 0;
        std::uint64_t size = 0, inode = 0;
        bool exists = false;
        bool operator!=(const Stamp& other) const {
            return modified != other.modified || size != other.size || inode != other.inode;
        }
    };
    Stamp stamp() const;

    std::string path_;
    Stamp last_;
};

}  // namespace epilogue
