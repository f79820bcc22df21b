// Story file -> Story, in one streaming pass over the JSON with simdjson's On Demand parser: no document
// tree is built for the whole file, so a story of a hundred thousand events loads quickly and in little
// memory. Each item of the story's arrays (a lane, an event, a pair) is read into a small located tree
// (JsonNode: values with their offsets in the text), checked, and turned into the model; references
// between items are resolved once everything is read. Every problem is reported with its position;
// malformed JSON is located by nlohmann-json's parser, which names the exact character. The story is
// returned only whole.
//
// [SECTION] Located values: one item of the file at a time
// [SECTION] Error reporting and field access
// [SECTION] Reading the parts of a story
// [SECTION] Cross-checks: references, forks and time order
// [SECTION] Entry points
#include "story/story_loader.h"

#include "story/huge_pages.h"
#include "story/id_table.h"
#include "story/located_json.h"
#include "story/source_hash.h"
#include "story/text_position.h"

#include <simdjson.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <new>
#include <optional>
#include <sstream>

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

namespace od = simdjson::ondemand;

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string formatTime(double time) {
    std::ostringstream out;
    out << time;
    return out.str();
}

// ---------------------------------------------------------------------------------------------------
// [SECTION] Located values: one item of the file at a time
// ---------------------------------------------------------------------------------------------------

enum class JsonType { Object, Array, String, Number, Boolean, Null };

const char* typeName(JsonType type) {
    switch (type) {
        case JsonType::String: return "a string";
        case JsonType::Number: return "a number";
        case JsonType::Boolean: return "true or false";
        case JsonType::Null: return "null";
        case JsonType::Array: return "an array";
        case JsonType::Object: return "an object";
    }
    return "a value";
}

// A JSON value with the offset where it starts in the text. Strings view the parser's buffer, which
// lives as long as the document. Children of objects carry their key and its offset.
struct JsonNode {
    JsonType type = JsonType::Null;
    std::size_t offset = 0;
    std::string_view key;
    std::size_t keyOffset = 0;
    std::string_view string;
    double number = 0;
    std::vector<std::size_t> children;  // indices into the tree's node pool
};

// The nodes of one item, reused from item to item so that reading allocates little.
class JsonTree {
public:
    void clear() { used_ = 0; }
    std::size_t add() {
        if (used_ == nodes_.size()) nodes_.emplace_back();
        JsonNode& node = nodes_[used_];
        node.children.clear();
        node.key = {};
        node.string = {};
        return used_++;
    }
    JsonNode& operator[](std::size_t index) { return nodes_[index]; }
    const JsonNode& operator[](std::size_t index) const { return nodes_[index]; }

    // The member `name` of an object node, or nullptr.
    const JsonNode* member(const JsonNode& object, std::string_view name) const {
        for (std::size_t child : object.children) {
            if (nodes_[child].key == name) return &nodes_[child];
        }
        return nullptr;
    }
    const JsonNode& item(const JsonNode& array, std::size_t index) const { return nodes_[array.children[index]]; }

private:
    std::vector<JsonNode> nodes_;
    std::size_t used_ = 0;
};

// A problem with the JSON itself (malformed text, a duplicate key): reading stops, and the caller
// locates the problem precisely.
struct JsonProblem {
    bool found = false;
    std::size_t offset = 0;
    std::string message;  // set for duplicate keys; malformed text is described by the fallback parser
};

// True when a string's text, as written in the file, holds a backslash or a raw control character, that
// is, when the parser must unescape (or refuse) it. Eight bytes at a time: this scan covers most of a
// story's bytes.
bool needsUnescaping(std::string_view inside) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
    std::size_t at = 0;
    for (; at + 8 <= inside.size(); at += 8) {
        std::uint64_t bytes = 0;
        std::memcpy(&bytes, inside.data() + at, 8);
        const std::uint64_t backslashes = bytes ^ (kOnes * '\\');  // a zero byte where a backslash was
        const std::uint64_t anyBackslash = (backslashes - kOnes) & ~backslashes & kHighBits;
        const std::uint64_t anyControl = (bytes - kOnes * 0x20) & ~bytes & kHighBits;  // a byte below 0x20
        if (anyBackslash | anyControl) return true;
    }
    for (; at < inside.size(); ++at) {
        const auto c = static_cast<unsigned char>(inside[at]);
        if (c == '\\' || c < 0x20) return true;
    }
    return false;
}

class JsonMaterializer {
public:
    JsonMaterializer(const char* base, JsonProblem& problem) : base_(base), problem_(problem) {}

    // A story is never nested more than a few levels deep; far deeper nesting is refused before it could
    // exhaust the stack (each level is a call).
    static constexpr int kMaxDepth = 64;

    // Reads `value` and everything in it into `tree`; returns the node's index, or false on a problem.
    // `depth` is how many arrays and objects of the document hold `value`.
    bool read(od::value value, JsonTree& tree, std::size_t& index, int depth) {
        index = tree.add();
        const std::size_t offset = static_cast<std::size_t>(value.raw_json_token().data() - base_);
        if (depth >= kMaxDepth) {
            problem_ = {true, offset, "arrays and objects nested more than " + std::to_string(kMaxDepth) + " deep"};
            return false;
        }
        od::json_type type;
        if (value.type().get(type)) return fail(offset);
        tree[index].offset = offset;
        switch (type) {
            case od::json_type::object: {
                tree[index].type = JsonType::Object;
                od::object object;
                if (value.get_object().get(object)) return fail(offset);
                for (auto fieldResult : object) {
                    od::field field;
                    if (std::move(fieldResult).get(field)) return fail(offset);
                    const std::size_t keyOffset = static_cast<std::size_t>(field.key().raw() - base_) - 1;
                    std::string_view key;
                    if (field.unescaped_key().get(key)) return fail(keyOffset);
                    for (std::size_t sibling : tree[index].children) {
                        if (tree[sibling].key == key) {
                            problem_ = {true, keyOffset, "duplicate key " + inQuotes(key)};
                            return false;
                        }
                    }
                    std::size_t child = 0;
                    if (!read(field.value(), tree, child, depth + 1)) return false;
                    tree[child].key = key;
                    tree[child].keyOffset = keyOffset;
                    tree[index].children.push_back(child);
                }
                return true;
            }
            case od::json_type::array: {
                tree[index].type = JsonType::Array;
                od::array array;
                if (value.get_array().get(array)) return fail(offset);
                for (auto itemResult : array) {
                    od::value item;
                    if (std::move(itemResult).get(item)) return fail(offset);
                    std::size_t child = 0;
                    if (!read(item, tree, child, depth + 1)) return false;
                    tree[index].children.push_back(child);
                }
                return true;
            }
            case od::json_type::string: {
                tree[index].type = JsonType::String;
                // Most strings have no escapes: view them in the file's text itself, which spares the
                // parser copying them into its own buffer (a large story's memory and time go to such
                // copies). Strings with escapes are unescaped by the parser.
                const std::string_view token = value.raw_json_token();
                const std::size_t closing = token.rfind('"');
                const std::string_view inside = closing > 0 && closing != std::string_view::npos
                                                    ? token.substr(1, closing - 1)
                                                    : std::string_view();
                // Plain: no escapes and no raw control characters (which strict JSON forbids in strings).
                const bool plain = closing > 0 && closing != std::string_view::npos && !needsUnescaping(inside);
                if (plain) {
                    tree[index].string = inside;
                    if (value.get_raw_json_string().error()) return fail(offset);  // consumes the value
                    return true;
                }
                std::string_view text;
                if (value.get_string().get(text)) return fail(offset);
                tree[index].string = text;
                return true;
            }
            case od::json_type::number: {
                tree[index].type = JsonType::Number;
                double number = 0;
                if (value.get_double().get(number)) return fail(offset);
                tree[index].number = number;
                return true;
            }
            case od::json_type::boolean: {
                tree[index].type = JsonType::Boolean;
                bool flag = false;
                if (value.get_bool().get(flag)) return fail(offset);
                tree[index].number = flag ? 1 : 0;
                return true;
            }
            case od::json_type::null: {
                tree[index].type = JsonType::Null;
                bool isNull = false;  // a literal that starts like null but is not ("nul", "nullx")
                if (value.is_null().get(isNull) || !isNull) return fail(offset);
                return true;
            }
        }
        return fail(offset);
    }

    bool fail(std::size_t offset) {
        problem_ = {true, offset, ""};
        return false;
    }

private:
    const char* base_;
    JsonProblem& problem_;
};

// What an item said about references, kept until every item is read and the references can be resolved.
struct LaneReferences {
    std::size_t idOffset = 0;
    std::string_view forkId, rejoinId;
    std::size_t forkOffset = 0, rejoinOffset = 0;
};

struct EventReferences {
    std::string_view laneId;
    LaneIndex lane = kNone;  // found while reading when the lane came first, as it usually does
    std::size_t idOffset = 0, laneOffset = 0, timeOffset = 0;
    bool hasTime = false;
};

struct PairReferences {
    std::size_t offset = 0;
    std::array<std::string_view, 2> ids;
    std::array<std::size_t, 2> idOffsets{};
};

// Where in the story a problem is, for its message: "story", "events[3]", "event \"kiss\"",
// "event \"kiss\": quotes[0]". Kept as parts and written out only when a problem is reported, so reading
// a valid story builds no message text.
struct Place {
    static constexpr std::size_t kWhole = std::string::npos;
    const char* what = "story";  // "story", "source", or the array holding the item
    std::size_t index = kWhole;  // the item's index in `what`
    const char* kind = nullptr;  // once the item's id is known, the place is `kind "id"`
    std::string_view id;
    const char* part = nullptr;  // an object inside the item: `: part[partIndex]`
    std::size_t partIndex = 0;

    static Place item(const char* array, std::size_t at) {
        Place place;
        place.what = array;
        place.index = at;
        return place;
    }
    void name(const char* itemKind, std::string_view itemId) {
        kind = itemKind;
        id = itemId;
    }
    Place inside(const char* array, std::size_t at) const {
        Place place = *this;
        place.part = array;
        place.partIndex = at;
        return place;
    }
    std::string str() const {
        std::string out = kind ? std::string(kind) + " " + inQuotes(id) : std::string(what);
        if (!kind && index != kWhole) out += "[" + std::to_string(index) + "]";
        if (part) out += ": " + std::string(part) + "[" + std::to_string(partIndex) + "]";
        return out;
    }
};

// ---------------------------------------------------------------------------------------------------
// [SECTION] Error reporting and field access
// ---------------------------------------------------------------------------------------------------

class StoryReader {
public:
    StoryReader(std::string_view text, std::string fileName, const StoryLoadOptions& options,
                std::vector<StoryError>& errors)
        : text_(text), file_(std::move(fileName)), options_(options), errors_(errors) {}

    // Reads the whole document. Returns false when the JSON itself is at fault (see problem()).
    bool read(od::document& document, Story& story);
    const JsonProblem& problem() const { return problem_; }

private:
    void report(StoryErrorKind kind, std::size_t offset, const std::string& message) {
        if (errors_.size() >= options_.maxErrors) return;
        const std::size_t resumeAt = std::max(offset, lastReportedOffset_) == offset ? lastReportedOffset_ : 0;
        // Line numbers count from the last reported position onward when errors come in file order.
        TextPosition position;
        if (resumeAt > 0 && offset >= resumeAt) {
            const TextPosition tail = textPositionOf(text_.substr(resumeAt), offset - resumeAt);
            position.line = lastPosition_.line + tail.line - 1;
            position.column = tail.line == 1 ? lastPosition_.column + tail.column - 1 : tail.column;
        } else {
            position = textPositionOf(text_, offset);
        }
        lastReportedOffset_ = offset;
        lastPosition_ = position;
        errors_.push_back({kind, file_, position.line, position.column, message});
        errorOffsets_.push_back(offset);
    }

    void checkKnownFields(const JsonNode& object, std::initializer_list<std::string_view> known, const Place& place) {
        for (std::size_t child : object.children) {
            const JsonNode& member = tree_[child];
            const bool isKnown =
                std::any_of(known.begin(), known.end(), [&](std::string_view name) { return member.key == name; });
            if (!isKnown) {
                report(StoryErrorKind::UnknownField, member.keyOffset, place.str() + ": unknown field " + inQuotes(member.key));
            }
        }
    }

    const JsonNode* field(const JsonNode& object, std::string_view name, bool required, const Place& place) {
        const JsonNode* found = tree_.member(object, name);
        if (!found && required) {
            report(StoryErrorKind::MissingField, object.offset, place.str() + ": missing field " + inQuotes(name));
        }
        return found;
    }

    void wrongType(const JsonNode& value, std::string_view name, const Place& place, const char* expected) {
        report(StoryErrorKind::WrongType, value.offset,
               place.str() + ": field " + inQuotes(name) + " must be " + expected + ", not " + typeName(value.type));
    }

    // A string field as it is in the file (or the parser's buffer): valid while the story is read.
    bool readText(const JsonNode& object, std::string_view name, bool required, const Place& place, std::string_view& out,
                  std::size_t* offset = nullptr) {
        const JsonNode* value = field(object, name, required, place);
        if (!value) return !required;
        if (offset) *offset = value->offset;
        if (value->type != JsonType::String) {
            wrongType(*value, name, place, "a string");
            return false;
        }
        out = value->string;
        return true;
    }

    // A required string that must not be empty (ids, titles).
    bool readNameText(const JsonNode& object, std::string_view name, const Place& place, std::string_view& out,
                      std::size_t* offset = nullptr) {
        if (!readText(object, name, true, place, out, offset)) return false;
        if (out.empty()) {
            report(StoryErrorKind::InvalidValue, tree_.member(object, name)->offset,
                   place.str() + ": field " + inQuotes(name) + " must not be empty");
            return false;
        }
        return true;
    }

    // The same two, kept in the story's text.
    bool readString(const JsonNode& object, std::string_view name, bool required, const Place& place, StoryString& out,
                    std::size_t* offset = nullptr) {
        std::string_view text;
        if (!readText(object, name, required, place, text, offset)) return false;
        out = strings_.add(text);
        return true;
    }
    bool readName(const JsonNode& object, std::string_view name, const Place& place, StoryString& out,
                  std::size_t* offset = nullptr) {
        std::string_view text;
        if (!readNameText(object, name, place, text, offset)) return false;
        out = strings_.add(text);
        return true;
    }

    bool readTime(const JsonNode& object, std::string_view name, const Place& place, double& out,
                  std::size_t* offset = nullptr) {
        const JsonNode* value = field(object, name, true, place);
        if (!value) return false;
        if (offset) *offset = value->offset;
        if (value->type != JsonType::Number) {
            wrongType(*value, name, place, "a number");
            return false;
        }
        out = value->number;
        if (!std::isfinite(out)) {
            report(StoryErrorKind::InvalidValue, value->offset, place.str() + ": field " + inQuotes(name) + " is out of range");
            return false;
        }
        return true;
    }

    const JsonNode* readArray(const JsonNode& object, std::string_view name, bool required, const Place& place) {
        const JsonNode* value = field(object, name, required, place);
        if (!value) return nullptr;
        if (value->type != JsonType::Array) {
            wrongType(*value, name, place, "an array");
            return nullptr;
        }
        return value;
    }

    bool expectObject(const JsonNode& item, const Place& place) {
        if (item.type == JsonType::Object) return true;
        report(StoryErrorKind::WrongType, item.offset, place.str() + " must be an object, not " + typeName(item.type));
        return false;
    }

    // Streams the items of the array `value` (a top-level field): each is read into the tree and handed
    // to `onItem(item, index)`. False when the JSON is at fault.
    template <typename OnItem>
    bool forEachItem(od::value value, std::size_t offset, const char* name, bool required, OnItem&& onItem) {
        od::json_type type;
        if (value.type().get(type)) return materializer_.fail(offset);
        if (type != od::json_type::array) {
            tree_.clear();
            std::size_t index = 0;
            if (!materializer_.read(value, tree_, index, 1)) return false;  // in the story's object
            wrongType(tree_[index], name, Place(), "an array");
            return true;
        }
        od::array array;
        if (value.get_array().get(array)) return materializer_.fail(offset);
        std::size_t count = 0;
        for (auto itemResult : array) {
            od::value item;
            if (std::move(itemResult).get(item)) return materializer_.fail(offset);
            tree_.clear();
            std::size_t index = 0;
            if (!materializer_.read(item, tree_, index, 2)) return false;  // in an array of the story's object
            onItem(tree_[index], count++);
        }
        if (count == 0 && required) report(StoryErrorKind::Empty, offset, std::string("story: has no ") + name);
        return true;
    }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Reading the parts of a story
    // -----------------------------------------------------------------------------------------------

    void readSource(const JsonNode& source, Story& story) {
        if (source.type != JsonType::Object) {
            wrongType(source, "source", Place(), "an object");
            return;
        }
        Place place;
        place.what = "source";
        checkKnownFields(source, {"title", "publisher", "url"}, place);
        readName(source, "title", place, story.source.title);
        readString(source, "publisher", false, place, story.source.publisher);
        readString(source, "url", false, place, story.source.url);
    }

    void readEra(const JsonNode& item, std::size_t index, Story& story) {
        const Place place = Place::item("eras", index);
        if (!expectObject(item, place)) return;
        checkKnownFields(item, {"name", "start", "end"}, place);
        Era era;
        std::string_view name;
        std::size_t startOffset = 0, endOffset = 0;
        bool good = readNameText(item, "name", place, name);
        good = readTime(item, "start", place, era.start, &startOffset) && good;
        good = readTime(item, "end", place, era.end, &endOffset) && good;
        if (!good) return;
        const std::string named = "era " + inQuotes(name);
        if (era.end <= era.start) {
            report(StoryErrorKind::InvalidValue, endOffset,
                   named + ": ends at " + formatTime(era.end) + ", not after its start " + formatTime(era.start));
            return;
        }
        if (!story.eras.empty() && era.start < story.eras.back().end) {
            report(StoryErrorKind::EventOrder, startOffset,
                   named + ": starts at " + formatTime(era.start) + ", before the previous era " +
                       inQuotes(story.eras.back().name) + " ends at " + formatTime(story.eras.back().end));
            return;
        }
        era.name = strings_.add(name);
        story.eras.push_back(era);
    }

    void readLane(const JsonNode& item, std::size_t index, Story& story) {
        Place place = Place::item("lanes", index);
        Lane lane;
        LaneReferences references;
        references.idOffset = item.offset;
        if (expectObject(item, place)) {
            checkKnownFields(item, {"id", "title", "kind", "forks_from", "rejoins_at"}, place);
            if (readName(item, "id", place, lane.id, &references.idOffset)) place.name("lane", lane.id);
            readName(item, "title", place, lane.title);
            std::string_view kind = "real";
            std::size_t kindOffset = 0;
            if (readText(item, "kind", false, place, kind, &kindOffset)) {
                if (kind == "dream") {
                    lane.kind = LaneKind::Dream;
                } else if (kind != "real") {
                    report(StoryErrorKind::InvalidValue, kindOffset,
                           place.str() + ": kind " + inQuotes(kind) + " is not \"real\" or \"dream\"");
                }
            }
            readText(item, "forks_from", false, place, references.forkId, &references.forkOffset);
            readText(item, "rejoins_at", false, place, references.rejoinId, &references.rejoinOffset);
            const auto laneIndex = static_cast<LaneIndex>(story.lanes.size());
            if (!lane.id.empty() && laneIds_.insert(lane.id, laneIndex) != laneIndex) {
                report(StoryErrorKind::DuplicateId, references.idOffset, place.str() + ": the id is used by another lane");
            }
        }
        laneReferences_.push_back(references);
        story.lanes.push_back(std::move(lane));
    }

    void readQuotes(const JsonNode& item, const Place& place, Event& event) {
        const JsonNode* quotes = readArray(item, "quotes", false, place);
        if (!quotes) return;
        event.quotes.reserve(quotes->children.size());
        for (std::size_t i = 0; i < quotes->children.size(); ++i) {
            const Place quotePlace = place.inside("quotes", i);
            const JsonNode& quoteNode = tree_.item(*quotes, i);
            if (!expectObject(quoteNode, quotePlace)) continue;
            checkKnownFields(quoteNode, {"speaker", "words"}, quotePlace);
            Quote quote;
            bool good = readName(quoteNode, "speaker", quotePlace, quote.speaker);
            good = readName(quoteNode, "words", quotePlace, quote.words) && good;
            if (good) event.quotes.push_back(quote);
        }
    }

    void readCommentary(const JsonNode& item, const Place& place, Event& event) {
        const JsonNode* commentary = readArray(item, "commentary", false, place);
        if (!commentary) return;
        event.commentary.reserve(commentary->children.size());
        for (std::size_t i = 0; i < commentary->children.size(); ++i) {
            const Place notePlace = place.inside("commentary", i);
            const JsonNode& noteNode = tree_.item(*commentary, i);
            if (!expectObject(noteNode, notePlace)) continue;
            checkKnownFields(noteNode, {"text", "attribution"}, notePlace);
            Commentary note;
            bool good = readName(noteNode, "text", notePlace, note.text);
            good = readName(noteNode, "attribution", notePlace, note.attribution) && good;
            if (good) event.commentary.push_back(note);
        }
    }

    void readEvent(const JsonNode& item, std::size_t index, Story& story) {
        Place place = Place::item("events", index);
        Event& event = story.events.emplace_back();
        EventReferences& references = eventReferences_.emplace_back();
        references.idOffset = references.laneOffset = references.timeOffset = item.offset;
        if (!expectObject(item, place)) return;
        checkKnownFields(item, {"id", "lane", "time", "title", "summary", "quotes", "commentary"}, place);
        std::uint32_t idHash = 0;
        if (readName(item, "id", place, event.id, &references.idOffset)) {
            place.name("event", event.id);
            idHash = IdTable::hashOf(event.id);
            eventIds_.prefetch(idHash);  // inserted below, once the rest of the event is read
        }
        if (readNameText(item, "lane", place, references.laneId, &references.laneOffset)) {
            references.lane = laneIds_.find(references.laneId);
        }
        references.hasTime = readTime(item, "time", place, event.time, &references.timeOffset);
        readName(item, "title", place, event.title);
        readString(item, "summary", false, place, event.summary);
        readQuotes(item, place, event);
        readCommentary(item, place, event);
        const auto eventIndex = static_cast<EventIndex>(index);
        if (!event.id.empty() && eventIds_.insert(event.id, idHash, eventIndex) != eventIndex) {
            report(StoryErrorKind::DuplicateId, references.idOffset, place.str() + ": the id is used by another event");
        }
    }

    void readPair(const JsonNode& pair, std::size_t index) {
        if (pair.type != JsonType::Array || pair.children.size() != 2 || tree_.item(pair, 0).type != JsonType::String ||
            tree_.item(pair, 1).type != JsonType::String) {
            report(StoryErrorKind::WrongType, pair.offset, Place::item("pairs", index).str() + " must be an array of two event ids");
            pairReferences_.push_back({});  // keeps the indices of later pairs
            pairReferences_.back().offset = std::string::npos;
            return;
        }
        PairReferences references;
        references.offset = pair.offset;
        for (std::size_t k = 0; k < 2; ++k) {
            references.ids[k] = tree_.item(pair, k).string;
            references.idOffsets[k] = tree_.item(pair, k).offset;
        }
        pairReferences_.push_back(references);
    }

    // -----------------------------------------------------------------------------------------------
    // [SECTION] Cross-checks: references, forks and time order
    // -----------------------------------------------------------------------------------------------

    EventIndex findEventId(std::string_view id) const {
        return eventIds_.find(id);
    }

    // Lanes of events, and time order within each lane.
    void linkEvents(Story& story) {
        for (std::size_t i = 0; i < story.events.size(); ++i) {
            Event& event = story.events[i];
            const EventReferences& references = eventReferences_[i];
            if (references.laneId.empty()) continue;
            Place place = Place::item("events", i);
            if (!event.id.empty()) place.name("event", event.id);
            if (references.lane == kNone) {
                event.lane = laneIds_.find(references.laneId);
                if (event.lane == kNone) {
                    report(StoryErrorKind::UnknownReference, references.laneOffset,
                           place.str() + ": unknown lane " + inQuotes(references.laneId));
                    continue;
                }
            } else {
                event.lane = references.lane;
            }
            if (!references.hasTime) continue;
            Lane& owner = story.lanes[static_cast<std::size_t>(event.lane)];
            if (!owner.events.empty()) {
                const Event& previous = story.events[static_cast<std::size_t>(owner.events.back())];
                if (event.time < previous.time) {
                    report(StoryErrorKind::EventOrder, references.timeOffset,
                           place.str() + ": at time " + formatTime(event.time) + ", before " + inQuotes(previous.id) +
                               " (time " + formatTime(previous.time) + ") listed earlier in lane " + inQuotes(owner.id));
                }
            }
            owner.events.push_back(static_cast<EventIndex>(i));
        }
    }

    EventIndex resolveLaneEvent(const Story& story, std::size_t laneIndex, const char* fieldName, std::string_view id,
                                std::size_t offset) {
        if (id.empty()) return kNone;
        const EventIndex event = findEventId(id);
        if (event == kNone) {
            report(StoryErrorKind::UnknownReference, offset,
                   "lane " + inQuotes(story.lanes[laneIndex].id) + ": " + fieldName + " names unknown event " + inQuotes(id));
        }
        return event;
    }

    void linkForks(Story& story) {
        for (std::size_t i = 0; i < story.lanes.size(); ++i) {
            Lane& lane = story.lanes[i];
            const LaneReferences& references = laneReferences_[i];
            const std::string context = "lane " + inQuotes(lane.id);
            lane.forkEvent = resolveLaneEvent(story, i, "forks_from", references.forkId, references.forkOffset);
            lane.rejoinEvent = resolveLaneEvent(story, i, "rejoins_at", references.rejoinId, references.rejoinOffset);
            if (lane.rejoinEvent != kNone && references.forkId.empty()) {
                report(StoryErrorKind::InvalidValue, references.rejoinOffset,
                       context + ": rejoins_at needs forks_from: a lane can only rejoin the lane it forked from");
                lane.rejoinEvent = kNone;
            }
            if (lane.forkEvent == kNone) continue;
            const Event& fork = story.events[static_cast<std::size_t>(lane.forkEvent)];
            if (fork.lane == static_cast<LaneIndex>(i)) {
                report(StoryErrorKind::InvalidValue, references.forkOffset,
                       context + ": forks_from names " + inQuotes(fork.id) + ", an event of this same lane");
                lane.forkEvent = kNone;
                continue;
            }
            if (!lane.events.empty()) {
                const Event& first = story.events[static_cast<std::size_t>(lane.events.front())];
                if (first.time < fork.time) {
                    report(StoryErrorKind::ForkOrder, references.forkOffset,
                           context + ": forks from " + inQuotes(fork.id) + " at time " + formatTime(fork.time) +
                               ", after its first event " + inQuotes(first.id) + " at time " + formatTime(first.time));
                }
            }
            if (lane.rejoinEvent == kNone) continue;
            const Event& rejoin = story.events[static_cast<std::size_t>(lane.rejoinEvent)];
            if (rejoin.lane != fork.lane) {
                report(StoryErrorKind::InvalidValue, references.rejoinOffset,
                       context + ": rejoins at " + inQuotes(rejoin.id) + ", which is not in the lane it forks from");
                lane.rejoinEvent = kNone;
                continue;
            }
            if (rejoin.time <= fork.time) {
                report(StoryErrorKind::ForkOrder, references.rejoinOffset,
                       context + ": rejoins at " + inQuotes(rejoin.id) + " (time " + formatTime(rejoin.time) +
                           "), not after it forks at " + inQuotes(fork.id) + " (time " + formatTime(fork.time) + ")");
                continue;
            }
            if (!lane.events.empty()) {
                const Event& last = story.events[static_cast<std::size_t>(lane.events.back())];
                if (last.time > rejoin.time) {
                    report(StoryErrorKind::ForkOrder, references.rejoinOffset,
                           context + ": rejoins at " + inQuotes(rejoin.id) + " at time " + formatTime(rejoin.time) +
                               ", before its last event " + inQuotes(last.id) + " at time " + formatTime(last.time));
                }
            }
        }
        // A lane must not descend from itself through a chain of forks.
        for (std::size_t i = 0; i < story.lanes.size(); ++i) {
            LaneIndex ancestor = static_cast<LaneIndex>(i);
            for (std::size_t steps = 0; steps <= story.lanes.size() && ancestor != kNone; ++steps) {
                ancestor = story.parentLane(ancestor);
                if (ancestor == static_cast<LaneIndex>(i)) {
                    report(StoryErrorKind::InvalidValue, laneReferences_[i].forkOffset,
                           "lane " + inQuotes(story.lanes[i].id) + ": forks from a lane that forks from it in turn");
                    story.lanes[i].forkEvent = kNone;
                    break;
                }
            }
        }
    }

    void linkPairs(Story& story) {
        for (std::size_t i = 0; i < pairReferences_.size(); ++i) {
            const PairReferences& references = pairReferences_[i];
            if (references.offset == std::string::npos) continue;  // reported as malformed
            const Place place = Place::item("pairs", i);
            EventIndex ends[2] = {kNone, kNone};
            for (std::size_t k = 0; k < 2; ++k) {
                ends[k] = findEventId(references.ids[k]);
                if (ends[k] == kNone) {
                    report(StoryErrorKind::UnknownReference, references.idOffsets[k],
                           place.str() + ": unknown event " + inQuotes(references.ids[k]));
                }
            }
            if (ends[0] == kNone || ends[1] == kNone) continue;
            Event& a = story.events[static_cast<std::size_t>(ends[0])];
            Event& b = story.events[static_cast<std::size_t>(ends[1])];
            if (a.lane == b.lane) {
                report(StoryErrorKind::InvalidValue, references.offset,
                       place.str() + ": " + inQuotes(a.id) + " and " + inQuotes(b.id) +
                           " are in the same lane; a pair joins the same moment in two lanes");
                continue;
            }
            a.counterparts.push_back(ends[1]);
            b.counterparts.push_back(ends[0]);
        }
    }

    std::string_view text_;
    std::string file_;
    const StoryLoadOptions& options_;
    std::vector<StoryError>& errors_;
    std::vector<std::size_t> errorOffsets_;  // parallel to errors_, for putting them in file order
    std::size_t lastReportedOffset_ = 0;
    TextPosition lastPosition_;
    JsonProblem problem_;
    JsonMaterializer materializer_{text_.data(), problem_};
    JsonTree tree_;
    StoryTextBuilder strings_{text_.size() + 1};  // the story's strings fit in the text they are read from
    // Keys view the story's text or the file.
    IdTable laneIds_;
    IdTable eventIds_{text_.size() / 1024 + 16};  // the first event of each id; grows when stories are dense
    std::vector<LaneReferences> laneReferences_;
    std::vector<EventReferences> eventReferences_;
    std::vector<PairReferences> pairReferences_;

public:
    // Puts the errors in file order (cross-checks find some after later items were read).
    void sortErrors() {
        std::vector<std::size_t> order(errors_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return errorOffsets_[a] < errorOffsets_[b]; });
        std::vector<StoryError> sorted;
        sorted.reserve(errors_.size());
        for (std::size_t index : order) sorted.push_back(std::move(errors_[index]));
        errors_ = std::move(sorted);
    }
};

bool StoryReader::read(od::document& document, Story& story) {
    od::json_type rootType;
    if (document.type().get(rootType)) return materializer_.fail(0);
    if (rootType != od::json_type::object) {
        const JsonType type = rootType == od::json_type::array    ? JsonType::Array
                              : rootType == od::json_type::string  ? JsonType::String
                              : rootType == od::json_type::number  ? JsonType::Number
                              : rootType == od::json_type::boolean ? JsonType::Boolean
                                                                   : JsonType::Null;
        report(StoryErrorKind::WrongType, 0, std::string("the story must be a JSON object, not ") + typeName(type));
        return true;
    }
    od::object root;
    if (document.get_object().get(root)) return materializer_.fail(0);
    // Room for as many events as a valid file could hold (an event takes at least ~40 bytes of JSON), so
    // these vectors do not regrow while reading; untouched room costs address space, not memory.
    const std::size_t mostEvents = text_.size() / 40 + 16;
    story.events.reserve(mostEvents);
    eventReferences_.reserve(mostEvents);
    adviseHugePages(story.events.data(), story.events.capacity() * sizeof(Event));
    adviseHugePages(eventReferences_.data(), eventReferences_.capacity() * sizeof(EventReferences));

    // The small fields are gathered into one tree; the arrays are streamed item by item.
    JsonTree small;
    const std::size_t rootNode = small.add();
    small[rootNode].type = JsonType::Object;
    const std::size_t rootOffset = static_cast<std::size_t>(text_.find('{'));
    small[rootNode].offset = rootOffset;
    std::array<std::size_t, 4> arrayOffsets{};  // eras, lanes, events, pairs: where each began
    std::array<bool, 4> arraySeen{};
    const char* const arrays[] = {"eras", "lanes", "events", "pairs"};
    std::vector<std::pair<std::string, std::size_t>> unknown;
    for (auto fieldResult : root) {
        od::field field;
        if (std::move(fieldResult).get(field)) return materializer_.fail(rootOffset);
        const std::size_t keyOffset = static_cast<std::size_t>(field.key().raw() - text_.data()) - 1;
        std::string_view key;
        if (field.unescaped_key().get(key)) return materializer_.fail(keyOffset);
        const std::size_t valueOffset = static_cast<std::size_t>(field.value().raw_json_token().data() - text_.data());
        bool duplicate = small.member(small[rootNode], key) != nullptr;
        for (std::size_t a = 0; a < 4; ++a) duplicate = duplicate || (arraySeen[a] && key == arrays[a]);
        if (duplicate) {
            problem_ = {true, keyOffset, "duplicate key " + inQuotes(key)};
            return false;
        }
        bool streamed = false;
        for (std::size_t a = 0; a < 4 && !streamed; ++a) {
            if (key != arrays[a]) continue;
            streamed = true;
            arraySeen[a] = true;
            arrayOffsets[a] = valueOffset;
            bool ok = true;
            switch (a) {
                case 0: ok = forEachItem(field.value(), valueOffset, "eras", false,
                                         [&](const JsonNode& item, std::size_t i) { readEra(item, i, story); });
                    break;
                case 1: ok = forEachItem(field.value(), valueOffset, "lanes", true,
                                         [&](const JsonNode& item, std::size_t i) { readLane(item, i, story); });
                    break;
                case 2: ok = forEachItem(field.value(), valueOffset, "events", true,
                                         [&](const JsonNode& item, std::size_t i) { readEvent(item, i, story); });
                    break;
                case 3: ok = forEachItem(field.value(), valueOffset, "pairs", false,
                                         [&](const JsonNode& item, std::size_t i) { readPair(item, i); });
                    break;
            }
            if (!ok) return false;
        }
        if (streamed) continue;
        JsonMaterializer smallReader(text_.data(), problem_);
        std::size_t child = 0;
        if (!smallReader.read(field.value(), small, child, 1)) return false;
        small[child].key = key;
        small[child].keyOffset = keyOffset;
        small[rootNode].children.push_back(child);
        if (key != "format" && key != "title" && key != "source") unknown.emplace_back(std::string(key), keyOffset);
    }
    // Nothing but white space may follow the story's object.
    const char* rest = nullptr;
    if (!document.current_location().get(rest)) {
        const auto restOffset = static_cast<std::size_t>(rest - text_.data());
        if (text_.find_first_not_of(" \t\r\n", restOffset) != std::string_view::npos) return materializer_.fail(restOffset);
    }

    for (const auto& [key, offset] : unknown) report(StoryErrorKind::UnknownField, offset, "story: unknown field " + inQuotes(key));
    std::swap(tree_, small);  // the field helpers read from tree_
    const JsonNode& rootObject = tree_[rootNode];
    std::string_view format;
    std::size_t formatOffset = 0;
    if (readText(rootObject, "format", true, Place(), format, &formatOffset) && format != "epilogue-story/1") {
        report(StoryErrorKind::InvalidValue, formatOffset, "story: format " + inQuotes(format) + " is not \"epilogue-story/1\"");
    }
    readName(rootObject, "title", Place(), story.title);
    if (const JsonNode* source = tree_.member(rootObject, "source")) readSource(*source, story);
    if (!arraySeen[1]) report(StoryErrorKind::MissingField, rootOffset, "story: missing field \"lanes\"");
    if (!arraySeen[2]) report(StoryErrorKind::MissingField, rootOffset, "story: missing field \"events\"");

    linkEvents(story);
    linkForks(story);
    linkPairs(story);
    for (const Lane& lane : story.lanes) {
        if (lane.forkEvent != kNone) story.events[static_cast<std::size_t>(lane.forkEvent)].isFork = true;
        if (lane.rejoinEvent != kNone) story.events[static_cast<std::size_t>(lane.rejoinEvent)].isRejoin = true;
    }
    story.timeOrder.resize(story.events.size());
    for (std::size_t i = 0; i < story.timeOrder.size(); ++i) story.timeOrder[i] = static_cast<EventIndex>(i);
    std::stable_sort(story.timeOrder.begin(), story.timeOrder.end(), [&](EventIndex a, EventIndex b) {
        return story.events[static_cast<std::size_t>(a)].time < story.events[static_cast<std::size_t>(b)].time;
    });
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
    story.text = strings_.finish();
    sortErrors();
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------------
// [SECTION] Entry points
// ---------------------------------------------------------------------------------------------------

namespace {

StoryLoadResult parsePadded(simdjson::padded_string_view padded, const std::string& fileName,
                            const StoryLoadOptions& options) {
    const std::string_view text(padded.data(), padded.size());
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
    if (!simdjson::validate_utf8(text.data(), text.size())) {
        const std::size_t bad = findInvalidUtf8(text).value_or(0);
        std::ostringstream message;
        message << "invalid UTF-8: byte 0x" << std::hex << std::uppercase
                << static_cast<unsigned>(static_cast<unsigned char>(text[bad])) << " does not start a well-formed character";
        return fail(StoryErrorKind::InvalidUtf8, bad, message.str(), true);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return fail(StoryErrorKind::Empty, 0, "the file is empty", false);
    }
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document document;
    StoryReader reader(text, fileName, options, result.errors);
    bool wellFormed = false;
    if (!parser.iterate(padded).get(document)) wellFormed = reader.read(document, result.story);
    if (!wellFormed) {
        // The JSON itself is at fault: nlohmann-json's parser names the character; a duplicate key was
        // found by the reader.
        result.errors.clear();
        result.story = Story{};
        const JsonProblem& problem = reader.problem();
        if (!problem.message.empty()) return fail(StoryErrorKind::Syntax, problem.offset, problem.message, true);
        const LocatedJson located = parseLocatedJson(text);
        if (!located.errors.empty()) {
            return fail(StoryErrorKind::Syntax, located.errors.front().offset, located.errors.front().message, true);
        }
        return fail(StoryErrorKind::Syntax, problem.offset, "malformed JSON", true);
    }
    if (!result.errors.empty()) result.story = Story{};  // never hand out a half-loaded story
    else result.story.sourceHash = hashBytes(text);
    return result;
}

}  // namespace

StoryLoadResult parseStory(std::string_view text, const std::string& fileName, const StoryLoadOptions& options) {
    const simdjson::padded_string copy(text.data(), text.size());
    return parsePadded(copy, fileName, options);
}

StoryLoadResult loadStoryFile(const std::string& path, const StoryLoadOptions& options) {
    StoryLoadResult result;
    auto fail = [&](StoryErrorKind kind, const std::string& message) {
        result.errors.push_back({kind, path, 0, 0, message});
        return result;
    };
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(StoryErrorKind::Io, "cannot open the file");
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat status {};
    if (::fstat(fd, &status) != 0) return fail(StoryErrorKind::Io, "cannot read the file");
    if (S_ISDIR(status.st_mode)) return fail(StoryErrorKind::Io, "is a directory, not a story file");
    const auto length = static_cast<std::size_t>(std::max<off_t>(status.st_size, 0));
    if (length > options.maxBytes) {
        return fail(StoryErrorKind::TooLarge, "the file is " + std::to_string(length) + " bytes, over the limit of " +
                                                  std::to_string(options.maxBytes) + " bytes");
    }
    // The file is read into memory of the loader's own (a large block gets the huge-page hint), not mapped:
    // a mapped file that another program truncates mid-load (an editor saving in place while the window
    // reloads) would kill the process with SIGBUS.
    std::optional<TextBlock> buffer;
    try {
        buffer.emplace(length + simdjson::SIMDJSON_PADDING);
    } catch (const std::bad_alloc&) {
        return fail(StoryErrorKind::Io, "not enough memory to read the file");
    }
    std::size_t filled = 0;
    while (filled < length) {
        const ssize_t got = ::read(fd, buffer->data() + filled, length - filled);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return fail(StoryErrorKind::Io, std::string("cannot read the file: ") + std::strerror(errno));
        if (got == 0) break;  // it shrank while being read (a save in progress): what was read is checked
        filled += static_cast<std::size_t>(got);
    }
    std::memset(buffer->data() + filled, 0, buffer->size() - filled);  // simdjson reads into the padding
    return parsePadded(simdjson::padded_string_view(buffer->data(), filled, buffer->size()), path, options);
}

}  // namespace epilogue
