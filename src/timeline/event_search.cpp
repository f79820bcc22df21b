// Text search over a story's events.
#include "timeline/event_search.h"

#include <algorithm>
#include <cstring>
#include <initializer_list>

namespace epilogue {

namespace {

// Between the fields and the events in the gathered text. A query holding one is never found, so no
// match can run from one field or event into the next.
constexpr char kSeparator = '\x1F';

}  // namespace

bool eventMatches(const Event& event, std::string_view query) {
    const std::string folded = foldedForSearch(query);
    for (const std::string_view field : {event.title.view(), event.summary.view(), event.id.view()}) {
        if (foldedForSearch(field).find(folded) != std::string::npos) return true;
    }
    return false;
}

void EventSearch::gatherText(const Story& story) {
    std::size_t size = 0;  // folding seldom changes the length much: reserved once, the text rarely moves
    for (const Event& event : story.events) size += event.title.size() + event.summary.size() + event.id.size() + 3;
    text_.clear();
    text_.reserve(size + size / 8);
    starts_.clear();
    starts_.reserve(story.timeOrder.size() + 1);
    for (EventIndex index : story.timeOrder) {
        const Event& event = story.events[static_cast<std::size_t>(index)];
        starts_.push_back(text_.size());
        for (const std::string_view field : {event.title.view(), event.summary.view(), event.id.view()}) {
            folder_.append(text_, field);
            text_ += kSeparator;
        }
    }
    starts_.push_back(text_.size());
    storyHash_ = story.sourceHash;
    storyEvents_ = story.events.size();
    gathered_ = true;
}

const std::vector<EventIndex>& EventSearch::update(const Story& story, std::string_view query) {
    // Asked every frame: the unchanged case compares in place and allocates nothing.
    const bool sameStory = gathered_ && storyHash_ == story.sourceHash && storyEvents_ == story.events.size();
    if (answered_ && sameStory && query == askedQuery_) return matches_;

    askedQuery_ = query;
    query_.clear();
    folder_.append(query_, query);
    answered_ = true;
    matches_.clear();
    if (query_.empty()) {
        matches_ = story.timeOrder;
        if (!sameStory) gathered_ = false;  // gathered again for the next query
        return matches_;
    }
    if (!sameStory) gatherText(story);
    if (query_.find(kSeparator) != std::string::npos) return matches_;
    const char* const text = text_.data();
    std::size_t from = 0;
    while (from < text_.size()) {
        const void* found = ::memmem(text + from, text_.size() - from, query_.data(), query_.size());
        if (!found) break;
        const auto at = static_cast<std::size_t>(static_cast<const char*>(found) - text);
        // The event whose text holds the match; the search goes on from the next event.
        const auto next = std::upper_bound(starts_.begin(), starts_.end(), at);
        const auto position = static_cast<std::size_t>(next - starts_.begin()) - 1;
        matches_.push_back(story.timeOrder[position]);
        from = *next;
    }
    return matches_;
}

}  // namespace epilogue
