// A hint that a large buffer about to be filled should be backed by huge pages: a story of a hundred
// thousand events fills tens of megabytes at load, and faulting them in 4 KB at a time was a large
// part of its load time; a table read at random (the event ids') also misses the TLB far less, which
// matters most in a virtual machine, where each miss walks two sets of page tables. Only whole 2 MB
// pages inside the buffer are advised; without transparent huge pages (or off Linux) nothing changes.
#pragma once

#include <cstddef>

namespace epilogue {

void adviseHugePages(void* data, std::size_t bytes);

}  // namespace epilogue
