// Story file fingerprints, with Debian's xxHash.
#include "story/source_hash.h"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

namespace epilogue {

std::uint64_t hashBytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

std::string hashText(std::uint64_t hash) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

std::string hashFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return "";
    const std::unique_ptr<XXH3_state_t, decltype(&XXH3_freeState)> state(XXH3_createState(), &XXH3_freeState);
    if (!state || XXH3_64bits_reset(state.get()) == XXH_ERROR) return "";
    std::vector<char> buffer(1 << 16);
    while (file.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || file.gcount() > 0) {
        XXH3_64bits_update(state.get(), buffer.data(), static_cast<std::size_t>(file.gcount()));
    }
    if (file.bad()) return "";
    return hashText(XXH3_64bits_digest(state.get()));
}

}  // namespace epilogue
