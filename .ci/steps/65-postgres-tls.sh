#!/usr/bin/env bash
# TLS to PostgreSQL: starts a throwaway PostgreSQL on loopback with ssl=on and a
# certificate for 127.0.0.1 and localhost signed by a CA made here with openssl
# (plus a second, unrelated CA). pg_hba refuses every unencrypted TCP connection.
# Runs the focused tests (require encrypts; verify-full works with the CA file;
# a wrong CA, and an address the certificate is not for, fail with a clear
# error), then the server itself: verify-full is ready, a wrong CA stops it at
# start-up with a sentence that says why. Loopback only, bounded in time,
# everything stopped and removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
PKG=Examples/PartnerServer

apt_install postgresql openssl curl
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
ROOT=$(mktemp -d /tmp/masecurite-pgtls.XXXXXX)
PGPORT=${MASECURITE_CI_PGTLS_PORT:-$(free_port 25433 1)}
HTTPPORT=${MASECURITE_CI_TLS_HTTP_PORT:-$(free_port 28433 1)}
SERVER_PID=
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    as_postgres "$PGBIN/pg_ctl" -D "$ROOT/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$ROOT"
}
trap cleanup EXIT

log "certificates: a test CA, a server certificate for 127.0.0.1 and localhost, an unrelated CA"
make_ca() {  # make_ca NAME "CN"
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$2" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout "$ROOT/$1.key" -out "$ROOT/$1.pem" 2>/dev/null
}
make_ca ca "MaSecurite CI test CA"
make_ca wrong-ca "Some other CA"
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
    -keyout "$ROOT/server.key" -out "$ROOT/server.csr" 2>/dev/null
printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" > "$ROOT/server.ext"
openssl x509 -req -in "$ROOT/server.csr" -CA "$ROOT/ca.pem" -CAkey "$ROOT/ca.key" -CAcreateserial -days 2 \
    -extfile "$ROOT/server.ext" -out "$ROOT/server.crt" 2>/dev/null
openssl verify -CAfile "$ROOT/ca.pem" "$ROOT/server.crt"
chmod 600 "$ROOT/server.key"
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$ROOT"; fi

log "PostgreSQL with ssl=on on 127.0.0.1 and 127.0.0.2:$PGPORT (unencrypted TCP refused)"
as_postgres "$PGBIN/initdb" -D "$ROOT/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
cat > "$ROOT/data/pg_hba.conf" <<'HBA'
local     all all              trust
hostssl   all all 127.0.0.0/8  trust
hostnossl all all 127.0.0.0/8  reject
HBA
as_postgres "$PGBIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1,127.0.0.2 -p $PGPORT -c unix_socket_directories=$ROOT -c fsync=off \
        -c ssl=on -c ssl_cert_file=$ROOT/server.crt -c ssl_key_file=$ROOT/server.key" >/dev/null
as_postgres "$PGBIN/createdb" -h "$ROOT" -p "$PGPORT" -U postgres masecurite_tls
export MASECURITE_TEST_POSTGRES_TLS_URL="postgres://postgres@127.0.0.1:$PGPORT/masecurite_tls"
export MASECURITE_TEST_POSTGRES_TLS_CA="$ROOT/ca.pem"
export MASECURITE_TEST_POSTGRES_TLS_WRONG_CA="$ROOT/wrong-ca.pem"
export MASECURITE_TEST_POSTGRES_TLS_OTHER_HOST=127.0.0.2

log "build (reuses the partner server step's build)"
swift build --package-path "$PKG" --build-tests

log "TLS tests"
timeout 600 swift test --package-path "$PKG" --skip-build --filter 'PostgresTLS'

log "the server with --postgres-sslmode verify-full and the CA file"
BIN=$(swift build --package-path "$PKG" --show-bin-path)
"$BIN/masecurite-server" --port "$HTTPPORT" --postgres-url "$MASECURITE_TEST_POSTGRES_TLS_URL" \
    --postgres-sslmode verify-full --postgres-sslrootcert "$ROOT/ca.pem" --log-level warning >"$ROOT/good.log" 2>&1 &
SERVER_PID=$!
ready=
for _ in $(seq 1 120); do
    if body=$(curl -fsS "http://127.0.0.1:$HTTPPORT/v1/ready" 2>/dev/null); then ready=$body; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
done
kill "$SERVER_PID" 2>/dev/null || true
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
echo "ready: ${ready:-none}"
if [[ "$ready" != *'"storage":"postgresql"'* ]]; then
    cat "$ROOT/good.log"; echo "the server did not become ready over verify-full"; exit 1
fi

log "the server with a wrong CA stops at start-up and says why"
set +e
timeout 60 "$BIN/masecurite-server" --port "$HTTPPORT" \
    --postgres-url "$MASECURITE_TEST_POSTGRES_TLS_URL?sslmode=verify-full&sslrootcert=$ROOT/wrong-ca.pem" \
    --log-level warning >"$ROOT/wrong.log" 2>&1
status=$?
set -e
cat "$ROOT/wrong.log"
if [ "$status" = 0 ] || [ "$status" = 124 ] || ! grep -q "not trusted" "$ROOT/wrong.log"; then
    echo "expected a start-up failure naming the untrusted certificate (exit $status)"; exit 1
fi
echo "server over TLS: verify-full ready; wrong CA refused at start-up"
