// Glyphs rasterised on demand with FreeType into pages of RGBA pixels, kept for every later frame: only the
// glyphs text on screen uses, never a whole font (a CJK font has tens of thousands). Outline glyphs are
// white with their coverage as alpha, so they take any colour; colour emoji keep their own colours, scaled
// down from their bitmap strike to the text's size. A glyph no font has is a hollow box. Pure pixels: the
// renderer uploads the pages (render/glyph_textures.h).
#pragma once

#include "text/font_library.h"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace epilogue {

struct AtlasGlyph {
    int page = -1;          // -1: nothing to draw (a space)
    int x = 0, y = 0;       // its pixels' top left in the page
    int width = 0, height = 0;
    int left = 0, top = 0;  // from the pen position on the baseline to the bitmap's top left, y up
    bool colour = false;    // drawn in its own colours
};

class GlyphAtlas {
public:
    static constexpr int kPageSize = 1024;

    // The glyph, rasterised into a page the first time it is asked for. `box` asks for the missing-glyph
    // box in the size of `face`.
    const AtlasGlyph& glyph(FontLibrary& fonts, int face, std::uint32_t glyph, bool box);

    struct Page {
        std::vector<std::uint8_t> rgba;  // kPageSize x kPageSize
        int shelfX = 0, shelfY = 0, shelfHeight = 0;
        int dirtyTop = 0, dirtyBottom = 0;  // rows changed since the renderer last took them
    };
    const std::vector<Page>& pages() const { return pages_; }
    // The rows of a page changed since the last call, [top, bottom); empty when none.
    std::pair<int, int> takeDirtyRows(int page);
    // Forgets every glyph once the pages pass `maxPages` (between frames, never within one).
    void trim(std::size_t maxPages);
    // How many times trim forgot the glyphs: pixels of the pages drawn before then may now hold other glyphs.
    std::uint64_t forgotten() const { return forgotten_; }

private:
    bool reserve(int width, int height, int& page, int& x, int& y);
    void put(const AtlasGlyph& glyph, const std::uint8_t* rgba, int stride);

    std::vector<Page> pages_;
    std::uint64_t forgotten_ = 0;
    std::unordered_map<std::uint64_t, AtlasGlyph> glyphs_;  // by face and glyph
    std::vector<std::uint8_t> scratch_;
};

}  // namespace epilogue
