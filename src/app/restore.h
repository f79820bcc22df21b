// --restore: reading a screenshot's sidecar back into the command line, so that the same view opens
// (and, with --screenshot, the same image is drawn). Flags given explicitly win over the sidecar.
#pragma once

#include "app/command_line.h"

#include <string>

namespace epilogue {

// Fills `options` from the sidecar at `path`. False with a message naming the file, and the place and
// the problem, when it cannot be read or is not a sidecar. `warning` is set when the story file changed
// since the screenshot (the view still opens).
bool applySidecar(const std::string& path, const ExplicitFlags& given, CommandLine& options, std::string& error,
                  std::string& warning);

}  // namespace epilogue
