// ChatBenchmark: in-process engine throughput (routing + sequencing + in-memory store +
// delivery to connection streams) and the speed of the day simulator.
//
// Targets: ≥ 200,000 messages per CPU second through ChatService; a 2,500-conversation day
// simulated in ≤ 1 s; an overloaded day of 80,000 conversations well under 1 s.
//
// Baseline, measured in the same run with the same harness: a "raw relay", an actor that does
// only what any in-process chat must do per message (one actor hop from the sender's task, one
// dictionary lookup, an ack and the stored event yielded to the visitor's AsyncStream) and none of
// the engine's work (no validation, rate limit, sanitising, store, sequencing or routing). The
// engine's figure is printed as a ratio to it: how close ChatService comes to that floor.
//
// Each throughput figure is the median of several rounds, and in each round the relay and the
// engine are measured back to back, so that the ratio compares runs made under the same load of
// the machine (the per-round ratios' median is printed, with the min–max spread of each figure).
//
// BENCHMARK_QUICK=1 runs a reduced version in a few seconds.
import ChatProtocol
import Foundation

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }

/// CPU time of the whole process (all threads), in seconds.
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// What the harness drives: ChatService, or the raw relay baseline.
protocol FrameHandler: Actor {
    func handle(_ envelope: ChatEnvelope, from connection: Int) async
    func handle(_ frames: [ChatEnvelope], from connection: Int) async
    /// A transport's entry that returns once the frame is queued (ChatService), or `handle` (the relay).
    nonisolated func submit(_ envelope: ChatEnvelope, from connection: Int) async
    /// Returns once every frame submitted is handled.
    nonisolated func flush() async
}

extension ChatService: FrameHandler {}

/// The baseline: per message, an actor hop, a lookup, and an ack and an event yielded to the
/// sender's stream, exactly the frames ChatService sends in this benchmark; no engine work.
actor RawRelay: FrameHandler {
    private var continuations: [Int: AsyncStream<ChatEnvelope>.Continuation] = [:]
    private var sequences: [Int: UInt64] = [:]
    private var next = 0

    func open() -> (Int, AsyncStream<ChatEnvelope>) {
        next += 1
        let (stream, continuation) = AsyncStream<ChatEnvelope>.makeStream()
        continuations[next] = continuation
        return (next, stream)
    }

    func handle(_ envelope: ChatEnvelope, from connection: Int) {
        guard case .send(let message) = envelope, let continuation = continuations[connection] else { return }
        let sequence = (sequences[connection] ?? 0) + 1
        sequences[connection] = sequence
        continuation.yield(.ack(Ack(conversation: message.conversation, clientTransactionID: message.clientTransactionID,
                                    sequence: sequence, duplicate: false)))
        continuation.yield(.event(SequencedEvent(conversation: message.conversation, sequence: sequence, at: Date(),
                                                 event: .visitorMessage(clientTransactionID: message.clientTransactionID,
                                                                        text: message.text, translation: nil))))
    }

    func handle(_ frames: [ChatEnvelope], from connection: Int) {
        for frame in frames { handle(frame, from: connection) }
    }

    /// The relay's floor stays one hop per frame.
    nonisolated func submit(_ envelope: ChatEnvelope, from connection: Int) async { await handle(envelope, from: connection) }
    nonisolated func flush() async {}
}

struct Visitor {
    let connection: Int
    let conversation: ConversationID
    var frames: AsyncStream<ChatEnvelope>.Iterator
}

struct Throughput {
    var perSecond: Double
    var perCPUSecond: Double
    var delivered: Int
}

/// The median and spread of one figure over the rounds.
struct Spread {
    var values: [Double]
    var median: Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    var text: String { "\(format(median)) (\(format(values.min() ?? 0))–\(format(values.max() ?? 0)))" }
}

/// Sends `messages` visitor messages through `handler`, round robin over the visitors, in batches;
/// between batches the connection streams are emptied (the transport's work, outside the timed section).
/// `burst` > 1 hands each connection's frames over `burst` at a time (one actor hop per burst);
/// otherwise four sender tasks (a transport has one task per connection) each call `handle` per frame,
/// or with `submit`, hand each frame over with `submit` and the timed section ends after `flush`
/// (every frame handled).
func measure<Handler: FrameHandler>(_ handler: Handler, visitors: inout [Visitor], messages: Int, burst: Int, submit: Bool = false,
                                    tag: String) async -> Throughput {
    let clock = ContinuousClock()
    let batch = min(messages, 50_000)
    let senders = 4
    var wall = 0.0
    var cpu = 0.0
    var delivered = 0
    var sent = 0
    let text = "Bonjour, j'ai une question."
    let pairs = visitors.map { ($0.connection, $0.conversation) }
    while sent < messages {
        let count = min(batch, messages - sent)
        if burst > 1 {
            var frames: [[ChatEnvelope]] = Array(repeating: [], count: pairs.count)
            for n in sent..<(sent + count) {
                let (_, conversation) = pairs[n % pairs.count]
                frames[n % pairs.count].append(.send(SendMessage(role: .visitor, conversation: conversation,
                                                                 clientTransactionID: "\(tag)\(n)", text: text)))
            }
            let cpuStart = processCPUSeconds()
            let start = clock.now
            for (index, list) in frames.enumerated() {
                var offset = 0
                while offset < list.count {
                    await handler.handle(Array(list[offset..<min(list.count, offset + burst)]), from: pairs[index].0)
                    offset += burst
                }
            }
            wall += seconds(clock.now - start)
            cpu += processCPUSeconds() - cpuStart
        } else {
            let frames: [(connection: Int, frame: ChatEnvelope)] = (sent..<(sent + count)).map { n in
                let (connection, conversation) = pairs[n % pairs.count]
                return (connection, .send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "\(tag)\(n)", text: text)))
            }
            let cpuStart = processCPUSeconds()
            let start = clock.now
            await withTaskGroup(of: Void.self) { group in
                for sender in 0..<senders {
                    group.addTask {
                        var n = sender
                        while n < frames.count {
                            if submit {
                                await handler.submit(frames[n].frame, from: frames[n].connection)
                            } else {
                                await handler.handle(frames[n].frame, from: frames[n].connection)
                            }
                            n += senders
                        }
                    }
                }
            }
            if submit { await handler.flush() }
            wall += seconds(clock.now - start)
            cpu += processCPUSeconds() - cpuStart
        }
        for n in sent..<(sent + count) {
            // One ack and one event per message; only those count (an error frame would not), so the
            // total below shows that every message was stored and delivered.
            for _ in 0..<2 {
                guard let frame = await visitors[n % visitors.count].frames.next() else { break }
                switch frame {
                case .ack(let ack) where !ack.duplicate: delivered += 1
                case .event(let stored): if case .visitorMessage = stored.event { delivered += 1 }
                default: break
                }
            }
        }
        sent += count
    }
    return Throughput(perSecond: Double(messages) / wall, perCPUSecond: Double(messages) / cpu, delivered: delivered)
}

/// Runs off the main actor, so that actor hops stay on the cooperative pool.
nonisolated func runBenchmark() async throws {
    let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"
    let clock = ContinuousClock()
    let messages = ProcessInfo.processInfo.environment["BENCHMARK_MESSAGES"].flatMap(Int.init) ?? (quick ? 20_000 : 200_000)
    let visitorsCount = 400
    print("ChatBenchmark\(quick ? " (quick)" : "")")

    // MARK: Set-up (outside the measured sections): the raw relay and ChatService with its visitors routed

    let relay = RawRelay()
    var relayVisitors: [Visitor] = []
    for n in 0..<visitorsCount {
        let (connection, stream) = await relay.open()
        relayVisitors.append(Visitor(connection: connection, conversation: ConversationID("r\(n)"), frames: stream.makeAsyncIterator()))
    }

    var configuration = ChatService.Configuration()
    configuration.rateLimitBurst = 1e12
    configuration.rateLimitPerSecond = 1e12
    let service = ChatService(configuration: configuration)
    for number in 0..<(visitorsCount / 8) {
        try await service.registerOperator(OperatorProfile(id: OperatorID("op\(number)"), pseudonym: "Agent \(number)"))
    }
    var visitors: [Visitor] = []
    let routingStart = clock.now
    for _ in 0..<visitorsCount {
        let connection = await service.connect(.newVisitor())
        var iterator = connection.events.makeAsyncIterator()
        var conversation: ConversationID?
        while conversation == nil, let frame = await iterator.next() {
            if case .welcome(let welcome) = frame { conversation = welcome.conversation }
        }
        guard let conversation else { print("no welcome"); return }
        _ = await iterator.next()  // the `assigned` event
        visitors.append(Visitor(connection: connection.id, conversation: conversation, frames: iterator))
    }
    let routingSeconds = seconds(clock.now - routingStart)
    var assigned = 0
    for visitor in visitors where await service.state(of: visitor.conversation) == .assigned { assigned += 1 }

    // MARK: Rounds: relay then engine, one frame per call, then the same in bursts

    let rounds = ProcessInfo.processInfo.environment["BENCHMARK_ROUNDS"].flatMap(Int.init).map { max(1, $0) } ?? 5
    var baseline = Spread(values: []), baselineBurst = Spread(values: [])
    var engine = Spread(values: []), engineBurst = Spread(values: [])
    var engineWall = Spread(values: []), engineBurstWall = Spread(values: [])
    var ratios = Spread(values: []), burstRatios = Spread(values: [])
    var engineSubmit = Spread(values: []), engineSubmitWall = Spread(values: []), submitRatios = Spread(values: [])
    var delivered = 0
    for round in 0..<rounds {
        let relayFrame = await measure(relay, visitors: &relayVisitors, messages: messages, burst: 1, tag: "r\(round)-")
        let engineFrame = await measure(service, visitors: &visitors, messages: messages, burst: 1, tag: "t\(round)-")
        let engineSubmitted = await measure(service, visitors: &visitors, messages: messages, burst: 1, submit: true, tag: "v\(round)-")
        let relayBurst = await measure(relay, visitors: &relayVisitors, messages: messages, burst: 20, tag: "s\(round)-")
        let engineBursts = await measure(service, visitors: &visitors, messages: messages, burst: 20, tag: "u\(round)-")
        baseline.values.append(relayFrame.perCPUSecond)
        baselineBurst.values.append(relayBurst.perCPUSecond)
        engine.values.append(engineFrame.perCPUSecond)
        engineBurst.values.append(engineBursts.perCPUSecond)
        engineWall.values.append(engineFrame.perSecond)
        engineBurstWall.values.append(engineBursts.perSecond)
        ratios.values.append(engineFrame.perCPUSecond / relayFrame.perCPUSecond)
        burstRatios.values.append(engineBursts.perCPUSecond / relayBurst.perCPUSecond)
        engineSubmit.values.append(engineSubmitted.perCPUSecond)
        engineSubmitWall.values.append(engineSubmitted.perSecond)
        submitRatios.values.append(engineSubmitted.perCPUSecond / relayFrame.perCPUSecond)
        delivered += engineFrame.delivered + engineBursts.delivered + engineSubmitted.delivered
    }

    func ratio(_ value: Double, _ reference: Double) -> String { String(format: "%.2f", value / reference) }
    func ratioText(_ spread: Spread) -> String {
        String(format: "%.2f× (%.2f–%.2f)", spread.median, spread.values.min() ?? 0, spread.values.max() ?? 0)
    }
    print("  routing: \(visitorsCount) visitors connected and routed to \(visitorsCount / 8) operators in \(String(format: "%.3f", routingSeconds)) s (\(assigned) assigned)")
    print("  \(rounds) rounds of \(messages) messages per figure; medians per CPU second (min–max over the rounds)")
    print("  baseline, raw relay (actor hop + ack and event yielded to AsyncStreams, no engine work):")
    print("    one frame per call, 4 senders: \(baseline.text) per CPU second")
    print("    bursts of 20 frames per call:  \(baselineBurst.text) per CPU second")
    print("  engine, ChatService (validate + rate limit + sanitise + sequence + store + ack + deliver):")
    print("    one frame per call, 4 senders: \(engine.text) per CPU second, \(format(engineWall.median)) messages/s; "
        + "\(ratioText(ratios)) the baseline per CPU second, round by round")
    print("    submit, one frame per call, 4 senders (the server's WebSocket path; timed until flushed): \(engineSubmit.text) per CPU second, "
        + "\(format(engineSubmitWall.median)) messages/s; \(ratioText(submitRatios)) the one-frame baseline per CPU second, round by round")
    print("    bursts of 20 frames per call:  \(engineBurst.text) per CPU second, \(format(engineBurstWall.median)) messages/s; "
        + "\(ratioText(burstRatios)) the baseline per CPU second, round by round")
    print("    acks and stored messages delivered to visitor streams: \(delivered) (expected \(6 * messages * rounds))")
    print("    target 200,000 messages per CPU second (median): submit \(engineSubmit.median >= 200_000 ? "met" : "NOT met") "
        + "(\(ratio(engineSubmit.median, 200_000))×), handle one frame per call \(engine.median >= 200_000 ? "met" : "NOT met") "
        + "(\(ratio(engine.median, 200_000))×), bursts \(engineBurst.median >= 200_000 ? "met" : "NOT met") "
        + "(\(ratio(engineBurst.median, 200_000))×); wall-clock figures suffer when the machine is shared")

    // MARK: Simulation of a day

    let runs = quick ? 1 : 5
    var best = Double.infinity
    var report: SimulationReport?
    for run in 0..<runs {
        let start = clock.now
        report = ChatSimulator.run(DayScenario(conversationsPerDay: 2_500, operators: 55, seed: UInt64(run + 1)))
        best = min(best, seconds(clock.now - start))
    }
    if let report {
        print("  simulated 2,500-conversation day (55 operators): best of \(runs) \(String(format: "%.3f", best)) s; target ≤ 1 s: \(best <= 1 ? "met" : "NOT met") (\(String(format: "%.1f", 1 / best))× faster)")
        print("    taken within 120 s \(String(format: "%.1f", report.takenWithin120s * 100)) %, p90 wait \(report.waitP90Seconds) s, occupancy \(String(format: "%.1f", report.occupancy * 100)) %")
    }

    // An overloaded day: queues of hundreds, thousands of abandonments (O(log n) queue operations).
    for conversations in [40_000, 80_000] {
        var overloaded = Double.infinity
        var overloadedReport: SimulationReport?
        for _ in 0..<(quick ? 1 : 3) {
            let start = clock.now
            overloadedReport = ChatSimulator.run(DayScenario(conversationsPerDay: conversations, operators: 60, seed: 1))
            overloaded = min(overloaded, seconds(clock.now - start))
        }
        if let overloadedReport {
            print("  overloaded day, \(conversations) conversations on 60 operators: \(String(format: "%.3f", overloaded)) s"
                + "\(conversations == 80_000 ? "; target well under 1 s: \(overloaded < 0.5 ? "met" : "NOT met")" : "")"
                + " (abandoned \(overloadedReport.abandonedCount), occupancy \(String(format: "%.1f", overloadedReport.occupancy * 100)) %)")
        }
    }
    if !quick {
        let start = clock.now
        if let (operators, _) = ChatSimulator.operatorsNeeded(for: DayScenario(conversationsPerDay: 2_500, hours: 5 * 24, seed: 1)) {
            print("  staffing search (95 % within 120 s over 5 simulated days, seed 1): \(operators) operators, found in \(String(format: "%.2f", seconds(clock.now - start))) s")
        }
    }
}

try await Task.detached { try await runBenchmark() }.value
