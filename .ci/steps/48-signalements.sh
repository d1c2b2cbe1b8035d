#!/usr/bin/env bash
# Signalements delivered without loss (issue 17): 200 signalements filed with the CLI
# into one SQLite outbox, then `masecurite signalements deliver` sends them to a tiny
# Standard Webhooks receiver on loopback (python3 http.server) that answers 500 to every
# third request and is restarted twice (once with the kill, once while the second deliverer
# runs); the deliverer is killed with SIGKILL in the middle
# of a delivery and started again. Checks: every signalement arrived, under one webhook-id
# only (the same id may arrive twice and is counted), every signature verifies, no
# dead-letter; prints the figures. Loopback only, bounded in time, cleans up on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
COUNT=${MASECURITE_CI_SIGNALEMENTS:-200}
WORK=$(mktemp -d /tmp/masecurite-signalements.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

log "build"
swift build --product masecurite
BIN=$(swift build --show-bin-path)/masecurite
STORE=$WORK/signalements.sqlite
SECRET=whsec_$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
RECEIVED=$WORK/received.log
: > "$RECEIVED"

# A competence file in the shape of the ministry's (four units), and endpoints for them.
cat > "$WORK/competence.csv" <<CSV
code_commune_insee;libelle_commune;institution;id_service;service
33063;Bordeaux;Police nationale;PN-33-001;Commissariat de Bordeaux
75056;Paris;Police nationale;PP-75-000;Préfecture de police
97209;Fort-de-France;Police nationale;PN-972-001;Commissariat de Fort-de-France
01001;L'Abergement-Clémenciat;Gendarmerie nationale;GN-01-033;Brigade de Châtillon-sur-Chalaronne
CSV
python3 - "$WORK/endpoints.json" "$PORT" "$SECRET" <<'PY'
import json, sys
path, port, secret = sys.argv[1], sys.argv[2], sys.argv[3]
url = f"http://127.0.0.1:{port}/signalements"
units = {unit: {"url": url, "secret": secret} for unit in ["PN-33-001", "PP-75-000", "PN-972-001"]}
units["*"] = {"url": url, "secret": secret}   # GN-01-033 goes to the fallback
json.dump(units, open(path, "w"))
PY

log "file $COUNT signalements"
COMMUNES=(33063 75115 97209 01001)
KINDS=(point-de-deal rodeo-urbain menaces-harcelement comportement-suspect)
: > "$WORK/references"
for i in $(seq 1 "$COUNT"); do
    commune=${COMMUNES[$((i % 4))]}
    kind=${KINDS[$((i % 4))]}
    "$BIN" signalements submit --kind "$kind" --insee "$commune" --competence-file "$WORK/competence.csv" \
        --field place="lieu $i" --field when=2026-03-01T22:00:00+01:00 --field recurrence=daily \
        --description "signalement de test $i" --store "$STORE" --json \
        | python3 -c 'import json, sys; print(json.load(sys.stdin)["reference"])' >> "$WORK/references"
done
echo "filed: $(wc -l < "$WORK/references")"

start_receiver() {
    python3 .ci/steps/signalements_receiver.py --port "$PORT" --secret "$SECRET" --log "$RECEIVED" \
        --fail-every 3 --delay 0.05 --max-seconds 240 &
    RECEIVER=$!
    PIDS+=("$RECEIVER")
    for _ in $(seq 1 50); do
        python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "the receiver did not start"; exit 1
}
DELIVER=(signalements deliver --store "$STORE" --endpoints "$WORK/endpoints.json"
         --backoff 0.2 --max-attempts 25 --lease 3 --max-seconds 150 --json)
received() { wc -l < "$RECEIVED"; }
wait_for_received() {   # wait_for_received N: until N requests are logged, at most 60 s
    for _ in $(seq 1 1200); do
        [ "$(received)" -ge "$1" ] && return 0
        sleep 0.05
    done
    echo "only $(received) requests arrived, expected $1"; exit 1
}

log "deliver; SIGKILL the deliverer mid-delivery; restart the receiver twice"
start_receiver
"$BIN" "${DELIVER[@]}" > "$WORK/first.json" &
DELIVERER=$!
PIDS+=("$DELIVERER")
wait_for_received $((COUNT / 4))
kill -KILL "$DELIVERER"
wait "$DELIVERER" 2>/dev/null || true
echo "deliverer killed after $(received) requests were logged"
kill "$RECEIVER"; wait "$RECEIVER" 2>/dev/null || true
start_receiver
# The second deliverer starts while the first one's leases still hold: those jobs come
# back after the lease (3 s), with the same webhook-id.
"$BIN" "${DELIVER[@]}" > "$WORK/second.json" &
SECOND=$!
PIDS+=("$SECOND")
# Restart the receiver once more while the second deliverer runs (connection refused meanwhile).
wait_for_received $((COUNT / 2))
kill "$RECEIVER"; wait "$RECEIVER" 2>/dev/null || true
sleep 0.5
start_receiver
wait "$SECOND"
echo "second deliverer: $(cat "$WORK/second.json")"

log "check"
python3 - "$WORK/references" "$RECEIVED" "$WORK/second.json" <<'PY'
import collections, json, sys
references = [line.strip() for line in open(sys.argv[1]) if line.strip()]
lines = [line.split() for line in open(sys.argv[2]) if line.strip()]
summary = json.load(open(sys.argv[3]))
ids_by_reference = collections.defaultdict(set)
deliveries_by_id = collections.Counter()
bad = 0
for message_id, reference, verdict in lines:
    ids_by_reference[reference].add(message_id)
    deliveries_by_id[message_id] += 1
    bad += verdict != "ok"
missing = [r for r in references if r not in ids_by_reference]
two_ids = {r: ids for r, ids in ids_by_reference.items() if len(ids) > 1}
unknown = [r for r in ids_by_reference if r not in set(references)]
duplicates = sum(n - 1 for n in deliveries_by_id.values())
outbox = summary["outbox"]
print(f"filed {len(references)}, received {len(ids_by_reference)} distinct, {len(lines)} deliveries "
      f"({duplicates} duplicate(s) under the same webhook-id), bad signatures {bad}, "
      f"under two ids {len(two_ids)}, missing {len(missing)}, unknown {len(unknown)}")
print(f"outbox after the second run: {outbox}")
failures = []
if missing: failures.append(f"{len(missing)} signalement(s) never arrived")
if two_ids: failures.append(f"{len(two_ids)} signalement(s) arrived under two webhook-ids")
if bad: failures.append(f"{bad} bad signature(s)")
if unknown: failures.append(f"{len(unknown)} unknown reference(s)")
if outbox.get("dead-letter", 0): failures.append(f"{outbox['dead-letter']} dead-letter(s)")
if outbox.get("delivered", 0) != len(references): failures.append(f"outbox says {outbox.get('delivered', 0)} delivered")
if failures:
    print("FAILED: " + "; ".join(failures)); sys.exit(1)
print("signalements: nothing lost, nothing under a second id")
PY
