// Tier 1 (pure logic): JSON values remember where they start in the text.
#include "story/located_json.h"
#include "story/text_position.h"

#include <doctest/doctest.h>

using namespace epilogue;

TEST_CASE("members and items know their offsets") {
    const std::string text = R"({"a": "x\"y", "n": -12.5e1, "list": [true, null, {"k": 7}]})";
    const LocatedJson parsed = parseLocatedJson(text);
    REQUIRE(parsed.errors.empty());
    const Json& root = parsed.root;
    CHECK(parsed.locations.of(root) == 0);
    CHECK(parsed.locations.ofMember(root, "a") == text.find("\"x"));
    CHECK(parsed.locations.ofMember(root, "n") == text.find("-12"));
    const Json& list = root["list"];
    CHECK(parsed.locations.ofMember(root, "list") == text.find('['));
    CHECK(parsed.locations.of(list) == text.find('['));
    CHECK(parsed.locations.ofItem(list, 0) == text.find("true"));
    CHECK(parsed.locations.ofItem(list, 1) == text.find("null"));
    CHECK(parsed.locations.ofItem(list, 2) == text.find("{\"k\""));
    CHECK(parsed.locations.ofMember(list[2], "k") == text.find('7'));
    CHECK(root["a"] == "x\"y");
}

TEST_CASE("offsets survive arrays growing (their elements move in memory)") {
    std::string text = "[";
    for (int i = 0; i < 200; ++i) text += std::string(i ? "," : "") + "{\"v\": " + std::to_string(i) + "}";
    text += "]";
    const LocatedJson parsed = parseLocatedJson(text);
    REQUIRE(parsed.errors.empty());
    const std::size_t last = parsed.locations.ofMember(parsed.root[199], "v");
    CHECK(text.substr(last, 3) == "199");
}

TEST_CASE("syntax errors point at the offending character") {
    const std::string text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
    const LocatedJson parsed = parseLocatedJson(text);
    REQUIRE(parsed.errors.size() == 1);
    const TextPosition at = textPositionOf(text, parsed.errors[0].offset);
    CHECK(at.line == 3);
    CHECK(parsed.errors[0].message.find("syntax error") == 0);
}

TEST_CASE("duplicate keys are errors at the second key") {
    const std::string text = R"({"a": 1, "a": 2})";
    const LocatedJson parsed = parseLocatedJson(text);
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].offset == text.rfind("\"a\""));
    CHECK(parsed.errors[0].message == "duplicate key \"a\"");
}
