// Reading sidecars.
#include "app/restore.h"

#include "story/calendar_time.h"
#include "story/input_file.h"
#include "story/located_json.h"
#include "story/number_limits.h"
#include "story/text_position.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <exception>

namespace epilogue {

namespace {

using Json = nlohmann::json;

// Thrown from the parser's callback when a sidecar nests too deep.
struct TooDeep : std::exception {
    const char* what() const noexcept override { return "nested too deep"; }
};

// Looks up a dotted path ("view.start") in the sidecar; null when absent.
const Json* find(const Json& root, const char* a, const char* b = nullptr) {
    auto first = root.find(a);
    if (first == root.end()) return nullptr;
    if (!b) return &*first;
    if (!first->is_object()) return nullptr;
    auto second = first->find(b);
    return second == first->end() ? nullptr : &*second;
}

std::string dotted(const char* a, const char* b) { return b ? std::string(a) + "." + b : std::string(a); }

bool parseSidecar(std::string_view text, const std::string& name, Json& root, std::string& error) {
    const Json::parser_callback_t limitDepth = [](int depth, Json::parse_event_t, Json&) {
        if (depth > kMaxSidecarDepth) throw TooDeep();
        return true;
    };
    try {
        root = Json::parse(text.begin(), text.end(), limitDepth);
    } catch (const Json::parse_error& parseError) {
        const TextPosition at = textPositionOf(text, parseError.byte > 0 ? parseError.byte - 1 : 0);
        error = name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
                describeJsonError(parseError.what());
        return false;
    } catch (const Json::exception& other) {  // a number too large for a double, and the like
        error = name + ": " + describeJsonError(other.what());
        return false;
    } catch (const TooDeep&) {
        error = name + ": not a screenshot sidecar: arrays and objects nested more than " +
                std::to_string(kMaxSidecarDepth) + " deep";
        return false;
    }
    if (!root.is_object()) {
        error = name + ": not a screenshot sidecar: it must be a JSON object";
        return false;
    }
    return true;
}

}  // namespace

bool readSidecar(std::string_view text, const std::string& name, const ExplicitFlags& given, CommandLine& options,
                 SidecarStory& story, std::string& error) {
    Json root;
    if (!parseSidecar(text, name, root, error)) return false;
    auto fail = [&](const std::string& message) {
        error = name + ": " + message;
        return false;
    };
    // A number that must be there, within the limits `check` applies.
    auto number = [&](const char* a, const char* b, std::string (*check)(double), double& out) {
        const Json* value = find(root, a, b);
        if (!value || !value->is_number()) return fail("not a screenshot sidecar: " + dotted(a, b) + " must be a number");
        out = value->get<double>();
        const std::string problem = check ? check(out) : "";
        return problem.empty() || fail(dotted(a, b) + " " + problem);
    };
    // A value that may be left out, or must have the right type.
    auto optional = [&](const char* key, bool (Json::*isRight)() const noexcept, const char* expected, const Json*& out) {
        out = find(root, key);
        if (!out || (out->*isRight)()) return true;
        return fail("not a screenshot sidecar: " + std::string(key) + " must be " + expected);
    };

    const Json* storyFile = find(root, "story", "file");
    if (!storyFile || !storyFile->is_string() || storyFile->get_ref<const std::string&>().empty() ||
        storyFile->get_ref<const std::string&>().find('\0') != std::string::npos) {
        return fail("not a screenshot sidecar: story.file must be the story's path");
    }
    const Json* hash = find(root, "story", "hash");
    if (hash && !hash->is_string()) return fail("not a screenshot sidecar: story.hash must be a string");

    double playhead = 0, start = 0, end = 0, width = 0, height = 0, scale = 1;
    if (!number("playhead", nullptr, checkViewTime, playhead) || !number("view", "start", checkViewTime, start) ||
        !number("view", "end", checkViewTime, end) || !number("size", "width", checkLogicalSize, width) ||
        !number("size", "height", checkLogicalSize, height) || !number("size", "scale", checkScale, scale)) {
        return false;
    }
    if (const std::string problem = checkViewRange(start, end); !problem.empty()) return fail("view " + problem);
    // The image the restored options make: the sidecar's size and scale where no flag overrides them.
    const double imageWidth = given.size ? options.width : width, imageHeight = given.size ? options.height : height;
    const double imageScale = given.scale ? options.scale : scale;
    if (const std::string problem = checkImageSize(imageWidth, imageHeight, imageScale); !problem.empty()) {
        return fail("size: " + problem);
    }
    const Json *animation = nullptr, *selection = nullptr, *ui = nullptr, *reduced = nullptr;
    if (!optional("animation_time", &Json::is_number, "a number", animation) ||
        !optional("ui", &Json::is_boolean, "true or false", ui) ||
        !optional("reduced_motion", &Json::is_boolean, "true or false", reduced)) {
        return false;
    }
    selection = find(root, "selection");
    if (selection && !selection->is_string() && !selection->is_null()) {
        return fail("not a screenshot sidecar: selection must be an event id or null");
    }
    double animationTime = options.animationTime;
    if (animation) {
        animationTime = animation->get<double>();
        if (const std::string problem = checkAnimationTime(animationTime); !problem.empty()) {
            return fail("animation_time " + problem);
        }
    }

    // A story in dates: the day its numbers count from (left out by sidecars of stories in numbers).
    const Json* timeKind = find(root, "time", "kind");
    const Json* epoch = find(root, "time", "epoch");
    ParsedDate epochDate;
    if (timeKind && timeKind->is_string() && timeKind->get_ref<const std::string&>() == "dates") {
        if (epoch && epoch->is_string()) epochDate = parseIsoDate(epoch->get_ref<const std::string&>());
        if (!epochDate.ok) return fail("not a screenshot sidecar: time.epoch must be a date such as \"1942-06-04\"");
    }

    // Everything is checked: apply it.
    story.datesEpochKnown = epochDate.ok;
    story.epochDay = epochDate.ok ? epochDate.secondsSince1970 / calendar::kSecondsPerDay -
                                        (epochDate.secondsSince1970 % calendar::kSecondsPerDay < 0 ? 1 : 0)
                                  : 0;
    story.path = storyFile->get<std::string>();
    story.hash = hash ? hash->get<std::string>() : "";
    story.used = !given.story;
    if (story.used) options.storyPath = story.path;
    options.rangeStart = start;
    options.rangeEnd = end;
    if (!given.time && options.atEvent.empty()) options.time = playhead;
    if (!given.size) {
        options.width = static_cast<int>(width);
        options.height = static_cast<int>(height);
        options.sizeGiven = true;
    }
    if (!given.scale) options.scale = static_cast<float>(scale);
    if (!given.select) options.selectEvent = selection && selection->is_string() ? selection->get<std::string>() : "";
    if (!given.ui && ui) options.noUi = !ui->get<bool>();
    if (!given.animation) options.animationTime = static_cast<float>(animationTime);
    if (reduced && reduced->get<bool>()) options.reducedMotion = true;
    return true;
}

void moveSidecarTimesToStory(const Story& story, const SidecarStory& sidecar, CommandLine& options) {
    if (!story.calendar || !sidecar.datesEpochKnown || sidecar.epochDay == story.epochDay) return;
    const double shift = static_cast<double>((sidecar.epochDay - story.epochDay) * calendar::kSecondsPerDay);
    if (options.rangeStart) *options.rangeStart += shift;
    if (options.rangeEnd) *options.rangeEnd += shift;
    if (options.time) *options.time += shift;
}

bool applySidecar(const std::string& path, const ExplicitFlags& given, CommandLine& options, SidecarStory& story,
                  std::string& error) {
    std::string text;
    InputFileError problem;
    if (!readInputFile(path, kMaxSidecarBytes, text, problem)) {
        error = path + ": " + problem.message;
        return false;
    }
    return readSidecar(text, path, given, options, story, error);
}

}  // namespace epilogue
