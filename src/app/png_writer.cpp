// PNG encoding with stb (libstb holds the implementation) and a no-clobber move into place.
#include "app/png_writer.h"

#include "app/atomic_file.h"

#include <stb/stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace epilogue {

namespace {

struct FileSink {
    int fd;
    bool failed;
    int error;
};

void writeToSink(void* context, void* data, int size) {
    auto* sink = static_cast<FileSink*>(context);
    const auto* bytes = static_cast<const char*>(data);
    std::size_t left = static_cast<std::size_t>(size);
    while (!sink->failed && left > 0) {
        const ssize_t written = ::write(sink->fd, bytes, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            sink->failed = true;
            sink->error = errno;
            return;
        }
        bytes += written;
        left -= static_cast<std::size_t>(written);
    }
}

PngWriteResult failure(const std::string& path, const std::string& problem) {
    PngWriteResult result;
    result.error = path + ": " + problem;
    return result;
}

}  // namespace

PngWriteResult writePng(const std::string& path, const std::vector<std::uint8_t>& rgba, int width, int height,
                        bool overwrite) {
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

    // stb's settings are globals: set once, before any thread encodes. Level 5 with filter 0 (none)
    // encodes a 1080p frame in about half the time of stb's defaults, and the file comes out smaller:
    // the sky's dithering defeats the predictive filters.
    static std::once_flag configured;
    std::call_once(configured, [] {
        stbi_write_png_compression_level = 5;
        stbi_write_force_png_filter = 0;
    });
    FileSink sink{fd, false, 0};
    const int encoded = stbi_write_png_to_func(writeToSink, &sink, width, height, 4, rgba.data(), width * 4);
    // mkstemp makes the file private; give it the mode any new file of the user's would have.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    const bool synced = !sink.failed && ::fsync(fd) == 0;
    const int syncError = errno;
    ::close(fd);
    if (!encoded || sink.failed || !synced) {
        ::unlink(temporary.c_str());
        const int code = sink.failed ? sink.error : syncError;
        return failure(path, std::string("writing failed: ") + (encoded ? std::strerror(code) : "PNG encoding failed"));
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

}  // namespace epilogue
