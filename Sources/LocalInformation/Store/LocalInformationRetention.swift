import Foundation

/// How long usage events and closed « Je donne mon avis » cases are kept.
///
/// Usage events hold no personal data, but a report never needs them for ever;
/// a closed case still holds the comment and the answer, and masking cannot
/// find every name, so they go once the case is done with. Received and
/// answered cases are never purged: they wait for the team.
///
/// ```swift
/// let retention = try LocalInformationRetention(usageEventDays: 395, closedCaseDays: 90)
/// let report = try await retention.purge(usage: store, cases: store, now: Date())
/// ```
public struct LocalInformationRetention: Hashable, Sendable {
    /// The longest period accepted, in days (about 100 years).
    public static let dayLimit = 36_500
    /// The defaults: usage events 395 days (13 months, so a report can compare a
    /// month with the same month a year before), closed cases 90 days.
    public static let standard = LocalInformationRetention(checkedUsageEventDays: 395, closedCaseDays: 90)

    /// Days a usage event is kept, counted from its hour; `nil` keeps them all.
    public let usageEventDays: Int?
    /// Days a closed case is kept, counted from its closing; `nil` keeps them all.
    public let closedCaseDays: Int?

    /// A retention of these periods (`nil`: keep).
    /// - Throws: ``LocalInformationError/invalidValue(path:value:reason:)`` at
    ///   `usage_event_days` or `closed_case_days` for a period outside 1…36 500 days.
    public init(usageEventDays: Int?, closedCaseDays: Int?) throws(LocalInformationError) {
        for (path, days) in [("usage_event_days", usageEventDays), ("closed_case_days", closedCaseDays)] {
            if let days, !(1...Self.dayLimit).contains(days) {
                throw .invalidValue(path: path, value: String(days), reason: "a retention is 1 to \(Self.dayLimit) days")
            }
        }
        self.init(checkedUsageEventDays: usageEventDays, closedCaseDays: closedCaseDays)
    }

    private init(checkedUsageEventDays: Int?, closedCaseDays: Int?) {
        usageEventDays = checkedUsageEventDays
        self.closedCaseDays = closedCaseDays
    }

    /// The instant before which usage events are deleted at `now`, if any.
    public func usageCutoff(now: Date) -> Date? { usageEventDays.map { now.addingTimeInterval(-Double($0) * 86_400) } }

    /// The instant before which closed cases are deleted at `now`, if any.
    public func closedCaseCutoff(now: Date) -> Date? { closedCaseDays.map { now.addingTimeInterval(-Double($0) * 86_400) } }

    /// Deletes from `usage` the events older than ``usageEventDays`` and from
    /// `cases` the cases closed longer ago than ``closedCaseDays`` (a `nil`
    /// store or period is left alone).
    /// - Throws: the first store error (what the other store deleted stays deleted).
    public func purge(usage: (any UsageEventStore)?, cases: (any FeedbackStore)?, now: Date) async throws -> RetentionReport {
        var report = RetentionReport()
        if let usage, let cutoff = usageCutoff(now: now) { report.usageEventsDeleted = try await usage.purgeEvents(before: cutoff) }
        if let cases, let cutoff = closedCaseCutoff(now: now) {
            report.closedCasesDeleted = try await cases.purgeClosedCases(closedBefore: cutoff)
        }
        return report
    }
}

/// What one ``LocalInformationRetention/purge(usage:cases:now:)`` deleted.
public struct RetentionReport: Hashable, Sendable {
    /// Usage events deleted.
    public var usageEventsDeleted = 0
    /// Closed cases deleted.
    public var closedCasesDeleted = 0

    /// A report with these counts (zero by default).
    public init(usageEventsDeleted: Int = 0, closedCasesDeleted: Int = 0) {
        self.usageEventsDeleted = usageEventsDeleted
        self.closedCasesDeleted = closedCasesDeleted
    }
}
