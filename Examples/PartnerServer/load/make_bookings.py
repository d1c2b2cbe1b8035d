#!/usr/bin/env python3
"""Writes the booking bodies that book.lua posts under load: the free procuration
slots of the police and gendarmerie stations near a point, read from a running
partner server, one JSON body per line. Stations that take no appointment (their
opening hours are not published, or online booking does not run in their
département) answer 422 and are left out.

    python3 make_bookings.py --base http://127.0.0.1:8080 --out bookings.jsonl
"""
import argparse
import json
import sys
import urllib.error
import urllib.request


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080", help="the server's address")
    parser.add_argument("--lat", type=float, default=44.8378, help="latitude of the area (default: Bordeaux)")
    parser.add_argument("--lon", type=float, default=-0.5792, help="longitude of the area (default: Bordeaux)")
    parser.add_argument("--stations", type=int, default=40, help="how many stations around the point")
    parser.add_argument("--days", type=int, default=30, help="how many days of slots per station")
    parser.add_argument("--out", default="bookings.jsonl")
    args = parser.parse_args()

    near = get(args.base, f"/v1/stations/near?lat={args.lat}&lon={args.lon}&limit={args.stations}")
    lines = []
    for station in near["stations"]:
        try:
            slots = get(args.base, f"/v1/appointments/slots?station={station['id']}&motif=procuration&days={args.days}")
        except urllib.error.HTTPError as error:
            if error.code == 422:  # no appointment there (hours not published, or no online booking in its département)
                continue
            raise
        for slot in slots["slots"]:
            lines.append(json.dumps({"station": station["id"], "motif": "procuration", "start": slot["start"]}))
    if not lines:
        print("no free slot found: do these stations publish their hours (or does --schedules give them a schedule)?", file=sys.stderr)
        return 1
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} slot choices from {len(near['stations'])} stations written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
