// The doctest runner for the pure-logic tests (no window, no GL).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
