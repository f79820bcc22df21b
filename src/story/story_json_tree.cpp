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

}  // namespace epilogue
