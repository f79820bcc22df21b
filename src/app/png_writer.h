// Writing PNG files without ever losing or clobbering one: the image goes to a temporary file in the
// target directory first and is then moved into place, refusing to replace an existing file unless told to,
// and never replacing anything that is not a regular file (a device node, FIFO, directory, socket or link).
// Encoding (in memory, with libspng) and writing are also offered apart, so that a frame sequence can encode
// on several threads and still write its files in order.
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

// Encodes `width` x `height` RGBA pixels (rows top to bottom) as a PNG file's bytes. An image whose alpha
// is 255 everywhere is stored as RGB, which decodes to the same RGBA pixels. False, with the reason in
// `error`, if the encoder refuses (a size of 0, say).
bool encodePng(const std::uint8_t* rgba, int width, int height, std::vector<std::uint8_t>& png, std::string& error);

// Writes PNG bytes that encodePng made to `path`, atomically; replaces a regular file only with `overwrite`.
PngWriteResult writePngFile(const std::string& path, const std::vector<std::uint8_t>& png, bool overwrite);

// Both: encodes `rgba` and writes it to `path`.
PngWriteResult writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
                        bool overwrite);

}  // namespace epilogue
