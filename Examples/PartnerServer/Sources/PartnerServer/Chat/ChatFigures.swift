import ChatProtocol
import CoreMetrics
import Foundation
import MaSecuriteCore
import Prometheus
import Synchronization

/// Live figures of the chat, as this instance observes them: take-in times per platform,
/// queue lengths, waits abandoned, operators present and capacity used.
///
/// The figures come from the conversation events this instance stores or reads back (see
/// ``ObservedConversationStore``), for the conversations it opened (and so routes), plus, at
/// each report, the operators connected here (``OperatorPresence``) and their load in the chat
/// engine. With several instances, each reports its own share: add counters and queue lengths
/// across instances, and merge histograms (Prometheus `sum by (le)`).
///
/// Privacy: the figures hold no message content, no visitor token, conversation id or operator
/// id: only counts, durations, platforms and roles.
public final class ChatFigures: Sendable {
    /// The window of the take-in quantiles (p50, p90, p99), in seconds.
    public static let windowSeconds: Double = 3_600
    /// The take-in promise: an operator takes a visitor within this many seconds.
    public static let promiseSeconds: Double = 120
    /// Upper bounds of the take-in histogram buckets, in seconds.
    static let buckets: [Int] = [5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1_200, 3_600]
    /// Most take-in samples kept per platform for the quantiles.
    static let maximumSamples = 20_000

    /// A conversation opened here, while it is not over.
    private struct Tracked {
        let openedPlatform: Platform
        let openedAt: Date
        var platform: Platform
        /// Since when it waits in a queue; `nil` while an operator has it.
        var waitingSince: Date?
        var everTaken = false
        var emergency = false
        /// Sequence numbers already counted (events may be read back more than once).
        var seen: Set<UInt64> = []
    }

    /// Counts since ``since``, by platform (the same as the Prometheus counters).
    private struct Counts {
        var opened: [Platform: Int] = [:]
        var taken: [Platform: Int] = [:]
        var abandoned: [Platform: Int] = [:]
        var emergencies: [Platform: Int] = [:]
    }

    private struct State {
        var tracked: [ConversationID: Tracked] = [:]
        var counts = Counts()
        /// Take-in samples per platform: when, and how long the visitor waited (seconds), oldest first.
        var samples: [Platform: [(at: Date, seconds: Double)]] = [:]
    }

    private struct Instruments: Sendable {
        let opened: [Platform: CoreMetrics.Counter]
        let taken: [Platform: CoreMetrics.Counter]
        let abandoned: [Platform: CoreMetrics.Counter]
        let emergencies: [Platform: CoreMetrics.Counter]
        let takeIn: [Platform: CoreMetrics.Timer]
        let queueLength: [Platform: CoreMetrics.Gauge]
        let emergenciesWaiting: [Platform: CoreMetrics.Gauge]
        let oldestWait: [Platform: CoreMetrics.Gauge]
        let serving: [Platform: CoreMetrics.Gauge]
        let quantiles: [Platform: [(quantile: Double, gauge: CoreMetrics.Gauge)]]
        let windowSamples: [Platform: CoreMetrics.Gauge]
        let withinPromise: [Platform: CoreMetrics.Gauge]
        let present: [OperatorRole: CoreMetrics.Gauge]
        let capacity: CoreMetrics.Gauge
        let capacityUsed: CoreMetrics.Gauge
    }

    private let state = Mutex(State())
    private let instruments: Instruments
    /// The registry the Prometheus text is written from (this instance's own, not the process-global one).
    private let registry: PrometheusCollectorRegistry
    /// The configured operators (for their roles, platforms and capacity).
    private let operators: [OperatorAccount]
    /// When the counters started.
    public let since: Date

    /// Creates empty figures for these operators, counting from `since`.
    public init(operators: [OperatorAccount], since: Date = Date()) {
        self.operators = operators
        self.since = since
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["masecurite_chat_take_in_seconds"] = Self.buckets.map { .seconds($0) }
        self.registry = registry
        func perPlatform<T>(_ make: (Platform) -> T) -> [Platform: T] {
            Dictionary(uniqueKeysWithValues: Platform.allCases.map { ($0, make($0)) })
        }
        func counter(_ name: String, _ platform: Platform) -> CoreMetrics.Counter {
            CoreMetrics.Counter(label: name, dimensions: [("platform", platform.rawValue)], factory: factory)
        }
        func gauge(_ name: String, _ dimensions: [(String, String)] = []) -> CoreMetrics.Gauge {
            CoreMetrics.Gauge(label: name, dimensions: dimensions, factory: factory)
        }
        instruments = Instruments(
            opened: perPlatform { counter("masecurite_chat_conversations_opened_total", $0) },
            taken: perPlatform { counter("masecurite_chat_conversations_taken_total", $0) },
            abandoned: perPlatform { counter("masecurite_chat_waits_abandoned_total", $0) },
            emergencies: perPlatform { counter("masecurite_chat_emergencies_total", $0) },
            takeIn: perPlatform {
                CoreMetrics.Timer(label: "masecurite_chat_take_in_seconds", dimensions: [("platform", $0.rawValue)], factory: factory)
            },
            queueLength: perPlatform { gauge("masecurite_chat_queue_length", [("platform", $0.rawValue)]) },
            emergenciesWaiting: perPlatform { gauge("masecurite_chat_queue_emergencies", [("platform", $0.rawValue)]) },
            oldestWait: perPlatform { gauge("masecurite_chat_oldest_wait_seconds", [("platform", $0.rawValue)]) },
            serving: perPlatform { gauge("masecurite_chat_operators_serving", [("platform", $0.rawValue)]) },
            quantiles: perPlatform { platform in
                [0.5, 0.9, 0.99].map { quantile in
                    (quantile, gauge("masecurite_chat_take_in_window_seconds", [("platform", platform.rawValue), ("quantile", "\(quantile)")]))
                }
            },
            windowSamples: perPlatform { gauge("masecurite_chat_take_in_window_samples", [("platform", $0.rawValue)]) },
            withinPromise: perPlatform { gauge("masecurite_chat_take_in_window_within_promise_ratio", [("platform", $0.rawValue)]) },
            present: Dictionary(uniqueKeysWithValues: OperatorRole.allCases.map { ($0, gauge("masecurite_chat_operators_present", [("role", $0.rawValue)])) }),
            capacity: gauge("masecurite_chat_capacity_units"),
            capacityUsed: gauge("masecurite_chat_capacity_used_units"))
    }

    // MARK: Observing

    /// A conversation was opened on this instance (its record was stored).
    func opened(_ record: ConversationRecord) {
        state.withLock { state in
            state.tracked[record.conversation] = Tracked(openedPlatform: record.platform, openedAt: record.openedAt, platform: record.platform,
                                                         waitingSince: record.openedAt)
            state.counts.opened[record.platform, default: 0] += 1
        }
        instruments.opened[record.platform]?.increment()
    }

    /// Events stored or read back (each counted once, whatever the order or repetition).
    func observe(_ events: some Sequence<SequencedEvent>) {
        for stored in events {
            switch stored.event {
            case .queued, .assigned, .transferred, .emergencyRaised, .closed: observe(stored)
            default: continue  // messages and markers change no figure
            }
        }
    }

    private func observe(_ stored: SequencedEvent) {
        enum Effect { case none, taken(Platform, Double), abandoned(Platform), emergency(Platform) }
        let effect: Effect = state.withLock { state in
            guard var tracked = state.tracked[stored.conversation], tracked.seen.insert(stored.sequence).inserted else { return .none }
            var effect = Effect.none
            switch stored.event {
            case .queued(let platform, _, _):
                tracked.platform = platform
            case .assigned:
                if tracked.waitingSince != nil, !tracked.everTaken {
                    let seconds = max(0, stored.at.timeIntervalSince(tracked.openedAt))
                    effect = .taken(tracked.openedPlatform, seconds)
                    state.counts.taken[tracked.openedPlatform, default: 0] += 1
                    var samples = state.samples[tracked.openedPlatform, default: []]
                    samples.append((stored.at, seconds))
                    if samples.count > Self.maximumSamples { samples.removeFirst(samples.count - Self.maximumSamples) }
                    state.samples[tracked.openedPlatform] = samples
                }
                tracked.everTaken = true
                tracked.waitingSince = nil
            case .transferred(let platform, let pseudonym, _, _):
                tracked.platform = platform
                tracked.waitingSince = pseudonym == nil ? stored.at : nil
            case .emergencyRaised:
                if !tracked.emergency {
                    effect = .emergency(tracked.platform)
                    state.counts.emergencies[tracked.platform, default: 0] += 1
                }
                tracked.emergency = true
            case .closed(let reason):
                state.tracked[stored.conversation] = nil
                guard reason == .abandoned else { return .none }
                state.counts.abandoned[tracked.platform, default: 0] += 1
                return .abandoned(tracked.platform)
            default:
                break
            }
            state.tracked[stored.conversation] = tracked
            return effect
        }
        switch effect {
        case .none: break
        case .taken(let platform, let seconds):
            instruments.taken[platform]?.increment()
            instruments.takeIn[platform]?.recordNanoseconds(Int64((seconds * 1e9).rounded()))
        case .abandoned(let platform): instruments.abandoned[platform]?.increment()
        case .emergency(let platform): instruments.emergencies[platform]?.increment()
        }
    }

    /// Conversations purged from the store.
    func forget(_ conversations: [ConversationID]) {
        state.withLock { state in
            for id in conversations { state.tracked[id] = nil }
        }
    }

    // MARK: Reporting

    /// The figures now: queues and take-in times from the observed events, operators from
    /// `presence` and their load in `chat`.
    public func report(chat: ChatService, presence: OperatorPresence, now: Date) async -> ChatFiguresReport {
        let present = await presence.present
        var used = 0
        for account in operators {
            used += await chat.load(of: OperatorID(account.id)) ?? 0
        }
        let here = operators.filter { present.contains(OperatorID($0.id)) }
        let cutoff = now.addingTimeInterval(-Self.windowSeconds)
        let (queues, windows, counted) = state.withLock { state in
            var queues: [Platform: (length: Int, emergencies: Int, oldest: Date?)] = [:]
            for tracked in state.tracked.values {
                guard let since = tracked.waitingSince else { continue }
                var queue = queues[tracked.platform] ?? (0, 0, nil)
                queue.length += 1
                if tracked.emergency { queue.emergencies += 1 }
                queue.oldest = min(queue.oldest ?? since, since)
                queues[tracked.platform] = queue
            }
            var windows: [Platform: [Double]] = [:]
            for (platform, samples) in state.samples {
                let recent = samples.drop { $0.at < cutoff }
                state.samples[platform] = Array(recent)
                windows[platform] = recent.map(\.seconds)
            }
            return (queues, windows, state.counts)
        }
        let platforms = Platform.allCases.map { platform in
            let queue = queues[platform] ?? (0, 0, nil)
            return ChatFiguresReport.PlatformFigures(
                platform: platform.rawValue, queueLength: queue.length, emergenciesWaiting: queue.emergencies,
                oldestWaitSeconds: queue.oldest.map { max(0, now.timeIntervalSince($0).rounded()) } ?? 0,
                opened: counted.opened[platform] ?? 0, taken: counted.taken[platform] ?? 0,
                waitsAbandoned: counted.abandoned[platform] ?? 0, emergencies: counted.emergencies[platform] ?? 0,
                takeIn: ChatFiguresReport.TakeIn(windows[platform] ?? []),
                operatorsServing: here.filter { $0.platforms.contains(platform) }.count)
        }
        var byRole: [String: Int] = [:]
        for role in OperatorRole.allCases { byRole[role.rawValue] = here.filter { $0.role == role }.count }
        return ChatFiguresReport(
            at: now, since: since, windowSeconds: Int(Self.windowSeconds), promiseSeconds: Int(Self.promiseSeconds), platforms: platforms,
            operators: .init(present: here.count, byRole: byRole, capacityUnits: here.reduce(0) { $0 + ($1.capacity ?? OperatorAccount.defaultCapacity) },
                             capacityUsedUnits: used))
    }

    /// The figures in the Prometheus text exposition format (version 0.0.4).
    public func prometheusText(chat: ChatService, presence: OperatorPresence, now: Date) async -> String {
        let report = await report(chat: chat, presence: presence, now: now)
        for figures in report.platforms {
            guard let platform = Platform(rawValue: figures.platform) else { continue }
            instruments.queueLength[platform]?.record(figures.queueLength)
            instruments.emergenciesWaiting[platform]?.record(figures.emergenciesWaiting)
            instruments.oldestWait[platform]?.record(figures.oldestWaitSeconds)
            instruments.serving[platform]?.record(figures.operatorsServing)
            instruments.windowSamples[platform]?.record(figures.takeIn.samples)
            instruments.withinPromise[platform]?.record(figures.takeIn.withinPromise ?? 0)
            let values = [figures.takeIn.p50, figures.takeIn.p90, figures.takeIn.p99]
            for ((_, gauge), value) in zip(instruments.quantiles[platform] ?? [], values) { gauge.record(value ?? 0) }
        }
        for (role, gauge) in instruments.present { gauge.record(report.operators.byRole[role.rawValue] ?? 0) }
        instruments.capacity.record(report.operators.capacityUnits)
        instruments.capacityUsed.record(report.operators.capacityUsedUnits)
        // Each family's `# HELP` line goes right before the `# TYPE` line the registry writes.
        var text = ""
        for line in registry.emitToString().split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# TYPE "), let name = line.dropFirst("# TYPE ".count).split(separator: " ").first, let help = Self.help[String(name)] {
                text += "# HELP \(name) \(help)\n"
            }
            text += line + "\n"
        }
        return text.hasSuffix("\n\n") ? String(text.dropLast()) : text
    }

    /// What each series means, for the `# HELP` lines.
    static let help: [String: String] = [
        "masecurite_chat_conversations_opened_total": "Conversations opened on this instance, by platform.",
        "masecurite_chat_conversations_taken_total": "Conversations taken by an operator for the first time, by platform of arrival.",
        "masecurite_chat_waits_abandoned_total": "Visitors who left while waiting in a queue, by platform.",
        "masecurite_chat_emergencies_total": "Conversations marked as emergencies, by platform.",
        "masecurite_chat_take_in_seconds": "Time from a visitor's arrival to the first operator taking them, by platform of arrival.",
        "masecurite_chat_take_in_window_seconds": "Take-in time quantiles over the last hour, by platform (0 without samples).",
        "masecurite_chat_take_in_window_samples": "Take-ins in the last hour, by platform.",
        "masecurite_chat_take_in_window_within_promise_ratio": "Share of the last hour's take-ins within 120 seconds, by platform.",
        "masecurite_chat_queue_length": "Conversations waiting in a queue, by platform.",
        "masecurite_chat_queue_emergencies": "Emergencies waiting in a queue, by platform.",
        "masecurite_chat_oldest_wait_seconds": "How long the longest-waiting visitor has waited, by platform.",
        "masecurite_chat_operators_present": "Operators with a console connected to this instance, by role.",
        "masecurite_chat_operators_serving": "Connected operators who serve the platform.",
        "masecurite_chat_capacity_units": "Capacity units of the connected operators.",
        "masecurite_chat_capacity_used_units": "Capacity units in use (conversations held).",
    ]
}

/// The chat's live figures as JSON (`GET /v1/chat/figures`): counts and durations, no content,
/// no visitor or conversation id.
public struct ChatFiguresReport: Sendable, Encodable {
    /// Take-in times over the window.
    public struct TakeIn: Sendable, Encodable {
        /// Take-ins in the window.
        public let samples: Int
        /// Quantiles in seconds (`nil` without samples).
        public let p50: Double?
        public let p90: Double?
        public let p99: Double?
        /// Share of take-ins within the promise (`nil` without samples).
        public let withinPromise: Double?

        init(_ values: [Double]) {
            let sorted = values.sorted()
            samples = sorted.count
            func quantile(_ q: Double) -> Double? {
                guard !sorted.isEmpty else { return nil }
                // Nearest rank: the smallest value with at least q of the samples at or below it.
                let rank = max(1, Int((q * Double(sorted.count)).rounded(.up)))
                return (sorted[min(rank, sorted.count) - 1] * 10).rounded() / 10
            }
            p50 = quantile(0.5)
            p90 = quantile(0.9)
            p99 = quantile(0.99)
            withinPromise = sorted.isEmpty ? nil
                : (Double(sorted.filter { $0 <= ChatFigures.promiseSeconds }.count) / Double(sorted.count) * 1_000).rounded() / 1_000
        }

        enum CodingKeys: String, CodingKey { case samples, p50, p90, p99, withinPromise = "within_promise" }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(samples, forKey: .samples)
            // Written as null, not left out, so clients see every field.
            try container.encode(p50, forKey: .p50)
            try container.encode(p90, forKey: .p90)
            try container.encode(p99, forKey: .p99)
            try container.encode(withinPromise, forKey: .withinPromise)
        }
    }

    /// One platform's figures.
    public struct PlatformFigures: Sendable, Encodable {
        public let platform: String
        public let queueLength: Int
        public let emergenciesWaiting: Int
        public let oldestWaitSeconds: Double
        public let opened: Int
        public let taken: Int
        public let waitsAbandoned: Int
        public let emergencies: Int
        public let takeIn: TakeIn
        public let operatorsServing: Int

        enum CodingKeys: String, CodingKey {
            case platform, queueLength = "queue_length", emergenciesWaiting = "emergencies_waiting", oldestWaitSeconds = "oldest_wait_seconds"
            case opened, taken, waitsAbandoned = "waits_abandoned", emergencies, takeIn = "take_in_seconds", operatorsServing = "operators_serving"
        }
    }

    /// The operators connected to this instance.
    public struct Operators: Sendable, Encodable {
        public let present: Int
        public let byRole: [String: Int]
        public let capacityUnits: Int
        public let capacityUsedUnits: Int

        enum CodingKeys: String, CodingKey {
            case present, byRole = "by_role", capacityUnits = "capacity_units", capacityUsedUnits = "capacity_used_units"
        }
    }

    public let at: Date
    public let since: Date
    public let windowSeconds: Int
    public let promiseSeconds: Int
    public let platforms: [PlatformFigures]
    public let operators: Operators

    enum CodingKeys: String, CodingKey {
        case at, since, windowSeconds = "window_seconds", promiseSeconds = "promise_seconds", platforms, operators
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(RFC3339.format(at), forKey: .at)
        try container.encode(RFC3339.format(since), forKey: .since)
        try container.encode(windowSeconds, forKey: .windowSeconds)
        try container.encode(promiseSeconds, forKey: .promiseSeconds)
        try container.encode(platforms, forKey: .platforms)
        try container.encode(operators, forKey: .operators)
    }
}

/// A ``ChatProtocol/ConversationRecordStore`` that hands what passes through it to ``ChatFigures``
/// and otherwise does exactly what the store it wraps does.
public struct ObservedConversationStore: ConversationRecordStore {
    let base: any ConversationRecordStore
    let figures: ChatFigures

    /// Wraps `base`, reporting to `figures`.
    public init(_ base: any ConversationRecordStore, figures: ChatFigures) {
        self.base = base
        self.figures = figures
    }

    public nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                               at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        let outcome = try await base.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
        if case .appended(let stored) = outcome { figures.observe(CollectionOfOne(stored)) }
        return outcome
    }

    public nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64,
                                               limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        let events = try await base.events(of: conversation, after: sequence, limit: limit)
        figures.observe(events)
        return events
    }

    public nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        try await base.lastSequence(of: conversation)
    }

    public nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        let purged = try await base.purge(lastActivityBefore: cutoff)
        figures.forget(purged)
        return purged
    }

    public nonisolated(nonsending) func register(_ record: ConversationRecord) async throws(ConversationStoreError) {
        try await base.register(record)
        figures.opened(record)
    }

    public nonisolated(nonsending) func record(of conversation: ConversationID) async throws(ConversationStoreError) -> ConversationRecord? {
        try await base.record(of: conversation)
    }
}
