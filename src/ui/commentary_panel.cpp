// The commentary panel, in two columns: the moment on the left, the article's words on the right.
#include "ui/commentary_panel.h"

#include "render/palette.h"

#include <imgui.h>

#include <sstream>
#include <string>

namespace epilogue {

namespace {

ImVec4 toImVec4(const Colour& colour, float alpha = 1.0f) { return {colour.r, colour.g, colour.b, alpha}; }

std::string formatTime(double time) {
    std::ostringstream out;
    out << time;
    return out.str();
}

void wrappedText(ImFont* font, const ImVec4& colour, const std::string& text) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void drawMoment(const Story& story, const Event& event, const ViewState& state, const UiFonts& fonts) {
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    const LanePalette& palette = lanePalette(lane.kind);
    wrappedText(fonts.title, ImVec4(1, 0.97f, 0.92f, 1), event.title);
    std::string when = lane.title;
    const int era = story.eraAt(event.time);
    if (era != kNone) when += "  \u00B7  " + story.eras[static_cast<std::size_t>(era)].name;
    when += "  \u00B7  t = " + formatTime(event.time);
    wrappedText(fonts.bold, toImVec4(palette.label), when);
    if (state.selectedEvent == kNone) {
        wrappedText(fonts.small, ImVec4(0.62f, 0.58f, 0.74f, 1), "Following the playhead (click an event to pin it)");
    }
    ImGui::Spacing();
    if (!event.summary.empty()) wrappedText(fonts.body, ImVec4(0.90f, 0.88f, 0.96f, 1), event.summary);
    for (const Quote& quote : event.quotes) {
        ImGui::Spacing();
        wrappedText(fonts.quote, ImVec4(1.0f, 0.93f, 0.80f, 1), "\u201C" + quote.words + "\u201D");
        wrappedText(fonts.small, ImVec4(0.75f, 0.70f, 0.86f, 1), "\u2014 " + quote.speaker);
    }
}

void drawCommentary(const Story& story, const Event& event, const UiFonts& fonts, UiRequests& requests) {
    if (event.commentary.empty()) {
        wrappedText(fonts.body, ImVec4(0.62f, 0.58f, 0.74f, 1), "The source says nothing more about this moment.");
    }
    for (const Commentary& note : event.commentary) {
        wrappedText(fonts.quote, ImVec4(0.93f, 0.91f, 0.97f, 1), note.text);
        wrappedText(fonts.small, ImVec4(0.70f, 0.65f, 0.84f, 1), "\u2014 " + note.attribution);
        ImGui::Spacing();
    }
    if (event.counterparts.empty()) return;
    ImGui::Separator();
    ImGui::Spacing();
    for (EventIndex other : event.counterparts) {
        const Event& counterpart = story.events[static_cast<std::size_t>(other)];
        const Lane& lane = story.lanes[static_cast<std::size_t>(counterpart.lane)];
        ImGui::PushFont(fonts.bold);
        ImGui::TextColored(ImVec4(0.70f, 0.65f, 0.84f, 1), "In the other life (%s):", lane.title.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushID(other);
        ImGui::PushStyleColor(ImGuiCol_Text, toImVec4(lanePalette(lane.kind).label));
        if (ImGui::SmallButton(counterpart.title.c_str())) requests.selectEvent = other;
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (!counterpart.summary.empty()) {
            wrappedText(fonts.body, ImVec4(0.82f, 0.80f, 0.90f, 1), counterpart.summary);
        }
    }
}

}  // namespace

void drawCommentaryPanel(const Story& story, const ViewState& state, const Rect& area, const UiFonts& fonts,
                         UiRequests& requests) {
    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({area.width, area.height});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
    if (!ImGui::Begin("Commentary", nullptr, flags)) {
        ImGui::End();
        return;
    }
    const EventIndex shown = eventToDescribe(story, state);
    if (shown == kNone) {
        wrappedText(fonts.title, ImVec4(1, 0.97f, 0.92f, 1), story.title);
        wrappedText(fonts.body, ImVec4(0.75f, 0.70f, 0.86f, 1),
                    "Move the playhead or click an event to read what the article says about it.");
        ImGui::End();
        return;
    }
    const Event& event = story.events[static_cast<std::size_t>(shown)];
    const float leftWidth = std::max(260.0f, ImGui::GetContentRegionAvail().x * 0.38f);
    ImGui::BeginChild("moment", {leftWidth, 0}, false);
    drawMoment(story, event, state, fonts);
    ImGui::EndChild();
    ImGui::SameLine(0, 28);
    ImGui::BeginChild("commentary", {0, 0}, false);
    drawCommentary(story, event, fonts, requests);
    if (state.selectedEvent != kNone) {
        ImGui::Spacing();
        if (ImGui::SmallButton("Unpin (follow the playhead)")) requests.clearSelection = true;
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace epilogue
