// A card centred over everything else, which dims behind it: the help and the built-in story chooser.
// Opaque, so that no canvas label or panel shows through its text, and never larger than the window
// (less a margin): a card with more than fits scrolls.
#pragma once

#include "ui/fonts.h"

namespace epilogue {

// Begins the card's ImGui window and writes its heading. `maxHeight` 0: as tall as its content. Always
// pair with endModalCard(), whatever this returns (as ImGui::Begin and ImGui::End).
bool beginModalCard(const char* name, const char* heading, float logicalWidth, float logicalHeight, float maxWidth,
                    float maxHeight, const UiFonts& fonts);
void endModalCard();

}  // namespace epilogue
