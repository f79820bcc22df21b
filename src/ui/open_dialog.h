// The built-in story chooser, for a window with no desktop chooser (no zenity or kdialog, or no desktop at
// all): a path to type (Enter opens a file, or goes into a folder), the folder's subfolders and story files
// to click, and a way up. Escape closes it.
#pragma once

#include "app/directory_listing.h"
#include "timeline/view.h"
#include "ui/fonts.h"
#include "ui/panel_text.h"
#include "ui/text_box.h"
#include "ui/ui_requests.h"

#include <string>

namespace epilogue {

class OpenDialog {
public:
    // Draws the chooser over the whole frame, listing `startDirectory` when it has just been shown.
    void draw(float logicalWidth, float logicalHeight, const std::string& startDirectory, const TextBoxInput& typing,
              const UiFonts& fonts, PanelText& text, UiRequests& requests);
    // The chooser was closed: the next showing starts afresh.
    void hidden() { shown_ = false; }

private:
    void enter(const std::string& directory);

    bool shown_ = false;
    DirectoryListing listing_;
    TextBox path_;            // the path field
};

}  // namespace epilogue
