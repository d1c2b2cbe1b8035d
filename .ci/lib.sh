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

free_port() {
    # free_port FIRST [COUNT]: prints the first of COUNT (default 3) consecutive loopback ports,
    # from FIRST upwards, that nothing listens on. Defaults lie below 32768, outside Linux's
    # ephemeral range (32768-60999), where an outgoing connection of an earlier step could hold them.
    python3 - "$1" "${2:-3}" <<'PY'
import socket, sys
first, count = int(sys.argv[1]), int(sys.argv[2])
def free(port):
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
for start in range(first, first + 200):
    if all(free(p) for p in range(start, start + count)):
        print(start)
        sys.exit(0)
sys.exit(f"no {count} free ports from {first} to {first + 200}")
PY
}
