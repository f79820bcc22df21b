# The harness the end-to-end case scripts share (tests/cli/cli_tests.sh, tests/export/export_tests.sh):
# sourced with the script's arguments, EPILOGUE_BINARY STORY_FILE CASE. It gives `epilogue` (under the
# sanitizers' preload when CTest sets one), a scratch directory $work removed on exit, `run` (sets $status, $out
# and $err), the expectations, and `finish`, which prints "1 passed, 0 failed" or "0 passed, 1 failed" and exits.
# Under the sanitizers, Epilogue's programs (only they) run with the preload CTest gives (tests/CMakeLists.txt).
sanitized() { LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$@"; }
epilogue_program=$1
epilogue() { sanitized "$epilogue_program" "$@"; }
story=$2
case_name=$3
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

failures=0
fail() { echo "FAIL [$case_name]: $*"; failures=$((failures + 1)); }

# run CMD...: sets $status, $out (stdout) and $err (stderr).
run() {
    "$@" >"$work/stdout" 2>"$work/stderr"
    status=$?
    out=$(cat "$work/stdout")
    err=$(cat "$work/stderr")
}
expect_status() { [ "$status" -eq "$1" ] || fail "exit status $status, expected $1 (stdout: $out; stderr: $err)"; }
expect_in() { case "$2" in *"$1"*) ;; *) fail "expected '$1' in: $2" ;; esac; }

# Temporary files of a video, an image or a sidecar left in $1 (they must never stay).
leftovers() { find "$1" -name '.*.epilogue-*' -o -name '*.tmp-*' -o -name '.*.png.*' -o -name '.*epilogue-*'; }

finish() {
    if [ "$failures" -eq 0 ]; then
        echo "1 passed, 0 failed"
        exit 0
    fi
    echo "0 passed, 1 failed"
    exit 1
}
