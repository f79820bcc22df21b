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

ImVec4 toImVec4(const Colour& colour, float alpha = 1.0f) { return {colour.r, colour.g, colour.b, alpha}; }

}  // namespace

void CommentaryPanel::prepare(const Story& story) {
    std::size_t longest = 0;
    for (const Event& event : story.events) {
        for (const Quote& quote : event.quotes) longest = std::max({longest, quote.words.size(), quote.speaker.size()});
        for (const Commentary& note : event.commentary) longest = std::max(longest, note.attribution.size());
    }
    scratch_.reserve(longest + 16);  // room for the framing marks
    preparedHash_ = story.sourceHash;
    preparedEvents_ = story.events.size();
}

void CommentaryPanel::wrapped(ImFont* font, const float colour[4], std::string_view text, const char* prefix,
                              const char* suffix) {
    std::string_view shown = text;
    if (*prefix || *suffix) {
        scratch_.assign(prefix);
        scratch_ += text;
        scratch_ += suffix;
        shown = scratch_;
    }
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(colour[0], colour[1], colour[2], colour[3]));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(shown.data(), shown.data() + shown.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void CommentaryPanel::drawMoment(const Story& story, const Event& event, const ViewState& state,
                                 const UiFonts& fonts) {
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    wrapped(fonts.title, kTitleColour, event.title);
    const int era = story.eraAt(event.time);
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, toImVec4(lanePalette(lane.kind).label));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("%s  \u00B7  %s%s%s", lane.title.c_str(),
                era == kNone ? "" : story.eras[static_cast<std::size_t>(era)].name.c_str(),
                era == kNone ? "" : "  \u00B7  ", formatEventTime(story, event).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (state.selectedEvent == kNone) {
        static const std::string kFollowing = "Following the playhead (click an event to pin it)";
        wrapped(fonts.small, kQuietColour, kFollowing);
    }
    ImGui::Spacing();
    if (!event.summary.empty()) wrapped(fonts.body, kBodyColour, event.summary);
    for (const Quote& quote : event.quotes) {
        ImGui::Spacing();
        wrapped(fonts.quote, kQuoteColour, quote.words, "\u201C", "\u201D");
        wrapped(fonts.small, kQuietColour, quote.speaker, "\u2014 ");
    }
}

void CommentaryPanel::drawCommentary(const Story& story, const Event& event, const UiFonts& fonts,
                                     UiRequests& requests) {
    if (event.commentary.empty()) {
        static const std::string kNothing = "The source says nothing more about this moment.";
        wrapped(fonts.body, kQuietColour, kNothing);
    }
    for (const Commentary& note : event.commentary) {
        wrapped(fonts.quote, kCommentaryColour, note.text);
        wrapped(fonts.small, kQuietColour, note.attribution, "\u2014 ");
        ImGui::Spacing();
    }
    if (event.counterparts.empty()) return;
    ImGui::Separator();
    ImGui::Spacing();
    for (EventIndex other : event.counterparts) {
        const Event& counterpart = story.events[static_cast<std::size_t>(other)];
        const Lane& lane = story.lanes[static_cast<std::size_t>(counterpart.lane)];
        ImGui::PushFont(fonts.bold);
        ImGui::TextColored(ImVec4(kQuietColour[0], kQuietColour[1], kQuietColour[2], 1), "In the other life (%s):",
                           lane.title.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::PushID(other);
        ImGui::PushStyleColor(ImGuiCol_Text, toImVec4(lanePalette(lane.kind).label));
        if (ImGui::SmallButton(counterpart.title.c_str())) requests.push(ViewCommand::select(other));
        ImGui::PopStyleColor();
        ImGui::PopID();
        if (!counterpart.summary.empty()) wrapped(fonts.body, kBodyColour, counterpart.summary);
    }
}

void CommentaryPanel::draw(const Story& story, const ViewState& state,
                           const Rect& area, const UiFonts& fonts, UiRequests& requests) {
    // A reload replaces the story in place, so the story is known by its hash, not its address.
    if (preparedHash_ != story.sourceHash || preparedEvents_ != story.events.size()) prepare(story);
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
        static const std::string kHint = "Move the playhead or click an event to read what the article says about it.";
        wrapped(fonts.title, kTitleColour, story.title);
        wrapped(fonts.body, kQuietColour, kHint);
        ImGui::End();
        return;
    }
    const Event& event = story.events[static_cast<std::size_t>(shown)];
    const float available = ImGui::GetContentRegionAvail().x;
    if (available >= 560) {  // two columns: the moment, and the article's words beside it
        ImGui::BeginChild("moment", {std::max(240.0f, available * 0.38f), 0}, false);
        drawMoment(story, event, state, fonts);
        ImGui::EndChild();
        ImGui::SameLine(0, 28);
        ImGui::BeginChild("commentary", {0, 0}, false);
    } else {  // narrow: one column that scrolls
        ImGui::BeginChild("commentary", {0, 0}, false);
        drawMoment(story, event, state, fonts);
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    drawCommentary(story, event, fonts, requests);
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
