// A SAX handler for nlohmann-json that keeps nothing of the values it is shown, only the keys of the
// objects still open (to find duplicate keys) and the first error. The input runs through an iterator that
// publishes how far the lexer has read; at a key's callback that is the end of the key just read, and the
// key's start is found by scanning back over it.
#include "story/located_json.h"

#include "story/story_messages.h"
#include "story/terminal_text.h"

#include <nlohmann/json.hpp>

#include <iterator>
#include <unordered_set>
#include <vector>

namespace epilogue {

namespace {

using Json = nlohmann::json;

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

class SyntaxErrorFinder {
public:
    SyntaxErrorFinder(std::string_view text, const char* const* cursor) : text_(text), cursor_(cursor) {}

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
    bool string(Json::string_t&) { return true; }
    bool binary(Json::binary_t&) { return false; }  // never produced by the JSON lexer

    bool start_object(std::size_t) {
        openKeys_.emplace_back();
        return true;
    }
    bool end_object() {
        openKeys_.pop_back();
        return true;
    }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }

    bool key(Json::string_t& key) {
        if (openKeys_.back().insert(key).second) return true;
        error_ = JsonSyntaxError{keyStart(), "duplicate key " + inQuotes(key)};
        return false;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
        // nlohmann counts the offending character as read; point at it, not past it.
        error_ = JsonSyntaxError{position > 0 ? position - 1 : 0, describeJsonError(error.what())};
        return false;
    }

    std::optional<JsonSyntaxError>& error() { return error_; }

private:
    // The lexer stops right after a key's closing quote: scan back to the unescaped opening quote.
    std::size_t keyStart() const {
        const auto closing = static_cast<std::size_t>(*cursor_ - text_.data()) - 1;
        for (std::size_t i = closing; i-- > 0;) {
            if (text_[i] != '"') continue;
            std::size_t backslashes = 0;
            while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return 0;
    }

    std::string_view text_;
    const char* const* cursor_;
    std::vector<std::unordered_set<std::string>> openKeys_;  // one set per object still open
    std::optional<JsonSyntaxError> error_;
};

}  // namespace

std::string describeJsonError(const std::string& what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing ...":
    // from "syntax error" on; other errors ("[json.exception.out_of_range.406] number overflow parsing
    // '1e400'") from after the id.
    std::string message = what;
    const auto detail = message.find("syntax error");
    if (detail != std::string::npos) {
        message = message.substr(detail);
    } else if (message.rfind("[json.exception.", 0) == 0 && message.find("] ") != std::string::npos) {
        message = message.substr(message.find("] ") + 2);
    }
    // What it quotes of the text is the part between the first quote after "last read: " or "parsing "
    // and the last quote of the message.
    for (const char* lead : {"last read: '", "parsing '"}) {
        const auto open = message.find(lead);
        const auto close = message.rfind('\'');
        if (open == std::string::npos || close == std::string::npos) continue;
        const auto from = open + std::char_traits<char>::length(lead);
        if (close < from) continue;
        message = message.substr(0, from) + excerpt(std::string_view(message).substr(from, close - from), kJsonExcerptBytes) +
                  message.substr(close);
        break;
    }
    return message;
}

std::optional<JsonSyntaxError> findJsonSyntaxError(std::string_view text) {
    const char* cursor = text.data();
    SyntaxErrorFinder finder(text, &cursor);
    TrackingIterator first(text.data(), &cursor);
    TrackingIterator last(text.data() + text.size(), &cursor);
    const bool parsed = Json::sax_parse(first, last, &finder);
    if (!parsed && !finder.error()) return JsonSyntaxError{0, "the JSON could not be parsed"};
    return std::move(finder.error());
}

}  // namespace epilogue
