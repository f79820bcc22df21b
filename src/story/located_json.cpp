// A SAX handler for nlohmann-json that builds the DOM (as nlohmann's own DOM parser does) and records
// where each value starts. The input runs through an iterator that publishes how far the lexer has
// read; at each SAX callback that is the end of the token just read, and the token's start is found
// by scanning back over it.
#include "story/located_json.h"

#include <iterator>

namespace epilogue {

namespace {

// An input iterator over the text that writes its position to a shared cursor whenever it advances.
class TrackingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    TrackingIterator(const char* at, const char** cursor) : at_(at), cursor_(cursor) {}
    reference operator*() const { return *at_; }
    TrackingIterator& operator++() {
        ++at_;
        *cursor_ = at_;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }
    bool operator!=(const TrackingIterator& other) const { return at_ != other.at_; }

private:
    const char* at_;
    const char** cursor_;
};

bool isScalarTokenChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '+' ||
           c == '-';
}

}  // namespace

const void* JsonLocations::identity(const Json& container) {
    if (container.is_object()) return &container.get_ref<const Json::object_t&>();
    if (container.is_array()) return &container.get_ref<const Json::array_t&>();
    return nullptr;
}

std::size_t JsonLocations::of(const Json& container) const {
    auto found = containers_.find(identity(container));
    return found == containers_.end() ? 0 : found->second.offset;
}

std::size_t JsonLocations::ofMember(const Json& object, const std::string& key) const {
    auto found = containers_.find(identity(object));
    if (found == containers_.end()) return 0;
    auto member = found->second.members.find(key);
    return member == found->second.members.end() ? found->second.offset : member->second;
}

std::size_t JsonLocations::ofKey(const Json& object, const std::string& key) const {
    auto found = containers_.find(identity(object));
    if (found == containers_.end()) return 0;
    auto member = found->second.keys.find(key);
    return member == found->second.keys.end() ? found->second.offset : member->second;
}

std::size_t JsonLocations::ofItem(const Json& array, std::size_t index) const {
    auto found = containers_.find(identity(array));
    if (found == containers_.end()) return 0;
    const auto& items = found->second.items;
    return index < items.size() ? items[index] : found->second.offset;
}

class LocatingDomBuilder {
public:
    LocatingDomBuilder(std::string_view text, const char* const* cursor, LocatedJson& out)
        : text_(text), cursor_(cursor), out_(out) {}

    bool null() { return addValue(nullptr, scalarStart()); }
    bool boolean(bool value) { return addValue(value, scalarStart()); }
    bool number_integer(Json::number_integer_t value) { return addValue(value, scalarStart()); }
    bool number_unsigned(Json::number_unsigned_t value) { return addValue(value, scalarStart()); }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return addValue(value, scalarStart()); }
    bool string(Json::string_t& value) { return addValue(std::move(value), stringStart()); }
    bool binary(Json::binary_t&) { return false; }  // never produced by the JSON lexer

    bool start_object(std::size_t) { return startContainer(Json::object()); }
    bool start_array(std::size_t) { return startContainer(Json::array()); }
    bool end_object() { return endContainer(); }
    bool end_array() { return endContainer(); }

    bool key(Json::string_t& key) {
        const std::size_t keyOffset = stringStart();
        auto& keys = currentContainer().keys;
        if (keys.count(key) != 0) {
            out_.errors.push_back({keyOffset, "duplicate key \"" + key + "\""});
            return false;
        }
        keys.emplace(key, keyOffset);
        pendingKey_ = std::move(key);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
        // nlohmann counts the offending character as read; point at it, not past it.
        std::string message = error.what();
        const auto detail = message.find("syntax error");
        if (detail != std::string::npos) message = message.substr(detail);
        out_.errors.push_back({position > 0 ? position - 1 : 0, message});
        return false;
    }

private:
    std::size_t readSoFar() const { return static_cast<std::size_t>(*cursor_ - text_.data()); }

    // The lexer stops right after a string's closing quote: scan back to the unescaped opening quote.
    std::size_t stringStart() const {
        std::size_t closing = readSoFar() - 1;
        for (std::size_t i = closing; i-- > 0;) {
            if (text_[i] != '"') continue;
            std::size_t backslashes = 0;
            while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }

    // Numbers make the lexer read one character past them; literals do not. Either way, back up to the token.
    std::size_t scalarStart() const {
        std::size_t end = readSoFar();
        while (end > 0 && !isScalarTokenChar(text_[end - 1])) --end;
        while (end > 0 && isScalarTokenChar(text_[end - 1])) --end;
        return end;
    }

    JsonLocations::Container& currentContainer() { return *containerStack_.back(); }

    template <typename Value>
    Json* addValue(Value&& value, std::size_t offset) {
        if (stack_.empty()) {
            out_.root = Json(std::forward<Value>(value));
            return &out_.root;
        }
        Json& parent = *stack_.back();
        if (parent.is_array()) {
            auto& items = parent.get_ref<Json::array_t&>();
            items.emplace_back(std::forward<Value>(value));
            currentContainer().items.push_back(offset);
            return &items.back();
        }
        auto& members = parent.get_ref<Json::object_t&>();
        Json& slot = members[pendingKey_];
        slot = Json(std::forward<Value>(value));
        currentContainer().members[pendingKey_] = offset;
        return &slot;
    }

    bool startContainer(Json&& empty) {
        const std::size_t offset = readSoFar() - 1;  // the '{' or '[' just read
        Json* container = addValue(std::move(empty), offset);
        auto& record = out_.locations.containers_[JsonLocations::identity(*container)];
        record.offset = offset;
        stack_.push_back(container);
        containerStack_.push_back(&record);
        return true;
    }

    bool endContainer() {
        stack_.pop_back();
        containerStack_.pop_back();
        return true;
    }

    std::string_view text_;
    const char* const* cursor_;
    LocatedJson& out_;
    std::vector<Json*> stack_;
    std::vector<JsonLocations::Container*> containerStack_;
    std::string pendingKey_;
};

LocatedJson parseLocatedJson(std::string_view text) {
    LocatedJson result;
    const char* cursor = text.data();
    LocatingDomBuilder builder(text, &cursor, result);
    TrackingIterator first(text.data(), &cursor);
    TrackingIterator last(text.data() + text.size(), &cursor);
    const bool parsed = Json::sax_parse(first, last, &builder);
    if (!parsed && result.errors.empty()) result.errors.push_back({0, "the JSON could not be parsed"});
    if (!result.errors.empty()) result.root = Json();
    return result;
}

}  // namespace epilogue
