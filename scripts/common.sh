# Shared by scripts/run.sh and scripts/test.sh: install what is missing, then configure and build.
# Sourced, not run. Every package comes from Debian 12's archive.

EPILOGUE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EPILOGUE_BUILD_DIR=${EPILOGUE_BUILD_DIR:-$EPILOGUE_ROOT/build}

# To build and run: compiler, CMake, the libraries (story text: FreeType, HarfBuzz and FriBidi,
# utf8proc, ICU's line breaking), fonts for every script and colour emoji (DejaVu, Noto), and Mesa for OpenGL with or without a GPU; the icon's
# PNG sizes (rsvg-convert) and the manual page (help2man); the Debian package (cpack -G DEB runs dpkg-shlibdeps).
EPILOGUE_BUILD_PACKAGES=(g++ make cmake pkg-config libsdl2-dev libimgui-dev libglm-dev libstb-dev doctest-dev
    nlohmann-json3-dev libsimdjson-dev libxxhash-dev libspng-dev libcli11-dev libfontconfig-dev libutf8proc-dev
    libfreetype-dev libharfbuzz-dev libfribidi-dev libicu-dev libx11-dev libopengl-dev libegl-mesa0 libgl1-mesa-dri
    fonts-dejavu-core fonts-dejavu-extra fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji librsvg2-bin help2man dpkg-dev)

# To run the tests: an X server without a display, and the tools that drive the window like a user; the tools
# that check the Debian package's desktop entry, MIME type and manual page; a JSON Schema validator for the
# story format's schema; hb-view, which draws the references the text tests compare every script with.
EPILOGUE_TEST_PACKAGES=(xvfb xauth xdotool jq python3-xlib desktop-file-utils libxml2-utils shared-mime-info man-db
    python3-jsonschema libharfbuzz-bin)

# Vector stills and the web page: cairo draws SVG and PDF; poppler's pdftotext and pdftoppm read the PDFs back, and
# Chromium, driven headless from Python through its DevTools websocket, opens the page; npm fetches axe-core for
# its accessibility audit (Debian's npm only where no npm is installed: a Node.js from elsewhere brings its own).
EPILOGUE_BUILD_PACKAGES+=(libcairo2-dev)
EPILOGUE_TEST_PACKAGES+=(poppler-utils chromium python3-websocket)
command -v npm >/dev/null 2>&1 || EPILOGUE_TEST_PACKAGES+=(npm)

# Installs the packages in "$@" that are not installed yet: with apt-get when root, else says which.
ensure_packages() {
    local missing=()
    local package
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "==> Installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
            echo "error: apt-get could not install: ${missing[*]}" >&2
            return 1
        }
    else
        echo "error: these Debian packages are missing: ${missing[*]}" >&2
        echo "       install them with: sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
}

# Configures (once) and builds everything into $EPILOGUE_BUILD_DIR. Extra arguments go to cmake's configure.
build_epilogue() {
    echo "==> Building in $EPILOGUE_BUILD_DIR"
    cmake -S "$EPILOGUE_ROOT" -B "$EPILOGUE_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null || return 1
    cmake --build "$EPILOGUE_BUILD_DIR" --parallel "$(nproc)" || return 1
}
