// Text search over a story's events.
#include "timeline/event_search.h"

#include <algorithm>
#include <cstring>

namespace epilogue {

namespace {

// Between the fields and the events in the gathered text. A query holding one is never found, so no
// match can run from one field or event into the next.
constexpr char kSeparator = '\x1F';

// Lower-cases ASCII letters; every other byte (UTF-8 included) stays as it is. Branch-free, for the loops
// that fold a whole story's text.
char foldAscii(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return static_cast<char>(byte + (static_cast<unsigned char>(byte - 'A') < 26 ? 'a' - 'A' : 0));
}

void appendFolded(std::string& out, std::string_view text) {
    const std::size_t at = out.size();
    out.append(text);
    for (std::size_t i = at; i < out.size(); ++i) out[i] = foldAscii(out[i]);
}

bool containsIgnoringCase(std::string_view text, std::string_view query) {
    if (query.size() > text.size()) return false;
    for (std::size_t start = 0; start + query.size() <= text.size(); ++start) {
        std::size_t i = 0;
        while (i < query.size() && foldAscii(text[start + i]) == foldAscii(query[i])) ++i;
        if (i == query.size()) return true;
    }
    return false;
}

}  // namespace

bool eventMatches(const Event& event, std::string_view query) {
    return containsIgnoringCase(event.title, query) || containsIgnoringCase(event.summary, query) ||
           containsIgnoringCase(event.id, query);
}

void EventSearch::gatherText(const Story& story) {
    std::size_t size = 0;
    for (const Event& event : story.events) size += event.title.size() + event.summary.size() + event.id.size() + 3;
    text_.resize(size);
    starts_.clear();
    starts_.reserve(story.timeOrder.size() + 1);
    char* out = text_.data();
    auto copyFolded = [&out](std::string_view field) {
        for (const char c : field) *out++ = foldAscii(c);
        *out++ = kSeparator;
    };
    for (EventIndex index : story.timeOrder) {
        const Event& event = story.events[static_cast<std::size_t>(index)];
        starts_.push_back(static_cast<std::size_t>(out - text_.data()));
        copyFolded(event.title);
        copyFolded(event.summary);
        copyFolded(event.id);
    }
    starts_.push_back(text_.size());
    storyHash_ = story.sourceHash;
    storyEvents_ = story.events.size();
    gathered_ = true;
}

const std::vector<EventIndex>& EventSearch::update(const Story& story, std::string_view query) {
    // Asked every frame: the unchanged case compares in place and allocates nothing.
    const bool sameStory = gathered_ && storyHash_ == story.sourceHash && storyEvents_ == story.events.size();
    const bool sameQuery = query.size() == query_.size() &&
                           std::equal(query.begin(), query.end(), query_.begin(),
                                      [](char asked, char answered) { return foldAscii(asked) == answered; });
    if (answered_ && sameStory && sameQuery) return matches_;

    query_.clear();
    appendFolded(query_, query);
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
