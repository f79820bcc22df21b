// Opening and reading files that come from outside (see input_file.h).
#include "story/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace epilogue {

namespace {

const char* kindOf(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a plain file";
}

bool notRegular(mode_t mode, InputFileError& error) {
    error = {InputFileProblem::NotRegular, std::string("is not a regular file (") + kindOf(mode) + ")"};
    return false;
}

// A failed system call: what failed, and errno's reason.
void systemError(InputFileProblem problem, const char* what, InputFileError& error) {
    const int code = errno;
    error = {problem, what + std::string(std::strerror(code)), code};
}

}  // namespace

std::string tooLargeMessage(std::size_t bytes, std::size_t maxBytes, bool grew) {
    if (grew) return "the file grew past the limit of " + std::to_string(maxBytes) + " bytes while it was read";
    return "the file is " + std::to_string(bytes) + " bytes, over the limit of " + std::to_string(maxBytes) + " bytes";
}

InputFile::~InputFile() {
    if (fd_ >= 0) ::close(fd_);
}

InputFile::InputFile(InputFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
        size_ = other.size_;
    }
    return *this;
}

bool InputFile::open(const std::string& path, InputFileError& error) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    size_ = 0;
    if (path.empty() || path.find('\0') != std::string::npos) {
        error = {InputFileProblem::CannotOpen, "cannot open the file: not a file name"};
        return false;
    }
    // Looked at before it is opened, so that a device is never opened at all (opening some has effects);
    // checked again once open, as the path may have changed in between.
    struct stat status {};
    if (::stat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) return notRegular(status.st_mode, error);
    int fd = -1;
    do {
        fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        systemError(InputFileProblem::CannotOpen, "cannot open the file: ", error);
        return false;
    }
    fd_ = fd;
    if (::fstat(fd_, &status) != 0) {
        systemError(InputFileProblem::CannotRead, "cannot read the file: ", error);
        return false;
    }
    if (!S_ISREG(status.st_mode)) return notRegular(status.st_mode, error);
    size_ = status.st_size > 0 ? static_cast<std::size_t>(status.st_size) : 0;
    return true;
}

bool InputFile::read(char* data, std::size_t capacity, std::size_t& filled, InputFileError& error) {
    filled = 0;
    while (filled < capacity) {
        const ssize_t got = ::read(fd_, data + filled, capacity - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            systemError(InputFileProblem::CannotRead, "cannot read the file: ", error);
            return false;
        }
        if (got == 0) break;  // the end (it may have shrunk since it was opened: what was read is checked)
        filled += static_cast<std::size_t>(got);
    }
    return true;
}

bool InputFile::readRest(std::size_t already, std::size_t maxBytes, std::string& rest, InputFileError& error) {
    char chunk[1 << 16];
    for (;;) {
        std::size_t got = 0;
        // One byte past the limit is enough to know the file is over it.
        const std::size_t room = maxBytes - std::min(maxBytes, already + rest.size()) + 1;
        if (!read(chunk, std::min(sizeof chunk, room), got, error)) return false;
        if (got == 0) return true;
        if (already + rest.size() + got > maxBytes) {
            error = {InputFileProblem::TooLarge, tooLargeMessage(0, maxBytes, true)};
            return false;
        }
        rest.append(chunk, got);
    }
}

bool readInputFile(const std::string& path, std::size_t maxBytes, std::string& contents, InputFileError& error) {
    contents.clear();
    InputFile file;
    if (!file.open(path, error)) return false;
    if (file.size() > maxBytes) {
        error = {InputFileProblem::TooLarge, tooLargeMessage(file.size(), maxBytes)};
        return false;
    }
    contents.resize(file.size());
    std::size_t filled = 0;
    if (!file.read(contents.data(), contents.size(), filled, error)) return false;
    contents.resize(filled);
    return file.readRest(0, maxBytes, contents, error);
}

}  // namespace epilogue
