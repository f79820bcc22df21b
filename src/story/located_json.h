// JSON parsing that remembers where each value starts in the text, so that a story's semantic errors
// ("unknown lane") can name a line and column, not only its syntax errors. nlohmann-json does the
// parsing through its SAX interface; this file adds the source offsets it does not keep.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace epilogue {

using Json = nlohmann::json;

// Source offsets of the values of one parsed document, looked up through the containers that hold them.
// Containers are keyed by the address of their heap storage, which stays put when the DOM is moved.
class JsonLocations {
public:
    std::size_t of(const Json& container) const;  // an object's or array's own offset ('{' or '[')
    std::size_t ofMember(const Json& object, const std::string& key) const;  // where the member's value starts
    std::size_t ofItem(const Json& array, std::size_t index) const;
    std::size_t ofKey(const Json& object, const std::string& key) const;  // where the member's key starts

private:
    friend class LocatingDomBuilder;
    struct Container {
        std::size_t offset = 0;
        std::unordered_map<std::string, std::size_t> members;
        std::unordered_map<std::string, std::size_t> keys;
        std::vector<std::size_t> items;
    };
    static const void* identity(const Json& container);
    std::unordered_map<const void*, Container> containers_;
};

struct JsonSyntaxError {
    std::size_t offset = 0;
    std::string message;
};

struct LocatedJson {
    Json root;
    JsonLocations locations;
    std::vector<JsonSyntaxError> errors;  // empty when the text parsed; then root is complete
};

// Parses strict JSON (no comments, no trailing commas). Duplicate keys in an object are errors.
LocatedJson parseLocatedJson(std::string_view text);

}  // namespace epilogue
