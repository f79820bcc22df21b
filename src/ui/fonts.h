// The fonts of the interface, found through fontconfig among the system's TTF fonts (DejaVu on Debian)
// and rasterised at the pixel scale, so text is sharp on HiDPI screens and in scaled screenshots.
#pragma once

#include <string>

struct ImFont;

namespace epilogue {

struct UiFonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* title = nullptr;
    ImFont* small = nullptr;
    ImFont* quote = nullptr;   // italic serif, for the words of the characters and critics
    ImFont* caption = nullptr; // the tour's captions, when no story font can be opened (the typesetter sets them)
    std::string bodyPath;      // the file the body font came from; empty when falling back
};

// Loads the fonts into the current ImGui context's atlas at `pixelScale` and sets the global scale so
// that sizes stay in logical pixels. Falls back to ImGui's built-in font, with a warning on stderr,
// when no TTF font can be found. Call before the renderer backend builds its font texture.
UiFonts loadUiFonts(float pixelScale);

// Finds a font file for a fontconfig pattern such as "DejaVu Sans:bold"; empty when none matches a
// scalable font.
std::string findFontFile(const std::string& pattern);

}  // namespace epilogue
