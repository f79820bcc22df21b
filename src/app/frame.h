// One frame of Epilogue, composed the same way in the window and in headless screenshots:
// layout -> scene -> canvas labels -> panels -> ImGui draw data, all into the offscreen target.
#pragma once

#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "story/story.h"
#include "timeline/layout.h"
#include "timeline/view_state.h"
#include "ui/canvas_labels.h"
#include "ui/commentary_panel.h"
#include "ui/events_panel.h"
#include "ui/transport_panel.h"
#include "ui/fonts.h"
#include "ui/ui_requests.h"

#include <string>

namespace epilogue {

struct FrameSize {
    float logicalWidth = 1280;
    float logicalHeight = 720;
    float pixelScale = 1;  // framebuffer pixels per logical pixel
};

// What a frame shows besides the scene.
struct FrameOptions {
    bool panels = true;    // the ImGui panels (off for canvas-only screenshots)
    bool labels = true;    // text and ruler over the canvas (off only in tests that look at the scene alone)
    bool tooltip = false;  // the hovered event's tooltip (the window shows it unless a drag is under way)
    const char* toast = nullptr;  // a short message shown at the canvas's top right (screenshot saved...)
    bool screenshotCanvasOnly = false;  // the transport bar's "canvas only" setting, as shown
    const char* banner = nullptr;  // a problem the user must fix, across the top of the canvas
};

// Where the canvas and the panels go in a window of the given size; below 420x300 the canvas alone. Pure.
struct ScreenLayout {
    Rect canvas;
    Rect transport;   // the bar under the canvas; zero-sized when the panels are hidden
    Rect commentary;  // bottom left
    Rect events;      // bottom right
};
ScreenLayout screenLayout(float logicalWidth, float logicalHeight, bool showPanels);

// Where the time of the last frame went, in milliseconds (read by the benchmark).
struct FrameTimings {
    double layout = 0;       // story + view -> layout records
    double sceneSubmit = 0;  // building and submitting the scene's GL commands
    double uiBuild = 0;      // canvas labels and panels -> ImGui draw lists
    double uiSubmit = 0;     // submitting ImGui's draw lists
};

class FrameComposer {
public:
    // Needs the window's GL context and ImGui context. Loads fonts for `pixelScale`.
    bool initialize(float pixelScale, std::string& error);

    // Lays out and draws one frame into the target; an ImGui frame must have been begun. The state's
    // canvas is set from the screen layout. Returns false with a message if the target cannot be made.
    bool render(const Story& story, ViewState& state, const FrameSize& size, float animationTime,
                const FrameOptions& options, UiRequests& requests, std::string& error);

    const RenderTarget& target() const { return target_; }
    const TimelineLayout& layout() const { return layout_; }
    const UiFonts& fonts() const { return fonts_; }
    const FrameTimings& timings() const { return timings_; }

private:
    SceneRenderer scene_;
    RenderTarget target_;
    TimelineLayout layout_;
    CanvasLabels canvasLabels_;
    CommentaryPanel commentaryPanel_;
    TransportPanel transportPanel_;
    EventsPanel eventsPanel_;
    UiFonts fonts_;
    float fontScale_ = 0;         // the pixel scale the fonts were rasterised for
    float pendingFontScale_ = 0;  // rasterise the fonts again for this scale after the frame
    FrameTimings timings_;
};

}  // namespace epilogue
