// Writing a whole file so that readers see either the old content or the new, never a part: the text goes
// to a temporary file beside the target, which is then renamed over it. Only regular files are ever
// replaced: a device node, FIFO, socket, directory or symbolic link at the target is left alone.
#pragma once

#include <string>

namespace epilogue {

// What lies at an output path, by lstat (a symbolic link is not followed: it counts as not regular).
enum class OutputState { Absent, RegularFile, NotRegular };
// `kind` (when given) gets "a directory", "a FIFO", "a character device", ... for NotRegular.
OutputState outputState(const std::string& path, std::string* kind = nullptr);

// Empty when `path` may be written: nothing is there, or a regular file and `overwrite`. Otherwise the
// message: "PATH: already exists; not overwritten (pass --overwrite to replace it)", or
// "PATH: is not a regular file (a FIFO); not replaced" (with or without `overwrite`).
std::string outputProblem(const std::string& path, bool overwrite);

// Writes `text` to `path` atomically, replacing a regular file there. The temporary file has a name of its
// own (`path` + ".tmp-" and a unique suffix), so two writers never share one, and it is removed on every
// failure. Returns false with a message that names the path and says why (the system's reason) on failure,
// and refuses (without writing) when `path` is something other than a regular file.
bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error);

// The same, but never replaces anything: the file appears whole under `path` only if nothing was there
// (link(), so a file that appears meanwhile is not replaced either). `alreadyExists`, when given, tells a
// taken name from other failures.
bool writeNewFileAtomically(const std::string& path, const std::string& text, std::string& error,
                            bool* alreadyExists = nullptr);

}  // namespace epilogue
