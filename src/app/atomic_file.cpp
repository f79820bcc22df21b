// Atomic file writes: a uniquely named temporary file in the target's directory, then a rename.
#include "app/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace epilogue {

namespace {

std::string reason(int code) { return std::strerror(code); }

// Creates a new file `path` + ".tmp-" + a suffix no other file there has. Not mkstemp: that makes the file
// private to its owner (0600), and the rename would carry that mode to the target; this asks for 0666 so
// that the umask decides, as for any other new file. O_EXCL makes each name this process's alone.
int createTemporary(const std::string& path, std::string& temporary) {
    static std::atomic<unsigned> counter{0};
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
        char suffix[40];
        std::snprintf(suffix, sizeof suffix, ".tmp-%ld-%u-%08x", static_cast<long>(::getpid()), counter++,
                      static_cast<unsigned>(entropy()));
        temporary = path + suffix;
        const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    errno = EEXIST;
    return -1;
}

bool writeAll(int fd, const std::string& text) {
    const char* data = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

}  // namespace

bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error) {
    std::string temporary;
    const int fd = createTemporary(path, temporary);
    if (fd < 0) {
        error = path + ": cannot create a temporary file beside it (" + reason(errno) + ")";
        return false;
    }
    // On any failure from here on, the temporary file goes; errno is saved first, as cleaning up may change it.
    auto fail = [&](const char* what, int code) {
        ::unlink(temporary.c_str());
        error = path + ": " + what + " (" + reason(code) + ")";
        return false;
    };
    if (!writeAll(fd, text)) {
        const int code = errno;
        ::close(fd);
        return fail("cannot write", code);
    }
    if (::close(fd) != 0) return fail("cannot write", errno);  // delayed write errors (NFS, a full disk) show here
    if (std::rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot replace", errno);
    return true;
}

}  // namespace epilogue
