// Editing a one-line field by grapheme cluster and by word.
#include "timeline/text_field.h"

#include "text/grapheme_breaks.h"

#include <algorithm>

namespace epilogue {

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string_view TextField::selected() const {
    return std::string_view(text_).substr(selectionStart(), selectionEnd() - selectionStart());
}

void TextField::set(std::string_view text) {
    text_.clear();
    caret_ = anchor_ = 0;
    insert(text);
}

bool TextField::insert(std::string_view text, std::size_t maxBytes) {
    // Control characters go: a line break or tab becomes a space, the rest (C0, DEL) nothing.
    cleaned_.clear();
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r' || c == '\t') {
            cleaned_ += ' ';
        } else if (byte >= 0x20 && byte != 0x7F) {
            cleaned_ += c;
        }
    }
    limitHit_ = false;
    if (cleaned_.empty() && !hasSelection()) return false;
    const std::uint32_t begin = selectionStart();
    eraseRange(begin, selectionEnd());
    // Whole clusters of what is typed, up to the limit.
    std::size_t room = maxBytes > text_.size() ? maxBytes - text_.size() : 0;
    std::size_t take = cleaned_.size();
    if (take > room) {
        limitHit_ = true;
        findGraphemeBoundaries(cleaned_, boundaries_);
        take = 0;
        for (std::uint32_t boundary : boundaries_) {
            if (boundary <= room) take = boundary;
        }
    }
    text_.insert(begin, cleaned_, 0, take);
    caret_ = anchor_ = begin + static_cast<std::uint32_t>(take);
    // What was typed may join what is beside it into one cluster (a combining mark): the caret stays on a boundary.
    place(caret_, false);
    return true;
}

void TextField::eraseRange(std::uint32_t begin, std::uint32_t end) {
    text_.erase(begin, end - begin);
    caret_ = anchor_ = begin;
}

std::uint32_t TextField::clusterBefore(std::uint32_t at) {
    findGraphemeBoundaries(text_, boundaries_);
    auto it = std::lower_bound(boundaries_.begin(), boundaries_.end(), at);
    return it == boundaries_.begin() ? 0 : *(it - 1);
}

std::uint32_t TextField::clusterAfter(std::uint32_t at) {
    findGraphemeBoundaries(text_, boundaries_);
    auto it = std::upper_bound(boundaries_.begin(), boundaries_.end(), at);
    return it == boundaries_.end() ? static_cast<std::uint32_t>(text_.size()) : *it;
}

// A word: a run of characters up to a space. Ctrl+Left goes to the start of the word before the caret (past
// the spaces before it); Ctrl+Right to the end of the word after it.
std::uint32_t TextField::wordBefore(std::uint32_t at) {
    while (at > 0 && isSpace(text_[at - 1])) --at;
    while (at > 0 && !isSpace(text_[at - 1])) --at;
    return at;
}

std::uint32_t TextField::wordAfter(std::uint32_t at) {
    const auto size = static_cast<std::uint32_t>(text_.size());
    while (at < size && isSpace(text_[at])) ++at;
    while (at < size && !isSpace(text_[at])) ++at;
    return at;
}

bool TextField::erase(bool forward, bool word) {
    limitHit_ = false;
    if (hasSelection()) {
        eraseRange(selectionStart(), selectionEnd());
        return true;
    }
    const std::uint32_t other = forward ? (word ? wordAfter(caret_) : clusterAfter(caret_))
                                        : (word ? wordBefore(caret_) : clusterBefore(caret_));
    if (other == caret_) return false;
    eraseRange(std::min(caret_, other), std::max(caret_, other));
    return true;
}

void TextField::move(bool forward, bool word, bool extend) {
    if (hasSelection() && !extend && !word) {  // an arrow ends a selection at its side
        caret_ = anchor_ = forward ? selectionEnd() : selectionStart();
        return;
    }
    caret_ = forward ? (word ? wordAfter(caret_) : clusterAfter(caret_)) : (word ? wordBefore(caret_) : clusterBefore(caret_));
    if (!extend) anchor_ = caret_;
}

void TextField::home(bool extend) {
    caret_ = 0;
    if (!extend) anchor_ = caret_;
}

void TextField::end(bool extend) {
    caret_ = static_cast<std::uint32_t>(text_.size());
    if (!extend) anchor_ = caret_;
}

void TextField::selectAll() {
    anchor_ = 0;
    caret_ = static_cast<std::uint32_t>(text_.size());
}

void TextField::place(std::uint32_t at, bool extend) {
    at = std::min<std::uint32_t>(at, static_cast<std::uint32_t>(text_.size()));
    findGraphemeBoundaries(text_, boundaries_);
    auto it = std::upper_bound(boundaries_.begin(), boundaries_.end(), at);
    caret_ = it == boundaries_.begin() ? 0 : *(it - 1);
    if (!extend) anchor_ = caret_;
}

}  // namespace epilogue
