// Materializing one item of a story file: simdjson On Demand values -> a JsonTree of located values.
#include "story/story_json_tree.h"

#include "story/story_messages.h"

namespace epilogue {

namespace od = simdjson::ondemand;

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

bool JsonMaterializer::read(od::value value, JsonTree& tree, std::size_t& index, int depth) {
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

}  // namespace epilogue
