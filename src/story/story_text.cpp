// Copying a story's strings into shared blocks.
#include "story/story_text.h"

#include <algorithm>
#include <cstring>

namespace epilogue {

namespace {
constexpr std::size_t kSmallestBlock = 64 * 1024;
}

StoryTextBuilder::StoryTextBuilder(std::size_t expectedBytes) {
    if (expectedBytes == 0) return;
    // Not zeroed: pages that no string reaches are never touched, so a generous estimate costs nothing.
    text_->blocks.emplace_back(new char[expectedBytes]);
    cursor_ = text_->blocks.back().get();
    left_ = expectedBytes;
}

StoryString StoryTextBuilder::add(std::string_view text) {
    if (text.empty()) return StoryString();
    const std::size_t needed = text.size() + 1;
    if (needed > left_) {
        const std::size_t size = std::max(kSmallestBlock, needed);
        text_->blocks.emplace_back(new char[size]);
        cursor_ = text_->blocks.back().get();
        left_ = size;
    }
    char* start = cursor_;
    std::memcpy(start, text.data(), text.size());
    start[text.size()] = '\0';
    cursor_ += needed;
    left_ -= needed;
    return StoryString(std::string_view(start, text.size()));
}

std::shared_ptr<const StoryText> StoryTextBuilder::finish() {
    std::shared_ptr<const StoryText> done = std::move(text_);
    text_ = std::make_shared<StoryText>();
    cursor_ = nullptr;
    left_ = 0;
    return done;
}

}  // namespace epilogue
