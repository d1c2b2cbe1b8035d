import Foundation

/// Where the cases of « Je donne mon avis » live. Implementations:
/// ``InMemoryFeedbackStore`` and ``SQLiteLocalInformationStore``; each must
/// pass `FeedbackStoreConformance` (product `LocalInformationTestSupport`).
///
/// ## Contract
/// - A case moves `received → answered → closed`, or `received → closed`;
///   any other change throws ``LocalInformationStoreError/invalidTransition(from:to:)``
///   and changes nothing.
/// - ``overdue(now:)`` lists the cases still `received` whose due date
///   (receipt + 4 days) is before `now`, earliest due first.
/// - Comments are stored as given: masking is done before, by ``FeedbackDesk``.
/// - ``purgeClosedCases(closedBefore:)`` deletes only `closed` cases whose
///   closing date is before the cutoff (see ``LocalInformationRetention``).
/// - A call that returns has committed its change.
public protocol FeedbackStore: Sendable {
    /// Adds a new case. - Throws: ``LocalInformationStoreError/duplicate(_:)`` for an existing reference.
    func add(_ feedbackCase: FeedbackCase) async throws
    /// The case with `reference`, if any.
    func feedbackCase(_ reference: FeedbackReference) async throws -> FeedbackCase?
    /// Records the team's answer. - Throws: `notFound`, `invalidTransition`.
    func answer(_ reference: FeedbackReference, text: String, at: Date) async throws -> FeedbackCase
    /// Closes the case. - Throws: `notFound`, `invalidTransition`.
    func close(_ reference: FeedbackReference, at: Date) async throws -> FeedbackCase
    /// The cases with `status` (all when `nil`), oldest received first.
    func cases(status: FeedbackStatus?) async throws -> [FeedbackCase]
    /// The cases still waiting after their due date, earliest due first.
    func overdue(now: Date) async throws -> [FeedbackCase]
    /// Deletes the `closed` cases closed before `cutoff` (their comment and answer with them);
    /// returns how many were deleted. Received and answered cases are never deleted.
    @discardableResult
    func purgeClosedCases(closedBefore cutoff: Date) async throws -> Int
}

/// The shared transition rule of every store.
enum FeedbackTransitions {
    static func answer(_ current: FeedbackCase, text: String, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        guard current.status == .received else { throw .invalidTransition(from: current.status.rawValue, to: FeedbackStatus.answered.rawValue) }
        var updated = current
        updated.status = .answered
        updated.answer = text
        updated.answered = at
        return updated
    }

    static func close(_ current: FeedbackCase, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        guard current.status != .closed else { throw .invalidTransition(from: current.status.rawValue, to: FeedbackStatus.closed.rawValue) }
        var updated = current
        updated.status = .closed
        updated.closed = at
        return updated
    }
}

/// Cases in memory (tests, a single process).
public actor InMemoryFeedbackStore: FeedbackStore {
    private var byReference: [FeedbackReference: FeedbackCase] = [:]
    private var order: [FeedbackReference] = []

    /// An empty store.
    public init() {}

    public func add(_ feedbackCase: FeedbackCase) throws(LocalInformationStoreError) {
        guard byReference[feedbackCase.reference] == nil else { throw .duplicate("case") }
        byReference[feedbackCase.reference] = feedbackCase
        order.append(feedbackCase.reference)
    }

    public func feedbackCase(_ reference: FeedbackReference) -> FeedbackCase? { byReference[reference] }

    public func answer(_ reference: FeedbackReference, text: String, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        guard let current = byReference[reference] else { throw .notFound("case") }
        let updated = try FeedbackTransitions.answer(current, text: text, at: at)
        byReference[reference] = updated
        return updated
    }

    public func close(_ reference: FeedbackReference, at: Date) throws(LocalInformationStoreError) -> FeedbackCase {
        guard let current = byReference[reference] else { throw .notFound("case") }
        let updated = try FeedbackTransitions.close(current, at: at)
        byReference[reference] = updated
        return updated
    }

    public func cases(status: FeedbackStatus?) -> [FeedbackCase] {
        order.compactMap { byReference[$0] }.filter { status == nil || $0.status == status }
            .sorted { $0.received != $1.received ? $0.received < $1.received : $0.reference < $1.reference }
    }

    public func overdue(now: Date) -> [FeedbackCase] {
        byReference.values.filter { $0.isOverdue(at: now) }
            .sorted { $0.due != $1.due ? $0.due < $1.due : $0.reference < $1.reference }
    }

    @discardableResult
    public func purgeClosedCases(closedBefore cutoff: Date) -> Int {
        let old = byReference.values.filter { $0.status == .closed && ($0.closed.map { $0 < cutoff } ?? false) }.map(\.reference)
        for reference in old { byReference[reference] = nil }
        order.removeAll { byReference[$0] == nil }
        return old.count
    }
}
