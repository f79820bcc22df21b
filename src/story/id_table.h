// Ids to indices, for resolving the references of a story while it is read: open addressing over a flat
// array of small slots, so an insert or a look-up is usually one probe into memory that stays compact (a
// node-based map spent a cache miss or two per event of a large story). The ids are not copied: the
// table views them, and they must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace epilogue {

class IdTable {
public:
    explicit IdTable(std::size_t expectedIds = 0);

    static std::uint32_t hashOf(std::string_view id);

    // Maps `id` to `value` unless the id is there already; returns the value the table holds for the
    // id afterwards (the earlier one for a repeated id). `hash` is hashOf(id).
    int insert(std::string_view id, std::uint32_t hash, int value);
    int insert(std::string_view id, int value) { return insert(id, hashOf(id), value); }
    // Starts fetching the slot an id of this hash goes to, for a loader that inserts it a little later
    // (a large table's slots are mostly out of cache).
    void prefetch(std::uint32_t hash) const;
    // The value held for `id`, or -1.
    int find(std::string_view id) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t entry = kEmpty;  // index into entries_
    };
    struct Entry {
        std::string_view id;
        int value;
    };
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

    // The slot holding `id`, or the empty slot where it would go.
    std::size_t probe(std::string_view id, std::uint32_t hash) const;
    void grow();
    void allocateSlots(std::size_t count);  // `count` empty slots

    std::vector<Slot> slots_;  // a power of two in size, never more than half full
    std::vector<Entry> entries_;
};

}  // namespace epilogue
