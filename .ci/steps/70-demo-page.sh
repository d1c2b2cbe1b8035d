#!/usr/bin/env bash
# Demo page (Examples/DemoPage): builds the partner server, then drives the
# page in a real headless Chromium with the keyboard only (Selenium), books an
# appointment, opens the chat and runs axe-core's WCAG 2 A/AA rules.
# Screenshots land in artifacts/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
PKG=Examples/PartnerServer

log() { printf '\n--- demo page: %s ---\n' "$*"; }

apt_install() {
    local missing=()
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    if [ ${#missing[@]} -gt 0 ]; then
        log "apt-get install ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}"
    fi
}

pip_install() {
    # $1: module to import, $2: PyPI package.
    if ! python3 -c "import $1" >/dev/null 2>&1; then
        python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
        python3 -m pip install --quiet "$2" 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages "$2"
    fi
}

log "browser and driver (Debian packages)"
# fonts-dejavu-core: a font with every French character, so the screenshot is readable.
apt_install chromium chromium-driver fonts-dejavu-core
pip_install selenium selenium
# axe-core-python ships axe-core itself (no download at run time).
pip_install axe_core_python axe-core-python

log "build masecurite-server"
swift build --package-path "$PKG" --product masecurite-server
BIN=$(swift build --package-path "$PKG" --show-bin-path)

log "keyboard journey in headless Chromium"
mkdir -p artifacts
python3 Examples/DemoPage/browser_test.py --server "$BIN/masecurite-server" \
    --chromium "$(command -v chromium)" --chromedriver "$(command -v chromedriver)"
