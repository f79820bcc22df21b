// Draws the timeline scene (sky, lane ribbons, event nodes, playhead) from a layout. GL lives here and
// in the other files of src/render only. Buffers are allocated once and updated in place.
#pragma once

#include "render/shader_program.h"
#include "story/story.h"
#include "timeline/layout.h"

#include <string>
#include <vector>

namespace epilogue {

// Everything one frame of the scene depends on. The same inputs draw the same pixels.
struct SceneInputs {
    const Story* story = nullptr;
    const TimelineLayout* layout = nullptr;
    const TimelineView* view = nullptr;
    double playheadTime = 0;
    EventIndex selectedEvent = kNone;
    EventIndex hoveredEvent = kNone;
    float animationTime = 0;     // seconds; drives twinkle and shimmer
    bool reducedMotion = false;  // stills the twinkle and shimmer
    float logicalWidth = 0, logicalHeight = 0;  // the whole target, logical pixels
    float pixelScale = 1;                       // framebuffer pixels per logical pixel
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
    void drawSky(const SceneInputs& inputs);
    void drawRibbons(const SceneInputs& inputs);
    void drawNodes(const SceneInputs& inputs);
    void drawPlayhead(const SceneInputs& inputs);
    void uploadSprites(const std::vector<SpriteInstance>& sprites);

    ShaderProgram sky_, ribbon_, node_, beam_;
    GLuint emptyVao_ = 0;
    GLuint ribbonVao_ = 0, ribbonVbo_ = 0;
    GLuint spriteVao_ = 0, spriteVbo_ = 0;
    std::size_t ribbonCapacity_ = 0, spriteCapacity_ = 0;  // in elements
    std::vector<RibbonVertex> ribbonVertices_;  // reused every frame
    std::vector<SpriteInstance> sprites_;       // reused every frame
};

}  // namespace epilogue
