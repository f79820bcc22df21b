// A text box, drawn and edited.
#include "ui/text_box.h"

#include "text/grapheme_breaks.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

}  // namespace

float TextBox::caretX(PanelText& text, std::uint32_t byte) {
    const std::string& shown = field_.text();
    StoryTypesetter& type = text.typesetter();
    const float before = type.measureStart(TextStyle::Body, shown, byte);
    // A right-to-left query runs from the right: the caret's place is measured from there.
    if (type.rightToLeft(TextStyle::Body, shown)) return type.measure(TextStyle::Body, shown).x - before;
    return before;
}

std::uint32_t TextBox::byteAt(PanelText& text, float x) {
    const std::string& shown = field_.text();
    StoryTypesetter& type = text.typesetter();
    findGraphemeBoundaries(shown, boundaries_);
    type.measureStarts(TextStyle::Body, shown, boundaries_, widths_);
    const bool rightToLeft = type.rightToLeft(TextStyle::Body, shown);
    const float total = widths_.empty() ? 0.0f : widths_.back();
    std::uint32_t best = 0;
    float bestDistance = 1e30f;
    for (std::size_t i = 0; i < boundaries_.size(); ++i) {
        const float at = rightToLeft ? total - widths_[i] : widths_[i];
        if (std::abs(at - x) < bestDistance) {
            bestDistance = std::abs(at - x);
            best = boundaries_[i];
        }
    }
    return best;
}

TextBoxResult TextBox::draw(PanelText& text, const char* hint, const TextBoxInput& input) {
    TextBoxResult result;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float lineHeight = text.lineHeight(TextStyle::Body);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size{std::max(40.0f, ImGui::GetContentRegionAvail().x), std::max(ImGui::GetFrameHeight(), lineHeight + 2 * style.FramePadding.y)};
    ImGui::InvisibleButton("##text", size);
    result.hovered = ImGui::IsItemHovered();
    result.left = at.x;
    result.top = at.y;
    result.width = size.x;
    result.height = size.y;
    if (result.hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
    const float textLeft = at.x + style.FramePadding.x;
    const float textWidth = size.x - 2 * style.FramePadding.x;
    const bool shift = ImGui::GetIO().KeyShift;

    // The pointer: a press puts the caret where it is (Shift: selects to there), a drag selects, a double
    // click selects everything.
    if (ImGui::IsItemActivated()) {
        result.clicked = true;
        dragging_ = true;
        if (ImGui::IsMouseDoubleClicked(0)) {
            field_.selectAll();
            dragging_ = false;
        } else {
            field_.place(byteAt(text, ImGui::GetIO().MousePos.x - textLeft + scroll_), shift);
        }
    } else if (dragging_ && ImGui::IsItemActive()) {
        field_.place(byteAt(text, ImGui::GetIO().MousePos.x - textLeft + scroll_), true);
    } else {
        dragging_ = false;
    }

    // The keyboard, when the field has it.
    if (input.focused) {
        const ImGuiIO& io = ImGui::GetIO();
        const bool word = io.KeyCtrl;
        if (!input.typed.empty()) {
            result.edited |= field_.insert(input.typed);
            full_ = field_.limitHit();
        }
        if (keyPressed(ImGuiKey_Backspace)) result.edited |= field_.erase(false, word);
        if (keyPressed(ImGuiKey_Delete)) result.edited |= field_.erase(true, word);
        if (keyPressed(ImGuiKey_LeftArrow)) field_.move(text.typesetter().rightToLeft(TextStyle::Body, field_.text()), word, shift);
        if (keyPressed(ImGuiKey_RightArrow)) field_.move(!text.typesetter().rightToLeft(TextStyle::Body, field_.text()), word, shift);
        if (keyPressed(ImGuiKey_Home)) field_.home(shift);
        if (keyPressed(ImGuiKey_End)) field_.end(shift);
        if (io.KeyCtrl && keyPressed(ImGuiKey_A)) field_.selectAll();
        if (io.KeyCtrl && (keyPressed(ImGuiKey_C) || keyPressed(ImGuiKey_X)) && field_.hasSelection()) {
            const std::string copied(field_.selected());
            ImGui::SetClipboardText(copied.c_str());
            if (keyPressed(ImGuiKey_X)) result.edited |= field_.erase(false, false);
        }
        if (io.KeyCtrl && keyPressed(ImGuiKey_V)) {
            if (const char* pasted = ImGui::GetClipboardText()) {
                result.edited |= field_.insert(pasted);
                full_ = field_.limitHit();
            }
        }
        result.entered = keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter);
        result.down = keyPressed(ImGuiKey_DownArrow);
    }

    if (result.edited && !field_.limitHit()) full_ = false;
    result.full = full_;

    // The frame, the text scrolled so that the caret shows, the selection, the caret and the composition.
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(at, {at.x + size.x, at.y + size.y},
                        ImGui::GetColorU32(result.hovered || input.focused ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                        style.FrameRounding);
    const float textTop = at.y + (size.y - lineHeight) / 2;
    const std::string& shown = field_.text();
    if (shown.empty() && input.composition.empty()) {
        list->AddText({textLeft, at.y + style.FramePadding.y}, ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
        scroll_ = 0;
    }
    const float caret = caretX(text, field_.caret());
    const float compositionWidth = input.composition.empty() ? 0.0f : text.width(TextStyle::Body, input.composition);
    if (caret + compositionWidth - scroll_ > textWidth) scroll_ = caret + compositionWidth - textWidth;
    if (caret - scroll_ < 0) scroll_ = caret;
    scroll_ = std::max(0.0f, std::min(scroll_, std::max(0.0f, text.width(TextStyle::Body, shown) + compositionWidth - textWidth)));
    list->PushClipRect({textLeft - 1, at.y}, {textLeft + textWidth + 1, at.y + size.y}, true);
    if (input.focused && field_.hasSelection()) {
        const float a = caretX(text, field_.selectionStart()), b = caretX(text, field_.selectionEnd());
        list->AddRectFilled({textLeft - scroll_ + std::min(a, b), textTop}, {textLeft - scroll_ + std::max(a, b), textTop + lineHeight},
                            ImGui::GetColorU32(ImGuiCol_TextSelectedBg));
    }
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    StoryTypesetter& type = text.typesetter();
    if (input.composition.empty()) {
        type.draw(list, TextStyle::Body, shown, false, {textLeft - scroll_, textTop}, ink);
    } else {
        // The composition sits at the caret, underlined, between the text before and after it.
        const std::string_view before = std::string_view(shown).substr(0, field_.caret());
        const std::string_view after = std::string_view(shown).substr(field_.caret());
        const float beforeWidth = text.width(TextStyle::Body, before);
        type.draw(list, TextStyle::Body, before, false, {textLeft - scroll_, textTop}, ink);
        type.draw(list, TextStyle::Body, input.composition, false, {textLeft - scroll_ + beforeWidth, textTop}, ink);
        list->AddLine({textLeft - scroll_ + beforeWidth, textTop + lineHeight - 1},
                      {textLeft - scroll_ + beforeWidth + compositionWidth, textTop + lineHeight - 1}, ink, 1.0f);
        type.draw(list, TextStyle::Body, after, false, {textLeft - scroll_ + beforeWidth + compositionWidth, textTop}, ink);
    }
    if (input.focused) {
        const float x = std::round(textLeft - scroll_ + caret + compositionWidth);
        list->AddLine({x, textTop + 1}, {x, textTop + lineHeight - 1}, ink, 1.5f);
    }
    list->PopClipRect();
    return result;
}

}  // namespace epilogue
