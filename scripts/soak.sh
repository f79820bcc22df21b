#!/usr/bin/env bash
# The long session under AddressSanitizer and UndefinedBehaviorSanitizer: EVENTS random inputs (default
# 100,000) with screenshots and reloads, headless. Exits non-zero on a crash, a sanitizer report, or memory
# growth of 5% or more after warm-up. Uses the same sanitizer settings as the tests (tests/CMakeLists.txt).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
events=${1:-100000}

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}"
EPILOGUE_BUILD_DIR="$EPILOGUE_ROOT/build-asan" build_epilogue -DCMAKE_BUILD_TYPE=Debug -DEPILOGUE_SANITIZE=ON \
    -DEPILOGUE_BUILD_TESTS=ON
preload=$(g++ -print-file-name=libasan.so)
for library in dri/swrast_dri.so libEGL_mesa.so.0 libGLX_mesa.so.0; do
    candidate="/usr/lib/$(gcc -print-multiarch)/$library"
    [ -e "$candidate" ] && preload="$preload $candidate"
done
echo "==> A session of $events input events under the sanitizers"
LSAN_OPTIONS="suppressions=$EPILOGUE_ROOT/tests/sanitizers/lsan.supp:print_suppressions=0" \
ASAN_OPTIONS="detect_leaks=1:quarantine_size_mb=16" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
LD_PRELOAD="$preload" "$EPILOGUE_ROOT/build-asan/tests/epilogue_soak" --events "$events"
