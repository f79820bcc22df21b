// The faces of the vector pictures: the same font files and sizes as the window's (scene_look.h's FaceSpec,
// found through fontconfig), opened with cairo, measured without hinting as Dear ImGui measures them, so a
// word is as wide in the PDF or SVG as in the PNG. Also a TextMeasurer for laying out panel text.
#pragma once

#include "timeline/frame_plan.h"

#include <array>
#include <string>
#include <string_view>

typedef struct _cairo cairo_t;
typedef struct _cairo_font_face cairo_font_face_t;
typedef struct _cairo_surface cairo_surface_t;

namespace epilogue {

// The faces: the canvas's four (TextStyle) and the panels' quoting serif.
enum class VectorFace { Body, Bold, Title, Small, Quote };
VectorFace faceFor(TextStyle style);

struct FaceMetrics {
    std::string family;  // as fontconfig names it ("DejaVu Sans")
    bool bold = false, italic = false, serif = false;
    float emSize = 12;   // cairo's and SVG's font size for the face's pixel height
    float baseline = 12; // from the top of a line of text to its baseline, rounded as ImGui rounds it
    float lineHeight = 15;
};

class VectorFonts {
public:
    VectorFonts();
    ~VectorFonts();
    VectorFonts(const VectorFonts&) = delete;
    VectorFonts& operator=(const VectorFonts&) = delete;

    const FaceMetrics& metrics(VectorFace face) const { return metrics_[static_cast<std::size_t>(face)]; }
    cairo_font_face_t* cairoFace(VectorFace face) const { return faces_[static_cast<std::size_t>(face)]; }
    float width(VectorFace face, std::string_view text) const;
    // Sets `cairo`'s font to `face` (size and options included).
    void select(cairo_t* cairo, VectorFace face) const;

private:
    std::array<FaceMetrics, 5> metrics_;
    std::array<cairo_font_face_t*, 5> faces_{};
    cairo_surface_t* scratchSurface_ = nullptr;
    cairo_t* scratch_ = nullptr;  // measures text
};

// Measures canvas text as the vector pictures set it.
class VectorTextMeasurer : public TextMeasurer {
public:
    explicit VectorTextMeasurer(const VectorFonts& fonts) : fonts_(fonts) {}
    glm::vec2 measure(TextStyle style, std::string_view text) const override;

private:
    const VectorFonts& fonts_;
};

}  // namespace epilogue
