// Frame composition shared by the window and headless screenshots.
#include "app/frame.h"

#include "render/gl_errors.h"
#include "ui/banner.h"
#include "ui/canvas_labels.h"
#include "ui/event_tooltip.h"
#include "ui/help_overlay.h"
#include "ui/theme.h"
#include "ui/toast.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace epilogue {

ScreenLayout screenLayout(float logicalWidth, float logicalHeight, bool showPanels) {
    ScreenLayout layout;
    // Below this size the panels would be slivers: the canvas alone is shown.
    if (!showPanels || logicalWidth < 420 || logicalHeight < 300) {
        layout.canvas = {0, 0, logicalWidth, logicalHeight};
        return layout;
    }
    // The bottom third holds the commentary and the events list, the transport bar sits above them.
    const float transportHeight = 40;
    const float bottomHeight =
        std::clamp(std::round(logicalHeight * 0.34f), std::min(150.0f, logicalHeight * 0.4f), 340.0f);
    const float canvasHeight = std::max(0.0f, logicalHeight - bottomHeight - transportHeight);
    const float eventsWidth = std::clamp(std::round(logicalWidth * 0.26f), std::min(200.0f, logicalWidth * 0.4f), 380.0f);
    layout.canvas = {0, 0, logicalWidth, canvasHeight};
    layout.transport = {0, canvasHeight, logicalWidth, transportHeight};
    layout.commentary = {0, canvasHeight + transportHeight, logicalWidth - eventsWidth, bottomHeight};
    layout.events = {logicalWidth - eventsWidth, canvasHeight + transportHeight, eventsWidth, bottomHeight};
    return layout;
}

bool FrameComposer::initialize(float pixelScale, std::string& error) {
    if (!scene_.initialize(error)) return false;
    applyUiTheme();
    fonts_ = loadUiFonts(pixelScale);
    fontScale_ = pixelScale;
    return true;
}

bool FrameComposer::render(const Story& story, ViewState& state, const FrameSize& size, float animationTime,
                           const FrameOptions& options, UiRequests& requests, std::string& error) {
    // A new pixel scale (the window moved to a screen of another density): rasterise the fonts again, so
    // text stays sharp. Takes effect from the next frame, as ImGui's font atlas is in use by this one.
    if (size.pixelScale != fontScale_) pendingFontScale_ = size.pixelScale;
    const int pixelWidth = static_cast<int>(std::lround(size.logicalWidth * size.pixelScale));
    const int pixelHeight = static_cast<int>(std::lround(size.logicalHeight * size.pixelScale));
    if (!target_.ensureSize(pixelWidth, pixelHeight, error)) return false;

    using Clock = std::chrono::steady_clock;
    auto lap = [last = Clock::now()](double& into) mutable {
        const auto now = Clock::now();
        into = std::chrono::duration<double, std::milli>(now - last).count();
        last = now;
    };
    const ScreenLayout screen = screenLayout(size.logicalWidth, size.logicalHeight, options.panels);
    state.view.canvas = screen.canvas;
    LayoutStyle style;
    style.topInset = titleBlockInset(screen.canvas);
    layoutTimeline(story, state.view, style, layout_);
    lap(timings_.layout);

    SceneInputs inputs;
    inputs.story = &story;
    inputs.layout = &layout_;
    inputs.view = &state.view;
    inputs.playheadTime = state.playheadTime;
    inputs.selectedEvent = state.selectedEvent;
    inputs.hoveredEvent = state.hoveredEvent;
    inputs.animationTime = animationTime;
    inputs.reducedMotion = state.reducedMotion;
    inputs.logicalWidth = size.logicalWidth;
    inputs.logicalHeight = size.logicalHeight;
    inputs.pixelScale = size.pixelScale;
    target_.bindForDrawing();
    scene_.draw(inputs);
    lap(timings_.sceneSubmit);

    if (options.labels) canvasLabels_.draw(story, layout_, state, fonts_);
    if (options.panels && screen.transport.height > 0) {
        transportPanel_.draw(story, state, screen.transport, options.screenshotCanvasOnly, fonts_, requests);
        commentaryPanel_.draw(story, state, screen.commentary, fonts_, requests);
        eventsPanel_.draw(story, state, screen.events, fonts_, requests);
    }
    if (options.tooltip && state.hoveredEvent != kNone) {
        const EventMark* hovered = nullptr;
        for (const EventMark& mark : layout_.events) {
            if (mark.event == state.hoveredEvent) hovered = &mark;
        }
        if (hovered && hovered->isCluster()) {
            drawClusterTooltip(story, *hovered, fonts_);
        } else {
            drawEventTooltip(story, state.hoveredEvent, fonts_);
        }
    }
    if (options.banner) drawBanner(options.banner, screen.canvas, fonts_);
    if (options.toast) drawToast(options.toast, screen.canvas, fonts_);
    if (state.helpVisible) drawHelpOverlay(size.logicalWidth, size.logicalHeight, fonts_, requests);
    ImGui::Render();
    lap(timings_.uiBuild);
    target_.bindForDrawing();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    target_.endFrame();
    lap(timings_.uiSubmit);
    if (pendingFontScale_ > 0) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        fonts_ = loadUiFonts(pendingFontScale_);
        ImGui_ImplOpenGL3_CreateFontsTexture();
        fontScale_ = pendingFontScale_;
        pendingFontScale_ = 0;
    }
#ifndef NDEBUG
    const std::string glErrors = takeGlErrors();
    if (!glErrors.empty()) {
        error = "OpenGL reported " + glErrors + " while drawing a frame";
        return false;
    }
#endif
    return true;
}

}  // namespace epilogue
