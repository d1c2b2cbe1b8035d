#!/usr/bin/env bash
# Demo page (Examples/DemoPage): builds the partner server, then drives the
# page in a real headless Chromium with the keyboard only (Selenium), books an
# appointment, gives « Je donne mon avis » on a leaf, opens the chat, answers an
# officer's consent question for a signalement (the test's own operator console),
# reads the local news, subscribes and unsubscribes, and runs axe-core's WCAG 2
# A/AA rules.
# Screenshots land in artifacts/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
PKG=Examples/PartnerServer

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
