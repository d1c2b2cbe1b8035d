#!/usr/bin/env python3
"""Drives a chat cluster of masecurite-server instances over WebSocket, kills one
instance with SIGKILL in the middle, and checks the cluster's promises.

    python3 chat_cluster.py --operators operators.json --ports 8081 8082 8083 \
        --kill-pid 12345 --kill-port 8082 --visitors 60 --kill-after 6

Operators (from the operators file) connect to the instances in turn; visitors open
conversations on every platform, on the instances in turn, and each writes a few
messages; operators answer each message and close the conversation after the last.
At --kill-after seconds the process --kill-pid (serving --kill-port) gets SIGKILL; its
clients reconnect to the other instances and resume by sequence number, resending
unacknowledged messages with the same client transaction id.

Visitors also send a typing notice before each message, and some write a danger on
their first message; operators whose role is supervisor only watch for alerts.

Prints: conversations given to two operators at once, messages lost, messages
duplicated, conversations never taken, the longest re-routing time after the kill,
take-in p50/p90; then the typing notices that crossed instances, the supervisor
alerts per escalation, and how many conversations of the killed instance kept their
operator. Exits 1 if a bound is violated (0 two-operators, 0 lost, 0 duplicated,
0 never taken, re-routing <= --reroute-bound, every supervisor alerted exactly once
per escalation, typing notices crossing instances when a conversation spans two).
Bounded by --deadline seconds; stops by itself. Nothing of message contents is printed.
"""
import argparse
import asyncio
import json
import os
import signal
import sys
import time

import websockets

PLATFORMS = ["tchat", "pnav", "espace-mineurs"]
DANGER = "il me frappe en ce moment"


def parse_at(text):
    """ISO 8601 UTC with milliseconds -> epoch seconds."""
    from datetime import datetime
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=__import__("datetime").timezone.utc).timestamp()


class Cluster:
    def __init__(self, ports, kill_port):
        self.ports = ports
        self.dead = set()
        self.kill_port = kill_port
        self.kill_time = None
        # conversation -> set of live operator client names holding it
        self.holders = {}
        self.double_given = set()
        self.stop = asyncio.Event()
        # conversation -> the port its visitor is connected to now
        self.visitor_port = {}
        # typing notices an operator received from a visitor connected to another instance / the same one
        self.typing_across = 0
        self.typing_same = 0
        # conversation -> names of the supervisor connections that got its alert (one entry per frame)
        self.alerts = {}

    def live_ports(self, preferred):
        ordered = self.ports[self.ports.index(preferred):] + self.ports[:self.ports.index(preferred)]
        return [p for p in ordered if p not in self.dead]

    def hold(self, conversation, holder):
        holders = self.holders.setdefault(conversation, set())
        holders.add(holder)
        if len(holders) > 1:
            self.double_given.add(conversation)

    def release(self, conversation, holder):
        self.holders.get(conversation, set()).discard(holder)


def frame(**fields):
    fields["v"] = 1
    return json.dumps(fields)


class Operator:
    def __init__(self, cluster, account, port, messages_per_visitor):
        self.cluster = cluster
        self.account = account
        self.port = port
        self.name = account["id"]
        self.pseudonym = account["display_name"]
        self.messages = messages_per_visitor
        self.held = set()
        self.seen_visitor = {}  # conversation -> set of visitor txn ids
        self.closed = set()

    async def run(self):
        while not self.cluster.stop.is_set():
            port = self.cluster.live_ports(self.port)[0]
            self.port = port
            try:
                async with websockets.connect(f"ws://127.0.0.1:{port}/v1/chat",
                                              additional_headers={"Authorization": f"Bearer {self.account['token']}"},
                                              open_timeout=5, ping_interval=None) as ws:
                    await ws.send(frame(type="hello", role="operator", operator=self.name))
                    await self.serve(ws)
            except (OSError, websockets.ConnectionClosed, asyncio.TimeoutError):
                pass
            # The connection (or its instance) is gone: nothing is held any more by this connection.
            for conversation in list(self.held):
                self.cluster.release(conversation, self.name)
            self.held.clear()
            if not self.cluster.stop.is_set():
                await asyncio.sleep(0.3)

    async def serve(self, ws):
        stop = asyncio.ensure_future(self.cluster.stop.wait())
        try:
            while True:
                receive = asyncio.ensure_future(ws.recv())
                done, _ = await asyncio.wait({receive, stop}, return_when=asyncio.FIRST_COMPLETED)
                if stop in done:
                    receive.cancel()
                    return
                message = json.loads(receive.result())
                await self.handle(ws, message)
        finally:
            stop.cancel()

    async def handle(self, ws, message):
        kind = message.get("type")
        conversation = message.get("conversation")
        if kind == "assigned":
            if message.get("pseudonym") == self.pseudonym and conversation not in self.held:
                self.held.add(conversation)
                # Given back after a failover (a close sent to the dead instance was lost): close it again when done.
                self.closed.discard(conversation)
                self.cluster.hold(conversation, self.name)
                # The history came first: answer what the visitor wrote before.
                for txn in sorted(self.seen_visitor.get(conversation, set())):
                    await self.answer(ws, conversation, txn)
                await self.close_when_done(ws, conversation)
            elif message.get("pseudonym") != self.pseudonym and conversation in self.held:
                self.held.discard(conversation)
                self.cluster.release(conversation, self.name)
        elif kind in ("closed", "transferred") and conversation in self.held:
            self.held.discard(conversation)
            self.cluster.release(conversation, self.name)
        elif kind == "typing":
            if message.get("by") == "visitor":
                if self.cluster.visitor_port.get(conversation, self.port) != self.port:
                    self.cluster.typing_across += 1
                else:
                    self.cluster.typing_same += 1
        elif kind == "supervisor_alert":
            self.cluster.alerts.setdefault(conversation, []).append(self.name)
        elif kind == "visitor_message":
            txn = message.get("client_txn_id", "")
            self.seen_visitor.setdefault(conversation, set()).add(txn)
            if conversation in self.held:
                await self.answer(ws, conversation, txn)
                await self.close_when_done(ws, conversation)

    async def answer(self, ws, conversation, txn):
        # The same reply id for the same visitor message: stored once, whoever answers.
        await ws.send(frame(type="operator_message", conversation=conversation,
                            client_txn_id=f"r-{txn}", text="Je vous écoute, continuez."))

    async def close_when_done(self, ws, conversation):
        # Every visitor message answered (the answers were sent before): the operator closes.
        if len(self.seen_visitor.get(conversation, ())) >= self.messages and conversation not in self.closed:
            self.closed.add(conversation)
            await asyncio.sleep(0.2)
            await ws.send(frame(type="close", conversation=conversation))


class Visitor:
    def __init__(self, cluster, index, platform, port, messages, danger):
        self.cluster = cluster
        self.index = index
        self.platform = platform
        self.port = port
        self.messages = messages
        self.danger = danger
        self.token = None
        self.conversation = None
        self.seqs = []  # every event seq received, in order, over every connection
        self.events = {}  # seq -> event
        self.acked = {}  # txn -> seq
        self.opened_at = None
        self.first_assigned_at = None
        self.closed = False
        self.sent = 0

    def last_seq(self):
        return max(self.seqs) if self.seqs else 0

    async def run(self):
        while not self.closed and not self.cluster.stop.is_set():
            live = self.cluster.live_ports(self.port)
            if not live:
                return
            self.port = live[0]
            try:
                async with websockets.connect(f"ws://127.0.0.1:{self.port}/v1/chat", open_timeout=5, ping_interval=None) as ws:
                    if self.token is None:
                        self.opened_at = time.time()
                        await ws.send(frame(type="hello", role="visitor", platform=self.platform, language="fr"))
                    else:
                        await ws.send(frame(type="hello", role="visitor", token=self.token,
                                            conversation=self.conversation, last_seq=self.last_seq()))
                    await self.talk(ws)
            except (OSError, websockets.ConnectionClosed, asyncio.TimeoutError):
                pass
            if not self.closed and not self.cluster.stop.is_set():
                await asyncio.sleep(0.3)

    def assigned(self):
        return any(e.get("type") == "assigned" for e in self.events.values())

    async def talk(self, ws):
        welcomed = False
        next_send = None
        stop = asyncio.ensure_future(self.cluster.stop.wait())
        try:
            while not self.closed:
                timeout = None
                # The first message may be written while waiting; the others once taken.
                if welcomed and (self.assigned() or not self.acked) and len(self.acked) < self.messages:
                    if next_send is None:
                        next_send = time.time() + 0.4
                    timeout = max(0.0, next_send - time.time())
                receive = asyncio.ensure_future(ws.recv())
                done, _ = await asyncio.wait({receive, stop}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
                if stop in done:
                    receive.cancel()
                    return
                if receive not in done:
                    receive.cancel()
                    # Resend every unacknowledged message (same txn id), then the next one.
                    number = len(self.acked) + 1
                    text = DANGER if (self.danger and number == 1) else f"Message {number} du visiteur."
                    # A typing notice first (never stored): it reaches the operator wherever they are connected.
                    await ws.send(frame(type="typing", conversation=self.conversation, active=True))
                    await ws.send(frame(type="visitor_message", conversation=self.conversation,
                                        client_txn_id=f"v{self.index}-{number}", text=text))
                    next_send = time.time() + 1.2
                    continue
                message = json.loads(receive.result())
                kind = message.get("type")
                if kind == "welcome":
                    welcomed = True
                    self.token = message.get("token") or self.token
                    self.conversation = message.get("conversation") or self.conversation
                    self.cluster.visitor_port[self.conversation] = self.port
                elif kind == "ack":
                    self.acked[message["client_txn_id"]] = message["seq"]
                    next_send = time.time() + 0.5
                elif kind == "error":
                    if message.get("code") == "rate_limited":
                        next_send = time.time() + 1.0
                elif "seq" in message and message.get("conversation") == self.conversation:
                    seq = message["seq"]
                    self.seqs.append(seq)
                    if seq not in self.events:
                        self.events[seq] = message
                    if kind == "assigned" and self.first_assigned_at is None:
                        self.first_assigned_at = time.time()
                    if kind == "closed":
                        self.closed = True
        finally:
            stop.cancel()


async def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--operators", required=True, help="the operators file the instances read")
    parser.add_argument("--ports", type=int, nargs="+", required=True)
    parser.add_argument("--kill-pid", type=int, help="the process to SIGKILL")
    parser.add_argument("--kill-port", type=int, help="the port that process serves")
    parser.add_argument("--kill-after", type=float, default=6.0)
    parser.add_argument("--visitors", type=int, default=60)
    parser.add_argument("--messages", type=int, default=4, help="messages per visitor")
    parser.add_argument("--arrival-seconds", type=float, default=8.0, help="visitors arrive over this many seconds")
    parser.add_argument("--deadline", type=float, default=150.0)
    parser.add_argument("--reroute-bound", type=float, default=15.0)
    parser.add_argument("--take-in-p90-bound", type=float, default=120.0)
    args = parser.parse_args()

    accounts = json.load(open(args.operators))
    cluster = Cluster(args.ports, args.kill_port)
    operators = [Operator(cluster, account, args.ports[i % len(args.ports)], args.messages) for i, account in enumerate(accounts)]
    visitors = [Visitor(cluster, i, PLATFORMS[i % 3], args.ports[i % len(args.ports)], args.messages, danger=(i % 20 == 7))
                for i in range(args.visitors)]

    started = time.time()
    operator_tasks = [asyncio.ensure_future(o.run()) for o in operators]
    await asyncio.sleep(1.5)  # consoles connected before the first visitors

    async def start_visitor(visitor, delay):
        await asyncio.sleep(delay)
        await visitor.run()

    visitor_tasks = [asyncio.ensure_future(start_visitor(v, args.arrival_seconds * i / max(1, args.visitors)))
                     for i, v in enumerate(visitors)]

    # Who held what when the instance died: the conversations its operators had taken.
    reclaimed = set()
    holder_at_kill = {}

    async def killer():
        if not args.kill_pid:
            return
        await asyncio.sleep(args.kill_after)
        killed_operators = {o.name for o in operators if o.port == args.kill_port}
        for conversation, holders in cluster.holders.items():
            if holders & killed_operators:
                reclaimed.add(conversation)
                holder_at_kill[conversation] = next(o.pseudonym for o in operators if o.name in holders & killed_operators)
        cluster.dead.add(args.kill_port)
        cluster.kill_time = time.time()
        os.kill(args.kill_pid, signal.SIGKILL)
        print(f"killed the instance on port {args.kill_port} (pid {args.kill_pid}) at t={cluster.kill_time - started:.1f}s, "
              f"holding {len(reclaimed)} conversation(s)", flush=True)

    kill_task = asyncio.ensure_future(killer())
    done, pending = await asyncio.wait(visitor_tasks, timeout=args.deadline)
    cluster.stop.set()
    await kill_task
    await asyncio.wait(operator_tasks + list(pending), timeout=5)
    for task in operator_tasks + list(pending):
        task.cancel()

    # Figures (no content, no token).
    never_taken = [v for v in visitors if not v.assigned()]
    unfinished = [v for v in visitors if not v.closed]
    lost = duplicated = 0
    for v in visitors:
        counts = {}
        for seq in v.seqs:
            counts[seq] = counts.get(seq, 0) + 1
        duplicated += sum(c - 1 for c in counts.values())
        if v.seqs:
            lost += len(set(range(1, max(v.seqs) + 1)) - set(counts))  # gaps
        texts = {}
        for event in v.events.values():
            if event.get("type") in ("visitor_message", "operator_message"):
                texts.setdefault(event["client_txn_id"], []).append(event["seq"])
        duplicated += sum(len(s) - 1 for s in texts.values())
        # Every acknowledged message of the visitor, and an answer to each, reached the visitor.
        for txn in v.acked:
            if txn not in texts:
                lost += 1
            if v.closed and f"r-{txn}" not in texts:
                lost += 1
    reroute = 0.0
    if cluster.kill_time:
        for v in visitors:
            if v.conversation not in reclaimed:
                continue
            closed = [parse_at(e["at"]) for e in v.events.values() if e.get("type") == "closed"]
            if closed and min(closed) <= cluster.kill_time:
                continue  # its operator closed it just before the kill: nothing to re-route
            later = [parse_at(e["at"]) for e in v.events.values() if e.get("type") == "assigned" and parse_at(e["at"]) > cluster.kill_time]
            reroute = max(reroute, (min(later) - cluster.kill_time) if later else float("inf"))
    take_in = sorted(v.first_assigned_at - v.opened_at for v in visitors if v.first_assigned_at and v.opened_at)

    def percentile(values, p):
        if not values:
            return float("nan")
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

    per_platform = {p: sum(1 for v in visitors if v.platform == p) for p in PLATFORMS}
    emergencies = sum(1 for v in visitors if any(e.get("type") == "emergency_raised" for e in v.events.values()))
    print(f"visitors: {len(visitors)} ({', '.join(f'{p} {n}' for p, n in per_platform.items())}), operators: {len(operators)}, "
          f"instances: {len(args.ports)}, emergencies raised: {emergencies}")
    print(f"conversations given to two operators: {len(cluster.double_given)}")
    print(f"messages lost: {lost}")
    print(f"messages duplicated: {duplicated}")
    print(f"conversations never taken: {len(never_taken)}")
    print(f"conversations not finished: {len(unfinished)}")
    print(f"conversations taken through the killed instance: {len(reclaimed)}")
    print(f"longest re-routing after the kill: {reroute:.1f} s")
    print(f"take-in p50: {percentile(take_in, 50):.2f} s, p90: {percentile(take_in, 90):.2f} s, max: {percentile(take_in, 100):.2f} s")
    print(f"elapsed: {time.time() - started:.1f} s")
    # Across instances: typing notices, supervisor alerts, conversations kept by their operator.
    print(f"typing notices from visitors received by operators on another instance: {cluster.typing_across} "
          f"(on the same instance: {cluster.typing_same})")
    supervisors = [o.name for o in operators if o.account.get("role") == "supervisor"]
    dangerous = {v.conversation for v in visitors if v.danger and v.conversation and f"v{v.index}-1" in v.acked}
    alert_counts = [cluster.alerts.get(c, []).count(s) for c in dangerous for s in supervisors]
    duplicated_alerts = sum(max(0, n - 1) for n in alert_counts)
    missing_alerts = sum(1 for n in alert_counts if n == 0)
    print(f"supervisor alerts: {sum(alert_counts)} for {len(dangerous)} escalation(s) x {len(supervisors)} supervisor(s), "
          f"duplicated: {duplicated_alerts}, missing: {missing_alerts}")
    kept = 0
    for v in visitors:
        if v.conversation not in holder_at_kill:
            continue
        after = [e for s, e in sorted(v.events.items()) if e.get("type") == "assigned" and cluster.kill_time and parse_at(e["at"]) > cluster.kill_time]
        if after and after[0].get("pseudonym") == holder_at_kill[v.conversation]:
            kept += 1
    print(f"conversations of the killed instance given back to their own operator: {kept} of {len(holder_at_kill)}")
    if os.environ.get("CHAT_CLUSTER_DETAILS"):
        # Event types and sequence numbers only (never a text) of the conversations that went wrong.
        for v in visitors:
            reasons = []
            if not v.closed:
                reasons.append("unfinished")
            if v.conversation in reclaimed:
                reasons.append("reclaimed")
            if reasons:
                kinds = [f"{seq}:{v.events[seq]['type']}" for seq in sorted(v.events)]
                print(f"  visitor {v.index} ({v.platform}, port {v.port}, {v.conversation}, held at the kill by "
                      f"{holder_at_kill.get(v.conversation, '-')}) {'/'.join(reasons)}: acked {sorted(v.acked)} events {kinds}")
    failures = []
    if cluster.double_given:
        failures.append("a conversation was given to two operators")
    if lost:
        failures.append("messages were lost")
    if duplicated:
        failures.append("messages were duplicated")
    if never_taken:
        failures.append("conversations were never taken")
    if unfinished:
        failures.append("conversations did not finish before the deadline")
    if duplicated_alerts or missing_alerts:
        failures.append(f"supervisor alerts duplicated {duplicated_alerts}, missing {missing_alerts}")
    spans_instances = any(o.port != cluster.visitor_port.get(c) for o in operators for c in o.seen_visitor)
    if spans_instances and cluster.typing_across == 0:
        failures.append("no typing notice crossed instances")
    if cluster.kill_time and reroute > args.reroute_bound:
        failures.append(f"re-routing took longer than {args.reroute_bound} s")
    if take_in and percentile(take_in, 90) > args.take_in_p90_bound:
        failures.append(f"take-in p90 over {args.take_in_p90_bound} s")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
