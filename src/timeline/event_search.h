// Searching a story's events by text, for the events list: the events whose title, summary or id
// contains the query, in time order, ignoring case and the form of composed characters in any script
// (Unicode case folding and normalization: "STRASSE" finds "Straße"). The first search of a story gathers
// that text, folded and in time order, into one block; every search after is one memmem pass over it, so
// a story of a hundred thousand events filters in a few milliseconds as the user types.
#pragma once

#include "story/story.h"
#include "text/search_folding.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

// Whether the event's title, summary or id contains `query`, both folded for search (one event at a time:
// what EventSearch answers for a whole story).
bool eventMatches(const Event& event, std::string_view query);

class EventSearch {
public:
    // The events of `story` that match `query`, in time order (all of them for an empty query). Worked
    // out again only when the query or the story changed.
    const std::vector<EventIndex>& update(const Story& story, std::string_view query);

private:
    void gatherText(const Story& story);

    std::vector<EventIndex> matches_;
    std::string askedQuery_;  // the query matches_ answers, as typed
    std::string query_;       // the same, folded
    SearchFolder folder_;
    bool answered_ = false;
    // The story the text was gathered from.
    std::uint64_t storyHash_ = 0;
    std::size_t storyEvents_ = 0;
    bool gathered_ = false;
    std::string text_;                 // each event's title, summary and id, folded, in time order
    std::vector<std::size_t> starts_;  // where each of those events begins in text_, and the end
};

}  // namespace epilogue
