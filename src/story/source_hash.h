// Fingerprints of story files: XXH3 (64 bits) of the bytes, written as 16 hex digits. The loader records
// the hash of exactly the bytes it read, so a screenshot's sidecar names the version of the story it
// shows, and --restore can tell when the file has changed since.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace epilogue {

std::uint64_t hashBytes(std::string_view bytes);
std::string hashText(std::uint64_t hash);
// The hash of a file's bytes, as text; "" when the file cannot be read.
std::string hashFile(const std::string& path);

}  // namespace epilogue
