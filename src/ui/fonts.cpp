// Font discovery with fontconfig and loading into the ImGui atlas.
#include "ui/fonts.h"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <cstdio>

namespace epilogue {

namespace {

// Latin, Latin-1, and the typographic punctuation the article uses: curly quotes, dashes, ellipsis.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0x25A0, 0x25FF, 0};

}  // namespace

std::string findFontFile(const std::string& pattern) {
    if (!FcInit()) return {};
    std::string path;
    FcPattern* query = FcNameParse(reinterpret_cast<const FcChar8*>(pattern.c_str()));
    if (!query) return {};
    FcConfigSubstitute(nullptr, query, FcMatchPattern);
    FcDefaultSubstitute(query);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, query, &result);
    if (match) {
        FcChar8* file = nullptr;
        FcBool scalable = FcFalse;
        FcPatternGetBool(match, FC_SCALABLE, 0, &scalable);
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && scalable) {
            path = reinterpret_cast<const char*>(file);
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(query);
    return path;
}

UiFonts loadUiFonts(float pixelScale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    UiFonts fonts;
    fonts.bodyPath = findFontFile("DejaVu Sans");
    if (fonts.bodyPath.empty()) fonts.bodyPath = findFontFile("sans-serif");
    if (fonts.bodyPath.empty()) {
        std::fprintf(stderr, "epilogue: warning: no TrueType font found through fontconfig; using the built-in "
                             "bitmap font (install fonts-dejavu-core for sharp text)\n");
        ImFontConfig config;
        config.SizePixels = 13.0f * pixelScale;
        fonts.body = io.Fonts->AddFontDefault(&config);
        fonts.bold = fonts.title = fonts.small = fonts.quote = fonts.caption = fonts.body;
        io.FontGlobalScale = 1.0f / pixelScale;
        return fonts;
    }
    auto load = [&](const std::string& pattern, float size) -> ImFont* {
        std::string path = findFontFile(pattern);
        if (path.empty()) path = fonts.bodyPath;
        ImFontConfig config;
        config.OversampleH = 2;
        config.OversampleV = 1;
        ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), size * pixelScale, &config, kGlyphRanges);
        return font ? font : io.Fonts->Fonts.empty() ? io.Fonts->AddFontDefault() : io.Fonts->Fonts[0];
    };
    fonts.body = load("DejaVu Sans", 15.0f);  // the first font added is ImGui's default
    fonts.bold = load("DejaVu Sans:bold", 15.0f);
    fonts.title = load("DejaVu Sans:bold", 22.0f);
    fonts.small = load("DejaVu Sans", 12.5f);
    fonts.quote = load("DejaVu Serif:italic", 16.0f);
    fonts.caption = fonts.body;  // measured at the caption's size; captions are set by the story typesetter
    io.FontGlobalScale = 1.0f / pixelScale;
    return fonts;
}

}  // namespace epilogue
