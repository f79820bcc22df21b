// The doctest runner for the headless GL tests: they render through Mesa's llvmpipe with SDL's
// offscreen driver, so they need no display and no GPU.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
