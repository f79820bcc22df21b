#!/usr/bin/env bash
# The Debian package as a person installing it gets it: builds it with cpack -G DEB from the already-built tree,
# unpacks it with dpkg-deb -x into a fresh temporary directory (no root, no chroot), and checks its control
# fields, the files it installs, the desktop entry, the MIME type, the icons and the manual page, and runs the
# unpacked program, which must find its stories beside itself (usr/share/epilogue). Usage:
#   package_test.sh BUILD_DIR [CPACK]
# Prints "N passed, N failed".
set -u
build_dir=$1
cpack=${2:-cpack}
# Under the sanitizers, Epilogue's program (only it) runs with the preload CTest gives (tests/CMakeLists.txt).
sanitized() { LD_PRELOAD="${EPILOGUE_SANITIZER_PRELOAD:-}" "$@"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
check() {  # check DESCRIPTION CMD...: passes when CMD succeeds
    local what=$1
    shift
    if "$@"; then pass; else fail "$what"; fi
}
finish() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit
}
contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }
# PNG width and height from the IHDR chunk (bytes 16-23, big-endian).
png_size() {
    local bytes
    bytes=$(od -An -tu1 -j16 -N8 "$1" | tr -s ' ')
    set -- $bytes
    echo "$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))x$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))"
}

# The tools, each from the Debian package scripts/common.sh installs.
for tool in "$cpack:cmake" dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev desktop-file-validate:desktop-file-utils \
            xmllint:libxml2-utils update-mime-database:shared-mime-info man:man-db; do
    command -v "${tool%%:*}" >/dev/null || fail "${tool%%:*} is missing (Debian package ${tool##*:})"
done
[ "$failed" -eq 0 ] || finish

# ---- Build the package ------------------------------------------------------------------------------
# cpack installs the build tree into a staging directory of its own (after make's "preinstall", which is only
# an up-to-date check of a built tree) and runs dpkg-shlibdeps on the program.
if ! (cd "$work" && "$cpack" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out") >"$work/cpack.log" 2>&1; then
    fail "cpack -G DEB failed:"
    cat "$work/cpack.log"
    finish
fi
debs=("$work"/out/epilogue_*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || { fail "expected one epilogue_*.deb, found: ${debs[*]}"; finish; }
deb=${debs[0]}
field() { dpkg-deb --field "$deb" "$1"; }

# ---- Control fields ---------------------------------------------------------------------------------
check "Package is $(field Package)" [ "$(field Package)" = epilogue ]
check "Section is $(field Section)" [ "$(field Section)" = graphics ]
check "no Maintainer" [ -n "$(field Maintainer)" ]
check "no Description" [ -n "$(field Description)" ]
check "Architecture $(field Architecture) is not dpkg's $(dpkg --print-architecture)" \
      [ "$(field Architecture)" = "$(dpkg --print-architecture)" ]
depends=$(field Depends)
dependency_names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/ //g')
# From dpkg-shlibdeps (the libraries the program links) and from cmake/Packaging.cmake (what it loads).
for dependency in libc6 libstdc++6 libsdl2-2.0-0 libfontconfig1 libopengl0 libxxhash0 libspng0 libgl1 libegl1 \
                  libgl1-mesa-dri fonts-dejavu-core; do
    check "Depends lacks $dependency: $depends" grep -qxF "$dependency" <<<"$dependency_names"
done
check "Depends names a version of libc6 (dpkg-shlibdeps did not run?): $depends" contains "$depends" "libc6 (>= "

# ---- Files ------------------------------------------------------------------------------------------
dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
for file in /usr/bin/epilogue /usr/share/epilogue/stories/la-la-land.json /usr/share/applications/epilogue.desktop \
            /usr/share/mime/packages/epilogue.xml /usr/share/icons/hicolor/scalable/apps/epilogue.svg \
            /usr/share/man/man1/epilogue.1.gz; do
    check "the package lacks $file" grep -qxF "$file" "$work/contents"
done
outside=$(grep -v -e '^/$' -e '^/usr/' -e '^/usr$' "$work/contents")
check "files outside /usr: $outside" [ -z "$outside" ]

root=$work/root
mkdir "$root"
dpkg-deb -x "$deb" "$root" || { fail "dpkg-deb -x failed"; finish; }
check "usr/bin/epilogue is not executable" [ -x "$root/usr/bin/epilogue" ]

# ---- Desktop entry ----------------------------------------------------------------------------------
desktop=$root/usr/share/applications/epilogue.desktop
said=$(desktop-file-validate "$desktop" 2>&1)
check "desktop-file-validate exits with $?: $said" [ $? -eq 0 ]
check "desktop-file-validate says: $said" [ -z "$said" ]
entry() { sed -n "s/^$1=//p" "$desktop"; }
check "Exec=$(entry Exec) does not start the installed program" [ -x "$root/usr/bin/$(entry Exec | cut -d' ' -f1)" ]
check "Exec=$(entry Exec) takes no file" contains "$(entry Exec)" " %f"
check "Icon=$(entry Icon) is not the installed icon" [ -f "$root/usr/share/icons/hicolor/scalable/apps/$(entry Icon).svg" ]
for type in application/x-epilogue-story application/json; do
    check "MimeType=$(entry MimeType) lacks $type" contains ";$(entry MimeType)" ";$type;"
done

# ---- MIME type: what shared-mime-info makes of it beside its own database -------------------------------
mime_xml=$root/usr/share/mime/packages/epilogue.xml
check "the MIME XML is not well-formed" xmllint --noout "$mime_xml"
mkdir -p "$work/mime/packages"
cp "$mime_xml" "$work/mime/packages/"
[ ! -f /usr/share/mime/packages/freedesktop.org.xml ] || cp /usr/share/mime/packages/freedesktop.org.xml "$work/mime/packages/"
said=$(XDG_DATA_DIRS=$work update-mime-database "$work/mime" 2>&1)
check "update-mime-database says: $said" [ -z "$said" ]
check "*.epilogue.json is not globbed as application/x-epilogue-story" \
      grep -qE '^[0-9]+:application/x-epilogue-story:\*\.epilogue\.json$' "$work/mime/globs2"
check "application/x-epilogue-story is not a kind of application/json" \
      grep -qxF 'application/x-epilogue-story application/json' "$work/mime/subclasses"

# ---- Icons ------------------------------------------------------------------------------------------
check "the SVG icon is not well-formed" xmllint --noout "$root/usr/share/icons/hicolor/scalable/apps/epilogue.svg"
for size in 16 22 24 32 48 64 128 256; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/epilogue.png
    if [ -f "$png" ]; then
        check "the ${size}x${size} icon is $(png_size "$png")" [ "$(png_size "$png")" = "${size}x${size}" ]
    else
        fail "the package lacks the ${size}x${size} icon"
    fi
done

# ---- Manual page ------------------------------------------------------------------------------------
man_page=$root/usr/share/man/man1/epilogue.1.gz
if [ -f "$man_page" ]; then
    page=$(MANWIDTH=100 man --warnings -l "$man_page" 2>"$work/man-warnings" | col -b)
    check "man -l warns: $(cat "$work/man-warnings")" [ ! -s "$work/man-warnings" ]
    check "the manual page has no NAME line" contains "$page" "epilogue - see a story that forks"
    for text in "--screenshot OUT.png" "--validate FILE" "EXIT STATUS" "la-la-land.json"; do
        check "the manual page lacks '$text'" contains "$page" "$text"
    done
    if command -v lexgrog >/dev/null; then
        check "lexgrog cannot read the page's NAME" lexgrog "$man_page" >/dev/null
    fi
fi

# ---- The unpacked program, run from elsewhere -------------------------------------------------------
program=$root/usr/bin/epilogue
cd "$work" || finish
version=$(sanitized "$program" --version 2>&1)
check "--version says '$version', the package is $(field Version)" [ "$version" = "epilogue $(field Version)" ]
export XDG_CONFIG_HOME=$work/config
said=$(sanitized "$program" --screenshot "$work/shot.png" --size 320x200 2>&1)
check "--screenshot exits with $?: $said" [ $? -eq 0 ]
if [ -f "$work/shot.png" ]; then
    check "the screenshot is $(png_size "$work/shot.png")" [ "$(png_size "$work/shot.png")" = 320x200 ]
    # The sidecar names the story drawn: the package's own, found from where the program lies.
    check "the screenshot's story is not the unpacked package's" \
          grep -qF "\"$root/usr/share/epilogue/stories/la-la-land.json\"" "$work/shot.png.json"
else
    fail "--screenshot wrote no PNG"
fi
finish
