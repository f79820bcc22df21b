// The loader's flat id table: the first value of each id is kept, look-ups miss cleanly, and the table
// grows past its first guess without losing anything.
#include "story/id_table.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace epilogue;

TEST_CASE("ids map to the value they were first given") {
    IdTable table;
    CHECK(table.insert("kiss", 3) == 3);
    CHECK(table.insert("paris", 7) == 7);
    CHECK(table.insert("kiss", 9) == 3);  // a repeated id keeps its first value
    CHECK(table.find("kiss") == 3);
    CHECK(table.find("paris") == 7);
    CHECK(table.find("Kiss") == -1);
    CHECK(table.find("") == -1);
    CHECK(table.size() == 2);
}

TEST_CASE("the table grows far past its expected size and still finds every id") {
    std::vector<std::string> ids;
    for (int i = 0; i < 50000; ++i) ids.push_back("event-" + std::to_string(i));
    IdTable table(4);
    for (int i = 0; i < 50000; ++i) {
        const std::uint32_t hash = IdTable::hashOf(ids[static_cast<std::size_t>(i)]);
        table.prefetch(hash);
        REQUIRE(table.insert(ids[static_cast<std::size_t>(i)], hash, i) == i);
    }
    CHECK(table.size() == 50000);
    int wrong = 0;
    for (int i = 0; i < 50000; ++i) wrong += table.find(ids[static_cast<std::size_t>(i)]) != i;
    CHECK(wrong == 0);
    CHECK(table.find("event-50000") == -1);
    CHECK(table.insert("event-123", 0) == 123);
}
