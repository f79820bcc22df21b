// Writing a whole file so that readers see either the old content or the new, never a part: the text goes
// to a temporary file beside the target, which is then renamed over it.
#pragma once

#include <string>

namespace epilogue {

// Writes `text` to `path` atomically. The temporary file has a name of its own (`path` + ".tmp-" and a
// unique suffix), so two writers never share one, and it is removed on every failure. Returns false with a
// message that names the path and says why (the system's reason) on failure.
bool writeFileAtomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace epilogue
