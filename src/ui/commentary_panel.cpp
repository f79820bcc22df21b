// The commentary panel, in two columns: the moment on the left, the article's words on the right.
#include "ui/commentary_panel.h"

#include "timeline/time_format.h"

#include "render/palette.h"

#include <imgui.h>

#include <algorithm>

namespace epilogue {

namespace {

const float kTitleColour[4] = {1.0f, 0.97f, 0.92f, 1.0f};
const float kBodyColour[4] = {0.90f, 0.88f, 0.96f, 1.0f};
const float kQuoteColour[4] = {1.0f, 0.93f, 0.80f, 1.0f};
const float kCommentaryColour[4] = {0.93f, 0.91f, 0.97f, 1.0f};
const float kQuietColour[4] = {0.66f, 0.61f, 0.80f, 1.0f};

ImU32 colourOf(const float colour[4]) { return ImGui::ColorConvertFloat4ToU32({colour[0], colour[1], colour[2], colour[3]}); }
ImU32 colourOf(const Colour& colour) { return ImGui::ColorConvertFloat4ToU32({colour.r, colour.g, colour.b, 1.0f}); }

}  // namespace

void CommentaryPanel::drawMoment(const Story& story, const Event& event, const ViewState& state, PanelText& text) {
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    text.paragraph(TextStyle::Title, colourOf(kTitleColour), event.title);
    const int era = story.eraAt(event.time);
    // Lane, era and time on one line.
    std::string& where = text.buffer();
    where.clear();
    appendIsolated(where, lane.title);
    if (era != kNone) appendIsolated(where.append("  \u00B7  "), story.eras[static_cast<std::size_t>(era)].name);
    where.append("  \u00B7  ").append(formatEventTime(story, event).c_str());
    text.paragraph(TextStyle::Bold, colourOf(lanePalette(lane.kind).label), where);
    if (state.selectedEvent == kNone) {
        text.paragraph(TextStyle::Small, colourOf(kQuietColour), "Following the playhead (click an event to pin it)");
    }
    ImGui::Spacing();
    if (!event.summary.empty()) text.paragraph(TextStyle::Body, colourOf(kBodyColour), event.summary);
    for (const Quote& quote : event.quotes) {
        ImGui::Spacing();
        text.paragraph(TextStyle::Quote, colourOf(kQuoteColour), quote.words, 0, "\u201C", "\u201D");
        text.paragraph(TextStyle::Small, colourOf(kQuietColour), quote.speaker, 0, "\u2014 ");
    }
}

void CommentaryPanel::drawCommentary(const Story& story, const Event& event, PanelText& text, UiRequests& requests) {
    if (event.commentary.empty()) {
        text.paragraph(TextStyle::Body, colourOf(kQuietColour), "The source says nothing more about this moment.");
    }
    for (const Commentary& note : event.commentary) {
        text.paragraph(TextStyle::Quote, colourOf(kCommentaryColour), note.text);
        text.paragraph(TextStyle::Small, colourOf(kQuietColour), note.attribution, 0, "\u2014 ");
        ImGui::Spacing();
    }
    if (event.counterparts.empty()) return;
    ImGui::Separator();
    ImGui::Spacing();
    for (EventIndex other : event.counterparts) {
        const Event& counterpart = story.events[static_cast<std::size_t>(other)];
        const Lane& lane = story.lanes[static_cast<std::size_t>(counterpart.lane)];
        std::string& heading = text.buffer();
        appendIsolated(heading.assign("In the other life ("), lane.title);
        text.paragraph(TextStyle::Bold, colourOf(kQuietColour), heading.append("):"));
        ImGui::PushID(other);
        if (text.button("##counterpart", TextStyle::Body, colourOf(lanePalette(lane.kind).label), counterpart.title)) {
            requests.push(ViewCommand::select(other));
        }
        ImGui::PopID();
        if (!counterpart.summary.empty()) text.paragraph(TextStyle::Body, colourOf(kBodyColour), counterpart.summary);
    }
}

void CommentaryPanel::draw(const Story& story, const ViewState& state,
                           const Rect& area, PanelText& text, UiRequests& requests) {
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
        text.paragraph(TextStyle::Title, colourOf(kTitleColour), story.title);
        text.paragraph(TextStyle::Body, colourOf(kQuietColour),
                       "Move the playhead or click an event to read what the article says about it.");
        ImGui::End();
        return;
    }
    const Event& event = story.events[static_cast<std::size_t>(shown)];
    const float available = ImGui::GetContentRegionAvail().x;
    if (available >= 560) {  // two columns: the moment, and the article's words beside it
        ImGui::BeginChild("moment", {std::max(240.0f, available * 0.38f), 0}, false);
        drawMoment(story, event, state, text);
        ImGui::EndChild();
        ImGui::SameLine(0, 28);
        ImGui::BeginChild("commentary", {0, 0}, false);
    } else {  // narrow: one column that scrolls
        ImGui::BeginChild("commentary", {0, 0}, false);
        drawMoment(story, event, state, text);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    drawCommentary(story, event, text, requests);
    if (state.selectedEvent != kNone) {
        ImGui::Spacing();
        if (ImGui::SmallButton("Unpin (follow the playhead)")) {
            requests.push(ViewCommand::clearSelection());
        }
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace epilogue
