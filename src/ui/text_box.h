// A one-line text box whose text is set by the story typesetter, so that text in any script, right to left or
// with emoji shows as typed (Dear ImGui 1.86's own text field holds 16-bit characters and draws with its Latin
// atlas): the events panel's search box and the story chooser's path. Editing is the pure TextField's; typed
// text comes as UTF-8 straight from SDL's text input (through the frame), and an input method's composition is
// shown underlined at the caret.
#pragma once

#include "timeline/text_field.h"
#include "ui/panel_text.h"

#include <string>
#include <string_view>

namespace epilogue {

struct TextBoxInput {
    std::string_view typed;         // text typed since the last frame
    std::string_view composition;   // an input method's text being composed, not yet typed
    bool focused = false;           // the box has the keyboard (the application's focus says so)
};

struct TextBoxResult {
    bool edited = false;   // the text changed
    bool entered = false;  // Enter
    bool down = false;     // the Down arrow
    bool clicked = false;  // pressed with the pointer
    bool hovered = false;
    bool full = false;     // text typed or pasted did not all fit (TextField::kMaxBytes)
    float left = 0, top = 0, width = 0, height = 0;  // where the field is, in screen pixels
};

class TextBox {
public:
    // Draws the box across the rest of the line; `hint` shows while it is empty.
    TextBoxResult draw(PanelText& text, const char* hint, const TextBoxInput& input);
    // Replaces the text (the application changed it); the caret goes to its end.
    void set(std::string_view text) { field_.set(text); }
    const std::string& text() const { return field_.text(); }

private:
    float caretX(PanelText& text, std::uint32_t byte);  // from the text's start, before scrolling
    std::uint32_t byteAt(PanelText& text, float x);      // the cluster boundary nearest x

    TextField field_;
    float scroll_ = 0;  // how far the text is scrolled left, so that the caret shows
    bool dragging_ = false;
    bool full_ = false;  // the last text typed or pasted did not all fit: said under the box until the next edit
    std::vector<std::uint32_t> boundaries_;
    std::vector<float> widths_;
};

}  // namespace epilogue
