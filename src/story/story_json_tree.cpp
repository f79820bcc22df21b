// The cold part of the located item tree: naming JSON types for messages. The materializer itself is inline
// in story_json_tree.h, for the field reader to compile into its item loop.
#include "story/story_json_tree.h"

namespace epilogue {

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

}  // namespace epilogue
