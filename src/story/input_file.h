// Reading files that come from outside the program (stories, sidecars, preferences, and the story a
// sidecar names): only regular files, never anything that could block or never end. A path is opened with
// O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY (a FIFO with no writer does not block the open) and checked
// with fstat: a FIFO, a device such as /dev/zero, a socket or a directory is refused as "is not a regular
// file (a FIFO)". Reads are bounded: a file over the limit, or one that grows past it while being read,
// is an error, never an unbounded read. Every message says why ("cannot open the file: Permission denied").
#pragma once

#include <cstddef>
#include <string>

namespace epilogue {

enum class InputFileProblem {
    None,
    CannotOpen,  // does not exist, no permission... (the message carries strerror)
    NotRegular,  // a FIFO, a device, a socket, a directory
    TooLarge,    // over the limit, or grew past it while being read
    CannotRead,  // a read failed (the message carries strerror)
};

struct InputFileError {
    InputFileProblem problem = InputFileProblem::None;
    std::string message;  // "cannot open the file: No such file or directory", without the path
    int code = 0;         // errno for CannotOpen and CannotRead
};

// An open regular file. Move-only; closes itself.
class InputFile {
public:
    InputFile() = default;
    ~InputFile();
    InputFile(InputFile&& other) noexcept;
    InputFile& operator=(InputFile&& other) noexcept;
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Opens `path` if it is a regular file. False, with the reason in `error`, otherwise.
    bool open(const std::string& path, InputFileError& error);
    // The size fstat gave when the file was opened (it may change while the file is read).
    std::size_t size() const { return size_; }
    // Reads into `data` until `capacity` bytes or the end of the file; `filled` says how many. A large read
    // (4 MiB or more) is made in two halves at once, on two threads.
    bool read(char* data, std::size_t capacity, std::size_t& filled, InputFileError& error);
    // Reads what follows (a file that grew since it was opened, or one that reports no size, as files
    // under /proc do) and appends it to `rest`, failing with TooLarge once `already` + rest would pass
    // `maxBytes`.
    bool readRest(std::size_t already, std::size_t maxBytes, std::string& rest, InputFileError& error);

private:
    int fd_ = -1;
    std::size_t size_ = 0;
};

// The whole regular file at `path`, at most `maxBytes` bytes. False with the reason otherwise.
bool readInputFile(const std::string& path, std::size_t maxBytes, std::string& contents, InputFileError& error);

// "the file is 3000000000 bytes, over the limit of 1073741824 bytes"
std::string tooLargeMessage(std::size_t bytes, std::size_t maxBytes, bool grew = false);

}  // namespace epilogue
