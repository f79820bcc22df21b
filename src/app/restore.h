// --restore: reading a screenshot's sidecar back into the command line, so that the same view opens
// (and, with --screenshot, the same image is drawn). Flags given explicitly win over the sidecar.
//
// A sidecar is untrusted input: it is read only if it is a regular file of at most kMaxSidecarBytes, and
// every value in it is checked against the same limits as the command line's (story/number_limits.h), so
// that a sidecar can make the program do nothing a command line could not.
#pragma once

#include "app/command_line.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace epilogue {

// Far more than any sidecar: one of a 100,000-event story, zoomed out, is under a megabyte.
constexpr std::size_t kMaxSidecarBytes = std::size_t{64} << 20;
// Arrays and objects nested deeper than this are refused (a sidecar nests four deep).
constexpr int kMaxSidecarDepth = 64;

// What a sidecar says about its story.
struct SidecarStory {
    std::string path;       // story.file
    std::string hash;       // story.hash: of the bytes the screenshot's story was read from; "" if absent
    bool used = false;      // options.storyPath was taken from the sidecar (no story was given explicitly)
    // A story in dates counts its times from its epoch day (the day of its earliest time); the sidecar says
    // which day its numbers count from ("time": {"kind": "dates", "epoch": "1942-06-04"}).
    bool datesEpochKnown = false;
    std::int64_t epochDay = 0;  // days since 1970
};

// Reads the sidecar `text` (called `name` in messages) into `options`, leaving alone what `given` says was
// given explicitly. False with a message naming the sidecar, the place and the problem when it is not a
// sidecar or holds a value out of the limits; `options` is then unchanged.
bool readSidecar(std::string_view text, const std::string& name, const ExplicitFlags& given, CommandLine& options,
                 SidecarStory& story, std::string& error);

// A sidecar's times count from its story's epoch day as it was when the screenshot was taken; a story in
// dates edited since to begin earlier counts from another day. Moves the view and the playhead the sidecar
// gave `options` to the story's epoch, so that they stay on the same dates.
void moveSidecarTimesToStory(const Story& story, const SidecarStory& sidecar, CommandLine& options);

// The same for the sidecar file at `path`.
bool applySidecar(const std::string& path, const ExplicitFlags& given, CommandLine& options, SidecarStory& story,
                  std::string& error);

}  // namespace epilogue
