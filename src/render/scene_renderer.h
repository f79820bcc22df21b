// Draws the timeline scene (sky, lane ribbons, event nodes, playhead) from a frame plan. GL lives here and
// in the other files of src/render only. Buffers are allocated once and updated in place.
#pragma once

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

    bool initialize(std::string& error);  // needs a current GL 3.3 core context
    // Draws into the bound framebuffer, whose viewport covers the whole target.
    void draw(const SceneInputs& inputs);
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
    void drawSky(const SceneInputs& inputs);
    void drawStars(const SceneInputs& inputs);
    void drawRibbons(const SceneInputs& inputs);
    void drawNodes(const SceneInputs& inputs);
    void drawPlayhead(const SceneInputs& inputs);

    // One ribbon's vertices in the shared buffer.
    struct RibbonRange {
        GLint first;
        GLsizei count;
        LaneIndex lane;
    };
    ShaderProgram sky_, star_, ribbon_, node_, beam_;
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
    GLuint emptyVao_ = 0;
    GLuint ribbonVao_ = 0, ribbonVbo_ = 0;
    std::size_t ribbonCapacity_ = 0;            // in vertices
    std::vector<RibbonVertex> ribbonVertices_;  // reused every frame
    std::vector<RibbonRange> ribbonRanges_;     // one per lane on screen, reused every frame
    SpriteBatch stars_, nodes_, playhead_;
    std::vector<Star> starField_;
    float starFieldWidth_ = 0, starFieldHeight_ = 0;  // the logical size the stars were made for
};

}  // namespace epilogue
