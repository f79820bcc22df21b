// Tier 1 (pure logic): the first problem of malformed JSON, located at the byte that causes it.
#include "story/located_json.h"
#include "story/text_position.h"

#include <doctest/doctest.h>

#include <string>

using namespace epilogue;

TEST_CASE("well-formed JSON has no syntax error") {
    CHECK_FALSE(findJsonSyntaxError(R"({"a": "x\"y", "n": -12.5e1, "list": [true, null, {"k": 7}]})"));
    CHECK_FALSE(findJsonSyntaxError("  [1, 2]\n"));
    // Equal keys in different objects are not duplicates.
    CHECK_FALSE(findJsonSyntaxError(R"([{"a": 1}, {"a": 2}, {"o": {"a": 1}, "a": {"a": 3}}])"));
}

TEST_CASE("syntax errors point at the offending character") {
    const std::string text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
    const auto error = findJsonSyntaxError(text);
    REQUIRE(error);
    const TextPosition at = textPositionOf(text, error->offset);
    CHECK(at.line == 3);
    CHECK(error->message.find("syntax error") == 0);

    const std::string trailingComma = R"({"a": [1, 2,]})";
    const auto comma = findJsonSyntaxError(trailingComma);
    REQUIRE(comma);
    CHECK(comma->offset == trailingComma.find(']'));
    CHECK(comma->message == "syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal");
}

TEST_CASE("an error deep in nested arrays is found without building them") {
    const std::string text = std::string(100000, '[') + "1,,";
    const auto error = findJsonSyntaxError(text);
    REQUIRE(error);
    CHECK(error->offset == text.size() - 1);
}

TEST_CASE("duplicate keys are errors at the second key") {
    const std::string text = R"({"a": 1, "a": 2})";
    const auto error = findJsonSyntaxError(text);
    REQUIRE(error);
    CHECK(error->offset == text.rfind("\"a\""));
    CHECK(error->message == "duplicate key \"a\"");

    // In a nested object, with an escaped quote in the key, before a later syntax error.
    const std::string nested = R"({"o": {"k\"": 1, "k\"": 2}, "b": tru})";
    const auto inner = findJsonSyntaxError(nested);
    REQUIRE(inner);
    CHECK(inner->offset == nested.rfind(R"("k\"")"));
    CHECK(inner->message == "duplicate key \"k\"\"");
}
