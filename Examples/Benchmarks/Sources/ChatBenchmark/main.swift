// ChatBenchmark: in-process engine throughput (routing + sequencing + in-memory store +
// delivery to connection streams) and the speed of the day simulator.
// Targets: ≥ 200,000 messages/s; a 2,500-conversation day simulated in ≤ 1 s.
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

/// Runs off the main actor, so that actor hops stay on the cooperative pool.
nonisolated func runBenchmark() async throws {
    let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"
    let clock = ContinuousClock()


    // MARK: Baseline: the store alone

    let messages = quick ? 20_000 : 1_000_000
    let visitorsCount = 400
    let store = InMemoryConversationStore()
    let baselineStart = clock.now
    let baselineCPUStart = processCPUSeconds()
    do {
        var last: [UInt64] = Array(repeating: 0, count: visitorsCount)
        let ids = (0..<visitorsCount).map { ConversationID("b\($0)") }
        let now = Date()
        for n in 0..<messages {
            let slot = n % visitorsCount
            _ = try await store.append(.visitorMessage(clientTransactionID: "t\(n)", text: "Bonjour, j'ai une question.", translation: nil),
                                       to: ids[slot], expectedLastSequence: last[slot], at: now)
            last[slot] += 1
        }
    } catch {
        print("baseline failed: \(error)")
    }
    let baselineRate = Double(messages) / seconds(clock.now - baselineStart)
    let baselineCPURate = Double(messages) / (processCPUSeconds() - baselineCPUStart)

    // MARK: Engine throughput through ChatService

    var configuration = ChatService.Configuration()
    configuration.rateLimitBurst = 1e12
    configuration.rateLimitPerSecond = 1e12
    let service = ChatService(configuration: configuration)
    for number in 0..<(visitorsCount / 8) {
        try await service.registerOperator(OperatorProfile(id: OperatorID("op\(number)"), pseudonym: "Agent \(number)"))
    }
    var visitors: [(connection: Int, conversation: ConversationID)] = []
    var streams: [AsyncStream<ChatEnvelope>.Iterator] = []
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
        visitors.append((connection.id, conversation))
        streams.append(iterator)
    }
    let routingSeconds = seconds(clock.now - routingStart)
    var assigned = 0
    for visitor in visitors where await service.state(of: visitor.conversation) == .assigned { assigned += 1 }

    // Messages go in batches; between batches the connection buffers are emptied (the
    // transport's work, outside the timed section).
    let batch = min(messages, 50_000)
    let senders = 4
    var engineSeconds = 0.0
    var engineCPU = 0.0
    var delivered = 0
    var sent = 0
    while sent < messages {
        let count = min(batch, messages - sent)
        // The frames as a transport would have decoded them (outside the timed section, as for bursts).
        let frames: [(connection: Int, frame: ChatEnvelope)] = (sent..<(sent + count)).map { n in
            let visitor = visitors[n % visitorsCount]
            return (visitor.connection, .send(SendMessage(role: .visitor, conversation: visitor.conversation, clientTransactionID: "t\(n)",
                                                          text: "Bonjour, j'ai une question.")))
        }
        let cpuStart = processCPUSeconds()
        let start = clock.now
        // Several senders, each with its own visitors (a transport has one task per connection).
        await withTaskGroup(of: Void.self) { group in
            for sender in 0..<senders {
                group.addTask {
                    var n = sender
                    while n < frames.count {
                        await service.handle(frames[n].frame, from: frames[n].connection)
                        n += senders
                    }
                }
            }
        }
        engineSeconds += seconds(clock.now - start)
        engineCPU += processCPUSeconds() - cpuStart
        for n in sent..<(sent + count) {
            // One ack and one event per message.
            for _ in 0..<2 where await streams[n % visitorsCount].next() != nil { delivered += 1 }
        }
        sent += count
    }
    let engineRate = Double(messages) / engineSeconds

    // The same through the burst API: one actor hop per 20 frames of a connection.
    var burstSeconds = 0.0
    var burstCPU = 0.0
    sent = 0
    while sent < messages {
        let count = min(batch, messages - sent)
        var frames: [[ChatEnvelope]] = Array(repeating: [], count: visitorsCount)
        for n in sent..<(sent + count) {
            let visitor = visitors[n % visitorsCount]
            frames[n % visitorsCount].append(.send(SendMessage(role: .visitor, conversation: visitor.conversation,
                                                              clientTransactionID: "u\(n)", text: "Bonjour, j'ai une question.")))
        }
        let cpuStart = processCPUSeconds()
        let start = clock.now
        for (index, list) in frames.enumerated() {
            var offset = 0
            while offset < list.count {
                await service.handle(Array(list[offset..<min(list.count, offset + 20)]), from: visitors[index].connection)
                offset += 20
            }
        }
        burstSeconds += seconds(clock.now - start)
        burstCPU += processCPUSeconds() - cpuStart
        for n in sent..<(sent + count) {
            for _ in 0..<2 where await streams[n % visitorsCount].next() != nil { delivered += 1 }
        }
        sent += count
    }
    let burstRate = Double(messages) / burstSeconds
    let burstCPURate = Double(messages) / burstCPU
    let engineCPURate = Double(messages) / engineCPU

    print("ChatBenchmark\(quick ? " (quick)" : "")")
    print("  routing: \(visitorsCount) visitors connected and routed to \(visitorsCount / 8) operators in \(String(format: "%.3f", routingSeconds)) s (\(assigned) assigned)")
    print("  baseline (in-memory store appends only): \(format(baselineRate)) appends/s (\(format(baselineCPURate)) per CPU second)")
    print("  engine throughput (validate + rate limit + sequence + store + ack + deliver): \(format(engineRate)) messages/s over \(messages) messages")
    print("    per CPU second: \(format(engineCPURate)) messages (wall-clock figures suffer when the machine is shared)")
    print("  same in bursts of 20 frames per call: \(format(burstRate)) messages/s (\(format(burstCPURate)) per CPU second)")
    print("    frames delivered to visitor streams: \(delivered)")
    print("    ratio to the store baseline: \(String(format: "%.2f", engineRate / baselineRate))×; target 200,000/s: wall clock \(engineRate >= 200_000 ? "met" : "NOT met") (\(String(format: "%.2f", engineRate / 200_000))×), per CPU second \(engineCPURate >= 200_000 ? "met" : "NOT met") (\(String(format: "%.2f", engineCPURate / 200_000))×)")

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
    if !quick {
        let start = clock.now
        if let (operators, _) = ChatSimulator.operatorsNeeded(for: DayScenario(conversationsPerDay: 2_500, hours: 5 * 24, seed: 1)) {
            print("  staffing search (95 % within 120 s over 5 simulated days, seed 1): \(operators) operators, found in \(String(format: "%.2f", seconds(clock.now - start))) s")
        }
    }

}

try await Task.detached { try await runBenchmark() }.value
