#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test headless (pure logic,
# headless GL frames through Mesa's llvmpipe, the program end to end, and the real window under Xvfb
# driven with xdotool), printing CTest's summary; then runs them all again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}" "${EPILOGUE_TEST_PACKAGES[@]}"
build_epilogue -DEPILOGUE_WARNINGS_AS_ERRORS=ON -DEPILOGUE_BUILD_TESTS=ON

echo "==> Testing"
# No display is needed: the GL tests and screenshots use SDL's offscreen driver, the window test its own Xvfb.
(cd "$EPILOGUE_BUILD_DIR" && ctest --output-on-failure --timeout 300)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer (a separate debug build).
echo "==> Testing under AddressSanitizer and UndefinedBehaviorSanitizer"
EPILOGUE_BUILD_DIR="$EPILOGUE_ROOT/build-asan" build_epilogue -DCMAKE_BUILD_TYPE=Debug -DEPILOGUE_SANITIZE=ON \
    -DEPILOGUE_WARNINGS_AS_ERRORS=ON -DEPILOGUE_BUILD_TESTS=ON
cd "$EPILOGUE_ROOT/build-asan"
ctest --output-on-failure --timeout 600
