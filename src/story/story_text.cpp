// Story strings: viewed in the file's own buffer, or copied into shared blocks.
#include "story/story_text.h"

#include "story/huge_pages.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <utility>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace epilogue {

namespace {

constexpr std::size_t kSmallestBlock = 64 * 1024;
constexpr std::size_t kMappedBlock = 4 * 1024 * 1024;  // blocks from this size on are mapped

#if defined(__linux__)
std::size_t pageSize() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }
#endif

}  // namespace

TextBlock::TextBlock(std::size_t size) : size_(size) {
#if defined(__linux__)
    if (size >= kMappedBlock) {
        void* region = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (region == MAP_FAILED) throw std::bad_alloc();
        adviseHugePages(region, size);
        data_ = static_cast<char*>(region);
        mapped_ = true;
        return;
    }
#endif
    // Not zeroed: pages that no string reaches are never touched.
    data_ = new char[size];
}

TextBlock::~TextBlock() {
    if (!data_) return;
#if defined(__linux__)
    if (mapped_) {
        ::munmap(data_, size_);
        return;
    }
#endif
    delete[] data_;
}

TextBlock::TextBlock(TextBlock&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)), mapped_(other.mapped_) {}

void TextBlock::trim(std::size_t used) {
#if defined(__linux__)
    if (!mapped_) return;
    const std::size_t page = pageSize();
    const std::size_t kept = std::max(page, (used + page - 1) / page * page);
    if (kept >= size_) return;
    if (::munmap(data_ + kept, size_ - kept) == 0) size_ = kept;
#else
    (void)used;
#endif
}

StoryTextBuilder::StoryTextBuilder(std::size_t expectedBytes) {
    if (expectedBytes == 0) return;
    text_->blocks.emplace_back(expectedBytes);
    cursor_ = text_->blocks.back().data();
    left_ = expectedBytes;
}

StoryTextBuilder::StoryTextBuilder(std::shared_ptr<const TextBlock> source, std::size_t sourceLength) {
    sourceBegin_ = source->data();
    sourceEnd_ = source->data() + sourceLength;
    text_->source = std::move(source);
}

StoryString StoryTextBuilder::add(std::string_view text) {
    if (text.empty()) return StoryString();
    // In the source and followed by its closing quote (or by the NUL that already replaced it): viewed.
    const char* end = text.data() + text.size();
    if (text.data() >= sourceBegin_ && end < sourceEnd_ && (*end == '"' || *end == '\0')) {
        *const_cast<char*>(end) = '\0';
        return StoryString(text);
    }
    return copy(text);
}

StoryString StoryTextBuilder::copy(std::string_view text) {
    const std::size_t needed = text.size() + 1;
    if (needed > left_) {
        if (!text_->blocks.empty()) text_->blocks.back().trim(text_->blocks.back().size() - left_);
        text_->blocks.emplace_back(std::max({kSmallestBlock, needed, copied_ / 2}));
        cursor_ = text_->blocks.back().data();
        left_ = text_->blocks.back().size();
    }
    char* start = cursor_;
    std::memcpy(start, text.data(), text.size());
    start[text.size()] = '\0';
    cursor_ += needed;
    left_ -= needed;
    copied_ += needed;
    return StoryString(std::string_view(start, text.size()));
}

std::shared_ptr<const StoryText> StoryTextBuilder::finish() {
    if (!text_->blocks.empty()) text_->blocks.back().trim(text_->blocks.back().size() - left_);
    std::shared_ptr<const StoryText> done = std::move(text_);
    text_ = std::make_shared<StoryText>();
    sourceBegin_ = sourceEnd_ = nullptr;
    copied_ = 0;
    cursor_ = nullptr;
    left_ = 0;
    return done;
}

}  // namespace epilogue
