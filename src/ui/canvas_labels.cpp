// Canvas text and ruler, drawn with ImGui's background draw list from the frame plan; the text through the
// story typesetter (shaped, any script).
#include "ui/canvas_labels.h"

#include "render/palette.h"
#include "ui/story_typesetter.h"

#include <imgui.h>

#include <algorithm>
#include <string_view>

namespace epilogue {

namespace {

ImU32 rgba(const Colour& colour, float alpha) { return ImGui::ColorConvertFloat4ToU32({colour.r, colour.g, colour.b, alpha}); }
ImU32 rgba(float r, float g, float b, float a) { return ImGui::ColorConvertFloat4ToU32({r, g, b, a}); }

// Font size in logical pixels (fonts are rasterised at the pixel scale).
float sizeOf(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

ImFont* fontFor(const UiFonts& fonts, TextStyle style) {
    switch (style) {
        case TextStyle::Bold: return fonts.bold;
        case TextStyle::Title: return fonts.title;
        case TextStyle::Small: return fonts.small;
        case TextStyle::Caption: return fonts.caption;
        case TextStyle::Quote: return fonts.quote;
        case TextStyle::Body: break;
    }
    return fonts.body;
}

// Story text with a soft shadow, shaped and drawn by the typesetter; `shortened` as the frame plan cut it.
void shadowedText(ImDrawList* list, StoryTypesetter& type, TextStyle style, glm::vec2 at, ImU32 colour,
                  std::string_view text, const ShortenedText& shortened) {
    const std::string_view shown = shortened.shown(text);
    type.draw(list, style, shown, shortened.shortened, {at.x + 1, at.y + 1}, rgba(0, 0, 0, 0.55f), true);
    type.draw(list, style, shown, shortened.shortened, at, colour);
}

void shadowedText(ImDrawList* list, StoryTypesetter& type, TextStyle style, glm::vec2 at, ImU32 colour,
                  std::string_view text) {
    shadowedText(list, type, style, at, colour, text, {static_cast<std::uint32_t>(text.size()), false, 0, 0});
}

const Colour kMoonlight{0.86f, 0.84f, 0.98f};
const Colour kSearchRing{0.45f, 0.95f, 1.0f};  // the search's colour, as the nodes' match rings

void drawRuler(ImDrawList* list, const Story& story, const FramePlan& plan, StoryTypesetter& type) {
    const Rect& ruler = plan.layout.ruler;
    const Rect& canvas = plan.view.canvas;
    list->AddRectFilled({ruler.x, ruler.y}, {ruler.right(), ruler.bottom()}, rgba(0.02f, 0.01f, 0.05f, 0.55f));
    list->AddLine({ruler.x, ruler.y}, {ruler.right(), ruler.y}, rgba(kMoonlight, 0.28f), 1.0f);

    // Eras: alternate shading in the ruler, a faint boundary up through the sky, the name centred.
    for (const EraBand& band : plan.layout.eras) {
        if (band.era % 2 == 1) {
            list->AddRectFilled({band.x0, ruler.y + 1}, {band.x1, ruler.bottom()}, rgba(kMoonlight, 0.045f));
        }
        if (band.startX >= canvas.x && band.startX <= canvas.right()) {
            list->AddLine({band.startX, canvas.y + canvas.height * 0.08f}, {band.startX, ruler.bottom()},
                          rgba(kMoonlight, 0.07f), 1.0f);
            list->AddLine({band.startX, ruler.y}, {band.startX, ruler.bottom()}, rgba(kMoonlight, 0.35f), 1.0f);
        }
    }
    for (const EraLabelPlan& label : plan.eraLabels) {
        type.draw(list, TextStyle::Bold, story.eras[static_cast<std::size_t>(label.era)].name, false, label.at,
                  label.current ? rgba(kRealPalette.label, 1.0f) : rgba(kMoonlight, 0.62f));
    }
    // Ticks along the ruler's top edge.
    for (const RulerTick& tick : plan.layout.ticks) {
        const float length = tick.major ? 9.0f : 4.0f;
        list->AddLine({tick.x, ruler.y}, {tick.x, ruler.y + length}, rgba(kMoonlight, tick.major ? 0.45f : 0.22f));
    }
    for (const RulerLabelPlan& label : plan.ruler.labels) {
        type.draw(list, TextStyle::Small, label.text.c_str(), false, label.at, rgba(kMoonlight, 0.5f));
    }
    // The time under the pointer: a hairline down the ruler and a tag.
    if (plan.ruler.pointerShown) {
        const Rect& tag = plan.ruler.pointerBox;
        const float x = plan.ruler.pointerX;
        list->AddLine({x, tag.bottom()}, {x, ruler.bottom()}, rgba(kMoonlight, 0.5f), 1.0f);
        list->AddRectFilled({tag.x, tag.y}, {tag.right(), tag.bottom()}, rgba(0.12f, 0.1f, 0.22f, 0.95f), 4.0f);
        list->AddRect({tag.x, tag.y}, {tag.right(), tag.bottom()}, rgba(kMoonlight, 0.35f), 4.0f);
        type.draw(list, TextStyle::Small, plan.ruler.pointerText.c_str(), false, {tag.x + 6, tag.y + 2},
                  rgba(kMoonlight, 0.95f));
    }
    // The playhead's mark on the ruler, and the knob at the top of its beam that grabs it.
    if (plan.playhead.onCanvas) {
        const float x = plan.playhead.x;
        list->AddTriangleFilled({x - 6, ruler.y}, {x + 6, ruler.y}, {x, ruler.y + 8}, rgba(1.0f, 0.95f, 0.85f, 0.95f));
        const Rect handle = plan.playhead.handle();
        const ImVec2 centre{handle.x + handle.width / 2, handle.y + handle.height / 2};
        list->AddCircleFilled(centre, 7.0f, rgba(lanePalette(LaneKind::Real).glow, 0.25f));
        list->AddCircleFilled(centre, 4.0f, rgba(1.0f, 0.95f, 0.85f, 0.95f));
    }
}

}  // namespace

glm::vec2 FontMeasurer::measure(TextStyle style, std::string_view text) const {
    ImFont* font = fontFor(fonts_, style);
    const char* begin = text.empty() ? "" : text.data();  // ImGui reads an end of nullptr as "up to the NUL"
    // Captions are drawn at the size the plan chooses: measured at the base size it scales from.
    const float fontSize = style == TextStyle::Caption ? kCaptionBaseSize : sizeOf(font);
    const ImVec2 size = font->CalcTextSizeA(fontSize, 10000.0f, 0.0f, begin, begin + text.size());
    return {size.x, size.y};
}

void drawCanvasLabels(const Story& story, const FramePlan& plan, StoryTypesetter& type) {
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const Rect& canvas = plan.view.canvas;
    list->PushClipRect({canvas.x, canvas.y}, {canvas.right(), canvas.bottom()});

    if (plan.title.shown) {
        shadowedText(list, type, TextStyle::Title, plan.title.titleAt, rgba(1, 0.97f, 0.92f, 1), story.title,
                     plan.title.titleText);
        if (!plan.title.credit.empty()) {
            shadowedText(list, type, TextStyle::Small, plan.title.creditAt, rgba(kMoonlight, 0.7f), plan.title.credit,
                         plan.title.creditText);
        }
    }

    // Lane names on a dark pill, which keeps them readable when a zoomed-in ribbon runs underneath.
    for (const LaneHeaderPlan& header : plan.laneHeaders) {
        const Lane& lane = story.lanes[static_cast<std::size_t>(header.lane)];
        const Rect& pill = header.pill;
        const float fade = header.overNode ? 0.4f : 1.0f;  // a node beneath shows through
        list->AddRectFilled({pill.x, pill.y}, {pill.right(), pill.bottom()}, rgba(0.035f, 0.025f, 0.09f, 0.82f * fade),
                            6.0f);
        list->AddRect({pill.x, pill.y}, {pill.right(), pill.bottom()}, rgba(lanePalette(lane.kind).label, 0.35f * fade),
                      6.0f);
        shadowedText(list, type, TextStyle::Bold, header.textAt, rgba(lanePalette(lane.kind).label, 0.95f * fade),
                     lane.title, header.name);
    }

    for (const EventLabelPlan& label : plan.labels) {
        const Event& event = story.events[static_cast<std::size_t>(label.event)];
        const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
        const float alpha = label.emphasised ? 1.0f : label.dimmed ? 0.3f : label.passed ? 0.92f : 0.55f;
        shadowedText(list, type, TextStyle::Body, {label.box.x, label.box.y}, rgba(palette.label, alpha), event.title,
                     label.text);
    }

    if (!plan.notice.empty()) shadowedText(list, type, TextStyle::Small, plan.noticeAt, rgba(kMoonlight, 0.85f), plan.notice);
    if (plan.search.active) {
        const Rect& box = plan.search.captionBox;
        list->AddRectFilled({box.x, box.y}, {box.right(), box.bottom()}, rgba(0.03f, 0.06f, 0.09f, 0.85f), 6.0f);
        list->AddRect({box.x, box.y}, {box.right(), box.bottom()}, rgba(kSearchRing, 0.6f), 6.0f);
        shadowedText(list, type, TextStyle::Small, plan.search.captionAt, rgba(kSearchRing, 1.0f), plan.search.caption);
    }

    drawRuler(list, story, plan, type);
    list->PopClipRect();
}

}  // namespace epilogue
