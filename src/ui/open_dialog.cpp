// The built-in story chooser.
#include "ui/open_dialog.h"

#include "ui/modal_card.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>

namespace epilogue {

void OpenDialog::enter(const std::string& directory) {
    listing_ = listStoryDirectory(directory);
    path_ = listing_.directory == "/" ? "/" : listing_.directory + "/";
    focusPath_ = true;
}

void OpenDialog::draw(float logicalWidth, float logicalHeight, const std::string& startDirectory,
                      const UiFonts& fonts, UiRequests& requests) {
    if (!shown_) {
        shown_ = true;
        enter(startDirectory);
    }
    if (beginModalCard("Open a story", "Open a story", logicalWidth, logicalHeight, 720, 520, fonts)) {
        // The path: Enter opens a file, or goes into a folder.
        if (focusPath_) {
            ImGui::SetKeyboardFocusHere();
            focusPath_ = false;
        }
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##path", &path_, ImGuiInputTextFlags_EnterReturnsTrue)) {
            std::error_code error;
            if (std::filesystem::is_directory(path_, error)) {
                enter(path_);
            } else {
                requests.openStory = path_;
            }
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type a story's path and press Enter");
        if (ImGui::Button("Up")) enter(parentDirectory(listing_.directory));
        ImGui::SameLine();
        ImGui::TextDisabled("%s", listing_.directory.c_str());

        const float footer = ImGui::GetFrameHeightWithSpacing() + 4;
        ImGui::BeginChild("entries", {0, -footer}, true);
        if (!listing_.error.empty()) ImGui::TextWrapped("Cannot list this folder: %s", listing_.error.c_str());
        if (listing_.error.empty() && listing_.entries.empty()) ImGui::TextDisabled("No folders or story files (*.json) here.");
        std::string enterInto;  // listing_ is not changed while it is drawn
        for (const DirectoryEntry& entry : listing_.entries) {
            ImGui::PushID(entry.name.c_str());
            const std::string shown = entry.isDirectory ? entry.name + "/" : entry.name;
            if (ImGui::Selectable(shown.c_str())) {
                const std::string full = (listing_.directory == "/" ? "/" : listing_.directory + "/") + entry.name;
                if (entry.isDirectory) {
                    enterInto = full;
                } else {
                    requests.openStory = full;
                }
            }
            ImGui::PopID();
        }
        if (listing_.leftOut > 0) ImGui::TextDisabled("... and %zu more, not listed: type the path above", listing_.leftOut);
        ImGui::EndChild();
        if (!enterInto.empty()) enter(enterInto);

        if (ImGui::Button("Cancel (Esc)")) requests.push(ViewCommand::showOpenDialog(false));
        ImGui::SameLine();
        ImGui::TextDisabled("Story files end in .json; the format is in the README beside the stories.");
    }
    endModalCard();
}

}  // namespace epilogue
