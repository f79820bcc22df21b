// The Dear ImGui look of Epilogue's panels: deep violet glass, gold accents.
#pragma once

namespace epilogue {

void applyUiTheme();

}  // namespace epilogue
