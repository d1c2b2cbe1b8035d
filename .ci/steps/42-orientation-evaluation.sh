#!/usr/bin/env bash
# Orientation evaluation (issue 15): prints recall, false alarms, number fit and
# top-3 per category for the development part (tuned on) and, alone, for the
# held-out part (never tuned on, never listed sentence by sentence). A printed
# table, not a timed test; the development goals are asserted by swift test.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
for part in development development-2 heldout; do
    file="Tests/MaSecuriteTests/Evaluation/$part.json"
    [ -e "$file" ] || continue
    log "orientation evaluation: $part"
    swift run --skip-build masecurite content evaluate "$file"
done
