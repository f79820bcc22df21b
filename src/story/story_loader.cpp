// Loading a story: the entry points. The file is read into memory of the loader's own, checked for size
// and UTF-8, then read in one streaming pass over the JSON with simdjson's On Demand parser: no document
// tree is built for the whole file, so a story of a hundred thousand events loads quickly and in little
// memory. The parts of the loader:
//   story_json_tree.h  one item of the file at a time, as a small tree of located values;
//   story_fields.h     reading the story's fields from those items (the hot part);
//   story_checks.h     the cross-checks once everything is read: references, forks and time order;
//   located_json.h     naming and locating the problem in malformed JSON.
// The story is returned only whole.
#include "story/story_loader.h"

#include "story/input_file.h"
#include "story/located_json.h"
#include "story/source_hash.h"
#include "story/story_fields.h"
#include "story/terminal_text.h"
#include "story/text_position.h"

#include <simdjson.h>

#include <cstring>
#include <new>
#include <optional>
#include <sstream>

namespace epilogue {

std::string StoryError::toString() const {
    std::ostringstream out;
    out << escapeForTerminal(file);
    if (line > 0) out << ':' << line << ':' << column;
    out << ": " << escapeForTerminal(message);
    return out.str();
}

namespace {

StoryLoadResult parsePadded(simdjson::padded_string_view padded, const std::string& fileName,
                            const StoryLoadOptions& options) {
    const std::string_view text(padded.data(), padded.size());
    StoryLoadResult result;
    auto fail = [&](StoryErrorKind kind, std::size_t offset, const std::string& message, bool positioned) {
        StoryError error{kind, fileName, 0, 0, message};
        if (positioned) {
            const TextPosition position = textPositionOf(text, offset);
            error.line = position.line;
            error.column = position.column;
        }
        result.errors.push_back(std::move(error));
        return result;
    };
    if (text.size() > options.maxBytes) {
        return fail(StoryErrorKind::TooLarge, 0, tooLargeMessage(text.size(), options.maxBytes), false);
    }
    if (!simdjson::validate_utf8(text.data(), text.size())) {
        const std::size_t bad = findInvalidUtf8(text).value_or(0);
        std::ostringstream message;
        message << "invalid UTF-8: byte 0x" << std::hex << std::uppercase
                << static_cast<unsigned>(static_cast<unsigned char>(text[bad])) << " does not start a well-formed character";
        return fail(StoryErrorKind::InvalidUtf8, bad, message.str(), true);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return fail(StoryErrorKind::Empty, 0, "the file is empty", false);
    }
    JsonProblem problem;
    if (!readStoryFields(padded, fileName, options, result.story, result.errors, result.truncated, problem)) {
        // The JSON itself is at fault: the reader named a duplicate key or nesting too deep; for malformed
        // text, nlohmann-json's parser names the character (simdjson's errors say less, and less precisely).
        result.errors.clear();
        result.truncated = false;
        result.story = Story{};
        if (!problem.message.empty()) return fail(StoryErrorKind::Syntax, problem.offset, problem.message, true);
        if (const std::optional<JsonSyntaxError> located = findJsonSyntaxError(text)) {
            return fail(StoryErrorKind::Syntax, located->offset, located->message, true);
        }
        return fail(StoryErrorKind::Syntax, problem.offset, "malformed JSON", true);
    }
    if (!result.errors.empty()) result.story = Story{};  // never hand out a half-loaded story
    else result.story.sourceHash = hashBytes(text);
    return result;
}

}  // namespace

StoryLoadResult parseStory(std::string_view text, const std::string& fileName, const StoryLoadOptions& options) {
    const simdjson::padded_string copy(text.data(), text.size());
    return parsePadded(copy, fileName, options);
}

StoryLoadResult loadStoryFile(const std::string& path, const StoryLoadOptions& options) {
    StoryLoadResult result;
    auto fail = [&](const InputFileError& error) {
        const StoryErrorKind kind = error.problem == InputFileProblem::TooLarge ? StoryErrorKind::TooLarge : StoryErrorKind::Io;
        result.errors.push_back({kind, path, 0, 0, error.message});
        return result;
    };
    InputFile file;
    InputFileError error;
    if (!file.open(path, error)) return fail(error);
    const std::size_t length = file.size();
    if (length > options.maxBytes) return fail({InputFileProblem::TooLarge, tooLargeMessage(length, options.maxBytes)});
    // The file is read into memory of the loader's own (a large block gets the huge-page hint), not mapped:
    // a mapped file that another program truncates mid-load (an editor saving in place while the window
    // reloads) would kill the process with SIGBUS.
    std::optional<TextBlock> buffer;
    try {
        buffer.emplace(length + simdjson::SIMDJSON_PADDING);
    } catch (const std::bad_alloc&) {
        return fail({InputFileProblem::CannotRead, "not enough memory to read the file"});
    }
    std::size_t filled = 0;
    if (!file.read(buffer->data(), length, filled, error)) return fail(error);
    if (filled == length) {
        // More than fstat said: the file grew while it was read, or it reports no size (as under /proc).
        // Rare: what follows is read in pieces, up to the limit, and the whole copied into a larger block.
        std::string rest;
        if (!file.readRest(filled, options.maxBytes, rest, error)) return fail(error);
        if (!rest.empty()) {
            try {
                TextBlock larger(filled + rest.size() + simdjson::SIMDJSON_PADDING);
                std::memcpy(larger.data(), buffer->data(), filled);
                std::memcpy(larger.data() + filled, rest.data(), rest.size());
                filled += rest.size();
                buffer.reset();
                buffer.emplace(std::move(larger));
            } catch (const std::bad_alloc&) {
                return fail({InputFileProblem::CannotRead, "not enough memory to read the file"});
            }
        }
    }
    std::memset(buffer->data() + filled, 0, buffer->size() - filled);  // simdjson reads into the padding
    return parsePadded(simdjson::padded_string_view(buffer->data(), filled, buffer->size()), path, options);
}

}  // namespace epilogue
