// One item of a story file (a lane, an event, a pair) as a small tree of located JSON values, read from
// simdjson's On Demand parser. The loader streams the story's arrays and materializes one item at a time
// into a reused tree, so no tree is ever built for the whole file. The hot parts are inline here, to be
// compiled into the field reader (story_fields.cpp); story_json_tree.cpp holds the cold rest.
//
// Include only from files compiled with the loader's simdjson flags (see CMakeLists.txt): simdjson's On
// Demand code is compiled for the target CPU, and every file that uses it must agree on which.
#pragma once

#include "story/story_messages.h"

#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace epilogue {

enum class JsonType { Object, Array, String, Number, Boolean, Null };

// "a string", "an object"...: for messages that name what was found instead.
const char* typeName(JsonType type);

// Whether two keys are the same. Keys are short, and a story's items are read by comparing keys several
// times each: compared here in line, byte by byte, rather than through a call to memcmp.
inline bool sameKey(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) return false;
    }
    return true;
}

// A JSON value with the offset where it starts in the text. Strings view the file's text or the parser's
// buffer, which live as long as the document. Children of objects carry their key and its offset.
struct JsonNode {
    JsonType type = JsonType::Null;
    std::size_t offset = 0;
    std::string_view key;
    std::size_t keyOffset = 0;
    std::string_view string;
    double number = 0;
    std::vector<std::size_t> children;  // indices into the tree's node pool
};

// The nodes of one item, reused from item to item so that reading allocates little (each node keeps the
// room of its children list).
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

    // The member `name` of an object node, or nullptr. A linear search: an item has a handful of fields.
    const JsonNode* member(const JsonNode& object, std::string_view name) const {
        for (std::size_t child : object.children) {
            if (sameKey(nodes_[child].key, name)) return &nodes_[child];
        }
        return nullptr;
    }
    const JsonNode& item(const JsonNode& array, std::size_t index) const { return nodes_[array.children[index]]; }

private:
    std::vector<JsonNode> nodes_;
    std::size_t used_ = 0;
};

// A problem with the JSON itself (malformed text, a duplicate key, nesting too deep): reading stops, and
// the caller locates malformed text precisely (see located_json.h).
struct JsonProblem {
    bool found = false;
    std::size_t offset = 0;
    std::string message;  // set for duplicate keys and deep nesting; malformed text is described by the locator
};

// True when a string's text, as written in the file, holds a backslash, that is, when the parser must
// unescape it. (Raw control characters, which strict JSON forbids in strings, never get here: the parser
// refuses them before any value is read, as it does bytes that are not UTF-8.) glibc's memchr: this scan
// covers most of a story's bytes.
inline bool needsUnescaping(std::string_view inside) { return inside.find('\\') != std::string_view::npos; }

// A key without escapes, viewed in the file's text (`inside` follows its opening quote): true unless a
// backslash (or a NUL) comes before the closing quote. Keys read so never go through the parser's string
// buffer, which would otherwise hold a copy of every key of the file. (The parser found every string
// closed, and none with a raw control character, before any value is read.)
inline bool plainKey(const char* inside, std::string_view& key) {
    const char* end = inside;
    while (*end != '"' && *end != '\\' && *end != '\0') ++end;
    if (*end != '"') return false;
    key = std::string_view(inside, static_cast<std::size_t>(end - inside));
    return true;
}

class JsonMaterializer {
public:
    JsonMaterializer(const char* base, JsonProblem& problem) : base_(base), problem_(problem) {}

    // A story is never nested more than a few levels deep; far deeper nesting is refused before it could
    // exhaust the stack (each level is a call).
    static constexpr int kMaxDepth = 64;

    // Reads `value` and everything in it into `tree`; sets `index` to the value's node. False on a
    // problem with the JSON (see JsonProblem). `depth` is how many arrays and objects of the document
    // hold `value`.
    bool read(simdjson::ondemand::value value, JsonTree& tree, std::size_t& index, int depth);

    bool fail(std::size_t offset) {
        problem_ = {true, offset, ""};
        return false;
    }

private:
    const char* base_;
    JsonProblem& problem_;
};

// Inline, so that it is compiled with the field reader's item loop: out of line in a file of its own, the
// 100k-event load's best times were ~10% slower for the same instruction count.
inline bool JsonMaterializer::read(simdjson::ondemand::value value, JsonTree& tree, std::size_t& index, int depth) {
    index = tree.add();
    const std::size_t offset = static_cast<std::size_t>(value.raw_json_token().data() - base_);
    if (depth >= kMaxDepth) {
        problem_ = {true, offset, "arrays and objects nested more than " + std::to_string(kMaxDepth) + " deep"};
        return false;
    }
    simdjson::ondemand::json_type type;
    if (value.type().get(type)) return fail(offset);
    tree[index].offset = offset;
    switch (type) {
        case simdjson::ondemand::json_type::object: {
            tree[index].type = JsonType::Object;
            simdjson::ondemand::object object;
            if (value.get_object().get(object)) return fail(offset);
            for (auto fieldResult : object) {
                simdjson::ondemand::field field;
                if (std::move(fieldResult).get(field)) return fail(offset);
                const std::size_t keyOffset = static_cast<std::size_t>(field.key().raw() - base_) - 1;
                std::string_view key;
                if (!plainKey(field.key().raw(), key) && field.unescaped_key().get(key)) return fail(keyOffset);
                for (std::size_t sibling : tree[index].children) {
                    if (sameKey(tree[sibling].key, key)) {
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
        case simdjson::ondemand::json_type::array: {
            tree[index].type = JsonType::Array;
            simdjson::ondemand::array array;
            if (value.get_array().get(array)) return fail(offset);
            for (auto itemResult : array) {
                simdjson::ondemand::value item;
                if (std::move(itemResult).get(item)) return fail(offset);
                std::size_t child = 0;
                if (!read(item, tree, child, depth + 1)) return false;
                tree[index].children.push_back(child);
            }
            return true;
        }
        case simdjson::ondemand::json_type::string: {
            tree[index].type = JsonType::String;
            // Most strings have no escapes: view them in the file's text itself, which spares the
            // parser copying them into its own buffer (a large story's memory and time go to such
            // copies). Strings with escapes are unescaped by the parser.
            const std::string_view token = value.raw_json_token();
            const std::size_t closing = token.rfind('"');
            const std::string_view inside = closing > 0 && closing != std::string_view::npos
                                                ? token.substr(1, closing - 1)
                                                : std::string_view();
            // Plain: no escapes.
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
        case simdjson::ondemand::json_type::number: {
            tree[index].type = JsonType::Number;
            double number = 0;
            if (value.get_double().get(number)) return fail(offset);
            tree[index].number = number;
            return true;
        }
        case simdjson::ondemand::json_type::boolean: {
            tree[index].type = JsonType::Boolean;
            bool flag = false;
            if (value.get_bool().get(flag)) return fail(offset);
            tree[index].number = flag ? 1 : 0;
            return true;
        }
        case simdjson::ondemand::json_type::null: {
            tree[index].type = JsonType::Null;
            bool isNull = false;  // a literal that starts like null but is not ("nul", "nullx")
            if (value.is_null().get(isNull) || !isNull) return fail(offset);
            return true;
        }
    }
    return fail(offset);
}

}  // namespace epilogue
