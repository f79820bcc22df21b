// Tier 1 (no window): the PNG encoder's files decode (with stb_image, an independent decoder) to exactly
// the pixels given, opaque or not, at any size; and a write that fails leaves no file behind.
#include "app/png_writer.h"

#include "temporary_directory.h"

#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <csignal>
#include <cstdint>
#include <filesystem>
#include <random>
#include <sys/resource.h>
#include <vector>

using namespace epilogue;
namespace fs = std::filesystem;

namespace {

// A gradient with noise, like the dithered sky of a frame; `opaque` or with alpha that varies.
std::vector<std::uint8_t> testImage(int width, int height, bool opaque, unsigned seed = 7) {
    std::mt19937 random(seed);
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* pixel = &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 4];
            pixel[0] = static_cast<std::uint8_t>(x * 255 / std::max(width - 1, 1));
            pixel[1] = static_cast<std::uint8_t>(y * 255 / std::max(height - 1, 1));
            pixel[2] = static_cast<std::uint8_t>(random() & 0xff);
            pixel[3] = opaque ? 255 : static_cast<std::uint8_t>((x + y * 3) & 0xff);
        }
    }
    return rgba;
}

struct Decoded {
    int width = 0, height = 0, channels = 0;
    std::vector<std::uint8_t> rgba;
};

Decoded decode(const std::vector<std::uint8_t>& png) {
    Decoded decoded;
    stbi_uc* pixels = stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &decoded.width, &decoded.height,
                                            &decoded.channels, 4);
    if (pixels) {
        decoded.rgba.assign(pixels, pixels + static_cast<std::size_t>(decoded.width) * decoded.height * 4);
        stbi_image_free(pixels);
    }
    return decoded;
}

std::vector<std::uint8_t> readFile(const fs::path& path) {
    std::vector<std::uint8_t> bytes(fs::file_size(path));
    std::FILE* file = std::fopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    CHECK(std::fread(bytes.data(), 1, bytes.size(), file) == bytes.size());
    std::fclose(file);
    return bytes;
}

}  // namespace

TEST_CASE("an encoded PNG decodes to the same pixels, opaque or not, at any size") {
    for (const bool opaque : {true, false}) {
        for (const auto& [width, height] : {std::pair{1, 1}, std::pair{7, 3}, std::pair{3, 200}, std::pair{641, 359}}) {
            CAPTURE(opaque);
            CAPTURE(width);
            CAPTURE(height);
            const std::vector<std::uint8_t> rgba = testImage(width, height, opaque);
            std::vector<std::uint8_t> png;
            std::string error;
            REQUIRE(encodePng(rgba.data(), width, height, png, error));
            CHECK(error.empty());
            const Decoded decoded = decode(png);
            CHECK(decoded.width == width);
            CHECK(decoded.height == height);
            CHECK(decoded.channels == (opaque ? 3 : 4));  // an alpha of 255 everywhere is left out of the file
            CHECK(decoded.rgba == rgba);
        }
    }
}

TEST_CASE("a written PNG file decodes to the pixels given") {
    testing::TemporaryDirectory directory;
    const fs::path path = directory.path / "frame.png";
    const std::vector<std::uint8_t> rgba = testImage(320, 180, false);
    const PngWriteResult written = writePng(path.string(), rgba, 320, 180, false);
    REQUIRE(written.ok);
    const Decoded decoded = decode(readFile(path));
    CHECK(decoded.width == 320);
    CHECK(decoded.rgba == rgba);
}

TEST_CASE("an image the encoder refuses is an error that names the file, and writes nothing") {
    testing::TemporaryDirectory directory;
    const fs::path path = directory.path / "empty.png";
    std::vector<std::uint8_t> png;
    std::string error;
    CHECK_FALSE(encodePng(nullptr, 0, 10, png, error));
    CHECK(error.find("PNG encoding failed") == 0);
    const PngWriteResult written = writePng(path.string(), {}, 0, 10, false);
    CHECK_FALSE(written.ok);
    CHECK(written.error.find(path.string() + ": PNG encoding failed") == 0);
    const PngWriteResult tooFew = writePng(path.string(), std::vector<std::uint8_t>(16, 0), 4, 4, false);
    CHECK_FALSE(tooFew.ok);
    CHECK(fs::is_empty(directory.path));
}

TEST_CASE("a write that fails part way (a file size limit, as a full disk) leaves no file, partial or temporary") {
    testing::TemporaryDirectory directory;
    const fs::path path = directory.path / "big.png";
    const std::vector<std::uint8_t> rgba = testImage(512, 512, true);  // noise: over 200 KB of PNG
    // Writes past the limit fail with EFBIG once SIGXFSZ is ignored; both are put back afterwards.
    rlimit previous{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &previous) == 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = previous;
    limited.rlim_cur = 16 * 1024;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const PngWriteResult written = writePng(path.string(), rgba, 512, 512, false);
    ::setrlimit(RLIMIT_FSIZE, &previous);
    std::signal(SIGXFSZ, previousHandler);
    CHECK_FALSE(written.ok);
    CHECK_FALSE(written.alreadyExists);
    CHECK(written.error.find(path.string() + ": writing failed: File too large") == 0);
    CHECK(fs::is_empty(directory.path));
}
