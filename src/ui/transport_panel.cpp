// The transport bar.
#include "ui/transport_panel.h"

#include "render/palette.h"
#include "timeline/time_format.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string_view>

namespace epilogue {

namespace {

const char* const kSpeedNames[] = {"0.25\u00D7", "0.5\u00D7", "1\u00D7", "2\u00D7", "4\u00D7"};
static_assert(std::size(kPlaybackSpeeds) == std::size(kSpeedNames), "a name for every speed");

}  // namespace

float TransportPanel::widestEraName(const Story& story, const PanelText& text) {
    // Measured once per story, at most as wide as a quarter of the bar (a longer name is shortened).
    if (eraWidthStory_ != story.sourceHash || eraWidth_ < 0) {
        eraWidthStory_ = story.sourceHash;
        eraWidth_ = text.width(TextStyle::Bold, "\u2014");
        for (const Era& era : story.eras) eraWidth_ = std::max(eraWidth_, text.width(TextStyle::Bold, era.name));
    }
    return eraWidth_;
}

void TransportPanel::draw(const Story& story, const ViewState& state, const FramePlan& plan, const Rect& area, bool screenshotCanvasOnly,
                          const char* screenshotFormat, const UiFonts& fonts, PanelText& text, UiRequests& requests) {
    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({area.width, area.height});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 8));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.075f, 0.055f, 0.14f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("Transport", nullptr, flags)) {
        ImGui::PushFont(fonts.bold);
        if (ImGui::Button(state.playing ? "Pause" : "Play", ImVec2(70, 0))) {
            requests.push(ViewCommand::togglePlay());
        }
        ImGui::PopFont();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Space");

        ImGui::SameLine();
        ImGui::SetNextItemWidth(74);
        const auto* nearest = std::min_element(std::begin(kPlaybackSpeeds), std::end(kPlaybackSpeeds), [&](double a, double b) {
            return std::abs(a - state.speed) < std::abs(b - state.speed);
        });
        const auto current = static_cast<int>(nearest - std::begin(kPlaybackSpeeds));
        if (ImGui::BeginCombo("##speed", kSpeedNames[current])) {
            for (int i = 0; i < static_cast<int>(std::size(kPlaybackSpeeds)); ++i) {
                if (ImGui::Selectable(kSpeedNames[i], i == current)) {
                    requests.push(ViewCommand::setSpeed(kPlaybackSpeeds[i]));
                }
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed ([ and ])");

        ImGui::SameLine();
        bool loop = state.loop;
        if (ImGui::Checkbox("Loop", &loop)) requests.push(ViewCommand::setLoop(loop));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("L");

        ImGui::SameLine(0, 12);
        if (ImGui::Button("Tour")) requests.push(ViewCommand::startTour());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("P: present the story stop by stop, the article's words on screen");

        // The era and the time hold columns as wide as their widest values, so that nothing after them moves
        // while the playhead does; on a narrow bar the time, then the era, give way to the slider.
        const bool showEra = area.width >= 700, showTime = area.width >= 820;
        if (showEra) {
            ImGui::SameLine(0, 18);
            const float eraStart = ImGui::GetCursorPosX();
            const int era = story.eraAt(state.playheadTime);
            const float eraWidth = std::min(widestEraName(story, text), area.width / 4);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float lineHeight = ImGui::GetFrameHeight();
            text.lineAt({at.x, at.y + (lineHeight - text.lineHeight(TextStyle::Bold)) / 2}, TextStyle::Bold,
                        ImGui::ColorConvertFloat4ToU32({kRealPalette.label.r, kRealPalette.label.g, kRealPalette.label.b, 1}),
                        era == kNone ? std::string_view("\u2014") : std::string_view(story.eras[static_cast<std::size_t>(era)].name),
                        eraWidth);
            ImGui::Dummy({eraWidth, lineHeight});
            ImGui::SameLine(eraStart + eraWidth + 10);
        }
        if (showTime) {
            const float timeStart = ImGui::GetCursorPosX();
            // A step finer than the ruler's labels; as wide as the widest time at that precision.
            const double majorStep = plan.layout.majorTickStep;
            const CalendarStep& calendarStep = plan.layout.calendarSteps.major;
            ImGui::TextDisabled("%s", formatTimeFinerThanRuler(story, state.playheadTime, majorStep, calendarStep).c_str());
            const TimeText widest = widestTimeFinerThanRuler(story, majorStep, calendarStep);
            ImGui::SameLine(timeStart + ImGui::CalcTextSize(widest.c_str()).x + 8);
        }

        // The screenshot controls sit at the right end; the slider takes the room between.
        const float screenshotWidth = 280;
        if (!showEra) ImGui::SameLine(0, 18);
        ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - screenshotWidth));
        double time = state.playheadTime;
        const double start = story.startTime, end = story.endTime;
        if (ImGui::SliderScalar("##time", ImGuiDataType_Double, &time, &start, &end, "")) {
            requests.push(ViewCommand::setPlayhead(time));
        }
        ImGui::SameLine(0, 14);
        if (ImGui::Button("Screenshot")) requests.screenshot = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("F12: save what you see to the pictures folder");
        // The format captures are saved in: a PNG, or vectors that stay sharp at any size (SVG, PDF).
        ImGui::SameLine(0, 4);
        ImGui::SetNextItemWidth(62);
        static const char* const kFormats[] = {"png", "svg", "pdf"};
        static const char* const kFormatNames[] = {"PNG", "SVG", "PDF"};
        int format = 0;
        for (int i = 0; i < 3; ++i) {
            if (std::string_view(screenshotFormat) == kFormats[i]) format = i;
        }
        if (ImGui::BeginCombo("##format", kFormatNames[format])) {
            for (int i = 0; i < 3; ++i) {
                if (ImGui::Selectable(kFormatNames[i], i == format)) requests.screenshotFormat = kFormats[i];
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("What screenshots are saved as: PNG, or SVG and PDF (vectors, real text)");
        ImGui::SameLine();
        bool canvasOnly = screenshotCanvasOnly;
        if (ImGui::Checkbox("canvas only", &canvasOnly)) requests.toggleScreenshotCanvasOnly = true;
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace epilogue
