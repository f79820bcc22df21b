// Text that came from files or arguments (ids, titles, paths, excerpts of JSON), made fit for a message
// on a terminal: control characters and bytes that are not UTF-8 are written as escapes, never sent
// raw (an id holding "\u001b[2J" must not clear the screen); long text is cut to an excerpt; long lists of
// names are cut to the few nearest to what was asked for. No SDL, GL or ImGui.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

// `text` with every C0 control character, DEL and C1 control character written as \u001b (JSON's
// spelling), and every byte that is not part of well-formed UTF-8 as \xFF. Everything else, backslashes
// included, is kept as it is.
std::string escapeForTerminal(std::string_view text);

// At most `maxBytes` bytes of `text`, cut on a character boundary and ended with "..." when cut.
std::string excerpt(std::string_view text, std::size_t maxBytes);

// The Levenshtein distance between the first 64 bytes of `a` and the first 256 of `b` (bytes, not
// characters; Myers' bit-parallel algorithm, one pass over `b`).
std::size_t editDistance(std::string_view a, std::string_view b);

// "\"kiss\", \"kissed\"" for up to `most` of `names`: the nearest to `wanted` by edit distance, ties in
// the order given, each quoted, cut to an excerpt and escaped; then ", and 479990 more" when some were
// left out.
std::string nearestNames(std::string_view wanted, const std::vector<std::string_view>& names, std::size_t most = 10);

}  // namespace epilogue
