// Draws the timeline scene (sky, lane ribbons, event nodes, playhead) from a frame plan. GL lives here and
// in the other files of src/render only. Buffers are allocated once and updated in place.
//
// Drawing only what changed: the frame is composed from layers kept between frames. The sky is drawn once
// into a layer of its own (it depends only on the size and the horizon) and copied into a starry layer,
// where the stars are drawn over it (small twinkling sprites): only the columns whose stars read the stepped
// animation clock anew (timeline/animation_clock.h) are copied and their stars drawn again, frame by frame.
// Two layers of shapes, each premultiplied over nothing, are laid over the starry sky: the ribbons, and the
// beam and the nodes. They are redrawn whole only when the view, the size or the lanes change; otherwise
// only the pixels that can differ from what they hold are: in the ribbons' layer, the band the playhead's
// dimming swept and the columns whose reading of the clock changed (the dream's shimmer); in the other, the
// beam and the nodes whose look changed (passed by the playhead, selected, hovered, matched), where they
// were and where they are. Those rectangles are cleared and marked in the layer's stencil buffer, and the
// layer's shapes are then drawn through the stencil test, so a layer is bit for bit what a whole redraw of
// it gives. Laying the layers over the frame (both in one pass) rounds colours to 8 bits at other steps
// than drawing the shapes straight onto it does: the frame differs from draw()'s by a few steps of 255
// where ribbons and nodes lie (tests/gl/frame_tests.cpp).
//
// The window goes further (updateLayers, then composeInto): what the scene changed in the frame (those
// rectangles, and the stars' columns) is added to the frame's damage, and the frame is composed again only
// within the damaged rectangles; the rest of the target keeps the last frame's pixels.
#pragma once

#include "render/palette.h"
#include "render/render_target.h"
#include "render/shader_program.h"
#include "render/star_field.h"
#include "story/story.h"
#include "timeline/damage_region.h"
#include "timeline/frame_plan.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace epilogue {

// Everything one frame of the scene depends on. The same inputs draw the same pixels.
struct SceneInputs {
    const Story* story = nullptr;
    const FramePlan* plan = nullptr;  // where everything goes, the size and the animation clock
    EventIndex selectedEvent = kNone;
    EventIndex hoveredEvent = kNone;
    bool reducedMotion = false;  // stills the twinkle and shimmer
};

class SceneRenderer {
public:
    SceneRenderer() = default;
    SceneRenderer(const SceneRenderer&) = delete;
    SceneRenderer& operator=(const SceneRenderer&) = delete;
    ~SceneRenderer();

    // How the last drawComposed drew its layer of ribbons, playhead and nodes.
    enum class Redraw { Everything, Changes, Nothing };

    bool initialize(std::string& error);  // needs a current GL 3.3 core context
    // Draws the whole scene into the bound framebuffer, whose viewport covers the whole target.
    void draw(const SceneInputs& inputs);
    // Draws the scene into `target` from the cached layers, redrawing in them only what changed (see
    // above). Falls back to draw() when the driver cannot make the layers.
    void drawComposed(const SceneInputs& inputs, const RenderTarget& target);
    // drawComposed in two halves, for a frame redrawn only where it changed. Brings the layers up to this
    // frame and adds to `damage` the pixels of the frame the scene changed since the last frame composed
    // (everything when the layers or the sky were drawn whole, or the layers cannot be made: then
    // composeInto draws the scene straight)...
    void updateLayers(const SceneInputs& inputs, DamageRegion& damage);
    // ...then composes the scene into `target` within `rectangles` only (pixels, rows from the top).
    void composeInto(const SceneInputs& inputs, const RenderTarget& target, const std::vector<PixelRect>& rectangles);
    Redraw lastRedraw() const { return lastRedraw_; }
    // The next drawComposed redraws its layers whole.
    void forgetLayers() {
        drawn_.valid = false;
        skyDrawn_ = false;
    }
    // Uniforms the shaders lack (each also printed once, when the programs are built).
    std::vector<std::string> warnings() const;

private:
    struct RibbonVertex {
        float centre[2];
        float normal[2];
        float along;
        float across;
        float separation;
    };
    struct SpriteInstance {
        float centre[2];
        float halfSize[2];
        float colour[4];
        float style[4];
    };
    // Instanced sprites of one kind, in a buffer of their own: a buffer the renderer may still be reading
    // is never overwritten in the same frame, which would make a software renderer wait.
    struct SpriteBatch {
        GLuint vao = 0, vbo = 0;
        std::size_t capacity = 0;  // in instances
        std::vector<SpriteInstance> instances;  // reused every frame
    };
    void createSpriteBatch(SpriteBatch& batch);
    void uploadSprites(SpriteBatch& batch);
    // Everything the frame draws, made on the CPU and uploaded: the instances and vertices below.
    void prepare(const SceneInputs& inputs);
    void prepareStars(const FramePlan& plan);
    void prepareRibbons(const SceneInputs& inputs);
    void prepareNodes(const SceneInputs& inputs);
    void preparePlayhead(const FramePlan& plan);
    // The layers of shapes drawComposed keeps: the ribbons, and the beam and the nodes over them.
    enum class ShapeLayer { Ribbons, Marks };
    // The draw calls of the whole scene, from what prepare made; those of all shapes, of one layer's.
    void submit(const SceneInputs& inputs);
    void submitShapes(const SceneInputs& inputs);
    // (`nodes`: the nodes to draw, when not all of them.)
    void submitLayer(const SceneInputs& inputs, ShapeLayer which, const SpriteBatch* nodes = nullptr);
    void drawSky(const SceneInputs& inputs);
    void drawStars(const SceneInputs& inputs, const SpriteBatch& batch);
    // Draws the sky and its stars again in the sky layer where the stars' reading of the clock changed.
    void updateStars(const SceneInputs& inputs);
    void drawRibbons(const SceneInputs& inputs);
    void drawNodes(const SceneInputs& inputs, const SpriteBatch& batch);
    void drawPlayhead(const SceneInputs& inputs);
    // Brings a layer of shapes up to this frame, redrawing what changed since the frame in `drawn_` (whose
    // lanes and number of marks it has); false when nothing did.
    bool updateLayer(const SceneInputs& inputs, const RenderTarget& layer, ShapeLayer which);
    // Clears what changed in the bound layer and marks it in its stencil buffer, with the scissor test set
    // around it (llvmpipe then skips the rest of the layer's tiles); false when nothing changed.
    bool markChanges(const SceneInputs& inputs, ShapeLayer which, GLint reference);
    void remember(const SceneInputs& inputs);
    // Draws the layers of shapes over the bound target, in one pass over the tiles their shapes reach within
    // `rectangles`.
    void layOverShapes(const FramePlan& plan, const std::vector<PixelRect>& rectangles);
    // Adds the rectangles the layers' updates marked, and the stars' changed columns, to `damage`.
    void addDamage(const SceneInputs& inputs, DamageRegion& damage) const;
    // The columns whose reading of the animation clock changed since the layers were drawn.
    std::vector<std::pair<float, float>> changedColumns_;
    DamageRegion ignoredDamage_;           // drawComposed's: it composes the whole target
    std::vector<PixelRect> wholeTarget_;  // drawComposed's one rectangle
    static constexpr int kShapeTile = 64;  // pixels a side
    std::vector<std::uint8_t> shapeTiles_;  // of the last frame laid over: 1 where a shape reaches (rows from the bottom)

    // A rectangle in logical pixels, grown to cover shapes.
    struct LogicalBox {
        float left = 1e30f, top = 1e30f, right = -1e30f, bottom = -1e30f;
        void cover(float x, float y, float halfWidth, float halfHeight) {
            left = std::min(left, x - halfWidth);
            right = std::max(right, x + halfWidth);
            top = std::min(top, y - halfHeight);
            bottom = std::max(bottom, y + halfHeight);
        }
    };
    // The layers' pixels `box` covers, two more each side, within a layer's size (rows from the bottom, as GL
    // counts them); empty when it covers none.
    struct PixelBox {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        bool empty() const { return x1 <= x0 || y1 <= y0; }
    };
    PixelBox pixelsOf(const LogicalBox& box, float pixelScale) const;
    // Enables the scissor test around `box`; false, with the test left off, when the box covers no pixel.
    bool scissorAround(const LogicalBox& box, const FramePlan& plan) const;

    // One ribbon's vertices in the shared buffer, and how it is drawn.
    struct RibbonRange {
        GLint first;
        GLsizei count;
        LaneIndex lane;
        bool forked;
        const LanePalette* palette;
        const LanePalette* parentPalette;
        float glowWidth;
        bool operator==(const RibbonRange&) const = default;
    };
    // What the layers depend on besides the instances and vertices: the uniforms.
    struct FrameKey {
        int pixelWidth = 0, pixelHeight = 0;
        float logicalWidth = 0, logicalHeight = 0, pixelScale = 0;
        float horizonY = 0;
        bool operator==(const FrameKey&) const = default;
    };
    struct DrawnFrame {
        bool valid = false;
        FrameKey key;
        float time = 0;       // the animation clock as the shaders saw it (0 with reduced motion)
        bool still = false;   // with reduced motion
        float playheadX = 0;
        std::vector<RibbonVertex> ribbonVertices;
        std::vector<RibbonRange> ribbonRanges;
        std::vector<SpriteInstance> nodes, playhead;
    };
    static FrameKey keyOf(const FramePlan& plan);
    static float clockOf(const SceneInputs& inputs);

    ShaderProgram sky_, star_, ribbon_, node_, beam_, markSprite_, layer_;
    // Uniform locations, resolved once when the programs are built.
    struct {
        GLint resolution, pixelScale, horizonY, zenith, indigo, violet, horizon, city, cityDarkness, vignette;
    } skyUniforms_{};
    struct {
        GLint viewSize, time, steps, sweep, horizonY, skyTop;
    } starUniforms_{};
    struct {
        GLint viewSize, playheadX, dimAhead, time, steps, sweep, coreColour, hotColour, glowColour, parentColour,
            coreHalfWidth, glowWidth, halfWidth, pattern;
    } ribbonUniforms_{};
    struct {
        GLint viewSize, ringColour, hotColour, searchColour;
    } nodeUniforms_{};
    struct {
        GLint viewSize, beamColour;
    } beamUniforms_{};
    struct {
        GLint viewSize;
    } markSpriteUniforms_{};
    GLuint emptyVao_ = 0;
    GLuint ribbonVao_ = 0, ribbonVbo_ = 0;
    std::size_t ribbonCapacity_ = 0;            // in vertices
    std::vector<RibbonVertex> ribbonVertices_;  // reused every frame
    std::vector<RibbonRange> ribbonRanges_;     // one per lane on screen, reused every frame
    SpriteBatch stars_, nodes_, playhead_;
    SpriteBatch starsInColumns_;  // the stars updateStars draws again
    SpriteBatch changedRibbons_, changedMarks_;  // the rectangles drawComposed marks in each layer
    SpriteBatch nearbyNodes_;  // the nodes that reach into the marked rectangles
    std::vector<Star> starField_;
    float starFieldWidth_ = 0, starFieldHeight_ = 0;  // the logical size the stars were made for
    float starReach_ = 0;  // the farthest a star's sprite reaches from its centre, logical pixels
    RenderTarget skyLayer_;     // the sky alone
    RenderTarget starryLayer_;  // the sky and its stars
    // The ribbons, and the beam and the nodes, each over nothing, premultiplied (with stencil buffers).
    RenderTarget ribbonsLayer_, marksLayer_;
    bool skyDrawn_ = false;
    bool straight_ = false;     // the layers could not be made: the last updateLayers left the scene to draw straight
    FrameKey skyKey_;           // what the sky layer was drawn for
    DrawnFrame drawn_;          // what the layers of shapes hold
    GLint stencilReference_ = 0;  // marks of this frame; earlier frames' marks hold smaller values
    Redraw lastRedraw_ = Redraw::Everything;
};

}  // namespace epilogue
