// Opening and reading files that come from outside (see input_file.h).
#include "story/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <future>
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

namespace {

// From this size on, a read is made in two halves at once (see InputFile::read).
constexpr std::size_t kHalvedReadBytes = 4u << 20;

// What one pread loop got: how many bytes, and errno when a read failed (0 when none did).
struct ReadPart {
    std::size_t filled = 0;
    int error = 0;
};

// pread until `count` bytes or the end of the file (it may have shrunk since it was opened: what was read
// is checked).
ReadPart readAt(int fd, char* data, std::size_t count, off_t offset) {
    ReadPart part;
    while (part.filled < count) {
        const ssize_t got = ::pread(fd, data + part.filled, count - part.filled, offset + static_cast<off_t>(part.filled));
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return {part.filled, errno};
        if (got == 0) break;
        part.filled += static_cast<std::size_t>(got);
    }
    return part;
}

}  // namespace

bool InputFile::read(char* data, std::size_t capacity, std::size_t& filled, InputFileError& error) {
    filled = 0;
    auto failed = [&](int code) {
        errno = code;
        systemError(InputFileProblem::CannotRead, "cannot read the file: ", error);
        return false;
    };
    const off_t start = ::lseek(fd_, 0, SEEK_CUR);
    if (start < 0) return failed(errno);
    // A large read is mostly memory touched for the first time (the kernel clears each page before it copies
    // into it): the second half is read on a thread of its own, so that two cores share that work.
    const std::size_t half = capacity >= kHalvedReadBytes ? capacity / 2 : capacity;
    std::future<ReadPart> secondHalf;
    if (half < capacity) {
        secondHalf = std::async(std::launch::async, readAt, fd_, data + half, capacity - half, start + static_cast<off_t>(half));
    }
    const ReadPart first = readAt(fd_, data, half, start);
    const ReadPart second = secondHalf.valid() ? secondHalf.get() : ReadPart{};
    if (first.error != 0) return failed(first.error);
    if (second.error != 0) return failed(second.error);
    // Past a short first half (the file shrank), what the second half read is not the file's.
    filled = first.filled < half ? first.filled : half + second.filled;
    if (::lseek(fd_, start + static_cast<off_t>(filled), SEEK_SET) < 0) return failed(errno);
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
