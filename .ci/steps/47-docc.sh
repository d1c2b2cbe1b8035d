#!/usr/bin/env bash
# DocC: every module's catalog builds with no warning (no unresolved link, no
# undocumented parameter). Symbol graphs come from the toolchain's compiler and
# `docc` from the toolchain itself: the root package keeps no dependency.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
WORK=$(mktemp -d /tmp/masecurite-docc.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
swift build --target MaSecurite -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$WORK/graphs" >/dev/null
failed=0
for catalog in Sources/*/*.docc; do
    module=$(basename "$(dirname "$catalog")")
    mkdir -p "$WORK/$module"
    cp "$WORK/graphs/$module".symbols.json "$WORK/$module/" 2>/dev/null || true
    log "DocC: $module"
    if ! docc convert "$catalog" --additional-symbol-graph-dir "$WORK/$module" --fallback-display-name "$module" \
        --fallback-bundle-identifier "$module" --output-path "$WORK/$module.doccarchive" > "$WORK/$module.log" 2>&1; then
        cat "$WORK/$module.log"; failed=1; continue
    fi
    if grep -q "warning:" "$WORK/$module.log"; then
        grep -A2 "warning:" "$WORK/$module.log"; failed=1
    else
        echo "$module: no warning"
    fi
done
exit "$failed"
