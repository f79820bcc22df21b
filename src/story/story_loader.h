// Loading and validating story files. A load either yields a complete, valid story or a list of errors
// that each name the file, line, column and problem; it never yields a half-loaded story.
// The format is documented in assets/stories/README.md.
#pragma once

#include "story/story.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

enum class StoryErrorKind {
    Io,                // the file cannot be read
    TooLarge,          // the file is over StoryLoadOptions::maxBytes
    InvalidUtf8,       // bytes that are not UTF-8
    Syntax,            // not well-formed JSON (includes duplicate keys)
    MissingField,      // a required field is absent
    WrongType,         // a field has the wrong JSON type
    UnknownField,      // a field the format does not define (usually a typo)
    InvalidValue,      // right type, wrong value (empty id, unknown lane kind, era that ends before it starts...)
    DuplicateId,       // two lanes or two events share an id
    UnknownReference,  // a lane or event id that does not exist
    ForkOrder,         // a fork or rejoin that is not in time order with its lane
    EventOrder,        // events listed out of time order within a lane
    Empty,             // no lanes or no events
};

struct StoryError {
    StoryErrorKind kind = StoryErrorKind::InvalidValue;
    std::string file;
    int line = 0;    // 1-based; 0 when the error concerns the whole file
    int column = 0;  // 1-based, in code points
    std::string message;

    // "file:line:col: message", the form compilers use, with control characters and bytes that are not
    // UTF-8 escaped (see terminal_text.h): fit to print on a terminal.
    std::string toString() const;
};

struct StoryLoadOptions {
    // 1 GiB. A load's peak memory is the file itself (the story keeps it: its strings view it), the parser's
    // index of it while it is read (4 bytes a structural character: a comma, a colon, a bracket or brace, a
    // string's opening quote), and the model (about 300 bytes an event). Measured as the peak resident
    // memory of a process that loads one story: a generated story just under this size (1,067 MB, 1,980,000
    // events of about 540 bytes) peaks at 1,924 MiB, 1.89 times its size; a story of the smallest events
    // (about 56 bytes each: id, lane, time and title) at 6.9 times its size, so a file at the limit takes at
    // most about 7 GiB.
    std::size_t maxBytes = 1024u * 1024u * 1024u;
    std::size_t maxErrors = 50;  // stop collecting after this many (StoryLoadResult::truncated says so)
};

struct StoryLoadResult {
    Story story;                     // complete only when errors is empty
    std::vector<StoryError> errors;
    bool truncated = false;          // there were more errors than StoryLoadOptions::maxErrors; the rest are not listed
    bool ok() const { return errors.empty(); }
};

// Reads the story at `path`: a regular file only (a FIFO, a device or a directory is an Io error that says
// so, and is never waited on), of at most options.maxBytes, also while it is read (see input_file.h).
StoryLoadResult loadStoryFile(const std::string& path, const StoryLoadOptions& options = {});
// `fileName` is only used in error messages.
StoryLoadResult parseStory(std::string_view text, const std::string& fileName, const StoryLoadOptions& options = {});

}  // namespace epilogue
