// posix_spawnp with pipes, and the small pieces around it: whole writes, whole reads, exit statuses in words.
#include "app/child_process.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string_view>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace epilogue {

namespace {

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// A pipe whose both ends are close-on-exec: the child gets its end through dup2, which clears the flag on
// the copy, and no other child started meanwhile inherits either end.
bool makePipe(int ends[2]) { return ::pipe2(ends, O_CLOEXEC) == 0; }

}  // namespace

bool spawnProcess(const SpawnRequest& request, ChildProcess& child, std::string& error) {
    child = ChildProcess{};
    if (request.arguments.empty()) {
        error = "no program to start";
        return false;
    }
    const std::string& program = request.arguments[0];
    int input[2] = {-1, -1}, output[2] = {-1, -1}, errors[2] = {-1, -1};
    auto closeAll = [&] {
        for (int* ends : {input, output, errors}) {
            closeFd(ends[0]);
            closeFd(ends[1]);
        }
    };
    if ((request.pipeInput && !makePipe(input)) || (request.pipeOutput && !makePipe(output)) ||
        (request.pipeError && !makePipe(errors))) {
        error = program + ": cannot make a pipe (" + std::strerror(errno) + ")";
        closeAll();
        return false;
    }

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    if (request.pipeInput) ::posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO);
    if (request.pipeOutput) ::posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO);
    if (request.pipeError) ::posix_spawn_file_actions_adddup2(&actions, errors[1], STDERR_FILENO);
    // Signals we ignore (SIGPIPE) would stay ignored in the child: give it every default back, and no mask.
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    ::posix_spawnattr_setsigdefault(&attributes, &all);
    ::posix_spawnattr_setsigmask(&attributes, &none);
    short flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
    if (request.ownProcessGroup) {
        flags |= POSIX_SPAWN_SETPGROUP;
        ::posix_spawnattr_setpgroup(&attributes, 0);
    }
    ::posix_spawnattr_setflags(&attributes, flags);

    std::vector<char*> argv;
    argv.reserve(request.arguments.size() + 1);
    for (const std::string& argument : request.arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    // Our environment, less the names the request sets, then the request's entries.
    std::vector<char*> environment;
    for (char** entry = environ; *entry; ++entry) {
        const std::string_view name(*entry, std::strcspn(*entry, "="));
        const bool replaced = std::any_of(request.environment.begin(), request.environment.end(), [&](const std::string& set) {
            return set.size() > name.size() && set.compare(0, name.size(), name) == 0 && set[name.size()] == '=';
        });
        if (!replaced) environment.push_back(*entry);
    }
    for (const std::string& entry : request.environment) environment.push_back(const_cast<char*>(entry.c_str()));
    environment.push_back(nullptr);
    pid_t pid = -1;
    const int code = ::posix_spawnp(&pid, program.c_str(), &actions, &attributes, argv.data(), environment.data());
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    // The child's ends are the child's now (or nobody's): close ours.
    closeFd(input[0]);
    closeFd(output[1]);
    closeFd(errors[1]);
    if (code != 0) {
        error = program + ": cannot start (" + std::strerror(code) + ")";
        closeAll();
        return false;
    }
    child.pid = pid;
    child.input = input[1];
    child.output = output[0];
    child.error = errors[0];
    return true;
}

void closePipes(ChildProcess& child) {
    closeFd(child.input);
    closeFd(child.output);
    closeFd(child.error);
}

ExitStatus waitForProcess(ChildProcess& child) {
    closePipes(child);
    ExitStatus status;
    if (child.pid <= 0) return status;
    int raw = 0;
    pid_t waited;
    do {
        waited = ::waitpid(child.pid, &raw, 0);
    } while (waited < 0 && errno == EINTR);
    child.pid = -1;
    if (waited < 0) return status;
    if (WIFEXITED(raw)) {
        status.exited = true;
        status.code = WEXITSTATUS(raw);
    } else if (WIFSIGNALED(raw)) {
        status.signal = WTERMSIG(raw);
    }
    return status;
}

std::string describeExitStatus(const ExitStatus& status) {
    if (status.exited) return "exited with status " + std::to_string(status.code);
    if (status.signal > 0) {
        const char* name = ::strsignal(status.signal);
        return "was killed by signal " + std::to_string(status.signal) + (name ? std::string(" (") + name + ")" : "");
    }
    return "ended in an unknown way";
}

int writeAll(int fd, const void* data, std::size_t size) {
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd, bytes, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes += written;
        size -= static_cast<std::size_t>(written);
    }
    return 0;
}

bool readAll(int fd, std::string& text) {
    char buffer[4096];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got == 0) return true;
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        text.append(buffer, static_cast<std::size_t>(got));
    }
}

void ignoreBrokenPipes() { std::signal(SIGPIPE, SIG_IGN); }

OutputTail::OutputTail(int fd, std::size_t keepBytes) : fd_(fd), keepBytes_(keepBytes) {
    reader_ = std::thread([this] {
        char buffer[4096];
        for (;;) {
            const ssize_t got = ::read(fd_, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) break;
            kept_.append(buffer, static_cast<std::size_t>(got));
            if (kept_.size() > 2 * keepBytes_) kept_.erase(0, kept_.size() - keepBytes_);
        }
        closeFd(fd_);
    });
}

OutputTail::~OutputTail() {
    if (reader_.joinable()) reader_.join();
}

std::vector<std::string> OutputTail::finish(std::size_t lines) {
    if (reader_.joinable()) reader_.join();
    if (kept_.size() > keepBytes_) kept_.erase(0, kept_.size() - keepBytes_);
    std::vector<std::string> all;
    std::string line;
    for (const char c : kept_) {
        if (c == '\n' || c == '\r') {
            if (!line.empty()) all.push_back(line);
            line.clear();
        } else {
            line += c;
        }
    }
    if (!line.empty()) all.push_back(line);
    if (all.size() > lines) all.erase(all.begin(), all.end() - static_cast<std::ptrdiff_t>(lines));
    return all;
}

}  // namespace epilogue
