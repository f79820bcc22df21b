// Reading a story's fields: one streaming pass over the JSON with simdjson's On Demand parser, each item of
// the story's arrays materialized on its own (story_json_tree.h), its fields checked and turned into the
// model, then the cross-checks (story_checks.h). Every problem is reported with its line and column.
//
// Include only from files compiled with the loader's simdjson flags (see story_json_tree.h).
#pragma once

#include "story/story.h"
#include "story/story_json_tree.h"
#include "story/story_loader.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

// Reads `document`, the JSON text `text` as indexed by simdjson's On Demand parser, into `story`, appending
// each problem with its fields or references to `errors` (at most options.maxErrors in all, `truncated` set
// when there were more), in file order. Given `source`, the buffer that holds `text`, the story's strings
// view it and the story keeps it (the closing quotes of those strings become NULs, see StoryTextBuilder);
// without, they are copied. Returns false when the JSON itself is at fault; `problem` then says where, and
// what for the problems the reader names itself (a duplicate key, nesting too deep): the errors and the
// story are then to be discarded.
bool readStoryFields(simdjson::ondemand::document& document, std::string_view text,
                     std::shared_ptr<const TextBlock> source, const std::string& fileName,
                     const StoryLoadOptions& options, Story& story, std::vector<StoryError>& errors, bool& truncated,
                     JsonProblem& problem);

}  // namespace epilogue
