// Pointer gestures and keys -> view commands.
#include "timeline/canvas_input.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace epilogue {

bool isApplicationKey(Key key) {
    switch (key) {
        case Key::FocusNext:
        case Key::FocusPrevious:
        case Key::Help:
        case Key::Fullscreen:
        case Key::Screenshot:
        case Key::Open:
        case Key::Quit: return true;
        default: return false;
    }
}

void CanvasInput::apply(const Story& story, ViewState& state, const ViewCommand& command) {
    applyViewCommand(story, fitInset_, state, command);
}

void CanvasInput::scrubTo(float x, bool noSnap, const Story& story, const TimelineView& view, ViewState& state) {
    double time = view.xToTime(x + grabOffset_);
    if (!noSnap) time = snapToEvent(story, view, time, kSnapPixels);
    apply(story, state, ViewCommand::setPlayhead(time));
}

bool CanvasInput::pointer(const PointerEvent& event, bool overUi, const Story& story, const FramePlan& plan,
                          ViewState& state) {
    using Kind = PointerEvent::Kind;
    const TimelineView& view = plan.view;
    const TimelineLayout& layout = plan.layout;
    const Rect& canvas = view.canvas;
    if (canvas.width <= 0 || canvas.height <= 0) return false;
    if (state.tour.active) {  // the tour holds the camera: the pointer only leaves its time off the ruler
        state.pointerX = NAN;
        return false;
    }
    const bool onCanvas = canvas.contains(event.x, event.y);
    // The ruler shows the time under the pointer while it is over the canvas (or scrubbing, panning).
    const bool pointed = event.kind != Kind::Leave && ((!overUi && onCanvas) || gesture_ != Gesture::None);
    state.pointerX = pointed ? event.x : NAN;
    switch (event.kind) {
        case Kind::Press: {
            if (overUi || !onCanvas || gesture_ != Gesture::None) return false;
            // A press on the canvas gives it the keyboard (the search box or the list lets it go).
            if (state.focus != KeyboardFocus::Canvas) apply(story, state, ViewCommand::focus(KeyboardFocus::Canvas));
            pressX_ = lastX_ = event.x;
            pressY_ = event.y;
            if (event.button != PointerButton::Left) {
                gesture_ = Gesture::Pan;
                return false;
            }
            // The ruler and the playhead's handle scrub. On the ruler near the playhead, or on its handle, the
            // playhead is grabbed where it is (no jump); elsewhere on the ruler it comes under the pointer at
            // once, in this same frame.
            const float playheadX = plan.playhead.x;
            const Rect handle = plan.playhead.handle();
            const bool onHandle = plan.playhead.onCanvas &&
                                  Rect{handle.x - 2, handle.y - 2, handle.width + 4, handle.height + 4}.contains(event.x, event.y);
            const bool onRuler = layout.ruler.contains(event.x, event.y);
            if (onHandle || onRuler) {
                const bool grabbed = onHandle || (plan.playhead.onCanvas && std::abs(event.x - playheadX) <= kPlayheadGrabPixels);
                grabOffset_ = grabbed ? playheadX - event.x : 0.0f;
                gesture_ = Gesture::Scrub;
                state.playing = false;
                scrubTo(event.x, grabbed || event.noSnap, story, view, state);
                return true;
            }
            // Events come before the beam: one under the playhead is clicked like any other.
            if (hitTestMark(layout, {event.x, event.y})) {
                gesture_ = Gesture::Click;
                return false;
            }
            if (event.clicks >= 2) {  // a double click on empty sky fits, keeping the selection
                apply(story, state, ViewCommand::fitAll());
                if (clearedBySky_ != kNone) apply(story, state, ViewCommand::pin(clearedBySky_));
                clearedBySky_ = kNone;
                return true;
            }
            gesture_ = Gesture::Sky;
            return false;
        }
        case Kind::Move: {
            if (gesture_ == Gesture::Scrub) {
                scrubTo(event.x, event.noSnap, story, view, state);
                return true;
            }
            if (gesture_ == Gesture::Sky && std::abs(event.x - pressX_) + std::abs(event.y - pressY_) > kClickSlop) {
                gesture_ = Gesture::Pan;  // a drag that started on the sky pans
            }
            if (gesture_ == Gesture::Pan) {
                const double shift = static_cast<double>(lastX_ - event.x) / view.pixelsPerTime();
                lastX_ = event.x;
                apply(story, state, ViewCommand::panBy(shift));
                return true;
            }
            if (gesture_ == Gesture::Click &&
                std::abs(event.x - pressX_) + std::abs(event.y - pressY_) > kClickSlop) {
                gesture_ = Gesture::None;  // a drag that started on an event does nothing
            }
            const EventIndex hovered = overUi || !onCanvas ? kNone : hitTestEvent(layout, {event.x, event.y});
            if (hovered == state.hoveredEvent) return false;
            apply(story, state, ViewCommand::hover(hovered));
            return true;
        }
        case Kind::Release: {
            const Gesture ended = gesture_;
            gesture_ = Gesture::None;
            grabOffset_ = 0;
            if (event.button != PointerButton::Left) return false;
            if (ended == Gesture::Sky) {
                clearedBySky_ = state.selectedEvent;
                if (state.selectedEvent == kNone) return false;
                apply(story, state, ViewCommand::clearSelection());
                return true;
            }
            if (ended != Gesture::Click) return ended == Gesture::Scrub || ended == Gesture::Pan;
            clearedBySky_ = kNone;
            const EventMark* hit = hitTestMark(layout, {event.x, event.y});
            if (!hit) return false;  // released off the event it was pressed on
            if (hit->isCluster()) {
                const double first = story.events[static_cast<std::size_t>(hit->event)].time;
                const double last = story.events[static_cast<std::size_t>(hit->lastEvent)].time;
                if (last > first) {
                    apply(story, state, ViewCommand::zoomTo(first, last));
                } else {  // all at one time: zooming cannot separate them; select the first
                    apply(story, state, ViewCommand::select(hit->event));
                }
            } else {
                apply(story, state, ViewCommand::select(hit->event));
            }
            return true;
        }
        case Kind::Wheel: {
            if (overUi || !onCanvas || (event.wheel == 0 && event.wheelX == 0)) return false;
            // Sideways scroll, or the wheel with Shift, pans; the wheel alone zooms around the pointer.
            const double sideways = event.wheelX != 0 ? event.wheelX : event.noSnap ? -event.wheel : 0.0f;
            if (sideways != 0) {
                apply(story, state, ViewCommand::panBy(sideways * kPanShare * (view.endTime - view.startTime)));
                return true;
            }
            const double factor = std::pow(0.8, static_cast<double>(event.wheel));
            apply(story, state, ViewCommand::zoomAround(view.xToTime(event.x), factor));
            return true;
        }
        case Kind::Leave:
            if (state.hoveredEvent == kNone) return false;
            apply(story, state, ViewCommand::hover(kNone));
            return true;
    }
    return false;
}

PointerShape CanvasInput::shapeAt(float x, float y, bool overUi, const FramePlan& plan) const {
    if (gesture_ == Gesture::Scrub) return PointerShape::Scrub;
    if (gesture_ == Gesture::Pan) return PointerShape::Pan;
    const Rect& canvas = plan.view.canvas;
    if (overUi || !canvas.contains(x, y)) return PointerShape::Arrow;
    const Rect handle = plan.playhead.handle();
    if (plan.layout.ruler.contains(x, y) || (plan.playhead.onCanvas && handle.contains(x, y))) return PointerShape::Scrub;
    if (hitTestMark(plan.layout, {x, y})) return PointerShape::Hand;
    return PointerShape::Pan;
}

AppAction CanvasInput::key(Key key, const Story& story, ViewState& state) {
    // During the tour: Space pauses, Left and Right go between stops, Escape or P leaves; the keys of the
    // application itself (fullscreen, screenshot, quit) still work, and nothing else moves the camera.
    if (state.tour.active) {
        switch (key) {
            case Key::PlayPause: apply(story, state, ViewCommand::pauseTour()); return AppAction::None;
            case Key::Previous:
            case Key::PageUp: apply(story, state, ViewCommand::stepTour(-1)); return AppAction::None;
            case Key::Next:
            case Key::PageDown: apply(story, state, ViewCommand::stepTour(+1)); return AppAction::None;
            case Key::Escape:
            case Key::Tour: apply(story, state, ViewCommand::leaveTour()); return AppAction::None;
            case Key::Fullscreen: return AppAction::ToggleFullscreen;
            case Key::Screenshot: return AppAction::Screenshot;
            case Key::Quit: return AppAction::Quit;
            default: return AppAction::None;
        }
    }
    // Keyboard zoom keeps the playhead in place when it is on screen, else the middle of the view.
    const bool playheadVisible = state.playheadTime >= state.view.startTime && state.playheadTime <= state.view.endTime;
    const double anchor = playheadVisible ? state.playheadTime : (state.view.startTime + state.view.endTime) / 2;
    switch (key) {
        case Key::PlayPause: apply(story, state, ViewCommand::togglePlay()); break;
        case Key::Previous: apply(story, state, ViewCommand::stepEvent(-1)); break;
        case Key::Next: apply(story, state, ViewCommand::stepEvent(+1)); break;
        case Key::Home: apply(story, state, ViewCommand::jumpToStart()); break;
        case Key::End: apply(story, state, ViewCommand::jumpToEnd()); break;
        case Key::ZoomIn: apply(story, state, ViewCommand::zoomAround(anchor, 0.7)); break;
        case Key::ZoomOut: apply(story, state, ViewCommand::zoomAround(anchor, 1.0 / 0.7)); break;
        case Key::Fit: apply(story, state, ViewCommand::fitAll()); break;
        case Key::Help: apply(story, state, ViewCommand::toggleHelp()); break;
        case Key::Escape:
            // Escape backs out one step: the story chooser; the help; a search (cleared, then left); the list; the selection.
            if (state.openDialogVisible) {
                apply(story, state, ViewCommand::showOpenDialog(false));
            } else if (state.helpVisible) {
                apply(story, state, ViewCommand::toggleHelp());
            } else if (state.focus == KeyboardFocus::Search && !state.searchQuery.empty()) {
                apply(story, state, ViewCommand::search({}));
            } else if (state.focus != KeyboardFocus::Canvas) {
                apply(story, state, ViewCommand::focus(KeyboardFocus::Canvas));
            } else {
                apply(story, state, ViewCommand::clearSelection());
            }
            break;
        case Key::PanEarlier:
        case Key::PanLater: {
            const double shift = kPanShare * (state.targetEndTime - state.targetStartTime);
            apply(story, state, ViewCommand::panBy(key == Key::PanLater ? shift : -shift));
            break;
        }
        case Key::Back: apply(story, state, ViewCommand::back()); break;
        case Key::Forward: apply(story, state, ViewCommand::forward()); break;
        case Key::FocusNext:
        case Key::FocusPrevious: {
            constexpr KeyboardFocus kOrder[] = {KeyboardFocus::Canvas, KeyboardFocus::Search, KeyboardFocus::EventsList};
            const auto at = static_cast<int>(std::find(std::begin(kOrder), std::end(kOrder), state.focus) - std::begin(kOrder));
            const int step = key == Key::FocusNext ? 1 : 2;  // 2 steps forward = 1 back, in a ring of 3
            apply(story, state, ViewCommand::focus(kOrder[(at + step) % 3]));
            break;
        }
        case Key::Search: apply(story, state, ViewCommand::focus(KeyboardFocus::Search)); break;
        case Key::ToggleLoop: apply(story, state, ViewCommand::setLoop(!state.loop)); break;
        case Key::Slower:
        case Key::Faster: {
            // The nearest listed speed strictly below or above the current one (it stays at the ends).
            double speed = state.speed;
            if (key == Key::Faster) {
                const auto* next = std::upper_bound(std::begin(kPlaybackSpeeds), std::end(kPlaybackSpeeds), state.speed * 1.0001);
                if (next != std::end(kPlaybackSpeeds)) speed = *next;
            } else {
                const auto* next = std::lower_bound(std::begin(kPlaybackSpeeds), std::end(kPlaybackSpeeds), state.speed * 0.9999);
                if (next != std::begin(kPlaybackSpeeds)) speed = *(next - 1);
            }
            apply(story, state, ViewCommand::setSpeed(speed));
            break;
        }
        case Key::Fullscreen: return AppAction::ToggleFullscreen;
        case Key::Screenshot: return AppAction::Screenshot;
        case Key::Quit: return AppAction::Quit;
        case Key::Open: return AppAction::Open;
        case Key::Tour:
            gesture_ = Gesture::None;
            apply(story, state, ViewCommand::startTour());
            break;
        case Key::PageUp:
        case Key::PageDown: break;  // the tour's; the events list reads them itself
    }
    return AppAction::None;
}

}  // namespace epilogue
