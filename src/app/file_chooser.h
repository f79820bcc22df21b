// Choosing a story file with the desktop's own chooser: zenity (GNOME and most desktops) or kdialog (KDE),
// when one is installed and there is a display; else the window's built-in chooser (ui/open_dialog.h),
// which works with no desktop at all. EPILOGUE_FILE_CHOOSER=builtin|zenity|kdialog picks one. The external
// chooser runs as a child process (an argument vector, never a shell) on a thread of its own, so the
// window keeps drawing while it is open; its answer is taken by the window's loop.
#pragma once

#include <sys/types.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace epilogue {

enum class ChooserKind { BuiltIn, Zenity, KDialog };

// From EPILOGUE_FILE_CHOOSER when set, else the first of zenity and kdialog found on PATH (with DISPLAY
// or WAYLAND_DISPLAY set), else the built-in one.
ChooserKind pickChooser();

// The external chooser's arguments, starting in `directory`, offering story files (*.json). Pure.
std::vector<std::string> chooserArguments(ChooserKind kind, const std::string& directory);

struct ChooserAnswer {
    bool chosen = false;  // a file was chosen (else cancelled, or failed with `error`)
    std::string path;
    std::string error;    // the chooser could not run, or ended badly; empty when cancelled or chosen
};

class ExternalChooser {
public:
    ExternalChooser() = default;
    ~ExternalChooser();  // ends a chooser still open (the window is closing) and waits for its thread
    ExternalChooser(const ExternalChooser&) = delete;
    ExternalChooser& operator=(const ExternalChooser&) = delete;

    // Starts the chooser unless one is open; `onAnswer` runs on the chooser's thread when it ends (it
    // should only wake the loop). False with `error` when it cannot start.
    bool start(ChooserKind kind, const std::string& directory, std::function<void()> onAnswer, std::string& error);
    bool open();
    // The answer, once the chooser has ended; never blocks.
    std::optional<ChooserAnswer> take();

private:
    std::mutex mutex_;
    std::thread thread_;
    pid_t pid_ = -1;       // the running chooser's process
    bool running_ = false;
    std::optional<ChooserAnswer> answer_;
};

}  // namespace epilogue
