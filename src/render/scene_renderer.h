// Draws the timeline scene (sky, lane ribbons, event nodes, playhead) from a frame plan. GL lives here and
// in the other files of src/render only. Buffers are allocated once and updated in place.
//
// Drawing only what changed (drawComposed): the frame is composed from layers kept between frames. The sky
// is drawn once into a layer of its own (it depends only on the size and the horizon) and copied into the
// target every frame; the stars are drawn over it every frame (small sprites, twinkling); the ribbons, the
// playhead and the nodes lie in a second layer, premultiplied, laid over the stars. That layer is redrawn
// whole only when the view, the size or the lanes change; otherwise only the pixels that can differ from
// what it holds are: the shimmering dream ribbons (when the animation clock moved), the band of the
// ribbons the playhead's dimming swept, the beam where it was and where it is, and the nodes whose look
// changed (passed by the playhead, selected, hovered, matched), where they were and where they are. Those
// shapes are cleared and marked in the stencil buffer, drawn with their own vertex shaders so that they
// cover exactly the pixels their drawing touches, and the layer's shapes are then drawn through the
// stencil test, so the layer is bit for bit what a whole redraw of it gives. Laying the layer over the
// stars rounds its colours to 8 bits once more than drawing its shapes straight over them: the frame
// differs from draw()'s by a step or two of 255 where ribbons and nodes lie (tests/gl/frame_tests.cpp).
#pragma once

#include "render/palette.h"
#include "render/render_target.h"
#include "render/shader_program.h"
#include "render/star_field.h"
#include "story/story.h"
#include "timeline/frame_plan.h"

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
    // The draw calls of the whole scene, from what prepare made; those of the ribbons, playhead and nodes.
    void submit(const SceneInputs& inputs);
    void submitShapes(const SceneInputs& inputs);
    void drawSky(const SceneInputs& inputs);
    void drawStars(const SceneInputs& inputs);
    void drawRibbons(const SceneInputs& inputs);
    void drawNodes(const SceneInputs& inputs);
    void drawPlayhead(const SceneInputs& inputs);
    // Brings the layer of ribbons, playhead and nodes up to this frame.
    void updateShapes(const SceneInputs& inputs);
    // Clears and marks in the stencil buffer what changed since the frame in `drawn_`; false when
    // everything must be redrawn, with `anything` false when nothing changed.
    bool markChanges(const SceneInputs& inputs, GLint reference, bool& anything);
    void remember(const SceneInputs& inputs);
    void layOver(const RenderTarget& layer, const FramePlan& plan);  // draws `layer` over the bound target

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
        float playheadX = 0;
        std::vector<RibbonVertex> ribbonVertices;
        std::vector<RibbonRange> ribbonRanges;
        std::vector<SpriteInstance> nodes, playhead;
    };
    static FrameKey keyOf(const FramePlan& plan);
    static float clockOf(const SceneInputs& inputs);

    ShaderProgram sky_, star_, ribbon_, node_, beam_, markSprite_, markRibbon_, layer_;
    // Uniform locations, resolved once when the programs are built.
    struct {
        GLint resolution, pixelScale, horizonY, zenith, indigo, violet, horizon, city, cityDarkness, vignette;
    } skyUniforms_{};
    struct {
        GLint viewSize, time, horizonY, skyTop;
    } starUniforms_{};
    struct {
        GLint viewSize, playheadX, dimAhead, time, coreColour, hotColour, glowColour, parentColour, coreHalfWidth,
            glowWidth, halfWidth, pattern;
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
    struct {
        GLint viewSize, halfWidth;
    } markRibbonUniforms_{};
    GLint layerSampler_ = -1;
    GLuint emptyVao_ = 0;
    GLuint ribbonVao_ = 0, ribbonVbo_ = 0;
    std::size_t ribbonCapacity_ = 0;            // in vertices
    std::vector<RibbonVertex> ribbonVertices_;  // reused every frame
    std::vector<RibbonRange> ribbonRanges_;     // one per lane on screen, reused every frame
    SpriteBatch stars_, nodes_, playhead_;
    SpriteBatch changed_;  // the rectangles drawComposed marks besides the dream ribbons
    std::vector<Star> starField_;
    float starFieldWidth_ = 0, starFieldHeight_ = 0;  // the logical size the stars were made for
    RenderTarget skyLayer_;     // the sky alone
    RenderTarget shapesLayer_;  // the ribbons, playhead and nodes over nothing, premultiplied (with a stencil buffer)
    bool skyDrawn_ = false;
    FrameKey skyKey_;           // what the sky layer was drawn for
    DrawnFrame drawn_;          // what the shapes layer holds
    GLint stencilReference_ = 0;  // marks of this frame; earlier frames' marks hold smaller values
    Redraw lastRedraw_ = Redraw::Everything;
};

}  // namespace epilogue
