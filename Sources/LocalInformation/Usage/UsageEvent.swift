import Foundation

/// What happened after a fiche or leaf was shown.
public enum UsageOutcome: String, Hashable, Sendable, CaseIterable, Codable {
    /// The fiche or leaf was shown.
    case shown
    /// The person said it was useful.
    case useful
    /// The person said it was not useful.
    case notUseful = "not-useful"
    /// The person went on to an online service.
    case teleservice
    /// The person went on to a station (directions, hours, appointment).
    case station
    /// The person went on to the chat.
    case chat
    /// The person left without going further.
    case left
}

/// Where an event was recorded from.
public enum UsageChannel: String, Hashable, Sendable, CaseIterable, Codable {
    /// The guichet (app or embedded SDK).
    case guichet
    /// The command line.
    case cli
    /// The server.
    case server
}

/// One anonymous usage event: which content, what happened, from where, and
/// the hour. No identifier of the person, the device or the session, and no
/// free text: events cannot be chained into one person's path.
public struct UsageEvent: Hashable, Sendable {
    /// The fiche or leaf.
    public let about: ContentReference
    /// What happened.
    public let outcome: UsageOutcome
    /// The start of the hour it happened in (minutes and seconds are dropped on purpose).
    public let hour: Date
    /// Where it was recorded.
    public let channel: UsageChannel

    /// An event at `at`, kept to the hour.
    public init(about: ContentReference, outcome: UsageOutcome, at: Date, channel: UsageChannel) {
        self.about = about
        self.outcome = outcome
        hour = Self.startOfHour(at)
        self.channel = channel
    }

    /// The start of the hour `date` is in.
    static func startOfHour(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600)
    }
}

/// How many events of one outcome one content had.
public struct UsageCount: Hashable, Sendable {
    /// The fiche or leaf.
    public let about: ContentReference
    /// The outcome.
    public let outcome: UsageOutcome
    /// How many.
    public let count: Int

    /// A count.
    public init(about: ContentReference, outcome: UsageOutcome, count: Int) {
        self.about = about
        self.outcome = outcome
        self.count = count
    }
}

/// Where usage events are kept durably. Implementations:
/// ``InMemoryUsageEventStore`` and ``SQLiteLocalInformationStore``; each must
/// pass `UsageEventStoreConformance` (product `LocalInformationTestSupport`).
///
/// ``record(_:)`` stores every event of the batch or none; ``counts(from:until:)``
/// sums them per content and outcome over hours in `from ..< until` (each
/// bound optional), sorted by content then outcome; ``purgeEvents(before:)``
/// deletes the events of hours before a cutoff (see ``LocalInformationRetention``),
/// and the views of those hours.
///
/// A showing that may be followed up is recorded with ``recordShown(_:viewDigest:)``
/// (the `shown` event and the digest of its ``UsageViewID``, atomically);
/// ``recordFollowUp(_:viewDigest:at:channel:)`` then counts at most one
/// follow-up for it, whoever asks and however often, even from several processes.
public protocol UsageEventStore: Sendable {
    /// Stores the events, all or none.
    func record(_ events: [UsageEvent]) async throws
    /// Stores a `shown` event (its outcome is taken as `shown`) and remembers its view's
    /// digest with the content and the hour, all or none. A digest already known is kept as it was.
    func recordShown(_ event: UsageEvent, viewDigest: String) async throws
    /// Counts `followUp` for the content of the view `viewDigest` if that view exists and
    /// had no follow-up yet, atomically; otherwise counts nothing and says why.
    func recordFollowUp(_ followUp: UsageFollowUp, viewDigest: String, at: Date, channel: UsageChannel) async throws -> UsageFollowUpResult
    /// The counts per content and outcome.
    func counts(from: Date?, until: Date?) async throws -> [UsageCount]
    /// Deletes the events and the views whose hour is before `cutoff`; returns how many events were deleted.
    @discardableResult
    func purgeEvents(before cutoff: Date) async throws -> Int
}

extension UsageEventStore {
    /// Every count.
    public func counts() async throws -> [UsageCount] { try await counts(from: nil, until: nil) }
}

/// Usage events in memory (tests, a single process).
public actor InMemoryUsageEventStore: UsageEventStore {
    private var events: [UsageEvent] = []
    private var views: [String: (about: ContentReference, hour: Date, followed: Bool)] = [:]

    /// An empty store.
    public init() {}

    public func record(_ events: [UsageEvent]) { self.events += events }

    public func recordShown(_ event: UsageEvent, viewDigest: String) {
        let shown = UsageEvent(about: event.about, outcome: .shown, at: event.hour, channel: event.channel)
        events.append(shown)
        if views[viewDigest] == nil { views[viewDigest] = (shown.about, shown.hour, false) }
    }

    public func recordFollowUp(_ followUp: UsageFollowUp, viewDigest: String, at: Date, channel: UsageChannel) -> UsageFollowUpResult {
        guard let view = views[viewDigest] else { return .unknownView }
        guard !view.followed else { return .alreadyRecorded(view.about) }
        views[viewDigest]?.followed = true
        events.append(UsageEvent(about: view.about, outcome: followUp.outcome, at: at, channel: channel))
        return .recorded(view.about)
    }

    public func counts(from: Date?, until: Date?) -> [UsageCount] {
        var totals: [ContentReference: [UsageOutcome: Int]] = [:]
        for event in events where (from.map { event.hour >= $0 } ?? true) && (until.map { event.hour < $0 } ?? true) {
            totals[event.about, default: [:]][event.outcome, default: 0] += 1
        }
        return UsageCounting.sorted(totals)
    }

    @discardableResult
    public func purgeEvents(before cutoff: Date) -> Int {
        let before = events.count
        events.removeAll { $0.hour < cutoff }
        views = views.filter { $0.value.hour >= cutoff }
        return before - events.count
    }
}

enum UsageCounting {
    static func sorted(_ totals: [ContentReference: [UsageOutcome: Int]]) -> [UsageCount] {
        totals.keys.sorted().flatMap { about in
            UsageOutcome.allCases.compactMap { outcome in
                totals[about]?[outcome].map { UsageCount(about: about, outcome: outcome, count: $0) }
            }
        }
    }
}
