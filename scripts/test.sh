#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test headless (pure logic,
# headless GL frames through Mesa's llvmpipe, and the program end to end), printing CTest's summary.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}"
build_epilogue -DEPILOGUE_WARNINGS_AS_ERRORS=ON -DEPILOGUE_BUILD_TESTS=ON

echo "==> Testing"
# No display is needed: the GL tests and screenshots use SDL's offscreen driver.
cd "$EPILOGUE_BUILD_DIR"
ctest --output-on-failure --timeout 300
