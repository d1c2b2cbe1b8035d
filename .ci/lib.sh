#!/usr/bin/env bash
# Helpers shared by .ci/run and .ci/steps/*.sh (sourced, never run alone).

log() { printf '\n=== %s ===\n' "$*"; }

apt_install() {
    # Installs Debian packages only when missing.
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
    # pip_install MODULE PACKAGE: installs PACKAGE from PyPI unless MODULE imports already.
    if ! python3 -c "import $1" >/dev/null 2>&1; then
        python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
        python3 -m pip install --quiet "$2" 2>/dev/null \
            || python3 -m pip install --quiet --break-system-packages "$2"
    fi
}
