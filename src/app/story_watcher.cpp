// File change detection with stat(2).
#include "app/story_watcher.h"

#include <sys/stat.h>

namespace epilogue {

StoryWatcher::StoryWatcher(std::string path) : path_(std::move(path)), last_(stamp()) {}

StoryWatcher::Stamp StoryWatcher::stamp() const {
    struct stat info {};
    Stamp result;
    if (::stat(path_.c_str(), &info) != 0) return result;
    result.exists = true;
    result.modified = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000LL + info.st_mtim.tv_nsec;
    result.size = static_cast<std::uint64_t>(info.st_size);
    result.inode = static_cast<std::uint64_t>(info.st_ino);
    return result;
}

bool StoryWatcher::changed() {
    const Stamp now = stamp();
    if (!now.exists) return false;  // mid-save, or gone: keep what we have
    if (!last_.exists || now != last_) {
        last_ = now;
        return true;
    }
    return false;
}

}  // namespace epilogue
