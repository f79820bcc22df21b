#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, and runs every test headless (pure logic,
# headless GL frames through Mesa's llvmpipe, the program end to end, and the real window under Xvfb
# driven with xdotool), printing CTest's summary; then runs them all again under AddressSanitizer and
# UndefinedBehaviorSanitizer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}" "${EPILOGUE_TEST_PACKAGES[@]}"
build_epilogue -DEPILOGUE_WARNINGS_AS_ERRORS=ON -DEPILOGUE_BUILD_TESTS=ON

# The tests must leave the source tree as they found it: whatever they write belongs in a build directory or
# a temporary one. Compared with git's view just before the tests, so files already there do not count.
tree_status() { git -C "$EPILOGUE_ROOT" status --porcelain --untracked-files=all; }
if git -C "$EPILOGUE_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    tree_before=$(tree_status)
    check_tree=1
else
    echo "note: $EPILOGUE_ROOT is not a git checkout: not checking that the tests leave it clean"
    check_tree=0
fi
# Fails, naming them, if entries appeared in `git status` since the tests began. $1: which run.
check_tree_unchanged() {
    [ "$check_tree" -eq 1 ] || return 0
    local appeared
    appeared=$(comm -13 <(sort <<<"$tree_before") <(tree_status | sort))
    if [ -n "$appeared" ]; then
        echo "error: $1 left files in the source tree that git does not ignore:" >&2
        echo "$appeared" >&2
        exit 1
    fi
}

echo "==> Testing"
# No display is needed: the GL tests and screenshots use SDL's offscreen driver, the window test its own Xvfb.
status=0
(cd "$EPILOGUE_BUILD_DIR" && ctest --output-on-failure --timeout 300) || status=$?
check_tree_unchanged "the test suite"
[ "$status" -eq 0 ] || exit "$status"

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer (a separate debug build).
echo "==> Testing under AddressSanitizer and UndefinedBehaviorSanitizer"
EPILOGUE_BUILD_DIR="$EPILOGUE_ROOT/build-asan" build_epilogue -DCMAKE_BUILD_TYPE=Debug -DEPILOGUE_SANITIZE=ON \
    -DEPILOGUE_WARNINGS_AS_ERRORS=ON -DEPILOGUE_BUILD_TESTS=ON
(cd "$EPILOGUE_ROOT/build-asan" && ctest --output-on-failure --timeout 600) || status=$?
check_tree_unchanged "the test suite under the sanitizers"
exit "$status"
