// The story menu.
#include "ui/story_menu.h"

#include <imgui.h>

#include <algorithm>
#include <filesystem>

namespace epilogue {

void drawStoryMenu(const Rect& button, const std::vector<std::string>& recentStories, const UiFonts& fonts,
                   PanelText& text, UiRequests& requests) {
    ImGui::SetNextWindowPos({button.x, button.y});
    ImGui::SetNextWindowSize({button.width, button.height});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("StoryMenu", nullptr, flags)) {
        ImGui::PushFont(fonts.bold);
        if (ImGui::Button("Open \u25BE", {button.width, button.height})) ImGui::OpenPopup("story menu");
        ImGui::PopFont();
        if (ImGui::IsItemHovered() && !ImGui::IsPopupOpen("story menu")) {
            ImGui::SetTooltip("Open a story (Ctrl+O), or one opened lately");
        }
        if (ImGui::BeginPopup("story menu")) {
            if (ImGui::MenuItem("Open a story\u2026", "Ctrl+O")) requests.chooseStory = true;
            ImGui::Separator();
            ImGui::TextDisabled("Opened lately");
            if (recentStories.empty()) ImGui::TextDisabled("  none yet");
            for (const std::string& path : recentStories) {
                const std::filesystem::path file(path);
                // The file's name in any script, set by the typesetter over an item of its width.
                const std::string name = file.filename().string();
                const float width = std::min(text.width(TextStyle::Body, name), 420.0f);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                ImGui::PushID(path.c_str());
                if (ImGui::Selectable("##recent", false, 0, {width, text.lineHeight(TextStyle::Body)})) requests.openStory = path;
                text.lineAt({at.x, at.y}, TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text), name, width);
                if (ImGui::IsItemHovered()) {
                    ImGui::BeginTooltip();
                    text.paragraph(TextStyle::Body, ImGui::GetColorU32(ImGuiCol_Text), path, 480);
                    ImGui::EndTooltip();
                }
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace epilogue
