// Atomic file writes: a uniquely named temporary file in the target's directory, then a rename.
#include "app/atomic_file.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
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

OutputState outputState(const std::string& path, std::string* kind) {
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0) return OutputState::Absent;  // missing, or the write will say why
    if (S_ISREG(status.st_mode)) return OutputState::RegularFile;
    if (kind) {
        if (S_ISDIR(status.st_mode)) *kind = "a directory";
        else if (S_ISFIFO(status.st_mode)) *kind = "a FIFO";
        else if (S_ISCHR(status.st_mode)) *kind = "a character device";
        else if (S_ISBLK(status.st_mode)) *kind = "a block device";
        else if (S_ISSOCK(status.st_mode)) *kind = "a socket";
        else if (S_ISLNK(status.st_mode)) *kind = "a symbolic link";
        else *kind = "not a file";
    }
    return OutputState::NotRegular;
}

std::string outputProblem(const std::string& path, bool overwrite) {
    std::string kind;
    switch (outputState(path, &kind)) {
    case OutputState::Absent:
        return {};
    case OutputState::RegularFile:
        return overwrite ? std::string() : path + ": already exists; not overwritten (pass --overwrite to replace it)";
    case OutputState::NotRegular:
        break;
    }
    return path + ": is not a regular file (" + kind + "); not replaced";
}

namespace {

bool writeBeside(const std::string& path, const std::string& text, bool replace, std::string& error,
                 bool* alreadyExists) {
    if (alreadyExists) *alreadyExists = false;
    {
        const std::string problem = outputProblem(path, replace);
        if (!problem.empty()) {
            if (alreadyExists) *alreadyExists = true;
            error = problem;
            return false;
        }
    }
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
    if (replace) {
        // Checked again just before: what appeared meanwhile and is not a regular file is not replaced.
        const std::string problem = outputProblem(path, true);
        if (!problem.empty()) {
            ::unlink(temporary.c_str());
            error = problem;
            return false;
        }
        if (std::rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot replace", errno);
        return true;
    }
    // link() fails if the name exists, so nothing that appeared meanwhile is ever replaced.
    if (::link(temporary.c_str(), path.c_str()) != 0) {
        const int code = errno;
        if (code == EEXIST) {
            ::unlink(temporary.c_str());
            if (alreadyExists) *alreadyExists = true;
            error = outputProblem(path, false);
            if (error.empty()) error = path + ": already exists; not overwritten (pass --overwrite to replace it)";
            return false;
        }
        return fail("cannot create", code);
    }
    ::unlink(temporary.c_str());
    return true;
}

}  // namespace

bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error) {
    return writeBeside(path, text, true, error, nullptr);
}

bool writeNewFileAtomically(const std::string& path, const std::string& text, std::string& error,
                            bool* alreadyExists) {
    return writeBeside(path, text, false, error, alreadyExists);
}

}  // namespace epilogue
