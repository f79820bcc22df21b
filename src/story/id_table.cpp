// The flat id table used by the story loader.
#include "story/id_table.h"

#include "story/huge_pages.h"

#include <functional>

namespace epilogue {

namespace {

std::size_t slotCountFor(std::size_t ids) {
    std::size_t count = 16;
    while (count < ids * 2) count *= 2;
    return count;
}

}  // namespace

std::uint32_t IdTable::hashOf(std::string_view id) {
    const std::size_t full = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(full ^ (full >> 32));
}

IdTable::IdTable(std::size_t expectedIds) {
    allocateSlots(slotCountFor(expectedIds));
    entries_.reserve(expectedIds);
}

void IdTable::allocateSlots(std::size_t count) {
    slots_.clear();
    slots_.shrink_to_fit();
    slots_.reserve(count);
    // Advised before the slots are first written: a large table's slots are touched at random, and each
    // touch of a 4 KB page not in the TLB stalls, most of all under a hypervisor (see huge_pages.h).
    adviseHugePages(slots_.data(), count * sizeof(Slot));
    slots_.assign(count, Slot{});
}

std::size_t IdTable::probe(std::string_view id, std::uint32_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
        const Slot& slot = slots_[at];
        if (slot.entry == kEmpty || (slot.hash == hash && entries_[slot.entry].id == id)) return at;
    }
}

void IdTable::prefetch(std::uint32_t hash) const {
#if defined(__GNUC__)
    __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
#else
    (void)hash;
#endif
}

int IdTable::insert(std::string_view id, std::uint32_t hash, int value) {
    std::size_t at = probe(id, hash);
    if (slots_[at].entry != kEmpty) return entries_[slots_[at].entry].value;
    if ((entries_.size() + 1) * 2 > slots_.size()) {
        grow();
        at = probe(id, hash);
    }
    slots_[at] = {hash, static_cast<std::uint32_t>(entries_.size())};
    entries_.push_back({id, value});
    return value;
}

int IdTable::find(std::string_view id) const {
    const Slot& slot = slots_[probe(id, hashOf(id))];
    return slot.entry == kEmpty ? -1 : entries_[slot.entry].value;
}

void IdTable::grow() {
    const std::vector<Slot> old = std::move(slots_);
    allocateSlots(old.size() * 2);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
        if (slot.entry == kEmpty) continue;
        std::size_t at = slot.hash & mask;
        while (slots_[at].entry != kEmpty) at = (at + 1) & mask;
        slots_[at] = slot;
    }
}

}  // namespace epilogue
