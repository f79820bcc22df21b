// The tour's caption band, progress dots and progress bar (ImGui's foreground draw list).
#include "ui/tour_caption.h"

#include "render/palette.h"

#include <imgui.h>

#include <string_view>

namespace epilogue {

namespace {

ImU32 rgba(float r, float g, float b, float a) { return ImGui::ColorConvertFloat4ToU32({r, g, b, a}); }
ImU32 rgba(const Colour& colour, float alpha) { return rgba(colour.r, colour.g, colour.b, alpha); }

const Colour kCaptionInk{0.97f, 0.95f, 1.0f};
const Colour kMuted{0.78f, 0.76f, 0.92f};

}  // namespace

void drawTourCaption(const FramePlan& plan, const UiFonts& fonts, StoryTypesetter& type) {
    const TourPlan& tour = plan.tour;
    if (!tour.active) return;
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const Rect& band = plan.screen.caption;
    // The band: night below the horizon, with a hairline of moonlight along its top.
    list->AddRectFilledMultiColor({band.x, band.y}, {band.right(), band.bottom()}, rgba(0.05f, 0.03f, 0.11f, 0.96f),
                                  rgba(0.05f, 0.03f, 0.11f, 0.96f), rgba(0.02f, 0.01f, 0.05f, 1.0f),
                                  rgba(0.02f, 0.01f, 0.05f, 1.0f));
    list->AddLine({band.x, band.y}, {band.right(), band.y}, rgba(kMuted, 0.25f), 1.0f);

    const float alpha = tour.captionOpacity;
    for (const TourLinePlan& line : tour.lines) {
        const char* begin = tour.caption.data() + line.begin;
        const char* end = tour.caption.data() + line.end;
        const std::string_view words(begin, static_cast<std::size_t>(end - begin));
        type.drawSized(list, TextStyle::Caption, words, {line.at.x + 1.5f, line.at.y + 1.5f}, tour.captionSize,
                       rgba(0, 0, 0, 0.6f * alpha));
        type.drawSized(list, TextStyle::Caption, words, {line.at.x, line.at.y}, tour.captionSize, rgba(kCaptionInk, alpha));
    }
    if (tour.continues) {  // more of the caption follows on the next page
        type.drawSized(list, TextStyle::Caption, " \u2026", {tour.continuationAt.x, tour.continuationAt.y}, tour.captionSize,
                       rgba(kCaptionInk, alpha));
    }
    if (tour.attributionShown) {
        type.drawSized(list, TextStyle::Caption, tour.attribution, {tour.attributionAt.x, tour.attributionAt.y},
                       tour.attributionSize, rgba(kRealPalette.label, 0.9f * alpha));
    }

    // A dot per stop: passed ones filled, the current one larger and gold, the rest open rings.
    for (std::size_t i = 0; i < tour.dots.size(); ++i) {
        const ImVec2 at(tour.dots[i].x, tour.dots[i].y);
        const int stop = static_cast<int>(i);
        if (stop == tour.stop) {
            list->AddCircleFilled(at, tour.dotRadius * 1.45f, rgba(kRealPalette.node, 1.0f), 20);
        } else if (stop < tour.stop) {
            list->AddCircleFilled(at, tour.dotRadius, rgba(kMuted, 0.75f), 16);
        } else {
            list->AddCircle(at, tour.dotRadius, rgba(kMuted, 0.55f), 16, 1.2f);
        }
    }
    const float smallSize = fonts.small->FontSize * ImGui::GetIO().FontGlobalScale;
    list->AddText(fonts.small, smallSize, {tour.counterAt.x, tour.counterAt.y}, rgba(kMuted, 0.8f), tour.counter.c_str());
    if (tour.paused) {
        const float x = band.x + 24, y = tour.counterAt.y;
        list->AddText(fonts.small, smallSize, {x, y}, rgba(kRealPalette.label, 0.95f),
                      "Paused \u2014 Space resumes, \u2190 \u2192 stops, Esc leaves");
    } else if (tour.finished) {
        list->AddText(fonts.small, smallSize, {band.x + 24, tour.counterAt.y}, rgba(kMuted, 0.85f),
                      "The end \u2014 Space starts again, Esc leaves");
    }

    // The whole tour's progress, along the frame's bottom edge.
    const Rect& bar = tour.progressBar;
    list->AddRectFilled({bar.x, bar.y}, {bar.right(), bar.bottom()}, rgba(kMuted, 0.12f));
    list->AddRectFilled({bar.x, bar.y}, {bar.x + bar.width * tour.progress, bar.bottom()}, rgba(kRealPalette.core, 0.9f));
}

}  // namespace epilogue
