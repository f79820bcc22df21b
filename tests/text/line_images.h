// Lines of text as images on the CPU, for the reference tests: the project's own glyphs (FontLibrary,
// TextShaper, GlyphAtlas) composed at their shaped positions; references drawn without the project's code,
// by hb-view (HarfBuzz shaping, cairo rasterising) or, for colour bitmap fonts that hb-view draws blank,
// by HarfBuzz and FreeType directly; and the comparison of two such images that tolerates two rasterisers'
// anti-aliasing but not a missing, unshaped or misordered glyph.
#pragma once

#include "text/font_library.h"
#include "text/glyph_atlas.h"
#include "text/text_shaper.h"

#include <string>
#include <vector>

namespace epilogue::testing {

// A rectangle of pixels.
struct InkBox {
    int left = 0, top = 0, right = 0, bottom = 0;  // right and bottom exclusive
    int width() const { return right - left; }
    int height() const { return bottom - top; }
    bool empty() const { return right <= left || bottom <= top; }
};

// Premultiplied RGBA, 0..1, row by row. `ink` is the alpha: how much of a pixel the text covers.
struct LineImage {
    int width = 0, height = 0;
    std::vector<float> rgba;
    std::vector<InkBox> glyphBoxes;  // where each glyph's bitmap went, for a line composed of glyphs
    LineImage() = default;
    LineImage(int w, int h) : width(w), height(h), rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0.0f) {}
    float ink(int x, int y) const { return rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4 + 3]; }
    float* at(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4]; }
    const float* at(int x, int y) const { return &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4]; }
    // Draws `source` over this image with its top left at (x, y) (clipped).
    void drawOver(const LineImage& source, int x, int y);
};

// One glyph to draw with the project's atlas: its face and index, its pen position (pixels, y down from the
// baseline) and whether it is the missing-glyph box.
struct PlacedGlyph {
    int face = 0;
    std::uint32_t glyph = 0;
    float x = 0, y = 0;
    bool box = false;
};

// The glyphs composed as the renderer draws them: each atlas bitmap at the pen position rounded to a pixel,
// outline glyphs in black (their coverage as alpha), colour glyphs in their own colours. The baseline is at
// `baseline` pixels from the top, the line starts `margin` pixels from the left.
LineImage composeGlyphs(FontLibrary& fonts, GlyphAtlas& atlas, const std::vector<PlacedGlyph>& glyphs, float width,
                        float baseline, float height, float margin);

// A run of text drawn by someone else: in one font file at one em size, in one direction.
struct ReferenceRun {
    std::string text;
    std::string fontFile;
    int faceIndex = 0;
    float emPixels = 0;
    bool rightToLeft = false;
    bool colourBitmaps = false;  // drawn by HarfBuzz and FreeType here, since hb-view draws such fonts blank
};

// The run drawn by `hb-view` (run without a shell), or directly by HarfBuzz and FreeType for colour bitmap
// fonts. The image's baseline is at `ascent` pixels from its top, its height `ascent + descent`, its width
// the run's advance. On failure returns false with a message saying why (hb-view missing included).
bool drawReference(const ReferenceRun& run, float ascent, float descent, LineImage& image, std::string& error);


// The smallest rectangle that holds every pixel with more ink than `threshold`.
InkBox inkBox(const LineImage& image, float threshold);

struct Comparison {
    int widthA = 0, heightA = 0, widthB = 0, heightB = 0;  // the ink boxes
    double imageCorrelation = 0;  // of the two ink boxes, each averaged down to the same grid
    double profileCorrelation = 0;  // of the ink per column, over the same number of columns
    double worstWindowCorrelation = 0;  // the lowest of the grid's correlations in windows about an em wide
    // The highest, over the rendering's glyphs, of the share of ink that differs in the glyph's rectangle,
    // at the best of small shifts of it (0: the same, 1: nothing in common).
    double worstGlyphDifference = 0;
    int shift = 0;  // pixels the rendering was moved across to fit the reference best
    bool sizesMatch = false;
    bool passes = false;
    std::string describe() const;
};

// Compares a rendering with its reference, given the rows of their baselines (and, glyph by glyph, where
// the rendering's glyphs are); the tolerances are explained where they are defined.
Comparison compareLines(const LineImage& rendered, int renderedBaseline, const LineImage& reference, int referenceBaseline,
                        float emPixels);

// How many pixels of the image are strongly coloured: saturation (max - min of the straight colour) above
// `saturation`, and at least half covered.
int colouredPixels(const LineImage& image, float saturation);

// Writes the image as a PNG (on white) for looking at a failure; returns false when it cannot.
bool writeLinePng(const LineImage& image, const std::string& path);

}  // namespace epilogue::testing
