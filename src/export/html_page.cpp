// The web page of a story: markup, inline style and script.
//
//   head            the content security policy (no requests), title, style (light and dark, reduced motion)
//   masthead        the story's title and the source it quotes
//   picture         the inline SVG, and a button over each event's mark
//   commentary      one article per event; the script shows the selected one
//   outline         lanes as headings, their events as ordered lists of links
//   script          selection, arrow keys
#include "export/html_page.h"

#include "export/svg_painter.h"
#include "timeline/time_format.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace epilogue {

namespace {

std::string esc(std::string_view text) { return xmlEscaped(text); }

std::string percent(float value, float whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3f%%", static_cast<double>(whole > 0 ? value / whole * 100 : 0));
    return text;
}

const char* kStyle = R"CSS(
:root { color-scheme: light dark; --bg: #f8f6fc; --text: #1c1730; --muted: #4a4263; --line: #d9d2ea;
        --card: #ffffff; --real: #7a4700; --dream: #4534b0; --accent: #5b3fd0; --focus: #1a5fd0; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f0b1e; --text: #ece9f6; --muted: #bdb4d9; --line: #3a3158; --card: #181230;
          --real: #ffd98f; --dream: #c9c9ff; --accent: #c4b5ff; --focus: #7fe3ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); font: 16px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
.masthead, main, .page-footer { max-width: 1500px; margin: 0 auto; padding: 0 24px; }
.masthead h1 { font-size: 1.9rem; margin: 24px 0 4px; }
.credit, .hint, .page-footer { color: var(--muted); }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 28px; align-items: start; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
figure { margin: 0; }
.picture { position: relative; background: #07061a; border-radius: 10px; overflow: hidden; line-height: 0; }
.picture svg { display: block; width: 100%; height: auto; }
.spot { position: absolute; transform: translate(-50%, -50%); border-radius: 50%; border: 2px solid transparent;
        background: transparent; padding: 0; margin: 0; cursor: pointer; min-width: 24px; min-height: 24px; }
.spot:hover { border-color: rgba(255, 255, 255, 0.75); }
.spot:focus { outline: none; }
.spot:focus-visible { border-color: #ffffff; box-shadow: 0 0 0 3px #0a0818, 0 0 0 6px #7fe3ff; }
.spot[aria-pressed="true"] { border-color: #ffffff; box-shadow: 0 0 0 2px rgba(10, 8, 24, 0.9); }
@media (prefers-reduced-motion: no-preference) { .spot { transition: border-color 0.15s, box-shadow 0.15s; } html { scroll-behavior: smooth; } }
.hint { font-size: 0.9rem; margin: 8px 2px 0; line-height: 1.4; }
.commentary { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 4px 22px 18px; }
.moment h3 { font-size: 1.45rem; margin: 16px 0 2px; }
.where { font-weight: bold; margin: 0 0 12px; }
.lane-real { color: var(--real); }
.lane-dream { color: var(--dream); }
blockquote { margin: 12px 0; padding: 2px 0 2px 14px; border-left: 3px solid var(--line); }
blockquote p { margin: 0; font-family: "DejaVu Serif", Georgia, serif; font-style: italic; }
blockquote footer { color: var(--muted); font-size: 0.9rem; margin-top: 4px; }
.other-life { border-top: 1px solid var(--line); margin-top: 16px; padding-top: 4px; }
.other-life h4 { margin: 10px 0 4px; color: var(--muted); }
.link-button { font: inherit; font-weight: bold; background: none; border: none; padding: 0; cursor: pointer;
               text-decoration: underline; color: inherit; }
.link-button:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
a { color: var(--accent); }
.outline { margin: 32px 0; }
.outline ol { padding-left: 1.6em; }
.outline li { margin: 2px 0; }
.outline a[aria-current="true"] { font-weight: bold; }
.when { color: var(--muted); }
.page-footer { padding-bottom: 32px; font-size: 0.9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
)CSS";

const char* kScript = R"JS(
(function () {
  'use strict';
  var spots = Array.prototype.slice.call(document.querySelectorAll('.spot'));
  var moments = Array.prototype.slice.call(document.querySelectorAll('.moment'));
  var links = Array.prototype.slice.call(document.querySelectorAll('.outline a[data-event]'));
  function select(id) {
    moments.forEach(function (m) { m.hidden = m.getAttribute('data-event') !== id; });
    spots.forEach(function (s) { s.setAttribute('aria-pressed', s.getAttribute('data-event') === id ? 'true' : 'false'); });
    links.forEach(function (a) {
      if (a.getAttribute('data-event') === id) a.setAttribute('aria-current', 'true'); else a.removeAttribute('aria-current');
    });
    document.body.setAttribute('data-selected', id);
  }
  spots.forEach(function (spot, i) {
    spot.addEventListener('click', function () { select(spot.getAttribute('data-event')); });
    spot.addEventListener('keydown', function (e) {
      var next = null;
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = spots[(i + 1) % spots.length];
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = spots[(i - 1 + spots.length) % spots.length];
      else if (e.key === 'Home') next = spots[0];
      else if (e.key === 'End') next = spots[spots.length - 1];
      if (next) { e.preventDefault(); next.focus(); }
    });
  });
  Array.prototype.slice.call(document.querySelectorAll('[data-select]')).forEach(function (el) {
    el.addEventListener('click', function () { select(el.getAttribute('data-select')); });
  });
  select(document.body.getAttribute('data-selected'));
})();
)JS";

// The text of an event's place in the story: "What happened · Winter · 12 min".
std::string whereOf(const Story& story, const Event& event) {
    const Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
    std::string where = lane.title.str();
    const int era = story.eraAt(event.time);
    if (era != kNone) where += " \u00B7 " + story.eras[static_cast<std::size_t>(era)].name.str();
    return where + " \u00B7 " + formatEventTime(story, event).c_str();
}

const char* laneClass(const Story& story, LaneIndex lane) {
    return story.lanes[static_cast<std::size_t>(lane)].kind == LaneKind::Dream ? "lane-dream" : "lane-real";
}

std::string eventKey(EventIndex index) { return "e" + std::to_string(index); }

void appendMoment(std::string& out, const Story& story, EventIndex index) {
    const Event& event = story.events[static_cast<std::size_t>(index)];
    const std::string key = eventKey(index);
    out += "<article class=\"moment\" id=\"c-" + key + "\" data-event=\"" + key + "\" aria-labelledby=\"h-" + key + "\">\n";
    out += "<h3 id=\"h-" + key + "\">" + esc(event.title) + "</h3>\n";
    out += "<p class=\"where " + std::string(laneClass(story, event.lane)) + "\">" + esc(whereOf(story, event)) + "</p>\n";
    if (!event.summary.empty()) out += "<p>" + esc(event.summary) + "</p>\n";
    for (const Quote& quote : event.quotes) {
        out += "<blockquote class=\"quote\"><p>\u201C" + esc(quote.words) + "\u201D</p><footer>\u2014 " +
               esc(quote.speaker) + "</footer></blockquote>\n";
    }
    if (event.commentary.empty()) out += "<p class=\"hint\">The source says nothing more about this moment.</p>\n";
    for (const Commentary& note : event.commentary) {
        out += "<blockquote class=\"article\"><p>" + esc(note.text) + "</p><footer>\u2014 <cite>" + esc(note.attribution) +
               "</cite></footer></blockquote>\n";
    }
    for (const EventIndex other : event.counterparts) {
        const Event& counterpart = story.events[static_cast<std::size_t>(other)];
        const Lane& lane = story.lanes[static_cast<std::size_t>(counterpart.lane)];
        out += "<div class=\"other-life\"><h4>In the other life (" + esc(lane.title) + ")</h4>\n";
        out += "<p><button type=\"button\" class=\"link-button " + std::string(laneClass(story, counterpart.lane)) +
               "\" data-select=\"" + eventKey(other) + "\">" + esc(counterpart.title) + "</button></p>\n";
        if (!counterpart.summary.empty()) out += "<p>" + esc(counterpart.summary) + "</p>\n";
        out += "</div>\n";
    }
    out += "</article>\n";
}

// A button over every mark on the picture, in time order (the order Tab and the arrow keys follow).
void appendSpots(std::string& out, const Story& story, const FramePlan& plan) {
    std::vector<const EventMark*> marks;
    for (const EventMark& mark : plan.layout.events) marks.push_back(&mark);
    std::stable_sort(marks.begin(), marks.end(), [&](const EventMark* a, const EventMark* b) {
        return story.events[static_cast<std::size_t>(a->event)].time < story.events[static_cast<std::size_t>(b->event)].time;
    });
    const float width = plan.size.logicalWidth, height = plan.size.logicalHeight;
    out += "<div class=\"spots\" role=\"group\" aria-label=\"Events on the timeline\">\n";
    for (const EventMark* mark : marks) {
        const Event& event = story.events[static_cast<std::size_t>(mark->event)];
        std::string label = event.title.str() + " \u2014 " + whereOf(story, event);
        if (mark->isCluster()) {
            label = std::to_string(mark->count) + " events, from " + event.title.str() + " to " +
                    story.events[static_cast<std::size_t>(mark->lastEvent)].title.str();
        }
        const float side = std::max(2 * mark->radius + 10, 24.0f);  // a target a finger or a shaky hand can hit
        out += "<button type=\"button\" class=\"spot\" data-event=\"" + eventKey(mark->event) + "\" aria-controls=\"c-" +
               eventKey(mark->event) + "\" aria-pressed=\"false\" aria-label=\"" + esc(label) + "\" style=\"left:" +
               percent(mark->position.x, width) + ";top:" + percent(mark->position.y, height) + ";width:" +
               percent(side, width) + ";height:" + percent(side, height) + "\"></button>\n";
    }
    out += "</div>\n";
}

void appendOutline(std::string& out, const Story& story) {
    out += "<section class=\"outline\" aria-labelledby=\"outline-heading\">\n<h2 id=\"outline-heading\">Lanes and events</h2>\n";
    for (std::size_t lane = 0; lane < story.lanes.size(); ++lane) {
        out += "<h3 class=\"" + std::string(laneClass(story, static_cast<LaneIndex>(lane))) + "\">" +
               esc(story.lanes[lane].title) + "</h3>\n<ol>\n";
        for (const EventIndex index : story.lanes[lane].events) {
            const Event& event = story.events[static_cast<std::size_t>(index)];
            out += "<li><a href=\"#c-" + eventKey(index) + "\" data-event=\"" + eventKey(index) + "\" data-select=\"" +
                   eventKey(index) + "\">" + esc(event.title) + "</a> <span class=\"when\">" +
                   esc(formatEventTime(story, event).c_str()) + "</span></li>\n";
        }
        out += "</ol>\n";
    }
    out += "</section>\n";
}

}  // namespace

std::string htmlPage(const HtmlPageRequest& request) {
    const VectorStillRequest& still = request.still;
    const Story& story = *still.story;
    const FramePlan& plan = *still.plan;
    const ViewState& state = *still.state;
    EventIndex initial = eventToDescribe(story, state);
    if (initial == kNone && !story.timeOrder.empty()) initial = story.timeOrder.front();

    std::string out;
    out.reserve(1 << 20);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    // Everything the page needs is in it: it may fetch nothing, from anywhere.
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
           "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
    out += "<meta name=\"generator\" content=\"Epilogue\">\n";
    out += "<title>" + esc(story.title) + " \u2014 Epilogue</title>\n<style>" + std::string(kStyle) + "</style>\n</head>\n";
    out += "<body data-selected=\"" + (initial == kNone ? std::string() : eventKey(initial)) + "\">\n";

    out += "<header class=\"masthead\">\n<h1>" + esc(story.title) + "</h1>\n<p class=\"credit\">";
    if (!story.source.title.empty()) {
        out += "Commentary quoted word for word from \u201C";
        out += story.source.url.empty() ? esc(story.source.title)
                                        : "<a href=\"" + esc(story.source.url) + "\" rel=\"noopener noreferrer\">" +
                                              esc(story.source.title) + "</a>";
        out += "\u201D";
        if (!story.source.publisher.empty()) out += ", " + esc(story.source.publisher);
        out += ". ";
    }
    out += "Story file: " + esc(still.storyFileName) + ".</p>\n</header>\n";

    out += "<main>\n<div class=\"layout\">\n<figure class=\"picture-frame\">\n<div class=\"picture\">\n";
    out += renderSvg(still, false);
    appendSpots(out, story, plan);
    out += "</div>\n<figcaption class=\"hint\">The gold lane is what happened; the violet lane, drawn with dots, is what "
           "might have been. Click an event, or reach the events with Tab and the arrow keys and press Enter, to read "
           "what the source says about it.</figcaption>\n</figure>\n";

    out += "<section class=\"commentary\" id=\"commentary\" aria-labelledby=\"commentary-heading\" aria-live=\"polite\">\n";
    out += "<h2 id=\"commentary-heading\" class=\"visually-hidden\">Commentary on the selected event</h2>\n";
    for (const EventIndex index : story.timeOrder) appendMoment(out, story, index);
    out += "</section>\n</div>\n";
    appendOutline(out, story);
    out += "</main>\n<footer class=\"page-footer\"><p>Drawn by Epilogue from " + esc(still.storyFileName) +
           ". Every quotation is attributed to its source.</p></footer>\n";
    out += "<script>" + std::string(kScript) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace epilogue
