// Story text laid out as ImGui items and drawn by the story typesetter.
#include "ui/panel_text.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace epilogue {

void appendIsolated(std::string& line, std::string_view text) {
    line.append("\u2068").append(text).append("\u2069");
}

const PanelText::Wrapped& PanelText::wrapped(TextStyle style, std::string_view text, float width) {
    const float roundedWidth = std::floor(width);
    const std::uint64_t key = std::hash<std::string_view>{}(text) ^
                              (static_cast<std::uint64_t>(style) << 56) ^
                              (static_cast<std::uint64_t>(roundedWidth) * 0x9E3779B97F4A7C15ull);
    auto found = cache_.find(key);
    if (found != cache_.end() && found->second.style == style && found->second.width == roundedWidth &&
        found->second.text == text) {
        return found->second;
    }
    if (cache_.size() >= 2048) cache_.clear();  // a story's panels show far fewer; past that, start afresh
    Wrapped& entry = cache_[key];
    entry.text.assign(text);
    entry.style = style;
    entry.width = roundedWidth;
    entry.rightToLeft = type_.rightToLeft(style, entry.text);
    wrapper_.prepare(type_, style, entry.text, roundedWidth);
    wrapper_.wrap(1.0f, roundedWidth, entry.lines);
    return entry;
}

void PanelText::paragraph(TextStyle style, ImU32 colour, std::string_view text, float wrapWidth,
                          std::string_view prefix, std::string_view suffix) {
    std::string_view shown = text;
    if (!prefix.empty() || !suffix.empty()) {
        joined_.assign(prefix);
        joined_ += text;
        joined_ += suffix;
        shown = joined_;
    }
    // A column's paragraph fills the column; one with a width of its own (a tooltip's) is no wider than it needs.
    const float width = std::max(1.0f, wrapWidth > 0 ? std::min(wrapWidth, std::ceil(type_.measure(style, shown).x) + 1)
                                                     : ImGui::GetContentRegionAvail().x);
    const Wrapped& wrap = wrapped(style, shown, width);
    // Lines a little further apart than the font's own height: marks above and below Thai, Indic and Arabic
    // letters, and CJK characters that fill their em, need the room.
    const float lineHeight = type_.lineHeight(style);
    const float pitch = std::round(lineHeight * 1.12f);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size{width, pitch * static_cast<float>(wrap.lines.size() - 1) + lineHeight};
    if (ImGui::IsRectVisible(size)) {
        ImDrawList* list = ImGui::GetWindowDrawList();
        float y = at.y;
        for (const TextLine& textLine : wrap.lines) {
            if (ImGui::IsRectVisible({at.x, y}, {at.x + size.x, y + lineHeight})) {
                const float x = wrap.rightToLeft ? at.x + width - textLine.width : at.x;
                type_.draw(list, style, std::string_view(wrap.text).substr(textLine.begin, textLine.end - textLine.begin),
                           false, {x, y}, colour);
            }
            y += pitch;
        }
    }
    ImGui::Dummy(size);
}

bool PanelText::lineAt(glm::vec2 at, TextStyle style, ImU32 colour, std::string_view text, float maxWidth) {
    const ShortenedText fitted = shortener_.fit(type_, style, text, maxWidth);
    type_.draw(ImGui::GetWindowDrawList(), style, fitted.shown(text), fitted.shortened, {at.x, at.y}, colour);
    return fitted.shortened;
}

bool PanelText::line(TextStyle style, ImU32 colour, std::string_view text, float maxWidth) {
    const float room = maxWidth == 0 ? ImGui::GetContentRegionAvail().x : maxWidth < 0 ? 1e9f : maxWidth;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ShortenedText fitted = shortener_.fit(type_, style, text, room);
    type_.draw(ImGui::GetWindowDrawList(), style, fitted.shown(text), fitted.shortened, {at.x, at.y}, colour);
    ImGui::Dummy({fitted.width, type_.lineHeight(style)});
    return fitted.shortened;
}

bool PanelText::button(const char* id, TextStyle style, ImU32 colour, std::string_view text) {
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    const float room = ImGui::GetContentRegionAvail().x;
    const ShortenedText fitted = shortener_.fit(type_, style, text, std::max(20.0f, room - 2 * padding.x));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 size{fitted.width + 2 * padding.x, type_.lineHeight(style) + 2 * padding.y};
    const bool clicked = ImGui::InvisibleButton(id, size);
    const ImGuiCol fill = ImGui::IsItemActive() ? ImGuiCol_ButtonActive : ImGui::IsItemHovered() ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(at, {at.x + size.x, at.y + size.y}, ImGui::GetColorU32(fill), ImGui::GetStyle().FrameRounding);
    type_.draw(list, style, fitted.shown(text), fitted.shortened, {at.x + padding.x, at.y + padding.y}, colour);
    if (fitted.shortened && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        paragraph(style, ImGui::GetColorU32(ImGuiCol_Text), text, 340);
        ImGui::EndTooltip();
    }
    return clicked;
}

}  // namespace epilogue
