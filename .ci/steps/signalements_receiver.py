#!/usr/bin/env python3
"""A tiny Standard Webhooks receiver for the signalements CI step.

Listens on 127.0.0.1 only. Verifies every signature (HMAC-SHA256 of
id.timestamp.body with the base64 key after whsec_), answers 500 to every
third request (by arrival order) when --fail-every 3, and appends one line per
accepted request to --log: "<webhook-id> <reference> <signature-ok>".
Never prints bodies. Exits after --max-seconds.
"""
import argparse
import base64
import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--fail-every", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before answering")
    parser.add_argument("--max-seconds", type=float, default=300)
    args = parser.parse_args()
    key = base64.b64decode(args.secret[len("whsec_"):] if args.secret.startswith("whsec_") else args.secret)
    lock = threading.Lock()
    counter = {"n": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_):
            pass

        def do_POST(self):
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            msg_id = self.headers.get("webhook-id", "")
            timestamp = self.headers.get("webhook-timestamp", "")
            signatures = self.headers.get("webhook-signature", "").split(" ")
            expected = "v1," + base64.b64encode(
                hmac.new(key, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()
            valid = any(hmac.compare_digest(s, expected) for s in signatures)
            with lock:
                counter["n"] += 1
                fail = args.fail_every > 0 and counter["n"] % args.fail_every == 0
            if args.delay:
                time.sleep(args.delay)
            if fail:
                self.send_response(500)
                self.end_headers()
                return
            try:
                reference = json.loads(body)["data"]["reference"]
            except Exception:
                reference = "?"
            with lock, open(args.log, "a") as log:
                log.write(f"{msg_id} {reference} {'ok' if valid else 'BAD'}\n")
            self.send_response(204 if valid else 401)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    threading.Timer(args.max_seconds, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
