// A fresh directory under /tmp for one test, removed (whatever its permissions became) when it ends.
#pragma once

#include <stdlib.h>

#include <filesystem>

namespace epilogue::testing {

struct TemporaryDirectory {
    std::filesystem::path path;
    TemporaryDirectory() {
        char name[] = "/tmp/epilogue-test-XXXXXX";
        path = mkdtemp(name);
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        std::filesystem::permissions(path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
        std::filesystem::remove_all(path, ignored);
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
};

}  // namespace epilogue::testing
