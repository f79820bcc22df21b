// The text of a story: every string of the model (ids, titles, quotes, commentary) is a StoryString, a
// view into a few large blocks that the story shares, instead of one heap allocation each. A story of a
// hundred thousand events holds about half a million strings; as separate allocations they were most of
// its load time. Each string is followed by a NUL in its block, so c_str() can go where C strings do.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

class StoryString {
public:
    constexpr StoryString() = default;

    const char* c_str() const { return view_.data(); }
    const char* data() const { return view_.data(); }
    std::size_t size() const { return view_.size(); }
    bool empty() const { return view_.empty(); }
    std::string_view view() const { return view_; }
    operator std::string_view() const { return view_; }
    std::string str() const { return std::string(view_); }

    friend bool operator==(StoryString a, std::string_view b) { return a.view_ == b; }
    friend bool operator==(std::string_view a, StoryString b) { return a == b.view_; }
    friend bool operator==(StoryString a, StoryString b) { return a.view_ == b.view_; }
    friend bool operator==(StoryString a, const char* b) { return a.view_ == b; }
    friend bool operator!=(StoryString a, std::string_view b) { return a.view_ != b; }
    friend bool operator!=(StoryString a, StoryString b) { return a.view_ != b.view_; }
    friend bool operator!=(StoryString a, const char* b) { return a.view_ != b; }
    friend bool operator!=(std::string_view a, StoryString b) { return a != b.view_; }
    friend std::ostream& operator<<(std::ostream& out, StoryString text) { return out << text.view_; }

private:
    friend class StoryTextBuilder;
    explicit StoryString(std::string_view terminated) : view_(terminated) {}

    std::string_view view_{""};  // always followed by a NUL
};

// One block of story text. A large one is mapped straight from the system, with the huge-page hint (see
// huge_pages.h), and what it did not use can be given back.
class TextBlock {
public:
    explicit TextBlock(std::size_t size);
    ~TextBlock();
    TextBlock(TextBlock&& other) noexcept;
    TextBlock& operator=(TextBlock&&) = delete;
    TextBlock(const TextBlock&) = delete;
    TextBlock& operator=(const TextBlock&) = delete;

    char* data() const { return data_; }
    std::size_t size() const { return size_; }
    // Gives back the room past the first `used` bytes where the system allows it.
    void trim(std::size_t used);

private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
    bool mapped_ = false;  // from mmap (large blocks) rather than new[]
};

// The blocks a story's strings live in. Immutable once built; stories share it when they are copied.
struct StoryText {
    std::vector<TextBlock> blocks;
};

// Copies strings into blocks. The first block is sized by the caller (a loader knows that a file's strings
// fit in the file); further blocks are added as needed, so nothing ever moves once copied.
class StoryTextBuilder {
public:
    explicit StoryTextBuilder(std::size_t expectedBytes = 0);

    StoryString add(std::string_view text);
    // The finished text, to be kept by the story whose strings were added.
    std::shared_ptr<const StoryText> finish();

private:
    std::shared_ptr<StoryText> text_ = std::make_shared<StoryText>();
    char* cursor_ = nullptr;
    std::size_t left_ = 0;
};

}  // namespace epilogue
