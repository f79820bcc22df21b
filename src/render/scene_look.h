// The look of a frame beyond the lanes' own colours (palette.h): the sky's colours, the stars', the
// playhead's, the nodes' white-hot centres and rings, the moonlight the ruler and captions are drawn in,
// and how far the glows reach. One place for them, read by the GL renderer (as uniforms), the canvas text
// and the vector pictures (SVG, PDF), so all draw the same frame. Plain data, no GL.
#pragma once

#include "render/palette.h"

namespace epilogue {

// The magic-hour sky (shaders/sky.frag): from the horizon glow up through violet and indigo to the zenith,
// and the dark city below the horizon.
inline constexpr Colour kSkyZenith{0.030f, 0.032f, 0.105f};
inline constexpr Colour kSkyIndigo{0.085f, 0.060f, 0.215f};
inline constexpr Colour kSkyViolet{0.230f, 0.110f, 0.330f};
inline constexpr Colour kSkyHorizon{0.520f, 0.230f, 0.380f};
inline constexpr Colour kCity{0.045f, 0.030f, 0.085f};
inline constexpr float kCityDarkness = 0.9f;  // how far the city below the horizon darkens the sky
inline constexpr float kVignette = 0.35f;     // the sky darkens by this times the squared distance from the centre

inline constexpr Colour kStarColour{0.93f, 0.90f, 1.0f};
inline constexpr Colour kBeamColour{1.0f, 0.97f, 0.88f};   // the playhead's line of light
inline constexpr float kBeamHalfWidth = 22.0f;              // its glow reaches this far either side
inline constexpr Colour kNodeHotColour{1.0f, 0.97f, 0.9f};  // the white-hot centre of a node
inline constexpr Colour kSearchRing{0.45f, 0.95f, 1.0f};    // a match of the search, on the nodes and the caption
inline constexpr Colour kMoonlight{0.86f, 0.84f, 0.98f};    // the ruler, era names and captions
inline constexpr Colour kTitleColour{1.0f, 0.97f, 0.92f};   // the story's title over the canvas
inline constexpr float kTextShadowAlpha = 0.55f;            // the shadow one pixel under canvas text

// What lies ahead of the playhead is this bright (ribbons).
inline constexpr float kDimAhead = 0.42f;
// A ribbon's strip reaches its core's half width plus this many times its glow width either side.
inline constexpr float kRibbonGlowReach = 2.2f;

// The canvas text and the ruler (src/ui/canvas_labels.cpp draws them in the window).
struct CanvasTextLook {
    float creditAlpha = 0.7f;
    Colour pill{0.035f, 0.025f, 0.09f};  // behind a lane's name
    float pillAlpha = 0.82f, pillBorderAlpha = 0.35f, pillRadius = 6.0f;
    float laneNameAlpha = 0.95f;
    float overNodeFade = 0.4f;           // a lane name over a node lets it show through
    float noticeAlpha = 0.85f;
    Colour captionBox{0.03f, 0.06f, 0.09f};
    float captionBoxAlpha = 0.85f, captionBorderAlpha = 0.6f;
    Colour rulerBand{0.02f, 0.01f, 0.05f};
    float rulerBandAlpha = 0.55f, rulerEdgeAlpha = 0.28f;
    float oddEraAlpha = 0.045f, eraLineSkyAlpha = 0.07f, eraLineRulerAlpha = 0.35f, eraNameAlpha = 0.62f;
    float eraLineTopShare = 0.08f;       // an era's boundary starts this share of the canvas height below its top
    float majorTickLength = 9.0f, minorTickLength = 4.0f, majorTickAlpha = 0.45f, minorTickAlpha = 0.22f;
    float tickLabelAlpha = 0.5f;
    Colour pointerTag{0.12f, 0.1f, 0.22f};
    Colour knob{1.0f, 0.95f, 0.85f};     // the playhead's mark on the ruler and its knob
    float knobAlpha = 0.95f, knobGlowAlpha = 0.25f, knobRadius = 4.0f, knobGlowRadius = 7.0f;
};
inline constexpr CanvasTextLook kCanvasText{};

// How bright an event's label is: its event emphasised (selected, hovered, a match), dimmed by a search,
// reached by the playhead, or still ahead.
inline float eventLabelAlpha(bool emphasised, bool dimmed, bool passed) {
    return emphasised ? 1.0f : dimmed ? 0.3f : passed ? 0.92f : 0.55f;
}

// The faces text is set in: a fontconfig pattern and the height in logical pixels from the highest ascender
// to the lowest descender (as Dear ImGui sizes a font), for the window's fonts and the vector pictures alike.
struct FaceSpec {
    const char* pattern;
    float pixelHeight;
};
inline constexpr FaceSpec kBodyFace{"DejaVu Sans", 15.0f};
inline constexpr FaceSpec kBoldFace{"DejaVu Sans:bold", 15.0f};
inline constexpr FaceSpec kTitleFace{"DejaVu Sans:bold", 22.0f};
inline constexpr FaceSpec kSmallFace{"DejaVu Sans", 12.5f};
inline constexpr FaceSpec kQuoteFace{"DejaVu Serif:italic", 16.0f};  // the words of the characters and critics

}  // namespace epilogue
