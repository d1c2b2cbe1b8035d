#!/usr/bin/env bash
# Partner server (Examples/PartnerServer): validates the OpenAPI document,
# starts a throwaway PostgreSQL cluster on 127.0.0.1, builds the package with
# warnings as errors and runs its tests against that database, then stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
PKG=Examples/PartnerServer

log "OpenAPI document"
pip_install openapi_spec_validator openapi-spec-validator
python3 -m openapi_spec_validator "$PKG/Sources/PartnerServer/Resources/openapi.json"
log "example operators and staff files against the document's OperatorAccount and StaffAccount schemas"
python3 - "$PKG" <<'PY'
import json, sys, jsonschema  # jsonschema comes with openapi-spec-validator
pkg = sys.argv[1]
document = json.load(open(f"{pkg}/Sources/PartnerServer/Resources/openapi.json"))
for name, schema_name in (("operators.example.json", "OperatorAccount"), ("staff.example.json", "StaffAccount")):
    schema = {"type": "array", "items": document["components"]["schemas"][schema_name]}
    jsonschema.Draft202012Validator(schema).validate(json.load(open(f"{pkg}/{name}")))
    print(f"{name}: OK")
PY

log "PostgreSQL"
apt_install postgresql
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGROOT=$(mktemp -d /tmp/masecurite-pg.XXXXXX)
PGPORT=${MASECURITE_CI_PGPORT:-$(free_port 25432 1)}
as_postgres() {
    # PostgreSQL refuses to run as root: use the postgres account when CI runs as root.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; fi
stop_postgres() {
    as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
}
trap stop_postgres EXIT
as_postgres "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
as_postgres "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -c unix_socket_directories=$PGROOT -c fsync=off -c synchronous_commit=off -c max_connections=300" >/dev/null
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres masecurite_test
export MASECURITE_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PGPORT/masecurite_test"

log "build (no warning allowed in this repository's code)"
# -Xswiftc -warnings-as-errors would also reach the dependencies; instead the
# build log must hold no warning located in this repository (outside .build).
REPO=$(pwd)
swift build --package-path "$PKG" --build-tests 2>&1 | tee "$PGROOT/build.log"
if grep -E "^$REPO/[^:]*:[0-9]+:[0-9]+: (warning|error):" "$PGROOT/build.log" | grep -v "/\.build/"; then
    echo "the partner server build has warnings (listed above)"; exit 1
fi

log "tests against PostgreSQL"
swift test --package-path "$PKG" --skip-build
