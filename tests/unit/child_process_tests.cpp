// Tier 1 (no window): starting other programs with an argument vector and no shell — arguments arrive
// exactly as given, exit statuses and signals come back in words, and a reader that has gone is an EPIPE,
// never a SIGPIPE death.
#include "app/child_process.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <utility>

using namespace epilogue;

namespace {

// Runs the program and returns what it printed on stdout.
std::string outputOf(const std::vector<std::string>& arguments, ExitStatus& status) {
    SpawnRequest request;
    request.arguments = arguments;
    request.pipeOutput = true;
    ChildProcess child;
    std::string error;
    REQUIRE_MESSAGE(spawnProcess(request, child, error), error);
    std::string output;
    CHECK(readAll(child.output, output));
    status = waitForProcess(child);
    return output;
}

}  // namespace

TEST_CASE("arguments reach the program exactly: quotes, spaces, a leading dash and shell syntax are just bytes") {
    const std::vector<std::string> hostile{
        "Seb's club.mp4", "x'; touch F; echo '.mp4", "-y", "$(reboot)", "a\"b", "back\\slash", "tab\there", "", "*"};
    for (const std::string& argument : hostile) {
        ExitStatus status;
        CHECK(outputOf({"printf", "%s", argument}, status) == argument);  // looked up on PATH
        CHECK(status.success());
    }
    ExitStatus status;
    CHECK(outputOf({"/usr/bin/printf", "[%s]", "one two", "three"}, status) == "[one two][three]");
}

TEST_CASE("the child's environment is ours with the request's entries set over it") {
    ::setenv("EPILOGUE_TEST_KEPT", "kept", 1);
    ::setenv("EPILOGUE_TEST_SET", "ours", 1);
    SpawnRequest request;
    request.arguments = {"/usr/bin/env"};
    request.pipeOutput = true;
    request.environment = {"EPILOGUE_TEST_SET=theirs; $(reboot)", "EPILOGUE_TEST_NEW="};
    ChildProcess child;
    std::string error;
    REQUIRE_MESSAGE(spawnProcess(request, child, error), error);
    std::string output;
    CHECK(readAll(child.output, output));
    CHECK(waitForProcess(child).success());
    output = "\n" + output;  // every entry is then "\nNAME=value\n"
    CHECK(output.find("\nEPILOGUE_TEST_KEPT=kept\n") != std::string::npos);
    CHECK(output.find("\nEPILOGUE_TEST_SET=theirs; $(reboot)\n") != std::string::npos);
    CHECK(output.find("EPILOGUE_TEST_SET=ours") == std::string::npos);
    CHECK(output.find("\nEPILOGUE_TEST_NEW=\n") != std::string::npos);
    ::unsetenv("EPILOGUE_TEST_KEPT");
    ::unsetenv("EPILOGUE_TEST_SET");
}

TEST_CASE("exit statuses and signals are told in words") {
    SpawnRequest request;
    ChildProcess child;
    std::string error;
    request.arguments = {"/bin/true"};
    REQUIRE(spawnProcess(request, child, error));
    ExitStatus status = waitForProcess(child);
    CHECK(status.success());
    CHECK(describeExitStatus(status) == "exited with status 0");

    request.arguments = {"/bin/false"};
    REQUIRE(spawnProcess(request, child, error));
    status = waitForProcess(child);
    CHECK_FALSE(status.success());
    CHECK(describeExitStatus(status) == "exited with status 1");

    request.arguments = {"/bin/sleep", "30"};
    REQUIRE(spawnProcess(request, child, error));
    ::kill(child.pid, SIGKILL);
    status = waitForProcess(child);
    CHECK_FALSE(status.success());
    CHECK(status.signal == SIGKILL);
    CHECK(describeExitStatus(status).find("was killed by signal 9") == 0);
}

TEST_CASE("a program that does not exist is a failure to start, naming it") {
    SpawnRequest request;
    request.arguments = {"/nonexistent/program", "x"};
    request.pipeInput = true;
    ChildProcess child;
    std::string error;
    CHECK_FALSE(spawnProcess(request, child, error));
    CHECK(error.find("/nonexistent/program: cannot start (No such file") == 0);
    CHECK(child.pid == -1);
    CHECK(child.input == -1);

    request.arguments = {"no-such-program-epilogue-test"};
    CHECK_FALSE(spawnProcess(request, child, error));
    CHECK(error.find("no-such-program-epilogue-test: cannot start") == 0);
}

TEST_CASE("writing to a program that has stopped reading is EPIPE, not a SIGPIPE death") {
    ignoreBrokenPipes();
    SpawnRequest request;
    request.arguments = {"/bin/true"};  // never reads its input
    request.pipeInput = true;
    ChildProcess child;
    std::string error;
    REQUIRE(spawnProcess(request, child, error));
    const int input = std::exchange(child.input, -1);
    CHECK(waitForProcess(child).success());
    const std::string frame(1 << 20, 'x');
    CHECK(writeAll(input, frame.data(), frame.size()) == EPIPE);
    ::close(input);
}

TEST_CASE("the child starts with SIGPIPE at its default even though we ignore it") {
    ignoreBrokenPipes();
    // The child's SIGPIPE disposition, as the kernel reports it: bit 13 (SIGPIPE) of SigIgn is clear.
    ExitStatus status;
    const std::string ignored = outputOf({"/bin/grep", "SigIgn", "/proc/self/status"}, status);
    REQUIRE(status.success());
    const std::string mask = ignored.substr(ignored.find_first_of("0123456789abcdef"));
    const unsigned long long bits = std::stoull(mask, nullptr, 16);
    CHECK((bits & (1ull << (SIGPIPE - 1))) == 0);
}

TEST_CASE("a program's input and its error output through pipes; the tail keeps the last lines") {
    SpawnRequest request;
    request.arguments = {"/bin/cat"};
    request.pipeInput = true;
    request.pipeOutput = true;
    ChildProcess child;
    std::string error;
    REQUIRE(spawnProcess(request, child, error));
    const std::string text = "it's \"quoted\"\n";
    CHECK(writeAll(child.input, text.data(), text.size()) == 0);
    ::close(std::exchange(child.input, -1));
    std::string echoed;
    CHECK(readAll(child.output, echoed));
    CHECK(echoed == text);
    CHECK(waitForProcess(child).success());

    // Lots of error output (more than a pipe holds): the child never blocks, and the last lines are kept.
    request = SpawnRequest{};
    request.arguments = {"/bin/sh", "-c", "i=0; while [ $i -lt 3000 ]; do echo \"line $i\" >&2; i=$((i+1)); done; "
                                          "printf 'last\\r\\n\\n' >&2; exit 3"};
    request.pipeError = true;
    REQUIRE(spawnProcess(request, child, error));
    OutputTail tail(std::exchange(child.error, -1));
    const std::vector<std::string> lines = tail.finish(3);
    const ExitStatus status = waitForProcess(child);
    CHECK(describeExitStatus(status) == "exited with status 3");
    CHECK(lines == std::vector<std::string>{"line 2998", "line 2999", "last"});
}

TEST_CASE("a program in its own process group") {
    SpawnRequest request;
    request.arguments = {"/bin/sleep", "30"};
    request.ownProcessGroup = true;
    ChildProcess child;
    std::string error;
    REQUIRE(spawnProcess(request, child, error));
    CHECK(::getpgid(child.pid) == child.pid);
    CHECK(::getpgid(child.pid) != ::getpgrp());
    ::kill(child.pid, SIGKILL);
    CHECK(waitForProcess(child).signal == SIGKILL);
}
