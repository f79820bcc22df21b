// Composing, drawing by reference and comparing lines of text as images (see line_images.h).
#include "line_images.h"

#include "app/child_process.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace epilogue::testing {

void LineImage::drawOver(const LineImage& source, int x, int y) {
    for (int sy = 0; sy < source.height; ++sy) {
        const int ty = y + sy;
        if (ty < 0 || ty >= height) continue;
        for (int sx = 0; sx < source.width; ++sx) {
            const int tx = x + sx;
            if (tx < 0 || tx >= width) continue;
            const float* from = source.at(sx, sy);
            float* to = at(tx, ty);
            for (int c = 0; c < 4; ++c) to[c] = from[c] + to[c] * (1.0f - from[3]);
        }
    }
}

LineImage composeGlyphs(FontLibrary& fonts, GlyphAtlas& atlas, const std::vector<PlacedGlyph>& glyphs, float width,
                        float baseline, float height, float margin) {
    LineImage line(static_cast<int>(std::ceil(width + 2 * margin)), static_cast<int>(std::ceil(height)));
    for (const PlacedGlyph& placed : glyphs) {
        const AtlasGlyph& image = atlas.glyph(fonts, placed.face, placed.glyph, placed.box);
        if (image.page < 0) continue;
        const GlyphAtlas::Page& page = atlas.pages()[static_cast<std::size_t>(image.page)];
        LineImage bitmap(image.width, image.height);
        for (int y = 0; y < image.height; ++y) {
            for (int x = 0; x < image.width; ++x) {
                const std::uint8_t* p = &page.rgba[(static_cast<std::size_t>(image.y + y) * GlyphAtlas::kPageSize +
                                                    static_cast<std::size_t>(image.x + x)) * 4];
                const float alpha = p[3] / 255.0f;
                float* out = bitmap.at(x, y);
                // The atlas holds straight alpha: outline glyphs white (drawn here in black), colour glyphs coloured.
                for (int c = 0; c < 3; ++c) out[c] = image.colour ? p[c] / 255.0f * alpha : 0.0f;
                out[3] = alpha;
            }
        }
        const int x = static_cast<int>(std::round(margin)) + static_cast<int>(std::round(placed.x)) + image.left;
        const int y = static_cast<int>(std::round(baseline)) + static_cast<int>(std::round(placed.y)) - image.top;
        line.drawOver(bitmap, x, y);
        line.glyphBoxes.push_back({x, y, x + image.width, y + image.height});
    }
    return line;
}

namespace {

std::string formatNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

bool drawWithHbView(const ReferenceRun& run, float ascent, float descent, LineImage& image, std::string& error) {
    // Transparent background, black text: the PNG's alpha is the coverage. --font-extents fixes the baseline at
    // `ascent` pixels from the top whatever the font's own extents; --margin=0 makes the width the advance.
    SpawnRequest request;
    request.arguments = {"hb-view",
                         "--font-file=" + run.fontFile,
                         "--face-index=" + std::to_string(run.faceIndex),
                         "--font-size=" + formatNumber(run.emPixels),
                         "--font-extents=" + formatNumber(ascent) + "," + formatNumber(descent) + ",0",
                         "--margin=0",
                         "--background=00000000",
                         "--foreground=000000FF",
                         std::string("--direction=") + (run.rightToLeft ? "rtl" : "ltr"),
                         "--output-format=png",
                         "--text=" + run.text};
    request.pipeOutput = true;
    request.pipeError = true;
    ChildProcess child;
    if (!spawnProcess(request, child, error)) {
        error = "cannot run hb-view, which draws the reference (Debian package libharfbuzz-bin; scripts/test.sh "
                "installs it): " + error;
        return false;
    }
    std::string png;
    std::vector<std::string> messages;
    {
        OutputTail errors(std::exchange(child.error, -1));
        const bool read = readAll(child.output, png);
        messages = errors.finish();
        if (!read) png.clear();
    }
    const ExitStatus status = waitForProcess(child);
    if (!status.success() || png.empty()) {
        error = "hb-view " + describeExitStatus(status);
        for (const std::string& line : messages) error += "\n  " + line;
        return false;
    }
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), static_cast<int>(png.size()),
                                            &width, &height, &channels, 4);
    if (!pixels) {
        error = "hb-view's output is not a PNG stb_image reads: " + std::string(stbi_failure_reason());
        return false;
    }
    image = LineImage(width, height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const stbi_uc* p = pixels + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
            const float alpha = p[3] / 255.0f;
            float* out = image.at(x, y);
            for (int c = 0; c < 3; ++c) out[c] = p[c] / 255.0f * alpha;
            out[3] = alpha;
        }
    }
    stbi_image_free(pixels);
    return true;
}

// Colour bitmap fonts (Noto Color Emoji's CBDT strikes): shaped by HarfBuzz with its own OpenType functions on
// a face it reads itself, the strike's BGRA bitmaps from FreeType, scaled to the em size bilinearly (the
// project averages boxes instead).
bool drawColourBitmaps(const ReferenceRun& run, float ascent, float descent, LineImage& image, std::string& error) {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    if (FT_Init_FreeType(&library) != 0 || FT_New_Face(library, run.fontFile.c_str(), run.faceIndex, &face) != 0) {
        if (library) FT_Done_FreeType(library);
        error = "FreeType cannot open " + run.fontFile;
        return false;
    }
    int strike = -1;
    for (int i = 0; i < face->num_fixed_sizes; ++i) {
        const float ppem = static_cast<float>(face->available_sizes[i].y_ppem) / 64.0f;
        if (strike < 0 || std::abs(ppem - run.emPixels) < std::abs(static_cast<float>(face->available_sizes[strike].y_ppem) / 64.0f - run.emPixels)) strike = i;
    }
    if (strike < 0 || FT_Select_Size(face, strike) != 0) {
        FT_Done_Face(face);
        FT_Done_FreeType(library);
        error = run.fontFile + " has no bitmap strike";
        return false;
    }
    const float scale = run.emPixels / static_cast<float>(face->size->metrics.y_ppem);

    hb_blob_t* blob = hb_blob_create_from_file(run.fontFile.c_str());
    hb_face_t* hbFace = hb_face_create(blob, static_cast<unsigned>(run.faceIndex));
    hb_font_t* font = hb_font_create(hbFace);
    const int units = static_cast<int>(std::lround(run.emPixels * 64));
    hb_font_set_scale(font, units, units);
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, run.text.data(), static_cast<int>(run.text.size()), 0, -1);
    hb_buffer_set_direction(buffer, run.rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    float advance = 0;
    for (unsigned i = 0; i < count; ++i) advance += static_cast<float>(positions[i].x_advance) / 64.0f;
    image = LineImage(std::max(1, static_cast<int>(std::ceil(advance))), static_cast<int>(std::ceil(ascent + descent)));
    float pen = 0;
    bool ok = true;
    for (unsigned i = 0; i < count && ok; ++i) {
        const float x0 = pen + static_cast<float>(positions[i].x_offset) / 64.0f;
        const float baseline = ascent - static_cast<float>(positions[i].y_offset) / 64.0f;
        pen += static_cast<float>(positions[i].x_advance) / 64.0f;
        if (FT_Load_Glyph(face, infos[i].codepoint, FT_LOAD_COLOR) != 0) {
            error = "FreeType cannot load glyph " + std::to_string(infos[i].codepoint) + " of " + run.fontFile;
            ok = false;
            break;
        }
        const FT_Bitmap& bitmap = face->glyph->bitmap;
        if (bitmap.width == 0 || bitmap.rows == 0) continue;
        if (bitmap.pixel_mode != FT_PIXEL_MODE_BGRA) {
            error = run.fontFile + " is not a colour bitmap font";
            ok = false;
            break;
        }
        const float left = x0 + static_cast<float>(face->glyph->bitmap_left) * scale;
        const float top = baseline - static_cast<float>(face->glyph->bitmap_top) * scale;
        const int sourceWidth = static_cast<int>(bitmap.width), sourceHeight = static_cast<int>(bitmap.rows);
        auto source = [&](int sx, int sy, int c) {  // premultiplied RGBA from BGRA
            sx = std::clamp(sx, 0, sourceWidth - 1);
            sy = std::clamp(sy, 0, sourceHeight - 1);
            const unsigned char* p = bitmap.buffer + static_cast<std::ptrdiff_t>(sy) * bitmap.pitch + sx * 4;
            static constexpr int kFromBgra[4] = {2, 1, 0, 3};
            return p[kFromBgra[c]] / 255.0f;
        };
        const int x1 = static_cast<int>(std::floor(left)), y1 = static_cast<int>(std::floor(top));
        const int x2 = static_cast<int>(std::ceil(left + static_cast<float>(sourceWidth) * scale));
        const int y2 = static_cast<int>(std::ceil(top + static_cast<float>(sourceHeight) * scale));
        for (int y = std::max(0, y1); y < std::min(image.height, y2); ++y) {
            for (int x = std::max(0, x1); x < std::min(image.width, x2); ++x) {
                const float u = (static_cast<float>(x) + 0.5f - left) / scale - 0.5f;
                const float v = (static_cast<float>(y) + 0.5f - top) / scale - 0.5f;
                if (u < -0.5f || v < -0.5f || u > static_cast<float>(sourceWidth) - 0.5f || v > static_cast<float>(sourceHeight) - 0.5f) continue;
                const int iu = static_cast<int>(std::floor(u)), iv = static_cast<int>(std::floor(v));
                const float fu = u - static_cast<float>(iu), fv = v - static_cast<float>(iv);
                float pixel[4];
                for (int c = 0; c < 4; ++c) {
                    const float top0 = source(iu, iv, c) * (1 - fu) + source(iu + 1, iv, c) * fu;
                    const float top1 = source(iu, iv + 1, c) * (1 - fu) + source(iu + 1, iv + 1, c) * fu;
                    pixel[c] = top0 * (1 - fv) + top1 * fv;
                }
                float* to = image.at(x, y);
                for (int c = 0; c < 4; ++c) to[c] = pixel[c] + to[c] * (1.0f - pixel[3]);
            }
        }
    }
    hb_buffer_destroy(buffer);
    hb_font_destroy(font);
    hb_face_destroy(hbFace);
    hb_blob_destroy(blob);
    FT_Done_Face(face);
    FT_Done_FreeType(library);
    return ok;
}

}  // namespace

bool drawReference(const ReferenceRun& run, float ascent, float descent, LineImage& image, std::string& error) {
    return run.colourBitmaps ? drawColourBitmaps(run, ascent, descent, image, error)
                             : drawWithHbView(run, ascent, descent, image, error);
}

InkBox inkBox(const LineImage& image, float threshold) {
    InkBox box{image.width, image.height, 0, 0};
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            if (image.ink(x, y) <= threshold) continue;
            box.left = std::min(box.left, x);
            box.top = std::min(box.top, y);
            box.right = std::max(box.right, x + 1);
            box.bottom = std::max(box.bottom, y + 1);
        }
    }
    if (box.right <= box.left) box = InkBox{};
    return box;
}

namespace {

// ---- Tolerances ------------------------------------------------------------------------------------------
// Two rasterisers (FreeType with light hinting in the atlas, cairo in hb-view; the atlas's box filter and the
// reference's bilinear one for emoji) put the same outline's edges a fraction of a pixel apart: hinting snaps
// a stem or an accent's top to a pixel in one and not the other, the project puts each glyph on a whole pixel
// and cairo at fractions, and a space from another font (the project sets spaces in the primary font, DejaVu
// Sans) moves what follows by a pixel or two. Measured on every sample, the same text's ink boxes differ by
// at most 3 pixels across and 2 down.
constexpr float kInkThreshold = 0.25f;         // a pixel a quarter covered is ink
constexpr double kSizeSlackPixels = 3;         // the ink boxes' width and height may differ by this much ...
constexpr double kWidthSlackFraction = 0.03;   // ... or by this share of the reference's width, if larger,
constexpr double kHeightSlackFraction = 0.08;  // ... and this share of its height.
// The ink is averaged down to a grid of square cells a sixth of an em wide (4.6 pixels at 27.5): fine enough
// that a glyph spans several cells (reversed letters move ink between cells, a box has ink where a letter has
// none), coarse enough that anti-aliasing and hinting move ink within a cell more than between cells.
constexpr double kCellsPerEm = 6;
// Across, the grid spans the union of the two ink boxes (both lines start their pen on the same column);
// down, the same band about the baseline in both, from 1.5 em above it (Thai's stacked marks, accents on
// capitals) to 0.6 em below, unstretched, so that hinting that moves an accent's top by a pixel does not
// stretch the whole grid. The rendering may sit up to two pixels to either side: the best shift counts.
constexpr double kBandAbove = 1.5;
constexpr double kBandBelow = 0.6;
constexpr int kMaxShift = 2;
// Correlations (Pearson, 1 = the same picture). The same text drawn both ways measured at least 0.96 on the
// whole grid and 0.94 on the column profile (ink per column); text reversed measured at most 0.77 on the grid,
// every glyph a box at most 0.62, Arabic and Devanagari set without shaping 0.59 and 0.58 (the test's messages
// give each script's figures).
constexpr double kMinImageCorrelation = 0.90;
constexpr double kMinProfileCorrelation = 0.90;
// Windows of the grid an em wide (stepping half an em), each correlated alone, so that one wrong glyph among
// thirty, which barely moves the whole line's figure, shows in its window's. The same text measured at least
// 0.86 in every window (emoji, scaled from their bitmaps by two different filters), 0.90 elsewhere.
constexpr double kWindowEms = 1.0;
constexpr double kMinWindowCorrelation = 0.75;
// Glyph by glyph, pixel by pixel: each glyph's rectangle in the rendering (a pixel wider all round) against
// the same place in the reference, both softened by a 3x3 blur, at the best of shifts up to two pixels each
// way (cairo places glyphs at fractions of a pixel and hints otherwise, so each glyph may sit a pixel or two
// off on its own). The share of ink that differs, sum |a - b| / sum (a + b): the same text measured at most
// 0.13 in any glyph; a box in place of any one glyph of any sample at least 0.23 (in place of a "t").
// Rectangles with almost no ink in either (less than a hundredth of an em squared) are not judged.
constexpr int kGlyphShift = 2;
constexpr double kMinGlyphInk = 0.01;
constexpr double kMaxGlyphDifference = 0.18;

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const std::size_t n = std::min(a.size(), b.size());
    if (n == 0) return 0;
    double meanA = 0, meanB = 0;
    for (std::size_t i = 0; i < n; ++i) {
        meanA += a[i];
        meanB += b[i];
    }
    meanA /= static_cast<double>(n);
    meanB /= static_cast<double>(n);
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ab += (a[i] - meanA) * (b[i] - meanB);
        aa += (a[i] - meanA) * (a[i] - meanA);
        bb += (b[i] - meanB) * (b[i] - meanB);
    }
    if (aa < 1e-9 && bb < 1e-9) return 1;  // both flat (blank): alike
    if (aa < 1e-9 || bb < 1e-9) return 0;
    return ab / std::sqrt(aa * bb);
}

// The ink in `box` averaged down to `columns` x `rows` cells, each the area-weighted mean of what it covers.
std::vector<double> grid(const LineImage& image, const InkBox& box, int columns, int rows) {
    std::vector<double> cells(static_cast<std::size_t>(columns) * static_cast<std::size_t>(rows), 0.0);
    const double cellWidth = static_cast<double>(box.width()) / columns, cellHeight = static_cast<double>(box.height()) / rows;
    for (int y = std::max(0, box.top); y < std::min(image.height, box.bottom); ++y) {
        for (int x = std::max(0, box.left); x < std::min(image.width, box.right); ++x) {
            const double ink = image.ink(x, y);
            if (ink <= 0) continue;
            // The pixel [x, x+1) x [y, y+1) spread over the cells it overlaps.
            const double px0 = (x - box.left) / cellWidth, px1 = (x + 1 - box.left) / cellWidth;
            const double py0 = (y - box.top) / cellHeight, py1 = (y + 1 - box.top) / cellHeight;
            for (int cy = static_cast<int>(py0); cy < rows && cy < py1; ++cy) {
                const double overlapY = std::min<double>(py1, cy + 1) - std::max<double>(py0, cy);
                if (overlapY <= 0) continue;
                for (int cx = static_cast<int>(px0); cx < columns && cx < px1; ++cx) {
                    const double overlapX = std::min<double>(px1, cx + 1) - std::max<double>(px0, cx);
                    if (overlapX <= 0) continue;
                    cells[static_cast<std::size_t>(cy) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(cx)] += ink * overlapX * overlapY;
                }
            }
        }
    }
    return cells;
}

// The ink blurred by a 3x3 box: edges that two rasterisers put a fraction of a pixel apart, or a stem one
// spreads over two rows and the other snaps to one, come out nearly alike.
std::vector<double> softened(const LineImage& image) {
    const int w = image.width, h = image.height;
    std::vector<double> blurred(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            double sum = 0;
            for (int ny = std::max(0, y - 1); ny <= std::min(h - 1, y + 1); ++ny) {
                for (int nx = std::max(0, x - 1); nx <= std::min(w - 1, x + 1); ++nx) sum += image.ink(nx, ny);
            }
            blurred[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] = sum / 9;
        }
    }
    return blurred;
}

}  // namespace

Comparison compareLines(const LineImage& rendered, int renderedBaseline, const LineImage& reference, int referenceBaseline,
                        float emPixels) {
    Comparison result;
    const InkBox a = inkBox(rendered, kInkThreshold), b = inkBox(reference, kInkThreshold);
    result.widthA = a.width();
    result.heightA = a.height();
    result.widthB = b.width();
    result.heightB = b.height();
    if (a.empty() || b.empty()) return result;
    result.sizesMatch = std::abs(a.width() - b.width()) <= std::max(kSizeSlackPixels, kWidthSlackFraction * b.width()) &&
                        std::abs(a.height() - b.height()) <= std::max(kSizeSlackPixels, kHeightSlackFraction * b.height());
    // Both lines start their pen at the same column and their baseline on the same row: the grid covers the
    // same region of both, the union of the ink boxes across and a band about the baseline down, in square
    // cells. The rendering may sit up to kMaxShift pixels to either side (whole-pixel glyph placement, hinting
    // at a line's first stroke); the best of those shifts counts.
    const double cell = emPixels / kCellsPerEm;
    const int left = std::min(a.left, b.left), right = std::max(a.right, b.right);
    const int columns = std::max(2, static_cast<int>(std::ceil((right - left) / cell)));
    const int rows = static_cast<int>(std::ceil((kBandAbove + kBandBelow) * kCellsPerEm));
    const int top = referenceBaseline - static_cast<int>(std::lround(kBandAbove * emPixels));
    const int regionWidth = static_cast<int>(std::lround(columns * cell)), regionHeight = static_cast<int>(std::lround(rows * cell));
    const InkBox regionB{left, top, left + regionWidth, top + regionHeight};
    const std::vector<double> gridB = grid(reference, regionB, columns, rows);
    std::vector<double> gridA;
    result.imageCorrelation = -2;
    for (int shift = -kMaxShift; shift <= kMaxShift; ++shift) {
        const int topA = top + renderedBaseline - referenceBaseline;
        const InkBox regionA{left + shift, topA, left + shift + regionWidth, topA + regionHeight};
        std::vector<double> candidate = grid(rendered, regionA, columns, rows);
        const double figure = correlation(candidate, gridB);
        if (figure > result.imageCorrelation) {
            result.imageCorrelation = figure;
            result.shift = shift;
            gridA = std::move(candidate);
        }
    }
    std::vector<double> profileA(static_cast<std::size_t>(columns), 0.0), profileB(static_cast<std::size_t>(columns), 0.0);
    for (int y = 0; y < rows; ++y) {
        for (int x = 0; x < columns; ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(x);
            profileA[static_cast<std::size_t>(x)] += gridA[i];
            profileB[static_cast<std::size_t>(x)] += gridB[i];
        }
    }
    result.profileCorrelation = correlation(profileA, profileB);
    const int window = std::max(2, static_cast<int>(std::lround(kCellsPerEm * kWindowEms)));
    const int step = std::max(1, window / 2);
    result.worstWindowCorrelation = 1;
    for (int start = 0; start < columns; start += step) {
        const int end = std::min(columns, start + window);
        std::vector<double> wa, wb;
        for (int y = 0; y < rows; ++y) {
            for (int x = start; x < end; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(x);
                wa.push_back(gridA[i]);
                wb.push_back(gridB[i]);
            }
        }
        result.worstWindowCorrelation = std::min(result.worstWindowCorrelation, correlation(wa, wb));
        if (end == columns) break;
    }
    // Glyph by glyph: each of the rendering's glyph rectangles (a pixel wider all round) against the same place
    // in the reference, softened, at the best of small shifts.
    {
        const std::vector<double> softA = softened(rendered), softB = softened(reference);
        auto inkAt = [](const std::vector<double>& soft, const LineImage& image, int x, int y) {
            return x >= 0 && y >= 0 && x < image.width && y < image.height
                       ? soft[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)]
                       : 0.0;
        };
        const int offsetY = renderedBaseline - referenceBaseline;
        const double minInk = kMinGlyphInk * emPixels * emPixels;
        for (const InkBox& glyph : rendered.glyphBoxes) {
            double best = 1;
            bool counted = false;
            for (int dy = -kGlyphShift; dy <= kGlyphShift; ++dy) {
                for (int dx = -kGlyphShift; dx <= kGlyphShift; ++dx) {
                    double differs = 0, total = 0;
                    for (int y = glyph.top - 1; y < glyph.bottom + 1; ++y) {
                        for (int x = glyph.left - 1; x < glyph.right + 1; ++x) {
                            const double inkA = inkAt(softA, rendered, x, y);
                            const double inkB = inkAt(softB, reference, x - result.shift + dx, y - offsetY + dy);
                            differs += std::abs(inkA - inkB);
                            total += inkA + inkB;
                        }
                    }
                    if (total < minInk) continue;
                    counted = true;
                    best = std::min(best, differs / total);
                }
            }
            if (counted) result.worstGlyphDifference = std::max(result.worstGlyphDifference, best);
        }
    }
    result.passes = result.sizesMatch && result.imageCorrelation >= kMinImageCorrelation &&
                    result.profileCorrelation >= kMinProfileCorrelation &&
                    result.worstWindowCorrelation >= kMinWindowCorrelation && result.worstGlyphDifference <= kMaxGlyphDifference;
    return result;
}

std::string Comparison::describe() const {
    char text[320];
    std::snprintf(text, sizeof text, "ink %dx%d vs reference %dx%d%s; correlation (shifted %+d px): image %.3f, columns %.3f, "
                  "worst window %.3f; worst glyph's ink differing %.3f: %s", widthA, heightA, widthB, heightB,
                  sizesMatch ? "" : " (sizes differ)", shift, imageCorrelation, profileCorrelation, worstWindowCorrelation,
                  worstGlyphDifference, passes ? "alike" : "different");
    return text;
}

int colouredPixels(const LineImage& image, float saturation) {
    int count = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const float* p = image.at(x, y);
            if (p[3] < 0.5f) continue;
            const float r = p[0] / p[3], g = p[1] / p[3], b = p[2] / p[3];
            if (std::max({r, g, b}) - std::min({r, g, b}) > saturation) ++count;
        }
    }
    return count;
}

bool writeLinePng(const LineImage& image, const std::string& path) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 3);
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const float* p = image.at(x, y);
            for (int c = 0; c < 3; ++c) {
                const float onWhite = p[c] + (1.0f - p[3]);
                rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) + static_cast<std::size_t>(x)) * 3 + static_cast<std::size_t>(c)] =
                    static_cast<std::uint8_t>(std::lround(std::clamp(onWhite, 0.0f, 1.0f) * 255.0f));
            }
        }
    }
    return stbi_write_png(path.c_str(), image.width, image.height, 3, rgb.data(), image.width * 3) != 0;
}

}  // namespace epilogue::testing
