// Counts C++ heap allocations (operator new) in the GL test program, to check that steady-state frames
// allocate nothing.
#pragma once

#include <cstddef>

namespace epilogue::testing {

std::size_t allocationCount();

}  // namespace epilogue::testing
