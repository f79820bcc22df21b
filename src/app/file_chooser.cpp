// The desktop's file chooser, run as a child process.
#include "app/file_chooser.h"

#include "app/child_process.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <utility>

namespace epilogue {

namespace {

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream folders(path);
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        if (folder.empty()) continue;
        if (access((folder + "/" + program).c_str(), X_OK) == 0) return true;
    }
    return false;
}

}  // namespace

ChooserKind pickChooser() {
    if (const char* wanted = std::getenv("EPILOGUE_FILE_CHOOSER")) {
        const std::string name = wanted;
        if (name == "zenity") return ChooserKind::Zenity;
        if (name == "kdialog") return ChooserKind::KDialog;
        if (name == "builtin") return ChooserKind::BuiltIn;
    }
    const bool display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (display && onPath("zenity")) return ChooserKind::Zenity;
    if (display && onPath("kdialog")) return ChooserKind::KDialog;
    return ChooserKind::BuiltIn;
}

std::vector<std::string> chooserArguments(ChooserKind kind, const std::string& directory) {
    const std::string start = directory.empty() || directory.back() == '/' ? directory : directory + "/";
    switch (kind) {
        case ChooserKind::Zenity:
            return {"zenity", "--file-selection", "--title=Open a story", "--filename=" + start,
                    "--file-filter=Stories (*.json) | *.json", "--file-filter=All files | *"};
        case ChooserKind::KDialog:
            return {"kdialog", "--title", "Open a story", "--getopenfilename", start, "*.json|Stories (*.json)"};
        case ChooserKind::BuiltIn: break;
    }
    return {};
}

ExternalChooser::~ExternalChooser() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (running_ && pid_ > 0) kill(pid_, SIGTERM);
    }
    if (thread_.joinable()) thread_.join();
}

bool ExternalChooser::open() {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_;
}

bool ExternalChooser::start(ChooserKind kind, const std::string& directory, std::function<void()> onAnswer,
                            std::string& error) {
    if (open()) return true;
    if (thread_.joinable()) thread_.join();
    SpawnRequest request;
    request.arguments = chooserArguments(kind, directory);
    request.pipeOutput = true;
    request.pipeError = true;
    ChildProcess child;
    if (request.arguments.empty() || !spawnProcess(request, child, error)) return false;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = true;
        pid_ = child.pid;  // an answer not yet taken stays until it is
    }
    thread_ = std::thread([this, child, onAnswer = std::move(onAnswer)]() mutable {
        ChooserAnswer answer;
        std::string chosen;
        OutputTail errors(std::exchange(child.error, -1));
        const bool read = readAll(child.output, chosen);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            pid_ = -1;  // about to be reaped: its number may be reused, so it is never signalled again
        }
        const ExitStatus status = waitForProcess(child);
        const std::vector<std::string> said = errors.finish(2);
        while (!chosen.empty() && (chosen.back() == '\n' || chosen.back() == '\r')) chosen.pop_back();
        if (read && status.success() && !chosen.empty()) {
            answer.chosen = true;
            answer.path = chosen;
        } else if (!(status.exited && status.code == 1)) {  // 1: the person cancelled
            answer.error = "the file chooser " + describeExitStatus(status);
            for (const std::string& line : said) answer.error += ": " + line;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            running_ = false;
            pid_ = -1;
            answer_ = std::move(answer);
        }
        onAnswer();
    });
    return true;
}

std::optional<ChooserAnswer> ExternalChooser::take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(answer_, std::nullopt);
}

}  // namespace epilogue
