#!/usr/bin/env bash
# Fuzzes for SECONDS (default 600) with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer (clang
# from Debian's packages) one of two targets: the story loader (TARGET "story", the default), starting
# from tests/fuzz/corpus, or sidecars as --restore reads them (TARGET "sidecar"), starting from
# tests/fuzz/sidecar-corpus. New inputs that reach new code are added to build-fuzz/corpus (or
# build-fuzz/sidecar-corpus); a crash leaves crash-* files in build-fuzz and exits non-zero. The unit tests
# replay both corpora on every run (tests/unit/fuzz_corpus_tests.cpp).
#
#   scripts/fuzz.sh 600            # the story loader
#   scripts/fuzz.sh 600 sidecar    # sidecars
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds=${1:-600}
target=${2:-story}
case "$target" in
story) fuzzer=story_loader_fuzzer seeds="$EPILOGUE_ROOT/tests/fuzz/corpus" corpus=corpus what="the story loader" ;;
sidecar) fuzzer=sidecar_fuzzer seeds="$EPILOGUE_ROOT/tests/fuzz/sidecar-corpus" corpus=sidecar-corpus what="sidecars" ;;
*) echo "usage: scripts/fuzz.sh [SECONDS] [story|sidecar]" >&2; exit 2 ;;
esac

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}" clang-14 libclang-rt-14-dev
build=${EPILOGUE_FUZZ_BUILD_DIR:-$EPILOGUE_ROOT/build-fuzz}
CC=clang-14 CXX=clang++-14 cmake -S "$EPILOGUE_ROOT" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEPILOGUE_FUZZ=ON -DEPILOGUE_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target "$fuzzer" --parallel "$(nproc)"
mkdir -p "$build/$corpus"
cd "$build"
echo "==> Fuzzing $what for $seconds s"
"./$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    "$corpus" "$seeds"
