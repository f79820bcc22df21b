// Tier 1 (pure logic): view commands and the canvas input layer, driven without a window.
#include "story/story_loader.h"
#include "timeline/canvas_input.h"
#include "timeline/frame_plan.h"
#include "fixed_width_measurer.h"
#include "timeline/view_commands.h"
#include "ui/ui_requests.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace epilogue;

namespace {

// The story on a 1280x500 canvas with no panels. Like the window, it plans a frame before each batch of
// input (here, before each pointer event), and the input layer reads that plan.
struct Fixture {
    Story story;
    ViewState state;
    FramePlanner planner;
    TimelineLayout layout;  // the last plan's
    CanvasInput input{150};

    Fixture() {
        StoryLoadResult loaded = loadStoryFile(EPILOGUE_ASSETS_DIR "/stories/la-la-land.json");
        REQUIRE(loaded.ok());
        story = std::move(loaded.story);
        state.view = fitStory(story, {0, 0, 1280, 500}, 150);
        state.targetStartTime = state.view.startTime;
        state.targetEndTime = state.view.endTime;
        state.playheadTime = story.endTime;
        relayout();
    }
    const FramePlan& relayout() {
        const FramePlan& plan = planner.plan(story, state, {{1280, 500, 1}, false, 0}, testing::FixedWidthMeasurer());
        layout = plan.layout;
        return plan;
    }
    double timeOf(const char* id) const { return story.events[static_cast<std::size_t>(story.findEvent(id))].time; }
    EventMark markOf(const char* id) const {
        for (const EventMark& mark : layout.events) {
            if (mark.event == story.findEvent(id)) return mark;
        }
        FAIL("no mark");
        return {};
    }
    bool pointer(PointerEvent::Kind kind, float x, float y, PointerButton button = PointerButton::Left,
                 bool noSnap = false, int clicks = 1, float wheel = 0) {
        PointerEvent event;
        event.kind = kind;
        event.x = x;
        event.y = y;
        event.button = button;
        event.noSnap = noSnap;
        event.clicks = clicks;
        event.wheel = wheel;
        return input.pointer(event, false, story, relayout(), state);
    }
    float rulerY() const { return layout.ruler.y + layout.ruler.height / 2; }
};

}  // namespace

TEST_CASE("pressing on the ruler moves the playhead under the pointer at once, and dragging follows it") {
    Fixture f;
    const float x = f.state.view.timeToX(33);  // Fall: no event within snapping reach
    CHECK(f.pointer(PointerEvent::Kind::Press, x, f.rulerY()));
    CHECK(f.input.scrubbing());
    CHECK(f.state.playheadTime == doctest::Approx(33).epsilon(1e-4));
    for (float dx : {10.0f, 20.0f, 30.0f}) {
        f.pointer(PointerEvent::Kind::Move, x + dx, f.rulerY() - 200);  // the pointer may leave the ruler
        CHECK(f.state.playheadTime == doctest::Approx(f.state.view.xToTime(x + dx)).epsilon(1e-4));
    }
    f.pointer(PointerEvent::Kind::Release, x + 30, f.rulerY());
    CHECK_FALSE(f.input.scrubbing());
    const double left = f.state.playheadTime;
    f.pointer(PointerEvent::Kind::Move, x + 200, f.rulerY());
    CHECK(f.state.playheadTime == left);  // released: it stays
}

TEST_CASE("scrubbing snaps to nearby events; the modifier turns snapping off") {
    Fixture f;
    const double paris = f.timeOf("paris");
    const float nearParis = f.state.view.timeToX(paris) + 5;  // within the snap reach
    f.pointer(PointerEvent::Kind::Press, nearParis, f.rulerY());
    CHECK(f.state.playheadTime == paris);
    f.pointer(PointerEvent::Kind::Move, nearParis, f.rulerY(), PointerButton::Left, true);
    CHECK(f.state.playheadTime == doctest::Approx(f.state.view.xToTime(nearParis)).epsilon(1e-6));
    CHECK(f.state.playheadTime != paris);
}

TEST_CASE("grabbing the playhead by its knob does not make it jump") {
    Fixture f;
    f.state.playheadTime = 33.3;
    const float playheadX = f.state.view.timeToX(33.3);
    const float knobY = f.relayout().playhead.top;
    f.pointer(PointerEvent::Kind::Press, playheadX + 5, knobY);  // on the knob, off-centre
    CHECK(f.input.scrubbing());
    CHECK(f.state.playheadTime == doctest::Approx(33.3));
    f.pointer(PointerEvent::Kind::Move, playheadX + 25, knobY, PointerButton::Left, true);
    CHECK(f.state.view.timeToX(f.state.playheadTime) == doctest::Approx(playheadX + 20));
}

TEST_CASE("clicking an event selects it; clicking empty sky clears; Escape clears") {
    Fixture f;
    const EventMark kiss = f.markOf("kiss");
    f.pointer(PointerEvent::Kind::Press, kiss.position.x, kiss.position.y);
    f.pointer(PointerEvent::Kind::Release, kiss.position.x + 1, kiss.position.y);
    CHECK(f.state.selectedEvent == f.story.findEvent("kiss"));
    CHECK(f.state.playheadTime == f.timeOf("kiss"));
    f.pointer(PointerEvent::Kind::Press, 700, 30);
    f.pointer(PointerEvent::Kind::Release, 700, 30);
    CHECK(f.state.selectedEvent == kNone);
    f.pointer(PointerEvent::Kind::Press, kiss.position.x, kiss.position.y);
    f.pointer(PointerEvent::Kind::Release, kiss.position.x, kiss.position.y);
    f.input.key(Key::Escape, f.story, f.state);
    CHECK(f.state.selectedEvent == kNone);
}

TEST_CASE("hovering an event marks it, leaving unmarks it") {
    Fixture f;
    const EventMark paris = f.markOf("paris");
    CHECK(f.pointer(PointerEvent::Kind::Move, paris.position.x + 2, paris.position.y));
    CHECK(f.state.hoveredEvent == f.story.findEvent("paris"));
    f.pointer(PointerEvent::Kind::Leave, 0, 0);
    CHECK(f.state.hoveredEvent == kNone);
}

TEST_CASE("the wheel zooms around the pointer, animated, and the time under the pointer stays put") {
    Fixture f;
    const float x = 600;
    const double anchor = f.state.view.xToTime(x);
    const double spanBefore = f.state.view.endTime - f.state.view.startTime;
    f.pointer(PointerEvent::Kind::Wheel, x, 200, PointerButton::Left, false, 1, 2);
    CHECK(f.state.targetEndTime - f.state.targetStartTime == doctest::Approx(spanBefore * 0.64));
    CHECK(f.state.view.endTime - f.state.view.startTime == doctest::Approx(spanBefore));  // not yet: animated
    int frames = 0;
    while (advanceView(f.story, f.state, 1.0 / 60) && frames < 600) ++frames;
    CHECK(frames > 3);   // it took some frames
    CHECK(frames < 120);  // and settled within two seconds
    CHECK(f.state.view.endTime - f.state.view.startTime == doctest::Approx(spanBefore * 0.64));
    CHECK(f.state.view.xToTime(x) == doctest::Approx(anchor).epsilon(1e-6));
}

TEST_CASE("zoom stays within its limits") {
    Fixture f;
    for (int i = 0; i < 100; ++i) f.input.key(Key::ZoomIn, f.story, f.state);
    CHECK(f.state.targetEndTime - f.state.targetStartTime >= minimumVisibleSpan(f.story) * 0.999);
    for (int i = 0; i < 200; ++i) f.input.key(Key::ZoomOut, f.story, f.state);
    CHECK(f.state.targetEndTime - f.state.targetStartTime <= maximumVisibleSpan(f.story) * 1.001);
}

TEST_CASE("right or middle drag pans; double click on empty sky fits the whole story") {
    Fixture f;
    const double startBefore = f.state.view.startTime;
    f.pointer(PointerEvent::Kind::Press, 600, 100, PointerButton::Right);
    f.pointer(PointerEvent::Kind::Move, 500, 100, PointerButton::Right);
    f.pointer(PointerEvent::Kind::Release, 500, 100, PointerButton::Right);
    CHECK(f.state.view.startTime == doctest::Approx(startBefore + 100 / f.state.view.pixelsPerTime()));
    f.pointer(PointerEvent::Kind::Press, 600, 30, PointerButton::Left, false, 2);
    while (advanceView(f.story, f.state, 1.0 / 60)) {
    }
    const TimelineView fitted = fitStory(f.story, f.state.view.canvas, 150);
    CHECK(f.state.view.startTime == doctest::Approx(fitted.startTime));
    CHECK(f.state.view.endTime == doctest::Approx(fitted.endTime));
}

TEST_CASE("keys: Left/Right step through events in time order, Home/End, Space plays") {
    Fixture f;
    f.state.playheadTime = f.story.startTime;
    f.input.key(Key::Next, f.story, f.state);
    CHECK(f.state.selectedEvent == f.story.findEvent("restaurant"));
    f.input.key(Key::Next, f.story, f.state);
    CHECK(f.state.selectedEvent == f.story.findEvent("kiss"));
    f.input.key(Key::Previous, f.story, f.state);
    CHECK(f.state.selectedEvent == f.story.findEvent("restaurant"));
    f.input.key(Key::End, f.story, f.state);
    CHECK(f.state.playheadTime == f.story.endTime);
    f.input.key(Key::Home, f.story, f.state);
    CHECK(f.state.playheadTime == f.story.startTime);
    f.input.key(Key::PlayPause, f.story, f.state);
    CHECK(f.state.playing);
    CHECK(f.input.key(Key::Screenshot, f.story, f.state) == AppAction::Screenshot);
    CHECK(f.input.key(Key::Fullscreen, f.story, f.state) == AppAction::ToggleFullscreen);
    f.input.key(Key::Help, f.story, f.state);
    CHECK(f.state.helpVisible);
    f.input.key(Key::Escape, f.story, f.state);
    CHECK_FALSE(f.state.helpVisible);
}

TEST_CASE("playback advances story time at the chosen speed, stops at the end or loops") {
    Fixture f;
    f.state.playheadTime = f.story.startTime;
    f.state.playing = true;
    f.state.speed = 2;
    const double span = f.story.endTime - f.story.startTime;
    advanceView(f.story, f.state, 1.5);
    CHECK(f.state.playheadTime == doctest::Approx(f.story.startTime + 1.5 * 2 * span / kSecondsPerStory));
    advanceView(f.story, f.state, kSecondsPerStory);
    CHECK(f.state.playheadTime == f.story.endTime);
    CHECK_FALSE(f.state.playing);
    f.state.loop = true;
    f.state.playing = true;
    f.state.playheadTime = f.story.endTime - 1;
    advanceView(f.story, f.state, 0.5 * kSecondsPerStory / span * 4);  // four story units at speed 2
    CHECK(f.state.playing);
    CHECK(f.state.playheadTime == doctest::Approx(f.story.startTime + 3));
}

TEST_CASE("selecting an event off screen brings it into view; reduced motion jumps instead of animating") {
    Fixture f;
    f.state.reducedMotion = true;
    applyViewCommand(f.story, 150, f.state, ViewCommand::zoomAround(10, 0.1));
    CHECK(f.state.view.endTime - f.state.view.startTime == doctest::Approx(f.state.targetEndTime - f.state.targetStartTime));
    applyViewCommand(f.story, 150, f.state, ViewCommand::select(f.story.findEvent("the-look")));
    CHECK(f.state.view.startTime <= f.timeOf("the-look"));
    CHECK(f.state.view.endTime >= f.timeOf("the-look"));
}

TEST_CASE("a press over a panel belongs to the panel") {
    Fixture f;
    PointerEvent press;
    press.kind = PointerEvent::Kind::Press;
    press.x = 600;
    press.y = f.rulerY();
    const double before = f.state.playheadTime;
    CHECK_FALSE(f.input.pointer(press, true, f.story, f.relayout(), f.state));
    CHECK(f.state.playheadTime == before);
}

TEST_CASE("the panels' requests keep every command asked for, in order") {
    UiRequests requests;
    for (int i = 0; i < 100; ++i) requests.push(ViewCommand::setPlayhead(i));
    REQUIRE(requests.commands.size() == 100);
    for (int i = 0; i < 100; ++i) {
        CHECK(requests.commands[static_cast<std::size_t>(i)].type == ViewCommand::Type::SetPlayhead);
        CHECK(requests.commands[static_cast<std::size_t>(i)].time == i);
    }
}

TEST_CASE("each named command carries what its type reads") {
    const ViewCommand zoom = ViewCommand::zoomTo(3, 7);
    CHECK(zoom.type == ViewCommand::Type::ZoomTo);
    CHECK(zoom.start == 3);
    CHECK(zoom.end == 7);
    const ViewCommand around = ViewCommand::zoomAround(5, 0.5);
    CHECK(around.time == 5);
    CHECK(around.factor == 0.5);
    CHECK(ViewCommand::stepEvent(-1).direction == -1);
    CHECK(ViewCommand::panBy(2.5).timeShift == 2.5);
    CHECK(ViewCommand::setSpeed(2).speed == 2);
    CHECK(ViewCommand::setLoop(true).enabled);
    CHECK(ViewCommand::select(4).event == 4);

    Fixture f;
    applyViewCommand(f.story, 150, f.state, ViewCommand::setLoop(true));
    CHECK(f.state.loop);
    applyViewCommand(f.story, 150, f.state, ViewCommand::setSpeed(2));
    CHECK(f.state.speed == 2);
    applyViewCommand(f.story, 150, f.state, ViewCommand::setReducedMotion(true));
    applyViewCommand(f.story, 150, f.state, ViewCommand::zoomTo(10, 20));
    CHECK(f.state.view.startTime == doctest::Approx(9));  // a tenth of the span as margin, at once
    CHECK(f.state.view.endTime == doctest::Approx(21));
    const double before = f.state.view.startTime;
    applyViewCommand(f.story, 150, f.state, ViewCommand::panBy(1.5));
    CHECK(f.state.view.startTime == doctest::Approx(before + 1.5));
}

TEST_CASE("before the first frame is planned there is nothing to point at") {
    Fixture f;
    const double before = f.state.playheadTime;
    PointerEvent press;
    press.kind = PointerEvent::Kind::Press;
    press.x = 400;
    press.y = f.rulerY();
    CHECK_FALSE(f.input.pointer(press, false, f.story, FramePlan{}, f.state));
    CHECK_FALSE(f.input.scrubbing());
    CHECK(f.state.playheadTime == before);
}

TEST_CASE("an event under the playhead is clicked like any other; the beam itself does not grab the playhead") {
    Fixture f;
    const EventMark paris = f.markOf("paris");
    f.pointer(PointerEvent::Kind::Press, paris.position.x, paris.position.y);
    f.pointer(PointerEvent::Kind::Release, paris.position.x, paris.position.y);
    REQUIRE(f.state.selectedEvent == f.story.findEvent("paris"));
    REQUIRE(f.state.playheadTime == f.timeOf("paris"));  // the playhead now stands on it
    f.input.key(Key::Escape, f.story, f.state);
    REQUIRE(f.state.selectedEvent == kNone);
    f.pointer(PointerEvent::Kind::Press, paris.position.x, paris.position.y);
    CHECK_FALSE(f.input.scrubbing());
    f.pointer(PointerEvent::Kind::Release, paris.position.x, paris.position.y);
    CHECK(f.state.selectedEvent == f.story.findEvent("paris"));
    // Other lanes' events at the playhead's time too: the restaurant and the kiss share the fork's moment.
    const EventMark kiss = f.markOf("kiss");
    f.state.playheadTime = f.timeOf("kiss");
    f.pointer(PointerEvent::Kind::Press, kiss.position.x, kiss.position.y);
    f.pointer(PointerEvent::Kind::Release, kiss.position.x, kiss.position.y);
    CHECK(f.state.selectedEvent == f.story.findEvent("kiss"));
    // Pressing the beam away from any event and its knob neither scrubs nor moves the playhead.
    const double before = f.state.playheadTime;
    const float beamX = f.state.view.timeToX(before);
    f.pointer(PointerEvent::Kind::Press, beamX, (f.relayout().playhead.top + f.rulerY()) / 2 + 40);
    CHECK_FALSE(f.input.scrubbing());
    f.pointer(PointerEvent::Kind::Release, beamX, (f.relayout().playhead.top + f.rulerY()) / 2 + 40);
    CHECK(f.state.playheadTime == before);
}

TEST_CASE("panning without a middle or right button: left-drag on sky, sideways scroll, Shift+wheel, Ctrl+arrows") {
    Fixture f;
    const double start = f.state.view.startTime, span = f.state.view.endTime - f.state.view.startTime;
    // Left-drag on empty sky by 100 pixels moves the view by 100 pixels' worth of time.
    f.pointer(PointerEvent::Kind::Press, 700, 60);
    f.pointer(PointerEvent::Kind::Move, 650, 60);
    f.pointer(PointerEvent::Kind::Move, 600, 60);
    f.pointer(PointerEvent::Kind::Release, 600, 60);
    CHECK(f.state.view.startTime == doctest::Approx(start + 100 / f.state.view.pixelsPerTime()));
    CHECK(f.state.view.endTime - f.state.view.startTime == doctest::Approx(span));
    // A sideways scroll to the right shows later time; Shift+wheel towards the user too.
    double before = f.state.targetStartTime;
    PointerEvent scroll;
    scroll.kind = PointerEvent::Kind::Wheel;
    scroll.x = 600;
    scroll.y = 200;
    scroll.wheelX = 1;
    CHECK(f.input.pointer(scroll, false, f.story, f.relayout(), f.state));
    CHECK(f.state.targetStartTime == doctest::Approx(before + span * CanvasInput::kPanShare));
    before = f.state.targetStartTime;
    scroll.wheelX = 0;
    scroll.wheel = -1;
    scroll.noSnap = true;  // Shift
    CHECK(f.input.pointer(scroll, false, f.story, f.relayout(), f.state));
    CHECK(f.state.targetStartTime == doctest::Approx(before + span * CanvasInput::kPanShare));
    CHECK(f.state.targetEndTime - f.state.targetStartTime == doctest::Approx(span));  // no zoom
    before = f.state.targetStartTime;
    f.input.key(Key::PanEarlier, f.story, f.state);
    f.input.key(Key::PanEarlier, f.story, f.state);
    CHECK(f.state.targetStartTime == doctest::Approx(before - 2 * span * CanvasInput::kPanShare));
    f.input.key(Key::PanLater, f.story, f.state);
    CHECK(f.state.targetStartTime == doctest::Approx(before - span * CanvasInput::kPanShare));
}

TEST_CASE("the view history: Back returns from a fit, a cluster zoom or a jump, Forward goes again") {
    Fixture f;
    const ViewPlace fitted{f.state.targetStartTime, f.state.targetEndTime, f.state.playheadTime};
    applyViewCommand(f.story, 150, f.state, ViewCommand::zoomTo(20, 30));
    const ViewPlace zoomed{f.state.targetStartTime, f.state.targetEndTime, f.state.playheadTime};
    CHECK(zoomed.end - zoomed.start < (fitted.end - fitted.start) / 2);
    f.input.key(Key::Home, f.story, f.state);
    CHECK(f.state.playheadTime == f.story.startTime);
    f.input.key(Key::Back, f.story, f.state);  // undoes Home: the playhead returns
    CHECK(f.state.playheadTime == zoomed.playhead);
    f.input.key(Key::Back, f.story, f.state);  // undoes the zoom
    CHECK(f.state.targetStartTime == doctest::Approx(fitted.start));
    CHECK(f.state.targetEndTime == doctest::Approx(fitted.end));
    f.input.key(Key::Back, f.story, f.state);  // nothing further back: nothing changes
    CHECK(f.state.targetStartTime == doctest::Approx(fitted.start));
    f.input.key(Key::Forward, f.story, f.state);
    CHECK(f.state.targetStartTime == doctest::Approx(zoomed.start));
    CHECK(f.state.targetEndTime == doctest::Approx(zoomed.end));
    // A new jump after going back drops what lay forward.
    f.input.key(Key::Fit, f.story, f.state);
    CHECK(f.state.forward.empty());
}

TEST_CASE("Home and End unpin the commentary; Right at the end stays at the end") {
    Fixture f;
    applyViewCommand(f.story, 150, f.state, ViewCommand::select(f.story.findEvent("keith-band")));
    f.input.key(Key::End, f.story, f.state);
    CHECK(f.state.selectedEvent == kNone);
    f.input.key(Key::Next, f.story, f.state);
    CHECK(f.state.playheadTime >= f.timeOf("the-look"));  // not back to the band
    applyViewCommand(f.story, 150, f.state, ViewCommand::select(f.story.findEvent("paris")));
    f.input.key(Key::Home, f.story, f.state);
    CHECK(f.state.selectedEvent == kNone);
    CHECK(f.state.playheadTime == f.story.startTime);
}

TEST_CASE("double-clicking the sky fits the story and keeps what was pinned") {
    Fixture f;
    const EventIndex paris = f.story.findEvent("paris");
    applyViewCommand(f.story, 150, f.state, ViewCommand::select(paris));
    applyViewCommand(f.story, 150, f.state, ViewCommand::zoomTo(40, 50));
    while (advanceView(f.story, f.state, 1.0 / 60)) {}
    f.pointer(PointerEvent::Kind::Press, 700, 60);
    f.pointer(PointerEvent::Kind::Release, 700, 60);
    f.pointer(PointerEvent::Kind::Press, 700, 60, PointerButton::Left, false, 2);
    f.pointer(PointerEvent::Kind::Release, 700, 60);
    CHECK(f.state.selectedEvent == paris);
    const TimelineView whole = fitStory(f.story, f.state.view.canvas, 150);
    CHECK(f.state.targetStartTime == doctest::Approx(whole.startTime));
}

TEST_CASE("zooming out stops a little past the whole story") {
    Fixture f;
    for (int i = 0; i < 40; ++i) f.input.key(Key::ZoomOut, f.story, f.state);
    const TimelineView whole = fitStory(f.story, f.state.view.canvas, 150);
    CHECK(f.state.targetEndTime - f.state.targetStartTime <= (whole.endTime - whole.startTime) * 1.16);
}

TEST_CASE("the pointer's shape says what a press does: scrub on the ruler and the knob, a hand on events, pan on the sky") {
    Fixture f;
    const FramePlan& plan = f.relayout();
    const EventMark kiss = f.markOf("kiss");
    CHECK(f.input.shapeAt(400, f.rulerY(), false, plan) == PointerShape::Scrub);
    CHECK(f.input.shapeAt(plan.playhead.x, plan.playhead.top, false, plan) == PointerShape::Scrub);
    CHECK(f.input.shapeAt(kiss.position.x, kiss.position.y, false, plan) == PointerShape::Hand);
    CHECK(f.input.shapeAt(700, 60, false, plan) == PointerShape::Pan);
    CHECK(f.input.shapeAt(700, 60, true, plan) == PointerShape::Arrow);   // a panel has the pointer
    CHECK(f.input.shapeAt(700, 900, false, plan) == PointerShape::Arrow); // below the canvas
    // While scrubbing, the shape stays, wherever the pointer goes.
    f.pointer(PointerEvent::Kind::Press, 400, f.rulerY());
    CHECK(f.input.shapeAt(700, 60, true, f.relayout()) == PointerShape::Scrub);
}

TEST_CASE("Tab and Shift+Tab take the keyboard round the canvas, the search box and the events list") {
    Fixture f;
    CHECK(f.state.focus == KeyboardFocus::Canvas);
    f.input.key(Key::FocusNext, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Search);
    f.input.key(Key::FocusNext, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::EventsList);
    f.input.key(Key::FocusNext, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Canvas);
    f.input.key(Key::FocusPrevious, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::EventsList);
    f.input.key(Key::FocusPrevious, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Search);
    // Ctrl+F goes straight to the search box; a press on the canvas takes the keyboard back.
    f.input.key(Key::FocusNext, f.story, f.state);
    f.input.key(Key::Search, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Search);
    f.pointer(PointerEvent::Kind::Press, 640, 40);
    CHECK(f.state.focus == KeyboardFocus::Canvas);
}

TEST_CASE("Escape backs out one step at a time: the help, the search's text, the search box, the selection") {
    Fixture f;
    f.state.selectedEvent = f.story.findEvent("paris");
    f.state.helpVisible = true;
    applyViewCommand(f.story, 150, f.state, ViewCommand::focus(KeyboardFocus::Search));
    applyViewCommand(f.story, 150, f.state, ViewCommand::search("paris"));
    f.input.key(Key::Escape, f.story, f.state);
    CHECK_FALSE(f.state.helpVisible);
    CHECK(f.state.searchQuery == "paris");
    f.input.key(Key::Escape, f.story, f.state);
    CHECK(f.state.searchQuery.empty());
    CHECK(f.state.focus == KeyboardFocus::Search);
    f.input.key(Key::Escape, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Canvas);
    CHECK(f.state.selectedEvent == f.story.findEvent("paris"));
    f.input.key(Key::Escape, f.story, f.state);
    CHECK(f.state.selectedEvent == kNone);
    // From the list, one Escape returns to the canvas.
    applyViewCommand(f.story, 150, f.state, ViewCommand::focus(KeyboardFocus::EventsList));
    f.input.key(Key::Escape, f.story, f.state);
    CHECK(f.state.focus == KeyboardFocus::Canvas);
}

TEST_CASE("L toggles the loop, [ and ] step through the listed speeds and stop at their ends, Ctrl+Q asks to quit") {
    Fixture f;
    f.input.key(Key::ToggleLoop, f.story, f.state);
    CHECK(f.state.loop);
    f.input.key(Key::ToggleLoop, f.story, f.state);
    CHECK_FALSE(f.state.loop);
    CHECK(f.state.speed == 1);
    f.input.key(Key::Faster, f.story, f.state);
    CHECK(f.state.speed == 2);
    for (int i = 0; i < 5; ++i) f.input.key(Key::Faster, f.story, f.state);
    CHECK(f.state.speed == 4);
    for (int i = 0; i < 3; ++i) f.input.key(Key::Slower, f.story, f.state);
    CHECK(f.state.speed == 0.5);
    for (int i = 0; i < 5; ++i) f.input.key(Key::Slower, f.story, f.state);
    CHECK(f.state.speed == 0.25);
    f.state.speed = 3;  // between two listed speeds (a remembered preference)
    f.input.key(Key::Slower, f.story, f.state);
    CHECK(f.state.speed == 2);
    CHECK(f.input.key(Key::Quit, f.story, f.state) == AppAction::Quit);
    CHECK(isApplicationKey(Key::Quit));
    CHECK(isApplicationKey(Key::FocusNext));
    CHECK_FALSE(isApplicationKey(Key::ToggleLoop));  // typed into the search box, "l" is a letter
}

TEST_CASE("the pointer over the canvas is the view's, for the ruler's time tag; leaving or a panel clears it") {
    Fixture f;
    f.pointer(PointerEvent::Kind::Move, 500, 200);
    CHECK(f.state.pointerX == 500);
    PointerEvent overPanel;
    overPanel.kind = PointerEvent::Kind::Move;
    overPanel.x = 510;
    overPanel.y = 200;
    f.input.pointer(overPanel, true, f.story, f.relayout(), f.state);
    CHECK(std::isnan(f.state.pointerX));
    f.pointer(PointerEvent::Kind::Move, 520, 200);
    f.pointer(PointerEvent::Kind::Leave, 0, 0);
    CHECK(std::isnan(f.state.pointerX));
}
