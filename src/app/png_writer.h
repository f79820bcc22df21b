// Writing PNG files without ever losing or clobbering one: the image goes to a temporary file in the
// target directory first and is then moved into place, refusing to replace an existing file unless told to.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace epilogue {

struct PngWriteResult {
    bool ok = false;
    bool alreadyExists = false;  // the target existed and overwriting was not allowed
    std::string error;           // names the file and the problem
};

PngWriteResult writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
                        bool overwrite);

}  // namespace epilogue
