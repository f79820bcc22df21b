// Rasterising glyphs into the atlas's pages, packed on shelves.
#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>

namespace epilogue {

namespace {

constexpr int kPadding = 1;  // clear pixels around each glyph, so filtering never reaches a neighbour

// Averages a premultiplied RGBA image down to `toWidth` x `toHeight` (each result pixel the mean of the
// source pixels it covers), then un-premultiplies it.
void downsample(const std::vector<std::uint8_t>& from, int width, int height, std::vector<std::uint8_t>& to, int toWidth,
                int toHeight) {
    to.assign(static_cast<std::size_t>(toWidth) * static_cast<std::size_t>(toHeight) * 4, 0);
    for (int y = 0; y < toHeight; ++y) {
        const int y0 = y * height / toHeight, y1 = std::max(y0 + 1, (y + 1) * height / toHeight);
        for (int x = 0; x < toWidth; ++x) {
            const int x0 = x * width / toWidth, x1 = std::max(x0 + 1, (x + 1) * width / toWidth);
            float sum[4] = {0, 0, 0, 0};
            for (int sy = y0; sy < y1; ++sy) {
                for (int sx = x0; sx < x1; ++sx) {
                    const std::uint8_t* p = &from[(static_cast<std::size_t>(sy) * static_cast<std::size_t>(width) + static_cast<std::size_t>(sx)) * 4];
                    for (int c = 0; c < 4; ++c) sum[c] += p[c];
                }
            }
            const float count = static_cast<float>((y1 - y0) * (x1 - x0));
            std::uint8_t* out = &to[(static_cast<std::size_t>(y) * static_cast<std::size_t>(toWidth) + static_cast<std::size_t>(x)) * 4];
            const float alpha = sum[3] / count;
            for (int c = 0; c < 3; ++c) {
                out[c] = static_cast<std::uint8_t>(alpha > 0 ? std::min(255.0f, std::round(sum[c] / count * 255.0f / alpha)) : 0);
            }
            out[3] = static_cast<std::uint8_t>(std::round(alpha));
        }
    }
}

}  // namespace

bool GlyphAtlas::reserve(int width, int height, int& page, int& x, int& y) {
    const int w = width + 2 * kPadding, h = height + 2 * kPadding;
    if (w > kPageSize || h > kPageSize) return false;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (pages_.empty() || attempt == 1) {
            pages_.emplace_back();
            pages_.back().rgba.assign(static_cast<std::size_t>(kPageSize) * kPageSize * 4, 0);
        }
        Page& last = pages_.back();
        if (last.shelfX + w > kPageSize) {  // a new shelf under the last one
            last.shelfY += last.shelfHeight;
            last.shelfX = 0;
            last.shelfHeight = 0;
        }
        if (last.shelfY + h > kPageSize) continue;  // the page is full: a new one
        page = static_cast<int>(pages_.size() - 1);
        x = last.shelfX + kPadding;
        y = last.shelfY + kPadding;
        last.shelfX += w;
        last.shelfHeight = std::max(last.shelfHeight, h);
        return true;
    }
    return false;
}

void GlyphAtlas::put(const AtlasGlyph& glyph, const std::uint8_t* rgba, int stride) {
    Page& page = pages_[static_cast<std::size_t>(glyph.page)];
    for (int row = 0; row < glyph.height; ++row) {
        std::copy_n(rgba + static_cast<std::ptrdiff_t>(row) * stride, glyph.width * 4,
                    &page.rgba[(static_cast<std::size_t>(glyph.y + row) * kPageSize + static_cast<std::size_t>(glyph.x)) * 4]);
    }
    const int top = glyph.y - kPadding, bottom = glyph.y + glyph.height + kPadding;
    if (page.dirtyTop == page.dirtyBottom) {
        page.dirtyTop = top;
        page.dirtyBottom = bottom;
    } else {
        page.dirtyTop = std::min(page.dirtyTop, top);
        page.dirtyBottom = std::max(page.dirtyBottom, bottom);
    }
}

const AtlasGlyph& GlyphAtlas::glyph(FontLibrary& fonts, int face, std::uint32_t glyphIndex, bool box) {
    const std::uint64_t key = (static_cast<std::uint64_t>(face) << 33) | (box ? 1ull << 32 : 0) | glyphIndex;
    auto found = glyphs_.find(key);
    if (found != glyphs_.end()) return found->second;
    AtlasGlyph& made = glyphs_[key];
    const LoadedFace& loaded = fonts.face(face);
    int width = 0, height = 0;
    scratch_.clear();

    if (box) {
        // The missing glyph: a hollow box, half an em wide and most of one high.
        const float em = loaded.emPixels;
        width = std::max(3, static_cast<int>(std::lround(em * 0.5f)));
        height = std::max(4, static_cast<int>(std::lround(em * 0.72f)));
        const int line = std::max(1, static_cast<int>(std::lround(em / 14)));
        scratch_.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 255);
        for (int y = line; y < height - line; ++y) {
            for (int x = line; x < width - line; ++x) scratch_[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4 + 3] = 0;
        }
        made.left = static_cast<int>(std::lround(em * 0.08f));
        made.top = height;
    } else {
        FT_Face ft = loaded.face;
        const FT_Int32 flags = loaded.colour ? FT_LOAD_COLOR : (FT_LOAD_TARGET_LIGHT | FT_LOAD_COLOR);
        if (FT_Load_Glyph(ft, glyphIndex, flags) != 0) return made;
        if (ft->glyph->format != FT_GLYPH_FORMAT_BITMAP && FT_Render_Glyph(ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return made;
        const FT_Bitmap& bitmap = ft->glyph->bitmap;
        width = static_cast<int>(bitmap.width);
        height = static_cast<int>(bitmap.rows);
        if (width == 0 || height == 0) return made;
        made.left = ft->glyph->bitmap_left;
        made.top = ft->glyph->bitmap_top;
        scratch_.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
        for (int y = 0; y < height; ++y) {
            const std::uint8_t* row = bitmap.buffer + static_cast<std::ptrdiff_t>(y) * bitmap.pitch;
            for (int x = 0; x < width; ++x) {
                std::uint8_t* out = &scratch_[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4];
                if (bitmap.pixel_mode == FT_PIXEL_MODE_BGRA) {  // premultiplied, kept so until downsampled
                    out[0] = row[x * 4 + 2];
                    out[1] = row[x * 4 + 1];
                    out[2] = row[x * 4 + 0];
                    out[3] = row[x * 4 + 3];
                } else {
                    const std::uint8_t coverage = bitmap.pixel_mode == FT_PIXEL_MODE_MONO
                                                      ? ((row[x / 8] >> (7 - x % 8)) & 1 ? 255 : 0)
                                                      : row[x];
                    out[0] = out[1] = out[2] = 255;
                    out[3] = coverage;
                }
            }
        }
        made.colour = bitmap.pixel_mode == FT_PIXEL_MODE_BGRA;
        if (made.colour) {
            // Bitmap strikes are larger than the text: averaged down to its size, then straight alpha.
            const int toWidth = std::max(1, static_cast<int>(std::lround(static_cast<float>(width) * loaded.scale)));
            const int toHeight = std::max(1, static_cast<int>(std::lround(static_cast<float>(height) * loaded.scale)));
            std::vector<std::uint8_t> scaled;
            downsample(scratch_, width, height, scaled, toWidth, toHeight);
            scratch_.swap(scaled);
            made.left = static_cast<int>(std::lround(static_cast<float>(made.left) * loaded.scale));
            made.top = static_cast<int>(std::lround(static_cast<float>(made.top) * loaded.scale));
            width = toWidth;
            height = toHeight;
        }
    }
    if (!reserve(width, height, made.page, made.x, made.y)) {
        made.page = -1;
        return made;
    }
    made.width = width;
    made.height = height;
    put(made, scratch_.data(), width * 4);
    return made;
}

std::pair<int, int> GlyphAtlas::takeDirtyRows(int page) {
    Page& p = pages_[static_cast<std::size_t>(page)];
    const std::pair<int, int> rows{std::max(0, p.dirtyTop), std::min(kPageSize, p.dirtyBottom)};
    p.dirtyTop = p.dirtyBottom = 0;
    return rows;
}

void GlyphAtlas::trim(std::size_t maxPages) {
    if (pages_.size() <= maxPages) return;
    pages_.clear();
    glyphs_.clear();
    ++forgotten_;
}

}  // namespace epilogue
