// The panels in a vector picture: the window draws them with Dear ImGui, whose draw lists keep no words,
// only textured glyph quads. Here each panel is drawn in the rectangle the frame plan gave it, in the theme's
// colours (ui/theme.cpp), with its content as real text: the commentary of the event the panel describes
// (its title, lane, era and time, summary, quotes, the article's words with their attribution, "in the
// other life"), the events list with times, and the transport's state. Lines are wrapped where the Unicode
// line breaking rules allow (text/line_breaks.h: at spaces, between CJK characters, between Thai words), in
// the same faces, measured as shaped; line breaks may differ by a word from the PNG's.
#include "export/vector_frame.h"

#include "render/scene_look.h"
#include "text/line_breaks.h"
#include "timeline/time_format.h"

#include <algorithm>
#include <string>
#include <vector>

namespace epilogue {

namespace {

// The theme's colours (ui/theme.cpp) and the commentary panel's (ui/commentary_panel.cpp).
const Colour kPanelBackground{0.055f, 0.040f, 0.105f};
const Colour kTransportBackground{0.075f, 0.055f, 0.14f};
const Colour kPanelBorder{0.45f, 0.36f, 0.62f};
const Colour kText{0.93f, 0.91f, 0.97f};
const Colour kTextDisabled{0.62f, 0.58f, 0.74f};
const Colour kBodyText{0.90f, 0.88f, 0.96f};
const Colour kQuoteText{1.0f, 0.93f, 0.80f};
const Colour kQuietText{0.66f, 0.61f, 0.80f};
const Colour kButton{0.26f, 0.20f, 0.45f};
const Colour kFrame{0.16f, 0.12f, 0.30f};
const Colour kHeader{0.36f, 0.28f, 0.62f};
const Colour kSliderGrab{1.0f, 0.78f, 0.40f};
constexpr float kPaddingX = 18, kPaddingY = 14, kSpacingY = 7;

// Lays text out in a column, wrapping at word boundaries, from the top down; stops at the column's bottom.
class Column {
public:
    Column(VectorPainter& painter, const VectorFonts& fonts, Rect area) : painter_(painter), fonts_(fonts), area_(area), y_(area.y) {}

    void paragraph(VectorFace face, const Colour& colour, std::string_view text) {
        const float lineHeight = fonts_.metrics(face).lineHeight;
        findLineBreaks(text, breaks_);
        std::size_t start = 0, next = 0;  // next: the first break not yet passed
        while (start < text.size() && room(lineHeight)) {
            // The last break that fits (at least the first), never past a mandatory one.
            std::size_t end = start;
            for (; next < breaks_.size(); ++next) {
                const std::size_t at = breaks_[next].at;
                if (at <= start) continue;
                if (end > start && fonts_.width(face, trimmed(text.substr(start, at - start))) > area_.width) break;
                end = at;
                if (breaks_[next].mandatory) {
                    ++next;
                    break;
                }
            }
            if (end <= start) end = text.size();
            line(face, colour, trimmed(text.substr(start, end - start)));
            start = end;
        }
        y_ += kSpacingY;
    }
    void line(VectorFace face, const Colour& colour, std::string_view text, float x = -1) {
        const FaceMetrics& metrics = fonts_.metrics(face);
        if (!room(metrics.lineHeight)) return;
        TextRun run;
        run.text = text;
        run.topLeft = {x < 0 ? area_.x : x, y_};
        run.style = face == VectorFace::Bold ? TextStyle::Bold : face == VectorFace::Title ? TextStyle::Title
                    : face == VectorFace::Small ? TextStyle::Small : TextStyle::Body;
        run.quoteFace = face == VectorFace::Quote;
        run.colour = colour;
        run.width = fonts_.width(face, text);
        painter_.text(run);
        y_ += metrics.lineHeight;
    }
    void space(float pixels) { y_ += pixels; }
    void separator() {
        if (!room(kSpacingY)) return;
        painter_.strokeLine({area_.x, y_ + 0.5f}, {area_.right(), y_ + 0.5f}, 1, Paint::solid(kPanelBorder, 0.45f));
        y_ += kSpacingY;
    }
    float y() const { return y_; }

private:
    bool room(float height) const { return y_ + height <= area_.bottom(); }
    // A line without the spaces and line break it ends with.
    static std::string_view trimmed(std::string_view line) {
        while (!line.empty() && (line.back() == ' ' || line.back() == '\n' || line.back() == '\r' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        return line;
    }

    VectorPainter& painter_;
    const VectorFonts& fonts_;
    Rect area_;
    float y_;
    std::vector<LineBreak> breaks_;
};

Rect inner(const Rect& area, float padX, float padY) {
    return {area.x + padX, area.y + padY, std::max(0.0f, area.width - 2 * padX), std::max(0.0f, area.height - 2 * padY)};
}

void panelBackground(VectorPainter& painter, const Rect& area, const Colour& colour, float alpha) {
    painter.fillRect(area, Paint::solid(colour, alpha));
    painter.strokeRoundedRect({area.x + 0.5f, area.y + 0.5f, area.width - 1, area.height - 1}, 0, 1, Paint::solid(kPanelBorder, 0.35f));
}

void drawMoment(Column& column, const Story& story, const Event& event, bool pinned) {
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    column.paragraph(VectorFace::Title, kTitleColour, event.title);
    const int era = story.eraAt(event.time);
    std::string where = lane.title.str();
    if (era != kNone) where += "  \u00B7  " + story.eras[static_cast<std::size_t>(era)].name.str();
    where += "  \u00B7  ";
    where += formatEventTime(story, event).c_str();
    column.paragraph(VectorFace::Bold, lanePalette(lane.kind).label, where);
    if (!pinned) column.paragraph(VectorFace::Small, kQuietText, "Following the playhead (click an event to pin it)");
    if (!event.summary.empty()) column.paragraph(VectorFace::Body, kBodyText, event.summary);
    for (const Quote& quote : event.quotes) {
        column.paragraph(VectorFace::Quote, kQuoteText, "\u201C" + quote.words.str() + "\u201D");
        column.paragraph(VectorFace::Small, kQuietText, "\u2014 " + quote.speaker.str());
    }
}

void drawCommentaryWords(Column& column, const Story& story, const Event& event) {
    if (event.commentary.empty()) column.paragraph(VectorFace::Body, kQuietText, "The source says nothing more about this moment.");
    for (const Commentary& note : event.commentary) {
        column.paragraph(VectorFace::Quote, kText, note.text);
        column.paragraph(VectorFace::Small, kQuietText, "\u2014 " + note.attribution.str());
    }
    if (event.counterparts.empty()) return;
    column.separator();
    for (const EventIndex other : event.counterparts) {
        const Event& counterpart = story.events[static_cast<std::size_t>(other)];
        const Lane& lane = story.lanes[static_cast<std::size_t>(counterpart.lane)];
        column.paragraph(VectorFace::Bold, kQuietText, "In the other life (" + lane.title.str() + "):");
        column.paragraph(VectorFace::Bold, lanePalette(lane.kind).label, counterpart.title);
        if (!counterpart.summary.empty()) column.paragraph(VectorFace::Body, kBodyText, counterpart.summary);
    }
}

void drawCommentary(VectorPainter& painter, const VectorFonts& fonts, const Story& story, const ViewState& state, const Rect& area) {
    panelBackground(painter, area, kPanelBackground, 0.96f);
    const Rect content = inner(area, kPaddingX, kPaddingY);
    painter.pushClip(area);
    const EventIndex shown = eventToDescribe(story, state);
    if (shown == kNone) {
        Column column(painter, fonts, content);
        column.paragraph(VectorFace::Title, kTitleColour, story.title);
        column.paragraph(VectorFace::Body, kQuietText, "Move the playhead or click an event to read what the article says about it.");
        painter.popClip();
        return;
    }
    const Event& event = story.events[static_cast<std::size_t>(shown)];
    const bool pinned = state.selectedEvent != kNone;
    if (content.width >= 560) {  // two columns, as the window shows them
        const float left = std::max(240.0f, content.width * 0.38f);
        Column moment(painter, fonts, {content.x, content.y, left, content.height});
        drawMoment(moment, story, event, pinned);
        Column words(painter, fonts, {content.x + left + 28, content.y, content.width - left - 28, content.height});
        drawCommentaryWords(words, story, event);
    } else {
        Column column(painter, fonts, content);
        drawMoment(column, story, event, pinned);
        column.separator();
        drawCommentaryWords(column, story, event);
    }
    painter.popClip();
}

void drawEvents(VectorPainter& painter, const VectorFonts& fonts, const Story& story, const ViewState& state, const Rect& area) {
    panelBackground(painter, area, kPanelBackground, 0.96f);
    const Rect content = inner(area, kPaddingX, kPaddingY);
    painter.pushClip(area);
    Column column(painter, fonts, content);
    column.line(VectorFace::Body, kText, "Events");
    column.space(kSpacingY);
    // The search box, empty.
    const float boxHeight = fonts.metrics(VectorFace::Body).lineHeight + 6;
    painter.fillRoundedRect({content.x, column.y(), content.width, boxHeight}, 5, Paint::solid(kFrame, 0.85f));
    TextRun hint;
    hint.text = "Search (Ctrl+F)";
    hint.topLeft = {content.x + 4, column.y() + 3};
    hint.colour = kTextDisabled;
    hint.width = fonts.width(VectorFace::Body, hint.text);
    painter.text(hint);
    column.space(boxHeight + kSpacingY);
    const EventIndex described = eventToDescribe(story, state);
    const float rowHeight = fonts.metrics(VectorFace::Body).lineHeight + kSpacingY;
    for (const EventIndex index : story.timeOrder) {
        if (column.y() + rowHeight > content.bottom()) break;
        const Event& event = story.events[static_cast<std::size_t>(index)];
        const TimeText when = formatEventTime(story, event);
        const float whenWidth = fonts.width(VectorFace::Body, when.c_str());
        if (index == described) {
            painter.fillRect({content.x - 4, column.y() - 3, content.width + 8, rowHeight - 1}, Paint::solid(kHeader, 0.55f));
        }
        const float rowTop = column.y();
        painter.fillCircle({content.x + 4, rowTop + 8}, 3.5f,
                           Paint::solid(lanePalette(story.lanes[static_cast<std::size_t>(event.lane)].kind).node));
        painter.pushClip({content.x, rowTop, content.width - whenWidth - 12, rowHeight});
        column.line(VectorFace::Body, kText, event.title, content.x + 14);
        painter.popClip();
        TextRun time;
        time.text = when.c_str();
        time.topLeft = {content.right() - whenWidth, rowTop};
        time.colour = kTextDisabled;
        time.width = whenWidth;
        painter.text(time);
        column.space(kSpacingY);
    }
    painter.popClip();
}

void drawTransport(VectorPainter& painter, const VectorFonts& fonts, const Story& story, const ViewState& state, const Rect& area) {
    if (area.width <= 0 || area.height <= 0) return;
    painter.fillRect(area, Paint::solid(kTransportBackground, 1));
    painter.pushClip(area);
    const float lineHeight = fonts.metrics(VectorFace::Body).lineHeight;
    const float buttonHeight = lineHeight + 6;
    const float top = area.y + std::max(0.0f, (area.height - buttonHeight) / 2);
    float x = area.x + 14;
    auto button = [&](std::string_view label, VectorFace face, float width) {
        const float textWidth = fonts.width(face, label);
        const float w = std::max(width, textWidth + 16);
        painter.fillRoundedRect({x, top, w, buttonHeight}, 5, Paint::solid(kButton, 0.75f));
        TextRun run;
        run.text = label;
        run.style = face == VectorFace::Bold ? TextStyle::Bold : TextStyle::Body;
        run.topLeft = {x + (w - textWidth) / 2, top + 3};
        run.colour = kText;
        run.width = textWidth;
        painter.text(run);
        x += w + 10;
    };
    auto label = [&](std::string_view text, VectorFace face, const Colour& colour) {
        TextRun run;
        run.text = text;
        run.style = face == VectorFace::Bold ? TextStyle::Bold : TextStyle::Body;
        run.topLeft = {x, top + 3};
        run.colour = colour;
        run.width = fonts.width(face, text);
        painter.text(run);
        x += run.width + 18;
    };
    button(state.playing ? "Pause" : "Play", VectorFace::Bold, 70);
    char speed[32];
    std::snprintf(speed, sizeof speed, "%g\u00D7", state.speed);
    button(speed, VectorFace::Body, 74);
    label(state.loop ? "Loop: on" : "Loop: off", VectorFace::Body, kText);
    const int era = story.eraAt(state.playheadTime);
    if (area.width >= 700) {
        label(era == kNone ? "\u2014" : story.eras[static_cast<std::size_t>(era)].name.c_str(), VectorFace::Bold, kRealPalette.label);
    }
    // The slider: the whole story, its grab at the playhead.
    const float sliderRight = area.right() - 14;
    if (sliderRight - x > 40) {
        painter.fillRoundedRect({x, top, sliderRight - x, buttonHeight}, 5, Paint::solid(kFrame, 0.85f));
        const double span = std::max(story.endTime - story.startTime, 1e-9);
        const float share = static_cast<float>(std::clamp((state.playheadTime - story.startTime) / span, 0.0, 1.0));
        const float grabX = x + 2 + share * (sliderRight - x - 16);
        painter.fillRoundedRect({grabX, top + 2, 12, buttonHeight - 4}, 5, Paint::solid(kSliderGrab, 0.95f));
    }
    painter.popClip();
}

}  // namespace

void drawVectorPanels(VectorPainter& painter, const VectorFonts& fonts, const VectorFrameInputs& inputs) {
    const Story& story = *inputs.story;
    const FramePlan& plan = *inputs.plan;
    const ViewState& state = *inputs.state;
    painter.beginGroup("panels");
    drawTransport(painter, fonts, story, state, plan.screen.transport);
    if (plan.screen.commentary.width > 0) drawCommentary(painter, fonts, story, state, plan.screen.commentary);
    if (plan.screen.events.width > 0) drawEvents(painter, fonts, story, state, plan.screen.events);
    painter.endGroup();
}

}  // namespace epilogue
