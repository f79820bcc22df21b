#!/usr/bin/env bash
# Installs what is missing, builds, and opens Epilogue on the La La Land story (or on the story file and
# flags given as arguments, e.g. scripts/run.sh my-story.json).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_packages "${EPILOGUE_BUILD_PACKAGES[@]}"
build_epilogue

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open; render a still instead:"
    echo "    $EPILOGUE_BUILD_DIR/epilogue --screenshot la-la-land.png --size 1920x1080"
    exit 0
fi
exec "$EPILOGUE_BUILD_DIR/epilogue" "$@"
