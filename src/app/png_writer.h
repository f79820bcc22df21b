// Writing PNG files without ever losing or clobbering one: the image goes to a temporary file in the
// target directory first and is then moved into place, refusing to replace an existing file unless told to,
// and never replacing anything that is not a regular file (a device node, FIFO, directory, socket or link).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace epilogue {

struct PngWriteResult {
    bool ok = false;
    bool alreadyExists = false;  // something is at the target that may not be replaced (see outputProblem)
    std::string error;           // names the file and the problem
};

PngWriteResult writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
                        bool overwrite);

}  // namespace epilogue
