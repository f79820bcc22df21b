// Frame composition: the one drawing path.
#include "app/frame.h"

#include "render/gl_errors.h"
#include "ui/banner.h"
#include "ui/canvas_labels.h"
#include "ui/event_tooltip.h"
#include "ui/help_overlay.h"
#include "ui/story_menu.h"
#include "ui/theme.h"
#include "ui/toast.h"
#include "ui/tour_caption.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace epilogue {

bool FrameComposer::initialize(float pixelScale, std::string& error) {
    if (!scene_.initialize(error)) return false;
    applyUiTheme();
    fonts_ = loadUiFonts(pixelScale);
    typesetter_.load(pixelScale, fonts_);
    fontScale_ = pixelScale;
    const char* redraw = std::getenv("EPILOGUE_REDRAW");
    setRedrawChangesOnly(!(redraw && std::strcmp(redraw, "everything") == 0));
    return true;
}

void FrameComposer::setRedrawChangesOnly(bool changesOnly) { changesOnly_ = changesOnly; }

long long FrameComposer::drawnPixels() const {
    if (drewEverything_) return static_cast<long long>(target_.width()) * target_.height();
    long long pixels = 0;
    for (const PixelRect& rect : drawnRectangles_) pixels += rect.area();
    return pixels;
}

bool FrameComposer::draw(PlatformWindow& window, const Story& story, ViewState& state, const FrameSize& size,
                         float animationTime, float deltaSeconds, const FrameOptions& options, UiRequests& requests,
                         std::string& error) {
    window.beginUiFrame(size.logicalWidth, size.logicalHeight, size.pixelScale, deltaSeconds);
    if (render(story, state, size, animationTime, options, requests, error)) return true;
    ImGui::EndFrame();
    return false;
}

bool FrameComposer::render(const Story& story, ViewState& state, const FrameSize& size, float animationTime,
                           const FrameOptions& options, UiRequests& requests, std::string& error) {
    // A new pixel scale (the window moved to a screen of another density): rasterise the fonts again, so
    // text stays sharp. Takes effect from the next frame, as ImGui's font atlas is in use by this one.
    if (size.pixelScale != fontScale_) pendingFontScale_ = size.pixelScale;
    const int pixelWidth = static_cast<int>(std::lround(size.logicalWidth * size.pixelScale));
    const int pixelHeight = static_cast<int>(std::lround(size.logicalHeight * size.pixelScale));
    if (!target_.ensureSize(pixelWidth, pixelHeight, error, true)) return false;  // the stencil marks the damage

    using Clock = std::chrono::steady_clock;
    auto lap = [last = Clock::now()](double& into) mutable {
        const auto now = Clock::now();
        into = std::chrono::duration<double, std::milli>(now - last).count();
        last = now;
    };
    const FramePlan& plan = planner_.plan(story, state, {size, options.panels, animationTime}, typesetter_);
    const ScreenLayout& screen = plan.screen;
    state.view.canvas = plan.view.canvas;
    lap(timings_.plan);

    SceneInputs inputs;
    inputs.story = &story;
    inputs.plan = &plan;
    inputs.selectedEvent = state.selectedEvent;
    inputs.hoveredEvent = state.hoveredEvent;
    inputs.reducedMotion = state.reducedMotion;
    // Only what changed: the scene is drawn after the panels' lists are built, once their changes are known
    // too (and Epilogue's own work is done before the renderer's threads start on the frame).
    const bool onlyWhatChanged = options.onlyWhatChanged && options.scene && changesOnly_ && !options.sceneStraight;
    if (options.scene && !onlyWhatChanged) {
        if (changesOnly_ && !options.sceneStraight) {
            scene_.drawComposed(inputs, target_);
        } else {
            target_.bindForDrawing();
            scene_.draw(inputs);
        }
    }
    target_.bindForDrawing();
    lap(timings_.sceneSubmit);

    if (options.labels) drawCanvasLabels(story, plan, typesetter_);
    drawTourCaption(plan, fonts_, typesetter_);
    if (options.panels && screen.transport.height > 0) {
        transportPanel_.draw(story, state, plan, screen.transport, options.screenshotCanvasOnly,
                               options.screenshotFormat, fonts_, panelText_, requests);
        commentaryPanel_.draw(story, state, screen.commentary, panelText_, requests);
        eventsPanel_.draw(story, state, plan, screen.events, {options.typed, options.composition}, fonts_, panelText_,
                          requests);
    }
    if (options.tooltip && state.hoveredEvent != kNone) {
        const EventMark* hovered = plan.markOf(state.hoveredEvent);
        if (hovered && hovered->isCluster()) {
            drawClusterTooltip(story, *hovered, panelText_);
        } else {
            drawEventTooltip(story, state.hoveredEvent, panelText_);
        }
    } else if (options.tooltip && options.labels) {
        drawLaneNameTooltip(story, plan, panelText_);
    }
    const bool storyMenu = options.panels && options.recentStories && screen.storyMenu.width > 0;
    if (options.banner) {
        Rect beside = screen.canvas;  // the banner leaves the story menu free, to open another story
        if (storyMenu) beside.width = screen.storyMenu.x - 8 - beside.x;
        drawBanner(options.bannerHeading, options.banner, beside, panelText_);
    }
    if (storyMenu) drawStoryMenu(screen.storyMenu, *options.recentStories, fonts_, panelText_, requests);
    if (options.toast) {
        Rect under = screen.canvas;  // the toast sits under the story menu
        if (storyMenu) under.y = screen.storyMenu.bottom();
        drawToast(options.toast, under, panelText_);
    }
    if (state.helpVisible) drawHelpOverlay(size.logicalWidth, size.logicalHeight, fonts_, requests);
    if (state.openDialogVisible) {
        openDialog_.draw(size.logicalWidth, size.logicalHeight, options.openDirectory, {options.typed, options.composition},
                         fonts_, panelText_, requests);
    } else {
        openDialog_.hidden();
    }
    ImGui::Render();
    lap(timings_.uiBuild);
    ImDrawData& drawData = *ImGui::GetDrawData();
    if (onlyWhatChanged) {
        // The scene's layers brought up to date, and what it changed; the panels' and canvas text's changed
        // triangles join it; the frame is drawn again within the damaged rectangles only, the panels through
        // the target's stencil marks of them.
        damage_.reset(pixelWidth, pixelHeight);
        if (!damageValid_ || target_.remade() || typesetter_.glyphGeneration() != glyphGeneration_) {
            damage_.addEverything();
        }
        scene_.updateLayers(inputs, damage_);
        uiDamage_.compare(drawData, size.pixelScale, damage_);
        drawnRectangles_ = damage_.rectangles(kMaxDamageRectangles);
        drewEverything_ = damage_.everything();
        stencilMarks_ = drewEverything_ || drawnRectangles_.empty() ? 0 : target_.markPixels(drawnRectangles_);
        if (!drawnRectangles_.empty()) scene_.composeInto(inputs, target_, drawnRectangles_);
        lap(timings_.sceneSubmit);
        if (stencilMarks_ != 0) {
            keepTrianglesWithin(drawData, drawnRectangles_, size.pixelScale);
            ImDrawList* first = drawData.CmdListsCount > 0 ? drawData.CmdLists[0] : nullptr;
            if (first) {  // ImGui's renderer turns the stencil test off as it starts: a callback turns it on
                ImDrawCmd marked;
                marked.UserCallback = [](const ImDrawList*, const ImDrawCmd* command) {
                    RenderTarget::drawOnlyMarked(*static_cast<const int*>(command->UserCallbackData));
                };
                marked.UserCallbackData = &stencilMarks_;
                first->CmdBuffer.push_front(marked);
            }
        }
        damageValid_ = true;
        glyphGeneration_ = typesetter_.glyphGeneration();
    } else {
        damageValid_ = false;
        drawnRectangles_.clear();
        drewEverything_ = true;
    }
    target_.bindForDrawing();
    typesetter_.upload();
    if (!onlyWhatChanged || !drawnRectangles_.empty()) ImGui_ImplOpenGL3_RenderDrawData(&drawData);
    RenderTarget::drawAnywhere();
    target_.endFrame();
    lap(timings_.uiSubmit);
    if (pendingFontScale_ > 0) {
        damageValid_ = false;
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        fonts_ = loadUiFonts(pendingFontScale_);
        ImGui_ImplOpenGL3_CreateFontsTexture();
        typesetter_.load(pendingFontScale_, fonts_);
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
