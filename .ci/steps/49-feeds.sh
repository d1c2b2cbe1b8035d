#!/usr/bin/env bash
# Local-information feeds read by a real parser (issue 19): `masecurite info feed`
# renders Atom 1.0 and JSON Feed 1.1 for several territories, both languages, an
# empty feed, and a deployment file whose texts hold every character XML must
# escape. Python's feedparser (installed from PyPI) must read each Atom feed
# without complaint (bozo = 0) as atom10, with the entries `info list --json`
# shows, stable ids, dates it parses, and the texts back unchanged. feedparser
# 6.0 (the current release) reads no JSON Feed, so each JSON feed is checked
# against the JSON Feed 1.1 rules here (version URL, title, items with a string
# id and content_text, RFC 3339 dates) and against the same entries and titles.
# Then the conditional GET: the ETag and Last-Modified printed by --include give
# a 304 with no body. Prints what it checked.
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=../lib.sh
source .ci/lib.sh
WORK=$(mktemp -d /tmp/masecurite-feeds.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

pip_install feedparser feedparser

log "build"
swift build --product masecurite
BIN=$(swift build --show-bin-path)/masecurite
AT=2026-12-20T10:00:00+01:00

# A deployment file whose texts need escaping (& < > " ' and a non-ASCII text).
cat > "$WORK/tricky-input.json" <<'JSON'
{"schema_version": 1, "version": "ci", "examples": true,
 "themes": [{"id": "velo", "label": {"fr": "Vélos & <trottinettes>", "en": "Bikes & \"scooters\""}}],
 "items": [{"id": "ci-tricky", "themes": ["velo"], "departements": ["33"],
            "valid_from": "2026-12-01T00:00:00+01:00", "valid_until": "2027-01-31T00:00:00+01:00",
            "updated": "2026-12-03T10:15:00+01:00",
            "title": {"fr": "Vélos <volés> & \"retrouvés\" — l'été", "en": "Bikes <stolen> & 'found'"},
            "summary": {"fr": "Résumé avec ]]> et &amp; littéral", "en": "Summary with ]]> and a literal &amp;"},
            "link": {"fiche": "otv"}}]}
JSON

cases=()
for territory in "--department 33" "--department 69" "--insee 69123" "--department 972"; do
    for lang in fr en; do
        name=$(echo "$territory-$lang" | tr -c 'a-z0-9\n' '_')
        # shellcheck disable=SC2086
        "$BIN" info list $territory --at "$AT" --lang "$lang" --json > "$WORK/$name.list.json"
        for format in atom json; do
            # shellcheck disable=SC2086
            "$BIN" info feed $territory --format "$format" --at "$AT" --lang "$lang" --base-url https://masecurite.example/ > "$WORK/$name.$format"
            # shellcheck disable=SC2086
            "$BIN" info feed $territory --format "$format" --at "$AT" --lang "$lang" --base-url https://masecurite.example/ > "$WORK/$name.$format.again"
            cases+=("$name.$format|$name.list.json")
        done
    done
done
"$BIN" info list --department 33 --file "$WORK/tricky-input.json" --at "$AT" --json > "$WORK/tricky.list.json"
for format in atom json; do
    "$BIN" info feed --department 33 --file "$WORK/tricky-input.json" --format "$format" --at "$AT" > "$WORK/tricky.$format"
    cp "$WORK/tricky.$format" "$WORK/tricky.$format.again"
    cases+=("tricky.$format|tricky.list.json")
done

log "feedparser"
python3 - "$WORK" "${cases[@]}" <<'PY'
import json, sys, datetime, feedparser
work, cases = sys.argv[1], sys.argv[2:]
counts = {"atom": 0, "json": 0}
entries_total = 0

def rfc3339(stamp, where):
    assert isinstance(stamp, str) and "T" in stamp and (stamp.endswith("Z") or stamp[-6] in "+-"), f"{where}: {stamp!r} is not RFC 3339"
    datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))

for case in cases:
    feed_name, list_name = case.split("|")
    path = f"{work}/{feed_name}"
    raw = open(path, "rb").read()
    assert raw == open(path + ".again", "rb").read(), f"{feed_name}: two renderings differ"
    listed = json.load(open(f"{work}/{list_name}"))["items"]
    expected_ids = [f"urn:masecurite:local-information:item:{i['id']}" for i in listed]
    expected_titles = [i["title"] for i in listed]
    if feed_name.endswith(".atom"):
        parsed = feedparser.parse(raw)
        assert not parsed.bozo, f"{feed_name}: feedparser complains: {parsed.get('bozo_exception')}"
        assert parsed.version == "atom10", f"{feed_name}: version {parsed.version!r}"
        assert parsed.feed.get("updated_parsed"), f"{feed_name}: feed updated not parsed"
        assert parsed.feed.get("id", "").startswith("urn:masecurite:local-information:"), f"{feed_name}: feed id"
        ids = [e.id for e in parsed.entries]
        titles = [e.title for e in parsed.entries]
        for e in parsed.entries:
            assert e.get("updated_parsed"), f"{feed_name}: entry date not parsed"
            rfc3339(e.updated, feed_name)
        counts["atom"] += 1
        how = "feedparser: atom10, bozo 0"
    else:
        document = json.loads(raw)
        assert document.get("version") == "https://jsonfeed.org/version/1.1", f"{feed_name}: version {document.get('version')!r}"
        assert isinstance(document.get("title"), str) and document["title"], f"{feed_name}: no title"
        assert isinstance(document.get("items"), list), f"{feed_name}: no items"
        for item in document["items"]:
            assert isinstance(item.get("id"), str) and item["id"], f"{feed_name}: item without a string id"
            assert isinstance(item.get("content_text"), str), f"{feed_name}: item without content_text"
            rfc3339(item.get("date_published"), feed_name)
            rfc3339(item.get("date_modified"), feed_name)
        ids = [i["id"] for i in document["items"]]
        titles = [i["title"] for i in document["items"]]
        counts["json"] += 1
        how = "JSON Feed 1.1 rules"
    assert ids == expected_ids, f"{feed_name}: entry ids {ids}, expected {expected_ids}"
    assert len(set(ids)) == len(ids), f"{feed_name}: duplicate ids"
    assert titles == expected_titles, f"{feed_name}: titles {titles}, expected {expected_titles}"
    entries_total += len(ids)
    print(f"  ok {feed_name}: {how}, {len(ids)} entries, ids and titles match 'info list'")

tricky = feedparser.parse(open(f"{work}/tricky.atom", "rb").read())
assert tricky.entries[0].title == "Vélos <volés> & \"retrouvés\" — l'été", tricky.entries[0].title
assert "]]>" in tricky.entries[0].summary and "&amp;" in tricky.entries[0].summary, tricky.entries[0].summary
print(f"checked {counts['atom']} Atom feeds with feedparser {feedparser.__version__} and {counts['json']} JSON feeds "
      f"({entries_total} entries); escaped texts came back unchanged")
PY

log "conditional GET"
"$BIN" info feed --department 33 --format atom --at "$AT" --include > "$WORK/head.txt"
ETAG=$(grep '^ETag: ' "$WORK/head.txt" | cut -d' ' -f2-)
LAST=$(grep '^Last-Modified: ' "$WORK/head.txt" | cut -d' ' -f2-)
[ "$(head -1 "$WORK/head.txt")" = "HTTP/1.1 200 OK" ]
"$BIN" info feed --department 33 --format atom --at "$AT" --include --if-none-match "$ETAG" > "$WORK/etag.txt"
[ "$(head -1 "$WORK/etag.txt")" = "HTTP/1.1 304 Not Modified" ] && ! grep -q '<feed' "$WORK/etag.txt"
"$BIN" info feed --department 33 --format atom --at "$AT" --include --if-modified-since "$LAST" > "$WORK/since.txt"
[ "$(head -1 "$WORK/since.txt")" = "HTTP/1.1 304 Not Modified" ]
"$BIN" info feed --department 33 --format atom --at "$AT" --include --if-none-match '"stale"' > "$WORK/stale.txt"
[ "$(head -1 "$WORK/stale.txt")" = "HTTP/1.1 200 OK" ]
echo "ETag $ETAG and Last-Modified '$LAST' give 304 without a body; a stale ETag gives 200"
