// Line break opportunities from ICU's line break iterator, over the UTF-8 text in place (a UText), so that the
// offsets it gives are bytes of the text.
#include "text/line_breaks.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

namespace epilogue {

namespace {

struct BreakIteratorCloser {
    void operator()(UBreakIterator* iterator) const { ubrk_close(iterator); }
};

// Made on first use in each thread (ICU loads its rules and dictionaries once) and kept.
UBreakIterator* lineIterator() {
    thread_local std::unique_ptr<UBreakIterator, BreakIteratorCloser> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        UBreakIterator* made = ubrk_open(UBRK_LINE, "", nullptr, 0, &status);
        return std::unique_ptr<UBreakIterator, BreakIteratorCloser>(U_SUCCESS(status) ? made : nullptr);
    }();
    return iterator.get();
}

}  // namespace

void findLineBreaks(std::string_view text, std::vector<LineBreak>& breaks) {
    breaks.clear();
    UBreakIterator* iterator = lineIterator();
    UErrorCode status = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    bool opened = false;
    if (iterator && !text.empty()) {
        utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
        opened = U_SUCCESS(status);
        if (opened) ubrk_setUText(iterator, &utext, &status);
    }
    if (!opened || U_FAILURE(status)) {
        // No ICU iterator (its data missing): the text may only break after spaces and new lines.
        for (std::size_t i = 0; i < text.size(); ++i) {
            const bool newLine = text[i] == '\n';
            if ((newLine || text[i] == ' ') && i + 1 < text.size() && text[i + 1] != ' ') {
                breaks.push_back({static_cast<std::uint32_t>(i + 1), newLine});
            }
        }
        breaks.push_back({static_cast<std::uint32_t>(text.size()), false});
        if (opened) utext_close(&utext);
        return;
    }
    for (int32_t at = ubrk_following(iterator, 0); at != UBRK_DONE; at = ubrk_next(iterator)) {
        const bool hard = ubrk_getRuleStatus(iterator) >= UBRK_LINE_HARD && ubrk_getRuleStatus(iterator) < UBRK_LINE_HARD_LIMIT;
        breaks.push_back({static_cast<std::uint32_t>(at), hard && static_cast<std::size_t>(at) < text.size()});
    }
    if (breaks.empty() || breaks.back().at != text.size()) breaks.push_back({static_cast<std::uint32_t>(text.size()), false});
    ubrk_setText(iterator, nullptr, 0, &status);  // lets go of the text before the UText closes
    utext_close(&utext);
}

}  // namespace epilogue
