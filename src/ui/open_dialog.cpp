// The built-in story chooser.
#include "ui/open_dialog.h"

#include "ui/modal_card.h"

#include <imgui.h>

#include <algorithm>
#include <filesystem>

namespace epilogue {

void OpenDialog::enter(const std::string& directory) {
    listing_ = listStoryDirectory(directory);
    path_.set(listing_.directory == "/" ? "/" : listing_.directory + "/");
}

void OpenDialog::draw(float logicalWidth, float logicalHeight, const std::string& startDirectory,
                      const TextBoxInput& typing, const UiFonts& fonts, PanelText& text, UiRequests& requests) {
    if (!shown_) {
        shown_ = true;
        enter(startDirectory);
    }
    if (beginModalCard("Open a story", "Open a story", logicalWidth, logicalHeight, 720, 520, fonts)) {
        // The path (the keyboard's while the chooser is open; a name in any script): Enter opens a file, or goes
        // into a folder.
        TextBoxInput input = typing;
        input.focused = true;
        const TextBoxResult field = path_.draw(text, "", input);
        requests.textInputArea = {field.left, field.top, field.width, field.height};
        if (field.entered) {
            const std::string path = path_.text();
            std::error_code error;
            if (std::filesystem::is_directory(path, error)) {
                enter(path);
            } else {
                requests.openStory = path;
            }
        }
        if (field.hovered) ImGui::SetTooltip("Type a story's path and press Enter");
        if (ImGui::Button("Up")) enter(parentDirectory(listing_.directory));
        ImGui::SameLine();
        text.line(TextStyle::Body, ImGui::GetColorU32(ImGuiCol_TextDisabled), listing_.directory);

        const float footer = ImGui::GetFrameHeightWithSpacing() + 4;
        ImGui::BeginChild("entries", {0, -footer}, true);
        if (!listing_.error.empty()) ImGui::TextWrapped("Cannot list this folder: %s", listing_.error.c_str());
        if (listing_.error.empty() && listing_.entries.empty()) ImGui::TextDisabled("No folders or story files (*.json) here.");
        std::string enterInto;  // listing_ is not changed while it is drawn
        for (const DirectoryEntry& entry : listing_.entries) {
            ImGui::PushID(entry.name.c_str());
            const std::string shown = entry.isDirectory ? entry.name + "/" : entry.name;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const bool chosen = ImGui::Selectable("##entry", false, 0, {0, text.lineHeight(TextStyle::Body)});
            text.lineAt({at.x, at.y}, TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text), shown, ImGui::GetContentRegionAvail().x);
            if (chosen) {
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
