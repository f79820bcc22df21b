// PNG encoding with libspng (zlib underneath) and a no-clobber move into place.
#include "app/png_writer.h"

#include "app/atomic_file.h"

#include <spng.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace epilogue {

namespace {

PngWriteResult failure(const std::string& path, const std::string& problem) {
    PngWriteResult result;
    result.error = path + ": " + problem;
    return result;
}

int appendToVector(spng_ctx*, void* user, void* data, std::size_t length) {
    auto* png = static_cast<std::vector<std::uint8_t>*>(user);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    png->insert(png->end(), bytes, bytes + length);
    return 0;
}

// Without an early exit, so that the compiler vectorises the scan.
bool isOpaque(const std::uint8_t* rgba, std::size_t pixels) {
    std::uint8_t alpha = 255;
    for (std::size_t i = 0; i < pixels; ++i) alpha &= rgba[i * 4 + 3];
    return alpha == 255;
}

void packRgb(const std::uint8_t* rgba, std::size_t pixels, std::uint8_t* rgb) {
    for (std::size_t i = 0; i < pixels; ++i) {
        rgb[i * 3] = rgba[i * 4];
        rgb[i * 3 + 1] = rgba[i * 4 + 1];
        rgb[i * 3 + 2] = rgba[i * 4 + 2];
    }
}

bool writeAllBytes(int fd, const std::uint8_t* bytes, std::size_t left, int& error) {
    while (left > 0) {
        const ssize_t written = ::write(fd, bytes, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            error = errno;
            return false;
        }
        bytes += written;
        left -= static_cast<std::size_t>(written);
    }
    return true;
}

}  // namespace

bool encodePng(const std::uint8_t* rgba, int width, int height, std::vector<std::uint8_t>& png, std::string& error) {
    png.clear();
    if (width <= 0 || height <= 0) {
        error = "PNG encoding failed: the image is " + std::to_string(width) + "x" + std::to_string(height);
        return false;
    }
    const std::unique_ptr<spng_ctx, void (*)(spng_ctx*)> context(spng_ctx_new(SPNG_CTX_ENCODER), spng_ctx_free);
    if (!context) {
        error = "PNG encoding failed: out of memory";
        return false;
    }
    const std::size_t rowPixels = static_cast<std::size_t>(width);
    const bool opaque = isOpaque(rgba, rowPixels * static_cast<std::size_t>(height));
    const std::size_t channels = opaque ? 3 : 4;
    // Measured on a 1080p frame (see epilogue-bench's "png" section): zlib's fastest level with no row
    // filter is both the quickest and the smallest choice, as the sky's dithering defeats the predictive
    // filters (each of them costs time and makes the file larger), and higher levels take 2-4 times as long
    // for a fifth less (at level 1 zlib's strategy makes no difference). Dropping an alpha that is 255
    // everywhere leaves a quarter less to compress.
    spng_ihdr header{};
    header.width = static_cast<std::uint32_t>(width);
    header.height = static_cast<std::uint32_t>(height);
    header.bit_depth = 8;
    header.color_type = opaque ? SPNG_COLOR_TYPE_TRUECOLOR : SPNG_COLOR_TYPE_TRUECOLOR_ALPHA;
    png.reserve(rowPixels * static_cast<std::size_t>(height));  // about what a frame comes to: one realloc at most
    int status = spng_set_png_stream(context.get(), appendToVector, &png);
    if (status == 0) status = spng_set_option(context.get(), SPNG_IMG_COMPRESSION_LEVEL, 1);
    if (status == 0) status = spng_set_option(context.get(), SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_NONE);
    if (status == 0) status = spng_set_ihdr(context.get(), &header);
    if (status == 0) {
        status = spng_encode_image(context.get(), nullptr, 0, SPNG_FMT_PNG,
                                   SPNG_ENCODE_PROGRESSIVE | SPNG_ENCODE_FINALIZE);
    }
    // Row by row, so that an opaque image is packed to RGB a row at a time rather than copied whole.
    std::vector<std::uint8_t> packed(opaque ? rowPixels * 3 : 0);
    for (int y = 0; status == 0 && y < height; ++y) {
        const std::uint8_t* row = rgba + static_cast<std::size_t>(y) * rowPixels * 4;
        if (opaque) {
            packRgb(row, rowPixels, packed.data());
            row = packed.data();
        }
        status = spng_encode_row(context.get(), row, rowPixels * channels);
    }
    if (status != 0 && status != SPNG_EOI) {
        error = std::string("PNG encoding failed: ") + spng_strerror(status);
        png.clear();
        return false;
    }
    return true;
}

PngWriteResult writePngFile(const std::string& path, const std::vector<std::uint8_t>& png, bool overwrite) {
    namespace fs = std::filesystem;
    // Nothing but a regular file is ever replaced, and that only with `overwrite`.
    if (const std::string problem = outputProblem(path, overwrite); !problem.empty()) {
        PngWriteResult result;
        result.error = problem;
        result.alreadyExists = true;
        return result;
    }
    const fs::path target(path);
    const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string temporary = (directory / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) return failure(path, std::string("cannot write in ") + directory.string() + ": " + std::strerror(errno));

    int writeError = 0;
    const bool written = writeAllBytes(fd, png.data(), png.size(), writeError);
    // mkstemp makes the file private; give it the mode any new file of the user's would have.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const bool synced = written && ::fsync(fd) == 0;
    const int syncError = errno;
    ::close(fd);
    if (!synced) {
        ::unlink(temporary.c_str());
        return failure(path, std::string("writing failed: ") + std::strerror(written ? syncError : writeError));
    }
    if (overwrite) {
        // Checked again: a FIFO or device that appeared while encoding is not replaced either.
        if (const std::string problem = outputProblem(path, true); !problem.empty()) {
            ::unlink(temporary.c_str());
            PngWriteResult result;
            result.error = problem;
            result.alreadyExists = true;
            return result;
        }
        if (::rename(temporary.c_str(), path.c_str()) != 0) {
            const int code = errno;
            ::unlink(temporary.c_str());
            return failure(path, std::string("cannot move the image into place: ") + std::strerror(code));
        }
    } else {
        // link() fails if the name exists, so a file that appeared meanwhile is never replaced.
        if (::link(temporary.c_str(), path.c_str()) != 0) {
            const int code = errno;
            ::unlink(temporary.c_str());
            PngWriteResult result = failure(path, std::string("cannot create: ") + std::strerror(code));
            if (code == EEXIST) {
                result.error = outputProblem(path, false);
                if (result.error.empty()) result.error = path + ": already exists; not overwritten (pass --overwrite to replace it)";
            }
            result.alreadyExists = code == EEXIST;
            return result;
        }
        ::unlink(temporary.c_str());
    }
    PngWriteResult result;
    result.ok = true;
    return result;
}

PngWriteResult writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
                        bool overwrite) {
    // Refused before encoding, so that a taken name costs no encoding; writePngFile checks again.
    if (const std::string problem = outputProblem(path, overwrite); !problem.empty()) {
        PngWriteResult result;
        result.error = problem;
        result.alreadyExists = true;
        return result;
    }
    if (width > 0 && height > 0 &&
        rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        return failure(path, "PNG encoding failed: fewer pixels than " + std::to_string(width) + "x" +
                                 std::to_string(height));
    }
    std::vector<std::uint8_t> png;
    std::string error;
    if (!encodePng(rgba.data(), width, height, png, error)) return failure(path, error);
    return writePngFile(path, png, overwrite);
}

}  // namespace epilogue
