// Loading a story: the entry points. The file is read into memory of the loader's own, checked for size,
// then read in one streaming pass over the JSON with simdjson's On Demand parser: no document
// tree is built for the whole file, so a story of a hundred thousand events loads quickly and in little
// memory. The story's strings view the buffer the file was read into, which the story keeps (story_text.h).
// The parts of the loader:
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

#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <system_error>

namespace epilogue {

std::string StoryError::toString() const {
    std::ostringstream out;
    out << escapeForTerminal(file);
    if (line > 0) out << ':' << line << ':' << column;
    out << ": " << escapeForTerminal(message);
    return out.str();
}

namespace {

// From this size on, a file's hash and NUL scan run beside the parser's first pass (a thread costs more
// than it saves on a small one).
constexpr std::size_t kConcurrentScanBytes = 4u << 20;

// Parses the JSON text in the first `length` bytes of `buffer` (followed by simdjson's padding). The story's
// strings view the buffer where they can (see story_text.h), and the story keeps it.
StoryLoadResult parseBuffer(const std::shared_ptr<TextBlock>& buffer, std::size_t length, const std::string& fileName,
                            const StoryLoadOptions& options) {
    const std::string_view text(buffer->data(), length);
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
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return fail(StoryErrorKind::Empty, 0, "the file is empty", false);
    }
    // The hash, and the scan for NUL bytes, read the text on a thread of their own while the parser's first
    // pass indexes it (for a large file; a small one does all in turn). Both are done before the reader
    // writes any NUL: the hash is of the bytes as read, and a file that holds a NUL byte, never valid JSON,
    // has its strings copied rather than viewed, so that every NUL the buffer holds afterwards is one the
    // reader wrote over a closing quote.
    struct Scan {
        std::uint64_t hash = 0;
        bool hasNul = false;
    };
    std::future<Scan> scanning =
        std::async(text.size() >= kConcurrentScanBytes ? std::launch::async : std::launch::deferred, [text] {
            return Scan{hashBytes(text), std::memchr(text.data(), '\0', text.size()) != nullptr};
        });
    Scan scan;
    JsonProblem problem;
    bool read = false;
    {
        simdjson::ondemand::parser parser;  // its index (4 bytes a structural character) is given back on leaving
        simdjson::ondemand::document document;
        const simdjson::error_code indexing = parser.iterate(buffer->data(), length, buffer->size()).get(document);
        if (indexing == simdjson::MEMALLOC) throw std::bad_alloc();  // reported as such by the entry points
        const bool indexed = !indexing;
        scan = scanning.get();
        read = indexed && readStoryFields(document, text, scan.hasNul ? nullptr : buffer, fileName, options,
                                          result.story, result.errors, result.truncated, problem);
    }
    if (!read) {
        // The text itself is at fault: bytes that are not UTF-8, a duplicate key or nesting too deep (the
        // reader names those two), or malformed JSON, where nlohmann-json's parser names the character
        // (simdjson's errors say less, and less precisely).
        result.errors.clear();
        result.truncated = false;
        result.story = Story{};
        // The parser refuses bytes that are not UTF-8 before it reads any value; they are located here.
        if (!simdjson::validate_utf8(text.data(), text.size())) {
            const std::size_t bad = findInvalidUtf8(text).value_or(0);
            std::ostringstream message;
            message << "invalid UTF-8: byte 0x" << std::hex << std::uppercase
                    << static_cast<unsigned>(static_cast<unsigned char>(text[bad])) << " does not start a well-formed character";
            return fail(StoryErrorKind::InvalidUtf8, bad, message.str(), true);
        }
        if (!problem.message.empty()) return fail(StoryErrorKind::Syntax, problem.offset, problem.message, true);
        if (!scan.hasNul) std::replace(buffer->data(), buffer->data() + length, '\0', '"');  // the text as it was read
        if (const std::optional<JsonSyntaxError> located = findJsonSyntaxError(text)) {
            return fail(StoryErrorKind::Syntax, located->offset, located->message, true);
        }
        return fail(StoryErrorKind::Syntax, problem.offset, "malformed JSON", true);
    }
    if (!result.errors.empty()) result.story = Story{};  // never hand out a half-loaded story
    else result.story.sourceHash = scan.hash;
    return result;
}

// Runs a load, turning what can only fail for want of resources into an error that names the file: memory
// (the parser's index, the story's arrays) or a thread (a large file is read and scanned on two).
template <typename Load>
StoryLoadResult withResourcesReported(const std::string& fileName, Load load) {
    try {
        return load();
    } catch (const std::bad_alloc&) {
        return {Story{}, {{StoryErrorKind::Io, fileName, 0, 0, "not enough memory to load the story"}}};
    } catch (const std::system_error& error) {
        return {Story{}, {{StoryErrorKind::Io, fileName, 0, 0, std::string("cannot load the story: ") + error.what()}}};
    }
}

// A buffer for `length` bytes of JSON and simdjson's padding; empty when there is not enough memory.
std::shared_ptr<TextBlock> newBuffer(std::size_t length) {
    try {
        return std::make_shared<TextBlock>(length + simdjson::SIMDJSON_PADDING);
    } catch (const std::bad_alloc&) {
        return nullptr;
    }
}

// Reads the file into a buffer of the loader's own and parses it.
StoryLoadResult readAndParse(const std::string& path, const StoryLoadOptions& options) {
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
    std::shared_ptr<TextBlock> buffer = newBuffer(length);
    if (!buffer) return fail({InputFileProblem::CannotRead, "not enough memory to read the file"});
    std::size_t filled = 0;
    if (!file.read(buffer->data(), length, filled, error)) return fail(error);
    if (filled == length) {
        // More than fstat said: the file grew while it was read, or it reports no size (as under /proc).
        // Rare: what follows is read in pieces, up to the limit, and the whole copied into a larger block.
        std::string rest;
        if (!file.readRest(filled, options.maxBytes, rest, error)) return fail(error);
        if (!rest.empty()) {
            std::shared_ptr<TextBlock> larger = newBuffer(filled + rest.size());
            if (!larger) return fail({InputFileProblem::CannotRead, "not enough memory to read the file"});
            std::memcpy(larger->data(), buffer->data(), filled);
            std::memcpy(larger->data() + filled, rest.data(), rest.size());
            filled += rest.size();
            buffer = std::move(larger);
        }
    }
    std::memset(buffer->data() + filled, 0, buffer->size() - filled);  // simdjson reads into the padding
    return parseBuffer(buffer, filled, path, options);
}


}  // namespace

StoryLoadResult parseStory(std::string_view text, const std::string& fileName, const StoryLoadOptions& options) {
    return withResourcesReported(fileName, [&] {
        const std::shared_ptr<TextBlock> buffer = newBuffer(text.size());
        if (!buffer) return StoryLoadResult{Story{}, {{StoryErrorKind::Io, fileName, 0, 0, "not enough memory to read the story"}}};
        std::memcpy(buffer->data(), text.data(), text.size());
        std::memset(buffer->data() + text.size(), 0, buffer->size() - text.size());
        return parseBuffer(buffer, text.size(), fileName, options);
    });
}

StoryLoadResult loadStoryFile(const std::string& path, const StoryLoadOptions& options) {
    return withResourcesReported(path, [&] { return readAndParse(path, options); });
}

}  // namespace epilogue
