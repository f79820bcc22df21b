// Canvas text and ruler, drawn with ImGui's background draw list.
#include "ui/canvas_labels.h"

#include "render/palette.h"
#include "timeline/label_placement.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

namespace {

ImU32 rgba(const Colour& colour, float alpha) { return ImGui::ColorConvertFloat4ToU32({colour.r, colour.g, colour.b, alpha}); }
ImU32 rgba(float r, float g, float b, float a) { return ImGui::ColorConvertFloat4ToU32({r, g, b, a}); }

// Font size in logical pixels (fonts are rasterised at the pixel scale).
float sizeOf(const ImFont* font) { return font->FontSize * ImGui::GetIO().FontGlobalScale; }

ImVec2 measure(ImFont* font, std::string_view text) {
    return font->CalcTextSizeA(sizeOf(font), 10000.0f, 0.0f, text.data(), text.data() + text.size());
}

void shadowedText(ImDrawList* list, ImFont* font, ImVec2 at, ImU32 colour, std::string_view text) {
    const char* end = text.data() + text.size();
    list->AddText(font, sizeOf(font), ImVec2(at.x + 1, at.y + 1), rgba(0, 0, 0, 0.55f), text.data(), end);
    list->AddText(font, sizeOf(font), at, colour, text.data(), end);
}

const Colour kMoonlight{0.86f, 0.84f, 0.98f};

void drawRuler(ImDrawList* list, const Story& story, const TimelineLayout& layout, const ViewState& state,
               const UiFonts& fonts) {
    const Rect& ruler = layout.ruler;
    const Rect& canvas = state.view.canvas;
    list->AddRectFilled({ruler.x, ruler.y}, {ruler.right(), ruler.bottom()}, rgba(0.02f, 0.01f, 0.05f, 0.55f));
    list->AddLine({ruler.x, ruler.y}, {ruler.right(), ruler.y}, rgba(kMoonlight, 0.28f), 1.0f);

    // Eras: alternate shading in the ruler, a faint boundary up through the sky, the name centred.
    for (const EraBand& band : layout.eras) {
        const Era& era = story.eras[static_cast<std::size_t>(band.era)];
        if (band.era % 2 == 1) {
            list->AddRectFilled({band.x0, ruler.y + 1}, {band.x1, ruler.bottom()}, rgba(kMoonlight, 0.045f));
        }
        const float startX = state.view.timeToX(era.start);
        if (startX >= canvas.x && startX <= canvas.right()) {
            list->AddLine({startX, canvas.y + canvas.height * 0.08f}, {startX, ruler.bottom()},
                          rgba(kMoonlight, 0.07f), 1.0f);
            list->AddLine({startX, ruler.y}, {startX, ruler.bottom()}, rgba(kMoonlight, 0.35f), 1.0f);
        }
        const ImVec2 size = measure(fonts.bold, era.name);
        if (size.x + 12 > band.x1 - band.x0) continue;
        const float x = std::clamp((band.x0 + band.x1 - size.x) / 2, band.x0 + 6, band.x1 - size.x - 6);
        const bool current = story.eraAt(state.playheadTime) == band.era;
        list->AddText(fonts.bold, sizeOf(fonts.bold), {x, ruler.y + ruler.height - size.y - 8},
                      current ? rgba(kRealPalette.label, 1.0f) : rgba(kMoonlight, 0.62f), era.name.c_str());
    }
    // Ticks along the ruler's top edge.
    for (const RulerTick& tick : layout.ticks) {
        const float length = tick.major ? 9.0f : 4.0f;
        list->AddLine({tick.x, ruler.y}, {tick.x, ruler.y + length}, rgba(kMoonlight, tick.major ? 0.45f : 0.22f));
    }
    // The playhead's mark on the ruler.
    const float x = state.view.timeToX(state.playheadTime);
    if (x >= canvas.x && x <= canvas.right()) {
        list->AddTriangleFilled({x - 6, ruler.y}, {x + 6, ruler.y}, {x, ruler.y + 8}, rgba(1.0f, 0.95f, 0.85f, 0.95f));
    }
}

}  // namespace

bool showsTitleBlock(const Rect& canvas) { return canvas.height >= 260 && canvas.width >= 560; }

float titleBlockInset(const Rect& canvas) { return showsTitleBlock(canvas) ? 76.0f : 0.0f; }

void CanvasLabels::draw(const Story& story, const TimelineLayout& layout, const ViewState& state,
                        const UiFonts& fonts) {
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const Rect& canvas = state.view.canvas;
    list->PushClipRect({canvas.x, canvas.y}, {canvas.right(), canvas.bottom()});

    std::vector<Rect>& obstacles = obstacles_;
    obstacles.clear();
    obstacles.push_back(layout.ruler);

    // Title block.
    float blockBottom = canvas.y;
    if (showsTitleBlock(canvas)) {
        const ImVec2 titleAt{canvas.x + 22, canvas.y + 16};
        shadowedText(list, fonts.title, titleAt, rgba(1, 0.97f, 0.92f, 1), story.title);
        const ImVec2 titleSize = measure(fonts.title, story.title);
        blockBottom = titleAt.y + titleSize.y;
        float blockWidth = titleSize.x;
        if (!story.source.title.empty()) {
            if (creditSource_ != story.source.title) {
                creditSource_ = story.source.title.str();
                credit_ = "Commentary: \u201C" + creditSource_ + "\u201D";
            }
            shadowedText(list, fonts.small, {titleAt.x, blockBottom + 3}, rgba(kMoonlight, 0.7f), credit_);
            const ImVec2 creditSize = measure(fonts.small, credit_);
            blockBottom += 3 + creditSize.y;
            blockWidth = std::max(blockWidth, creditSize.x);
        }
        obstacles.push_back({titleAt.x - 4, titleAt.y - 4, blockWidth + 8, blockBottom - titleAt.y + 8});
    }

    // The ribbons themselves: no text over them. A box every 10 pixels along each curve is close enough.
    for (const LaneCurve& curve : layout.lanes) {
        glm::vec2 last(-1e9f, -1e9f);
        for (const glm::vec2& p : curve.points) {
            if (std::abs(p.x - last.x) + std::abs(p.y - last.y) < 10) continue;
            obstacles.push_back({p.x - 8, p.y - 7, 16, 14});
            last = p;
        }
    }

    // Lane names as row headers pinned to the left edge, where the view keeps room for them (see
    // kLaneHeaderWidth): colour is never the only code.
    std::vector<LabelRequest>& requests = requests_;
    std::vector<const EventMark*>& marks = marks_;
    requests.clear();
    marks.clear();
    for (std::size_t i = 0; i < story.lanes.size(); ++i) {
        const Lane& lane = story.lanes[i];
        const ImVec2 size = measure(fonts.bold, lane.title);
        const ImVec2 at{canvas.x + 18, layout.laneRowY[i] - size.y / 2};
        const float width = std::min(size.x, kLaneHeaderWidth - 26);
        // A dark pill behind the name keeps it readable when a zoomed-in ribbon runs underneath.
        list->AddRectFilled({at.x - 8, at.y - 4}, {at.x + width + 8, at.y + size.y + 4}, rgba(0.035f, 0.025f, 0.09f, 0.82f),
                            6.0f);
        list->AddRect({at.x - 8, at.y - 4}, {at.x + width + 8, at.y + size.y + 4}, rgba(lanePalette(lane.kind).label, 0.35f),
                      6.0f);
        list->PushClipRect({canvas.x, canvas.y}, {at.x + width + 1, canvas.bottom()}, true);
        shadowedText(list, fonts.bold, at, rgba(lanePalette(lane.kind).label, 0.95f), lane.title);
        list->PopClipRect();
        obstacles.push_back({at.x - 8, at.y - 4, width + 16, size.y + 8});
    }

    // Event labels.
    for (const EventMark& mark : layout.events) {
        const float r = mark.radius + 3;
        obstacles.push_back({mark.position.x - r, mark.position.y - r, 2 * r, 2 * r});
        if (mark.isCluster()) continue;  // a cluster's count is in its tooltip; its events' titles would crowd
        const Event& event = story.events[static_cast<std::size_t>(mark.event)];
        const ImVec2 size = measure(fonts.body, event.title);
        LabelRequest request;
        request.anchorX = mark.position.x;
        request.anchorY = mark.position.y;
        request.width = size.x;
        request.height = size.y;
        request.clearance = mark.radius + ((mark.isFork || mark.isRejoin) ? 10.0f : 7.0f);
        request.preferAbove = story.lanes[static_cast<std::size_t>(event.lane)].kind == LaneKind::Dream;
        request.priority = mark.event == state.selectedEvent ? 3 : (mark.isFork || mark.isRejoin) ? 2 : 1;
        requests.push_back(request);
        marks.push_back(&mark);
    }
    const Rect bounds{canvas.x + 4, canvas.y + 4, canvas.width - 8, layout.ruler.y - canvas.y - 6};
    placer_.place(requests, bounds, obstacles, placed_);
    const std::vector<PlacedLabel>& placed = placed_;
    for (std::size_t i = 0; i < placed.size(); ++i) {
        if (!placed[i].visible) continue;
        const Event& event = story.events[static_cast<std::size_t>(marks[i]->event)];
        const LanePalette& palette = lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind);
        const bool passed = event.time <= state.playheadTime;
        const bool emphasised = marks[i]->event == state.selectedEvent || marks[i]->event == state.hoveredEvent;
        const float alpha = emphasised ? 1.0f : passed ? 0.92f : 0.55f;
        shadowedText(list, fonts.body, {placed[i].box.x, placed[i].box.y}, rgba(palette.label, alpha), event.title);
    }

    drawRuler(list, story, layout, state, fonts);
    list->PopClipRect();
}

}  // namespace epilogue
