#!/usr/bin/env bash
# Fuzzes the story loader for SECONDS (default 600) with libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer (clang from Debian's packages), starting from tests/fuzz/corpus. New inputs
# that reach new code are added to build-fuzz/corpus; a crash leaves crash-* files in build-fuzz and
# exits non-zero. The tests replay tests/fuzz/corpus on every run (tests/unit/fuzz_corpus_tests.cpp).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds=${1:-600}

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}" clang-14 libclang-rt-14-dev
build="$EPILOGUE_ROOT/build-fuzz"
CC=clang-14 CXX=clang++-14 cmake -S "$EPILOGUE_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEPILOGUE_FUZZ=ON -DEPILOGUE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target story_loader_fuzzer --parallel "$(nproc)"
mkdir -p "$build/corpus"
cd "$build"
echo "==> Fuzzing the story loader for $seconds s"
./story_loader_fuzzer -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    corpus "$EPILOGUE_ROOT/tests/fuzz/corpus"
