// Draws one frame as vectors from its frame plan, the same plan the GL renderer and the canvas text drew
// the PNG from: the sky's gradient and vignette, the stars, the ribbons with their glow, the playhead's beam,
// the nodes, the canvas text and the ruler, and (when the plan has panels) the panels' words in the panels'
// places. What the shaders compute per pixel is sampled into gradients and layered strokes; the colours and
// sizes come from palette.h and scene_look.h, which the renderer reads too.
#pragma once

#include "export/vector_fonts.h"
#include "export/vector_painter.h"
#include "story/story.h"
#include "timeline/frame_plan.h"
#include "timeline/view_state.h"

namespace epilogue {

struct VectorFrameInputs {
    const Story* story = nullptr;
    const FramePlan* plan = nullptr;
    const ViewState* state = nullptr;  // selection, hover, playback (the panels show them)
};

void drawVectorFrame(VectorPainter& painter, const VectorFonts& fonts, const VectorFrameInputs& inputs);

// The panels alone (vector_panels.cpp): their backgrounds and their words, in the plan's panel rectangles.
void drawVectorPanels(VectorPainter& painter, const VectorFonts& fonts, const VectorFrameInputs& inputs);

}  // namespace epilogue
