// The text of a one-line field being edited, and the caret: what typing, deleting, moving and selecting do to
// it, pure (no SDL, GL or ImGui). The caret moves and deletes by grapheme cluster (a letter with its accents, a
// Hangul syllable, an Indic conjunct, an emoji sequence is one step), and by word with Ctrl. Text typed or pasted
// loses its control characters (a pasted line break becomes a space). Offsets are bytes of the UTF-8 text, always
// at cluster boundaries.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

class TextField {
public:
    const std::string& text() const { return text_; }
    std::uint32_t caret() const { return caret_; }
    std::uint32_t anchor() const { return anchor_; }  // the selection's other end; == caret: none
    bool hasSelection() const { return caret_ != anchor_; }
    std::uint32_t selectionStart() const { return caret_ < anchor_ ? caret_ : anchor_; }
    std::uint32_t selectionEnd() const { return caret_ < anchor_ ? anchor_ : caret_; }
    std::string_view selected() const;

    // Replaces the whole text (as when the application clears it); the caret goes to its end.
    void set(std::string_view text);
    // Types `text` at the caret, over the selection. Returns whether the text changed. At most `maxBytes` are
    // kept (whole clusters); past that, typing is refused and reported.
    bool insert(std::string_view text, std::size_t maxBytes = kMaxBytes);
    // Backspace (`forward` false) or Delete: the selection, else one cluster (a word with `word`).
    bool erase(bool forward, bool word);
    // Left or right one cluster (a word with `word`); `extend` selects (Shift).
    void move(bool forward, bool word, bool extend);
    void home(bool extend);
    void end(bool extend);
    void selectAll();
    // Puts the caret at `at` (snapped to the nearest cluster boundary before it); `extend` keeps the anchor.
    void place(std::uint32_t at, bool extend);
    // The last insert() was cut short by the limit (and nothing was erased since).
    bool limitHit() const { return limitHit_; }

    static constexpr std::size_t kMaxBytes = 1024;

private:
    std::uint32_t clusterBefore(std::uint32_t at);
    std::uint32_t clusterAfter(std::uint32_t at);
    std::uint32_t wordBefore(std::uint32_t at);
    std::uint32_t wordAfter(std::uint32_t at);
    void eraseRange(std::uint32_t begin, std::uint32_t end);

    std::string text_;
    std::uint32_t caret_ = 0, anchor_ = 0;
    bool limitHit_ = false;
    std::vector<std::uint32_t> boundaries_;  // scratch
    std::string cleaned_;                    // scratch
};

}  // namespace epilogue
