// Reading sidecars.
#include "app/restore.h"

#include "app/view_report.h"
#include "story/source_hash.h"
#include "story/text_position.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace epilogue {

namespace {

// Looks up a dotted path ("view.start") in the sidecar; null when absent.
const nlohmann::json* find(const nlohmann::json& root, const char* a, const char* b = nullptr) {
    auto first = root.find(a);
    if (first == root.end()) return nullptr;
    if (!b) return &*first;
    if (!first->is_object()) return nullptr;
    auto second = first->find(b);
    return second == first->end() ? nullptr : &*second;
}

}  // namespace

bool applySidecar(const std::string& path, const ExplicitFlags& given, CommandLine& options, std::string& error,
                  std::string& warning) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        error = path + ": cannot open the file";
        return false;
    }
    std::ostringstream buffer;
    buffer << file.rdbuf();
    const std::string text = buffer.str();
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& parseError) {
        const TextPosition at = textPositionOf(text, parseError.byte > 0 ? parseError.byte - 1 : 0);
        std::string message = parseError.what();
        const auto detail = message.find("syntax error");
        if (detail != std::string::npos) message = message.substr(detail);
        error = path + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + message;
        return false;
    }
    auto number = [&](const char* a, const char* b, double& out) {
        const nlohmann::json* value = find(root, a, b);
        if (!value || !value->is_number()) {
            error = path + ": not a screenshot sidecar: " + a + (b ? std::string(".") + b : "") + " must be a number";
            return false;
        }
        out = value->get<double>();
        return std::isfinite(out);
    };
    const nlohmann::json* storyFile = find(root, "story", "file");
    if (!storyFile || !storyFile->is_string()) {
        error = path + ": not a screenshot sidecar: story.file must be the story's path";
        return false;
    }
    double playhead = 0, start = 0, end = 0, width = 0, height = 0, scale = 1;
    if (!number("playhead", nullptr, playhead) || !number("view", "start", start) || !number("view", "end", end) ||
        !number("size", "width", width) || !number("size", "height", height) || !number("size", "scale", scale)) {
        if (error.empty()) error = path + ": a number in the sidecar is out of range";
        return false;
    }
    if (!(start < end)) {
        error = path + ": view.start must come before view.end";
        return false;
    }
    if (!given.story) {
        options.storyPath = storyFile->get<std::string>();
        const nlohmann::json* hash = find(root, "story", "hash");
        if (hash && hash->is_string() && hashFile(options.storyPath) != hash->get<std::string>()) {
            warning = options.storyPath + " has changed since " + path + " was written; the view may differ";
        }
    }
    options.rangeStart = start;
    options.rangeEnd = end;
    if (!given.time && options.atEvent.empty()) options.time = playhead;
    if (!given.size) {
        options.width = static_cast<int>(std::lround(width));
        options.height = static_cast<int>(std::lround(height));
        options.sizeGiven = true;
    }
    if (!given.scale) options.scale = static_cast<float>(scale);
    if (!given.select) {
        const nlohmann::json* selection = find(root, "selection");
        options.selectEvent = selection && selection->is_string() ? selection->get<std::string>() : "";
    }
    if (!given.ui) {
        const nlohmann::json* ui = find(root, "ui");
        if (ui && ui->is_boolean()) options.noUi = !ui->get<bool>();
    }
    if (!given.animation) {
        const nlohmann::json* animation = find(root, "animation_time");
        if (animation && animation->is_number()) options.animationTime = animation->get<float>();
    }
    const nlohmann::json* reduced = find(root, "reduced_motion");
    if (reduced && reduced->is_boolean() && reduced->get<bool>()) options.reducedMotion = true;
    return true;
}

}  // namespace epilogue
