#!/usr/bin/env bash
# Fetches axe-core (the accessibility engine the web page is audited with) from npm into DIR/axe, once; prints
# the path of axe.min.js. Fails, saying why, when npm is missing or the package cannot be fetched.
# Usage: fetch_axe.sh DIR
set -euo pipefail
version=4.14.1
prefix="$1/axe"
script="$prefix/node_modules/axe-core/axe.min.js"
if [ -f "$script" ] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/axe-core/package.json" 2>/dev/null; then
    echo "$script"
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm is not installed, so axe-core $version cannot be fetched (scripts/test.sh installs npm)" >&2
    exit 1
fi
mkdir -p "$prefix"
if ! npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "axe-core@$version" >&2; then
    echo "error: npm could not fetch axe-core $version (is the npm registry reachable?)" >&2
    exit 1
fi
[ -f "$script" ] || { echo "error: axe-core $version installed without $script" >&2; exit 1; }
echo "$script"
