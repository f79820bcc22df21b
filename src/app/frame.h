// One frame of Epilogue, drawn one way everywhere: the window, screenshots, frame sequences and video,
// the benchmark, the soak and the tests all call FrameComposer::draw. It begins the UI frame, makes the
// frame plan (timeline/frame_plan.h), and draws the scene, the canvas text and the panels from that plan
// into the offscreen target.
//
//   FrameComposer::draw
//     PlatformWindow::beginUiFrame          ImGui frame of the window's (or the headless) size
//     FramePlanner::plan                    everything the frame shows, computed once
//     SceneRenderer::drawComposed(plan)     sky, ribbons, playhead, nodes (GL), composed from layers kept
//                                           from frame to frame, in which only what changed is redrawn
//     drawCanvasLabels(plan)                title, lane names, event labels, ruler (ImGui draw list; the
//                                           story typesetter shapes their text and draws its glyphs)
//     panels, tooltip, banner, toast, help  (ImGui windows)
//     ImGui_ImplOpenGL3_RenderDrawData      into the same target
//
// The window's frames (FrameOptions::onlyWhatChanged) are drawn only where they differ from the last:
//     SceneRenderer::updateLayers           the layers brought up to date; what the scene changed -> damage
//     ... the canvas text and panels, as above, into ImGui's draw lists
//     UiDamage::compare                     the triangles that differ from the last frame's -> damage
//     DamageRegion::rectangles              a few rectangles that cover the damage
//     SceneRenderer::composeInto            the scene composed again within them
//     ImGui_ImplOpenGL3_RenderDrawData      the triangles that reach them, through the target's stencil marks
// and the window shows only those rectangles (PlatformWindow::showParts) where it can.
#pragma once

#include "app/platform_window.h"
#include "render/render_target.h"
#include "render/scene_renderer.h"
#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_state.h"
#include "ui/commentary_panel.h"
#include "ui/events_panel.h"
#include "ui/open_dialog.h"
#include "ui/transport_panel.h"
#include "ui/fonts.h"
#include "ui/story_typesetter.h"
#include "ui/ui_damage.h"
#include "ui/ui_requests.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

// What a frame shows besides the scene.
struct FrameOptions {
    bool panels = true;    // the ImGui panels (off for canvas-only screenshots)
    bool labels = true;    // text and ruler over the canvas (off only in tests that look at the scene alone)
    bool tooltip = false;  // the hovered event's tooltip (the window shows it unless a drag is under way)
    const char* toast = nullptr;  // a short message shown at the canvas's top right (screenshot saved...)
    bool screenshotCanvasOnly = false;  // the transport bar's "canvas only" setting, as shown
    const char* screenshotFormat = "png";  // and the format captures are saved in: "png", "svg" or "pdf"
    const char* banner = nullptr;  // a problem the user must fix, across the top of the canvas
    const char* bannerHeading = "The story file no longer loads; showing the last good version until it is fixed:";
    bool scene = true;     // the scene (off only for a headless frame that lets ImGui settle, never shown)
    // The scene drawn whole, straight into the target, neither reading nor building the cached layers: the
    // window's first frame, which is then on screen sooner (the next frame builds the layers).
    bool sceneStraight = false;
    // The window's frames: only what changed since the last frame drawn this way is drawn again (the scene's
    // changes, the panels' and canvas text's changed triangles); the rest of the target keeps its pixels.
    // drawnRectangles() then says where the frame changed. Any other frame in between makes the next whole.
    bool onlyWhatChanged = false;
    // The window's own: the story menu with these recent stories (none in stills), and where the built-in
    // story chooser starts.
    const std::vector<std::string>* recentStories = nullptr;
    const char* openDirectory = ".";
    // Text typed since the last frame (UTF-8, from SDL's text input) and an input method's composition, for
    // the search box or the story chooser's path when it has the keyboard.
    std::string_view typed = {};
    std::string_view composition = {};
};

// Where the time of the last frame went, in milliseconds (read by the benchmark).
struct FrameTimings {
    double plan = 0;         // story + view -> the frame plan (layout and label placement)
    double sceneSubmit = 0;  // building and submitting the scene's GL commands
    double uiBuild = 0;      // canvas text and panels -> ImGui draw lists
    double uiSubmit = 0;     // submitting ImGui's draw lists
};

class FrameComposer {
public:
    // Needs the window's GL context and ImGui context. Loads fonts for `pixelScale`.
    bool initialize(float pixelScale, std::string& error);

    // Draws one frame into the target. The state's canvas is set from the plan's screen layout (fitting
    // the story reads it). `deltaSeconds` is the time since the last frame, for ImGui. Returns false with
    // a message if the target cannot be made (the UI frame is ended then too).
    bool draw(PlatformWindow& window, const Story& story, ViewState& state, const FrameSize& size, float animationTime,
              float deltaSeconds, const FrameOptions& options, UiRequests& requests, std::string& error);

    const RenderTarget& target() const { return target_; }
    const FramePlan& plan() const { return planner_.current(); }
    void forgetLabelPlaces() { planner_.forgetLabelPlaces(); }  // see FramePlanner
    const LayoutStyle& style() const { return planner_.style(); }
    const FrameTimings& timings() const { return timings_; }
    const StoryTypesetter& typesetter() const { return typesetter_; }
    // Uniforms the shaders lack; empty when every one was found.
    std::vector<std::string> rendererWarnings() const { return scene_.warnings(); }
    // With false, every frame is drawn whole, its scene straight into the target (SceneRenderer::draw), as a
    // reference for the frames composed from cached layers (the default, SceneRenderer::drawComposed) and
    // for those drawn only where they changed (FrameOptions::onlyWhatChanged, which false overrides);
    // EPILOGUE_REDRAW=everything in the environment starts with false, for comparing them.
    // (The cached layers are left as they are: the direct frames do not touch them.)
    void setRedrawChangesOnly(bool changesOnly);
    // The next composed frame redraws its cached layers whole.
    void forgetSceneLayers() { scene_.forgetLayers(); }
    // How the last composed frame's layer of ribbons, playhead and nodes was drawn.
    SceneRenderer::Redraw lastSceneRedraw() const { return scene_.lastRedraw(); }
    // Where the last frame drawn with onlyWhatChanged differs from the frame before it (framebuffer pixels,
    // rows from the top: no rectangle when nothing changed), and whether that was all of it.
    const std::vector<PixelRect>& drawnRectangles() const { return drawnRectangles_; }
    bool drewEverything() const { return drewEverything_; }
    // How many of the target's pixels the last frame drew (all of them unless it drew only what changed).
    long long drawnPixels() const;
    // The next frame drawn with onlyWhatChanged is drawn whole, its scene's cached layers too.
    void forgetDrawnFrame() {
        damageValid_ = false;
        scene_.forgetLayers();
    }
    // The most rectangles a frame's damage is drawn and shown in: each costs the window a request to the
    // display server (about 0.1 ms with a software renderer), and more, smaller ones cost fewer pixels.
    static constexpr int kMaxDamageRectangles = 12;

private:
    bool render(const Story& story, ViewState& state, const FrameSize& size, float animationTime,
                const FrameOptions& options, UiRequests& requests, std::string& error);

    SceneRenderer scene_;
    RenderTarget target_;
    bool changesOnly_ = true;
    FramePlanner planner_;
    CommentaryPanel commentaryPanel_;
    TransportPanel transportPanel_;
    EventsPanel eventsPanel_;
    OpenDialog openDialog_;
    UiFonts fonts_;
    StoryTypesetter typesetter_;  // story text on the canvas: measured for the plan, shaped and drawn
    PanelText panelText_{typesetter_};  // story text in the panels and tooltips
    float fontScale_ = 0;         // the pixel scale the fonts were rasterised for
    float pendingFontScale_ = 0;  // rasterise the fonts again for this scale after the frame
    FrameTimings timings_;
    // Drawing only what changed (FrameOptions::onlyWhatChanged).
    DamageRegion damage_;
    UiDamage uiDamage_;
    bool damageValid_ = false;        // the target holds the last frame drawn with onlyWhatChanged
    std::uint64_t glyphGeneration_ = 0;  // the typesetter's glyphs the target's text was drawn with
    std::vector<PixelRect> drawnRectangles_;
    bool drewEverything_ = true;
    int stencilMarks_ = 0;            // this frame's marks in the target's stencil buffer, for the panels' pass
};

}  // namespace epilogue
