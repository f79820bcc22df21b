// The text of a story: every string of the model (ids, titles, quotes, commentary) is a StoryString, a
// view into text the story shares, instead of one heap allocation each. A story of a hundred thousand
// events holds about half a million strings; as separate allocations they were most of its load time.
// A loaded story keeps the file's own buffer, and a string written in the file without escapes views it
// there, its closing quote overwritten with a NUL; other strings (with escapes) are copied into a few
// blocks. Either way each string is followed by a NUL, so c_str() can go where C strings do.
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

// Where a story's strings live. Immutable once built; stories share it when they are copied.
struct StoryText {
    std::shared_ptr<const TextBlock> source;  // the file's buffer, when strings view it
    std::vector<TextBlock> blocks;            // the strings copied
};

// Makes story strings. Strings are copied into blocks: the first is sized by the caller, further ones are
// added as needed (each at least half the size of what was copied before it), so nothing ever moves once
// copied.
// Given a source (the JSON text a loader reads), a string that lies in it and is followed by its closing
// quote is not copied: the quote becomes its NUL. The caller must not need that text as JSON afterwards,
// or must put the quotes back; every NUL in the source before the padding is such a quote when the
// source held no NUL to begin with.
class StoryTextBuilder {
public:
    explicit StoryTextBuilder(std::size_t expectedBytes = 0);
    StoryTextBuilder(std::shared_ptr<const TextBlock> source, std::size_t sourceLength);

    StoryString add(std::string_view text);
    // The finished text, to be kept by the story whose strings were added.
    std::shared_ptr<const StoryText> finish();

private:
    StoryString copy(std::string_view text);

    std::shared_ptr<StoryText> text_ = std::make_shared<StoryText>();
    const char* sourceBegin_ = nullptr;  // [sourceBegin_, sourceEnd_): the source's JSON text
    const char* sourceEnd_ = nullptr;
    std::size_t copied_ = 0;  // bytes in blocks so far
    char* cursor_ = nullptr;
    std::size_t left_ = 0;
};

}  // namespace epilogue
