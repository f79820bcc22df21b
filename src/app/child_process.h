// Starting other programs without a shell: an argument vector goes to posix_spawn as it is, so no file
// name is ever read as shell syntax. The child's standard input, output and error can each be a pipe.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <thread>
#include <vector>

namespace epilogue {

struct SpawnRequest {
    std::vector<std::string> arguments;  // arguments[0] is the program: a path, or a name looked up on PATH
    bool pipeInput = false;              // the child's stdin is a pipe we write (else it inherits ours)
    bool pipeOutput = false;             // the child's stdout is a pipe we read
    bool pipeError = false;              // the child's stderr is a pipe we read
    bool ownProcessGroup = false;        // Ctrl-C at the terminal reaches us, not the child
    std::vector<std::string> environment;  // "NAME=value": set for the child, over our environment's NAME
};

struct ChildProcess {
    pid_t pid = -1;
    int input = -1;   // write end of the child's stdin, when piped
    int output = -1;  // read end of the child's stdout, when piped
    int error = -1;   // read end of the child's stderr, when piped
};

// Starts the program. Our ends of the pipes are close-on-exec; the child starts with every signal at its
// default action (an ignored SIGPIPE is not inherited) and none blocked. Returns false with a message
// naming the program and the system's reason (also when it cannot be found or executed).
bool spawnProcess(const SpawnRequest& request, ChildProcess& child, std::string& error);

// Closes the ends of the pipes still open (idempotent).
void closePipes(ChildProcess& child);

struct ExitStatus {
    bool exited = false;  // ended by exit(); else killed by `signal`
    int code = -1;        // exit status, when exited
    int signal = 0;       // the signal that ended it, when not exited
    bool success() const { return exited && code == 0; }
};

// Waits for the child to end (retrying on EINTR) and closes its pipes.
ExitStatus waitForProcess(ChildProcess& child);

// "exited with status 1", "was killed by signal 9 (Killed)". Pure.
std::string describeExitStatus(const ExitStatus& status);

// Writes all of `size` bytes, retrying short writes and EINTR. Returns 0, or the errno of the failure: EPIPE
// when the reader has gone (SIGPIPE must be ignored for that, see ignoreBrokenPipes).
int writeAll(int fd, const void* data, std::size_t size);

// Reads until end of file. Returns false on a read error.
bool readAll(int fd, std::string& text);

// Makes SIGPIPE harmless for this process: a write to a pipe whose reader has gone fails with EPIPE instead
// of killing the program.
void ignoreBrokenPipes();

// Reads a child's output on a thread of its own (so the child never blocks on a full pipe) and keeps the
// last lines of it. Owns the fd (closes it at end of file): hand it over with std::exchange(child.error, -1).
class OutputTail {
public:
    explicit OutputTail(int fd, std::size_t keepBytes = 4096);
    ~OutputTail();  // joins the thread: the fd must reach end of file (the child ends or closes its end)
    OutputTail(const OutputTail&) = delete;
    OutputTail& operator=(const OutputTail&) = delete;

    // Waits for end of file; the last `lines` non-empty lines, without their line ends.
    std::vector<std::string> finish(std::size_t lines = 5);

private:
    int fd_;
    std::size_t keepBytes_;
    std::string kept_;
    std::thread reader_;
};

}  // namespace epilogue
