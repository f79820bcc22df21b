// Story file -> Story. Three passes: bytes (size, UTF-8), JSON syntax (with source positions), then the
// story's own rules. Every problem found is reported with its position; the story is returned only whole.
//
// [SECTION] Error reporting
// [SECTION] Field access with type checks
// [SECTION] Reading the parts of a story
// [SECTION] Cross-checks: references, forks and time order
// [SECTION] Entry points
#include "story/story_loader.h"

#include "story/located_json.h"
#include "story/text_position.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <unordered_map>

namespace epilogue {

std::string StoryError::toString() const {
    std::ostringstream out;
    out << file;
    if (line > 0) out << ':' << line << ':' << column;
    out << ": " << message;
    return out.str();
}

const char* storyErrorKindName(StoryErrorKind kind) {
    switch (kind) {
        case StoryErrorKind::Io: return "io";
        case StoryErrorKind::TooLarge: return "too-large";
        case StoryErrorKind::InvalidUtf8: return "invalid-utf8";
        case StoryErrorKind::Syntax: return "syntax";
        case StoryErrorKind::MissingField: return "missing-field";
        case StoryErrorKind::WrongType: return "wrong-type";
        case StoryErrorKind::UnknownField: return "unknown-field";
        case StoryErrorKind::InvalidValue: return "invalid-value";
        case StoryErrorKind::DuplicateId: return "duplicate-id";
        case StoryErrorKind::UnknownReference: return "unknown-reference";
        case StoryErrorKind::ForkOrder: return "fork-order";
        case StoryErrorKind::EventOrder: return "event-order";
        case StoryErrorKind::Empty: return "empty";
    }
    return "unknown";
}

namespace {

std::string inQuotes(const std::string& text) { return "\"" + text + "\""; }

std::string jsonTypeName(const Json& value) {
    if (value.is_string()) return "a string";
    if (value.is_number()) return "a number";
    if (value.is_boolean()) return "true or false";
    if (value.is_null()) return "null";
    if (value.is_array()) return "an array";
    return "an object";
}

std::string formatTime(double time) {
    std::ostringstream out;
    out << time;
    return out.str();
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Error reporting
// ---------------------------------------------------------------------------------------------------

class StoryReader {
public:
    StoryReader(std::string_view text, std::string fileName, const LocatedJson& json, const StoryLoadOptions& options,
                std::vector<StoryError>& errors)
        : text_(text), file_(std::move(fileName)), json_(json), options_(options), errors_(errors) {}

    void read(Story& story);

private:
    void report(StoryErrorKind kind, std::size_t offset, const std::string& message) {
        if (errors_.size() >= options_.maxErrors) return;
        const TextPosition position = textPositionOf(text_, offset);
        errors_.push_back({kind, file_, position.line, position.column, message});
    }
    const JsonLocations& at() const { return json_.locations; }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Field access with type checks
    // -----------------------------------------------------------------------------------------------

    // Reports members the format does not define; `context` names the object in messages.
    void checkKnownFields(const Json& object, std::initializer_list<const char*> known, const std::string& context) {
        for (const auto& member : object.items()) {
            const bool isKnown = std::any_of(known.begin(), known.end(),
                                             [&](const char* name) { return member.key() == name; });
            if (!isKnown) {
                report(StoryErrorKind::UnknownField, at().ofKey(object, member.key()),
                       context + ": unknown field " + inQuotes(member.key()));
            }
        }
    }

    const Json* field(const Json& object, const char* name, bool required, const std::string& context) {
        auto found = object.find(name);
        if (found == object.end()) {
            if (required) {
                report(StoryErrorKind::MissingField, at().of(object),
                       context + ": missing field " + inQuotes(name));
            }
            return nullptr;
        }
        return &*found;
    }

    void wrongType(const Json& object, const char* name, const std::string& context, const char* expected) {
        report(StoryErrorKind::WrongType, at().ofMember(object, name),
               context + ": field " + inQuotes(name) + " must be " + expected + ", not " +
                   jsonTypeName(object.at(name)));
    }

    bool readString(const Json& object, const char* name, bool required, const std::string& context,
                    std::string& out) {
        const Json* value = field(object, name, required, context);
        if (!value) return !required;
        if (!value->is_string()) {
            wrongType(object, name, context, "a string");
            return false;
        }
        out = value->get<std::string>();
        return true;
    }

    // A required string that must not be empty (ids, titles).
    bool readName(const Json& object, const char* name, const std::string& context, std::string& out) {
        if (!readString(object, name, true, context, out)) return false;
        if (out.empty()) {
            report(StoryErrorKind::InvalidValue, at().ofMember(object, name),
                   context + ": field " + inQuotes(name) + " must not be empty");
            return false;
        }
        return true;
    }

    bool readTime(const Json& object, const char* name, const std::string& context, double& out) {
        const Json* value = field(object, name, true, context);
        if (!value) return false;
        if (!value->is_number()) {
            wrongType(object, name, context, "a number");
            return false;
        }
        out = value->get<double>();
        if (!std::isfinite(out)) {
            report(StoryErrorKind::InvalidValue, at().ofMember(object, name),
                   context + ": field " + inQuotes(name) + " is out of range");
            return false;
        }
        return true;
    }

    const Json* readArray(const Json& object, const char* name, bool required, const std::string& context) {
        const Json* value = field(object, name, required, context);
        if (!value) return nullptr;
        if (!value->is_array()) {
            wrongType(object, name, context, "an array");
            return nullptr;
        }
        return value;
    }

    bool expectObject(const Json& array, std::size_t index, const std::string& context) {
        if (array[index].is_object()) return true;
        report(StoryErrorKind::WrongType, at().ofItem(array, index),
               context + " must be an object, not " + jsonTypeName(array[index]));
        return false;
    }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Reading the parts of a story
    // -----------------------------------------------------------------------------------------------

    void readSource(const Json& root, Story& story) {
        const Json* source = field(root, "source", false, "story");
        if (!source) return;
        if (!source->is_object()) {
            wrongType(root, "source", "story", "an object");
            return;
        }
        checkKnownFields(*source, {"title", "publisher", "url"}, "source");
        readName(*source, "title", "source", story.source.title);
        readString(*source, "publisher", false, "source", story.source.publisher);
        readString(*source, "url", false, "source", story.source.url);
    }

    void readEras(const Json& root, Story& story) {
        const Json* eras = readArray(root, "eras", false, "story");
        if (!eras) return;
        for (std::size_t i = 0; i < eras->size(); ++i) {
            const std::string context = "eras[" + std::to_string(i) + "]";
            if (!expectObject(*eras, i, context)) continue;
            const Json& item = (*eras)[i];
            checkKnownFields(item, {"name", "start", "end"}, context);
            Era era;
            bool good = readName(item, "name", context, era.name);
            good = readTime(item, "start", context, era.start) && good;
            good = readTime(item, "end", context, era.end) && good;
            if (!good) continue;
            const std::string named = "era " + inQuotes(era.name);
            if (era.end <= era.start) {
                report(StoryErrorKind::InvalidValue, at().ofMember(item, "end"),
                       named + ": ends at " + formatTime(era.end) + ", not after its start " +
                           formatTime(era.start));
                continue;
            }
            if (!story.eras.empty() && era.start < story.eras.back().end) {
                report(StoryErrorKind::EventOrder, at().ofMember(item, "start"),
                       named + ": starts at " + formatTime(era.start) + ", before the previous era " +
                           inQuotes(story.eras.back().name) + " ends at " + formatTime(story.eras.back().end));
                continue;
            }
            story.eras.push_back(std::move(era));
        }
    }

    void readLanes(const Json& root, Story& story) {
        const Json* lanes = readArray(root, "lanes", true, "story");
        if (!lanes) return;
        if (lanes->empty()) {
            report(StoryErrorKind::Empty, at().ofMember(root, "lanes"), "story: has no lanes");
            return;
        }
        for (std::size_t i = 0; i < lanes->size(); ++i) {
            std::string context = "lanes[" + std::to_string(i) + "]";
            if (!expectObject(*lanes, i, context)) continue;
            const Json& item = (*lanes)[i];
            checkKnownFields(item, {"id", "title", "kind", "forks_from", "rejoins_at"}, context);
            Lane lane;
            if (readName(item, "id", context, lane.id)) context = "lane " + inQuotes(lane.id);
            readName(item, "title", context, lane.title);
            std::string kind = "real";
            if (readString(item, "kind", false, context, kind)) {
                if (kind == "dream") {
                    lane.kind = LaneKind::Dream;
                } else if (kind != "real") {
                    report(StoryErrorKind::InvalidValue, at().ofMember(item, "kind"),
                           context + ": kind " + inQuotes(kind) + " is not \"real\" or \"dream\"");
                }
            }
            readString(item, "forks_from", false, context, forkIds_[story.lanes.size()]);
            readString(item, "rejoins_at", false, context, rejoinIds_[story.lanes.size()]);
            if (!lane.id.empty() && story.findLane(lane.id) != kNone) {
                report(StoryErrorKind::DuplicateId, at().ofMember(item, "id"),
                       context + ": the id is used by another lane");
            }
            laneJson_.push_back(&item);
            story.lanes.push_back(std::move(lane));
        }
    }

    void readQuotes(const Json& item, const std::string& context, Event& event) {
        const Json* quotes = readArray(item, "quotes", false, context);
        if (!quotes) return;
        for (std::size_t i = 0; i < quotes->size(); ++i) {
            const std::string quoteContext = context + ": quotes[" + std::to_string(i) + "]";
            if (!expectObject(*quotes, i, quoteContext)) continue;
            const Json& quoteJson = (*quotes)[i];
            checkKnownFields(quoteJson, {"speaker", "words"}, quoteContext);
            Quote quote;
            bool good = readName(quoteJson, "speaker", quoteContext, quote.speaker);
            good = readName(quoteJson, "words", quoteContext, quote.words) && good;
            if (good) event.quotes.push_back(std::move(quote));
        }
    }

    void readCommentary(const Json& item, const std::string& context, Event& event) {
        const Json* commentary = readArray(item, "commentary", false, context);
        if (!commentary) return;
        for (std::size_t i = 0; i < commentary->size(); ++i) {
            const std::string noteContext = context + ": commentary[" + std::to_string(i) + "]";
            if (!expectObject(*commentary, i, noteContext)) continue;
            const Json& noteJson = (*commentary)[i];
            checkKnownFields(noteJson, {"text", "attribution"}, noteContext);
            Commentary note;
            bool good = readName(noteJson, "text", noteContext, note.text);
            good = readName(noteJson, "attribution", noteContext, note.attribution) && good;
            if (good) event.commentary.push_back(std::move(note));
        }
    }

    void readEvents(const Json& root, Story& story) {
        const Json* events = readArray(root, "events", true, "story");
        if (!events) return;
        if (events->empty()) {
            report(StoryErrorKind::Empty, at().ofMember(root, "events"), "story: has no events");
            return;
        }
        for (std::size_t i = 0; i < events->size(); ++i) {
            std::string context = "events[" + std::to_string(i) + "]";
            if (!expectObject(*events, i, context)) continue;
            const Json& item = (*events)[i];
            checkKnownFields(item, {"id", "lane", "time", "title", "summary", "quotes", "commentary"}, context);
            Event event;
            if (readName(item, "id", context, event.id)) context = "event " + inQuotes(event.id);
            std::string laneId;
            if (readName(item, "lane", context, laneId)) {
                event.lane = story.findLane(laneId);
                if (event.lane == kNone) {
                    report(StoryErrorKind::UnknownReference, at().ofMember(item, "lane"),
                           context + ": unknown lane " + inQuotes(laneId));
                }
            }
            const bool hasTime = readTime(item, "time", context, event.time);
            readName(item, "title", context, event.title);
            readString(item, "summary", false, context, event.summary);
            readQuotes(item, context, event);
            readCommentary(item, context, event);

            if (!event.id.empty()) {
                if (!eventIds_.emplace(event.id, static_cast<EventIndex>(story.events.size())).second) {
                    report(StoryErrorKind::DuplicateId, at().ofMember(item, "id"),
                           context + ": the id is used by another event");
                }
            }
            if (event.lane != kNone && hasTime) {
                Lane& lane = story.lanes[static_cast<std::size_t>(event.lane)];
                if (!lane.events.empty()) {
                    const Event& previous = story.events[static_cast<std::size_t>(lane.events.back())];
                    if (event.time < previous.time) {
                        report(StoryErrorKind::EventOrder, at().ofMember(item, "time"),
                               context + ": at time " + formatTime(event.time) + ", before " +
                                   inQuotes(previous.id) + " (time " + formatTime(previous.time) +
                                   ") listed earlier in lane " + inQuotes(lane.id));
                    }
                }
                lane.events.push_back(static_cast<EventIndex>(story.events.size()));
            }
            story.events.push_back(std::move(event));
        }
    }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Cross-checks: references, forks and time order
    // -----------------------------------------------------------------------------------------------

    EventIndex findEventId(const std::string& id) const {
        auto found = eventIds_.find(id);
        return found == eventIds_.end() ? kNone : found->second;
    }

    EventIndex resolveLaneEvent(std::size_t laneIndex, const char* fieldName, const std::string& id,
                                const Story& story) {
        if (id.empty()) return kNone;
        const EventIndex event = findEventId(id);
        if (event == kNone) {
            report(StoryErrorKind::UnknownReference, at().ofMember(*laneJson_[laneIndex], fieldName),
                   "lane " + inQuotes(story.lanes[laneIndex].id) + ": " + fieldName + " names unknown event " +
                       inQuotes(id));
        }
        return event;
    }

    void linkForks(Story& story) {
        for (std::size_t i = 0; i < story.lanes.size(); ++i) {
            Lane& lane = story.lanes[i];
            const Json& item = *laneJson_[i];
            const std::string context = "lane " + inQuotes(lane.id);
            lane.forkEvent = resolveLaneEvent(i, "forks_from", forkIds_[i], story);
            lane.rejoinEvent = resolveLaneEvent(i, "rejoins_at", rejoinIds_[i], story);
            if (lane.rejoinEvent != kNone && forkIds_[i].empty()) {
                report(StoryErrorKind::InvalidValue, at().ofMember(item, "rejoins_at"),
                       context + ": rejoins_at needs forks_from: a lane can only rejoin the lane it forked from");
                lane.rejoinEvent = kNone;
            }
            if (lane.forkEvent == kNone) continue;
            const Event& fork = story.events[static_cast<std::size_t>(lane.forkEvent)];
            if (fork.lane == static_cast<LaneIndex>(i)) {
                report(StoryErrorKind::InvalidValue, at().ofMember(item, "forks_from"),
                       context + ": forks_from names " + inQuotes(fork.id) + ", an event of this same lane");
                lane.forkEvent = kNone;
                continue;
            }
            if (!lane.events.empty()) {
                const Event& first = story.events[static_cast<std::size_t>(lane.events.front())];
                if (first.time < fork.time) {
                    report(StoryErrorKind::ForkOrder, at().ofMember(item, "forks_from"),
                           context + ": forks from " + inQuotes(fork.id) + " at time " + formatTime(fork.time) +
                               ", after its first event " + inQuotes(first.id) + " at time " +
                               formatTime(first.time));
                }
            }
            if (lane.rejoinEvent == kNone) continue;
            const Event& rejoin = story.events[static_cast<std::size_t>(lane.rejoinEvent)];
            if (rejoin.lane != fork.lane) {
                report(StoryErrorKind::InvalidValue, at().ofMember(item, "rejoins_at"),
                       context + ": rejoins at " + inQuotes(rejoin.id) + ", which is not in the lane it forks from");
                lane.rejoinEvent = kNone;
                continue;
            }
            if (rejoin.time <= fork.time) {
                report(StoryErrorKind::ForkOrder, at().ofMember(item, "rejoins_at"),
                       context + ": rejoins at " + inQuotes(rejoin.id) + " (time " + formatTime(rejoin.time) +
                           "), not after it forks at " + inQuotes(fork.id) + " (time " + formatTime(fork.time) + ")");
                continue;
            }
            if (!lane.events.empty()) {
                const Event& last = story.events[static_cast<std::size_t>(lane.events.back())];
                if (last.time > rejoin.time) {
                    report(StoryErrorKind::ForkOrder, at().ofMember(item, "rejoins_at"),
                           context + ": rejoins at " + inQuotes(rejoin.id) + " at time " + formatTime(rejoin.time) +
                               ", before its last event " + inQuotes(last.id) + " at time " +
                               formatTime(last.time));
                }
            }
        }
        // A lane must not descend from itself through a chain of forks.
        for (std::size_t i = 0; i < story.lanes.size(); ++i) {
            LaneIndex ancestor = static_cast<LaneIndex>(i);
            for (std::size_t steps = 0; steps <= story.lanes.size() && ancestor != kNone; ++steps) {
                ancestor = story.parentLane(ancestor);
                if (ancestor == static_cast<LaneIndex>(i)) {
                    report(StoryErrorKind::InvalidValue, at().ofMember(*laneJson_[i], "forks_from"),
                           "lane " + inQuotes(story.lanes[i].id) + ": forks from a lane that forks from it in turn");
                    story.lanes[i].forkEvent = kNone;
                    break;
                }
            }
        }
    }

    void readPairs(const Json& root, Story& story) {
        const Json* pairs = readArray(root, "pairs", false, "story");
        if (!pairs) return;
        for (std::size_t i = 0; i < pairs->size(); ++i) {
            const Json& pair = (*pairs)[i];
            const std::string context = "pairs[" + std::to_string(i) + "]";
            if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
                report(StoryErrorKind::WrongType, at().ofItem(*pairs, i),
                       context + " must be an array of two event ids");
                continue;
            }
            EventIndex ends[2] = {kNone, kNone};
            for (std::size_t k = 0; k < 2; ++k) {
                const std::string id = pair[k].get<std::string>();
                ends[k] = findEventId(id);
                if (ends[k] == kNone) {
                    report(StoryErrorKind::UnknownReference, at().ofItem(pair, k),
                           context + ": unknown event " + inQuotes(id));
                }
            }
            if (ends[0] == kNone || ends[1] == kNone) continue;
            Event& a = story.events[static_cast<std::size_t>(ends[0])];
            Event& b = story.events[static_cast<std::size_t>(ends[1])];
            if (a.lane == b.lane) {
                report(StoryErrorKind::InvalidValue, at().ofItem(*pairs, i),
                       context + ": " + inQuotes(a.id) + " and " + inQuotes(b.id) +
                           " are in the same lane; a pair joins the same moment in two lanes");
                continue;
            }
            a.counterparts.push_back(ends[1]);
            b.counterparts.push_back(ends[0]);
        }
    }

    std::string_view text_;
    std::string file_;
    const LocatedJson& json_;
    const StoryLoadOptions& options_;
    std::vector<StoryError>& errors_;
    std::vector<const Json*> laneJson_;
    std::unordered_map<std::string, EventIndex> eventIds_;  // the first event of each id
    std::unordered_map<std::size_t, std::string> forkIds_;
    std::unordered_map<std::size_t, std::string> rejoinIds_;
};

void StoryReader::read(Story& story) {
    const Json& root = json_.root;
    if (!root.is_object()) {
        report(StoryErrorKind::WrongType, 0, "the story must be a JSON object, not " + jsonTypeName(root));
        return;
    }
    checkKnownFields(root, {"format", "title", "source", "eras", "lanes", "events", "pairs"}, "story");
    std::string format;
    if (readString(root, "format", true, "story", format) && format != "epilogue-story/1") {
        report(StoryErrorKind::InvalidValue, at().ofMember(root, "format"),
               "story: format " + inQuotes(format) + " is not \"epilogue-story/1\"");
    }
    readName(root, "title", "story", story.title);
    readSource(root, story);
    readEras(root, story);
    readLanes(root, story);
    readEvents(root, story);
    linkForks(story);
    readPairs(root, story);

    for (const Lane& lane : story.lanes) {
        if (lane.forkEvent != kNone) story.events[static_cast<std::size_t>(lane.forkEvent)].isFork = true;
        if (lane.rejoinEvent != kNone) story.events[static_cast<std::size_t>(lane.rejoinEvent)].isRejoin = true;
    }
    bool anyTime = false;
    for (const Era& era : story.eras) {
        story.startTime = anyTime ? std::min(story.startTime, era.start) : era.start;
        story.endTime = anyTime ? std::max(story.endTime, era.end) : era.end;
        anyTime = true;
    }
    for (const Event& event : story.events) {
        story.startTime = anyTime ? std::min(story.startTime, event.time) : event.time;
        story.endTime = anyTime ? std::max(story.endTime, event.time) : event.time;
        anyTime = true;
    }
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// [SECTION] Entry points
// ---------------------------------------------------------------------------------------------------

StoryLoadResult parseStory(std::string_view text, const std::string& fileName, const StoryLoadOptions& options) {
    StoryLoadResult result;
    auto fail = [&](StoryErrorKind kind, std::size_t offset, const std::string& message, bool positioned) {
        StoryError error{kind, fileName, 0, 0, message};
        if (positioned) {
            const TextPosition position = textPositionOf(text, offset);
            error.line = position.line;
            error.column = position.column;
        }
        result.errors.push_back(std::move(error));
        return result;
    };
    if (text.size() > options.maxBytes) {
        return fail(StoryErrorKind::TooLarge, 0,
                    "the file is " + std::to_string(text.size()) + " bytes, over the limit of " +
                        std::to_string(options.maxBytes) + " bytes",
                    false);
    }
    if (auto bad = findInvalidUtf8(text)) {
        std::ostringstream message;
        message << "invalid UTF-8: byte 0x" << std::hex << std::uppercase
                << static_cast<unsigned>(static_cast<unsigned char>(text[*bad]))
                << " does not start a well-formed character";
        return fail(StoryErrorKind::InvalidUtf8, *bad, message.str(), true);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return fail(StoryErrorKind::Empty, 0, "the file is empty", false);
    }
    LocatedJson json = parseLocatedJson(text);
    if (!json.errors.empty()) {
        for (const JsonSyntaxError& error : json.errors) fail(StoryErrorKind::Syntax, error.offset, error.message, true);
        return result;
    }
    StoryReader reader(text, fileName, json, options, result.errors);
    reader.read(result.story);
    if (!result.errors.empty()) result.story = Story{};  // never hand out a half-loaded story
    return result;
}

StoryLoadResult loadStoryFile(const std::string& path, const StoryLoadOptions& options) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
        StoryLoadResult result;
        result.errors.push_back({StoryErrorKind::Io, path, 0, 0, "is a directory, not a story file"});
        return result;
    }
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file) {
        StoryLoadResult result;
        result.errors.push_back({StoryErrorKind::Io, path, 0, 0, "cannot open the file"});
        return result;
    }
    const std::streamoff size = file.tellg();
    if (size < 0) {
        StoryLoadResult result;
        result.errors.push_back({StoryErrorKind::Io, path, 0, 0, "cannot read the file (is it a directory?)"});
        return result;
    }
    if (static_cast<std::size_t>(size) > options.maxBytes) {
        StoryLoadResult result;
        result.errors.push_back({StoryErrorKind::TooLarge, path, 0, 0,
                                 "the file is " + std::to_string(size) + " bytes, over the limit of " +
                                     std::to_string(options.maxBytes) + " bytes"});
        return result;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    file.seekg(0);
    if (!file.read(text.data(), size)) {
        StoryLoadResult result;
        result.errors.push_back({StoryErrorKind::Io, path, 0, 0, "cannot read the file"});
        return result;
    }
    return parseStory(text, path, options);
}

}  // namespace epilogue
