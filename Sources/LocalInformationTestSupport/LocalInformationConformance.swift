import Foundation
import LocalInformation
import MaSecuriteCore

/// A conformance check that did not hold: which store, which check, what went wrong.
public struct LocalInformationConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The check's name, e.g. `"feedback.transitions"`.
    public let check: String
    /// What was expected and what happened.
    public let message: String

    /// Creates a failure.
    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }

    public var description: String { "LocalInformation store conformance '\(check)' failed: \(message)" }
}

func expect(_ condition: Bool, _ check: String, _ message: @autoclosure () -> String) throws {
    if !condition { throw LocalInformationConformanceFailure(check: check, message: message()) }
}

/// Fixed instants and values shared by the suites.
public enum ConformanceFixtures {
    /// 2026-12-01T08:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_796_112_000)

    /// A reference to content.
    public static func about(_ text: String) throws -> ContentReference { try ContentReference(text) }
}

/// The behaviour every ``SubscriptionStore`` must have, as plain async checks
/// without a test framework (so a PostgreSQL backend runs the same suite):
///
/// ```swift
/// try await SubscriptionStoreConformance.run { try MyStore(url: freshDatabase()) }
/// ```
public enum SubscriptionStoreConformance {
    /// A check over a fresh store from `makeStore`.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any SubscriptionStore) async throws -> Void

    /// Every check, by name.
    public static let checks: [(name: String, run: Check)] = [
        ("subscriptions.add-read-remove", addReadRemove),
        ("subscriptions.deliveries", deliveries),
    ]

    /// Runs every check, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any SubscriptionStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    static func sample(_ digest: String, territory: LocalTerritory? = nil, offset: TimeInterval = 0) throws -> FeedSubscription {
        let territory = try territory ?? .departement(DepartementCode("33"))
        return FeedSubscription(digest: digest, territory: territory, themes: ["velo", "cambriolage"], created: ConformanceFixtures.now + offset)
    }

    /// Adding, reading back unchanged, refusing a duplicate, listing oldest first, removing.
    public static let addReadRemove: Check = { makeStore in
        let name = "subscriptions.add-read-remove"
        let store = try await makeStore()
        let first = try sample(String(repeating: "a", count: 64))
        let second = try sample(String(repeating: "b", count: 64), territory: .commune(try INSEECode("33063")), offset: 60)
        try await store.add(first)
        try await store.add(second)
        try expect(try await store.subscription(digest: first.digest) == first, name, "the subscription read back differs")
        try expect(try await store.subscription(digest: second.digest)?.territory == second.territory, name, "the commune was not kept")
        var refused = false
        do { try await store.add(first) } catch let error as LocalInformationStoreError { refused = error == .duplicate("subscription") }
        try expect(refused, name, "a second subscription with the same digest was not refused as duplicate")
        try expect(try await store.subscriptions().map(\.digest) == [first.digest, second.digest], name, "not listed oldest first")
        try expect(try await store.remove(digest: first.digest), name, "remove returned false for an existing subscription")
        try expect(try await store.remove(digest: first.digest) == false, name, "remove returned true twice")
        try expect(try await store.subscription(digest: first.digest) == nil, name, "a removed subscription is still readable")
    }

    /// Deliveries are idempotent, per subscription, and forgotten with it.
    public static let deliveries: Check = { makeStore in
        let name = "subscriptions.deliveries"
        let store = try await makeStore()
        let one = try sample(String(repeating: "c", count: 64))
        let two = try sample(String(repeating: "d", count: 64), offset: 1)
        try await store.add(one)
        try await store.add(two)
        try await store.markDelivered(digest: one.digest, itemIDs: ["x", "y"])
        try await store.markDelivered(digest: one.digest, itemIDs: ["y", "z"])
        try expect(try await store.deliveredItemIDs(digest: one.digest) == ["x", "y", "z"], name, "deliveries are not the union")
        try expect(try await store.deliveredItemIDs(digest: two.digest).isEmpty, name, "deliveries leaked to another subscription")
        try await store.remove(digest: one.digest)
        try await store.add(one)
        try expect(try await store.deliveredItemIDs(digest: one.digest).isEmpty, name, "deliveries survived the removal of their subscription")
    }
}

/// The behaviour every ``FeedbackStore`` must have (the contract on the protocol).
public enum FeedbackStoreConformance {
    /// A check over a fresh store from `makeStore`.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any FeedbackStore) async throws -> Void

    /// Every check, by name.
    public static let checks: [(name: String, run: Check)] = [
        ("feedback.add-read", addRead),
        ("feedback.transitions", transitions),
        ("feedback.overdue", overdue),
        ("feedback.purge-closed", purgeClosed),
    ]

    /// Runs every check, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any FeedbackStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    static func sample(received offset: TimeInterval = 0, about: String = "fiche:otv") throws -> FeedbackCase {
        FeedbackCase(reference: .random(), about: try ConformanceFixtures.about(about), useful: false,
                     comment: "Le lien « s'inscrire » ne marche pas — [téléphone]", received: ConformanceFixtures.now + offset)
    }

    /// A case reads back unchanged; a duplicate reference is refused; lists by receipt.
    public static let addRead: Check = { makeStore in
        let name = "feedback.add-read"
        let store = try await makeStore()
        let first = try sample(), second = try sample(received: 10, about: "leaf:a-veh-velo")
        try await store.add(second)
        try await store.add(first)
        try expect(try await store.feedbackCase(first.reference) == first, name, "the case read back differs")
        try expect(try await store.feedbackCase(.random()) == nil, name, "an unknown reference returned a case")
        var refused = false
        do { try await store.add(first) } catch let error as LocalInformationStoreError { refused = error == .duplicate("case") }
        try expect(refused, name, "a duplicate reference was not refused")
        try expect(try await store.cases(status: nil).map(\.reference) == [first.reference, second.reference], name, "not listed by receipt")
        try expect(try await store.cases(status: .answered).isEmpty, name, "a received case is listed as answered")
    }

    /// received → answered → closed; other moves are refused and change nothing.
    public static let transitions: Check = { makeStore in
        let name = "feedback.transitions"
        let store = try await makeStore()
        let feedbackCase = try sample()
        try await store.add(feedbackCase)
        let answered = try await store.answer(feedbackCase.reference, text: "Merci, c'est corrigé.", at: ConformanceFixtures.now + 3_600)
        try expect(answered.status == .answered && answered.answer == "Merci, c'est corrigé." && answered.answered == ConformanceFixtures.now + 3_600,
                   name, "the answer was not recorded: \(answered)")
        try expect(try await store.feedbackCase(feedbackCase.reference) == answered, name, "the answered case read back differs")
        var refused = false
        do { _ = try await store.answer(feedbackCase.reference, text: "again", at: ConformanceFixtures.now) } catch let error as LocalInformationStoreError {
            refused = error == .invalidTransition(from: "answered", to: "answered")
        }
        try expect(refused, name, "answering twice was not refused as an invalid transition")
        let closed = try await store.close(feedbackCase.reference, at: ConformanceFixtures.now + 7_200)
        try expect(closed.status == .closed && closed.answer == answered.answer, name, "closing lost the answer or the status")
        refused = false
        do { _ = try await store.close(feedbackCase.reference, at: ConformanceFixtures.now) } catch let error as LocalInformationStoreError {
            refused = error == .invalidTransition(from: "closed", to: "closed")
        }
        try expect(refused, name, "closing twice was not refused")
        refused = false
        do { _ = try await store.answer(.random(), text: "x", at: ConformanceFixtures.now) } catch let error as LocalInformationStoreError {
            refused = error == .notFound("case")
        }
        try expect(refused, name, "answering an unknown case was not refused as not found")
        try expect(try await store.feedbackCase(feedbackCase.reference) == closed, name, "a refused change altered the case")
    }

    /// Overdue: still received and due (receipt + 4 days) before now, earliest due first.
    public static let overdue: Check = { makeStore in
        let name = "feedback.overdue"
        let store = try await makeStore()
        let old = try sample(), newer = try sample(received: 3_600), answered = try sample(received: -3_600)
        for item in [newer, old, answered] { try await store.add(item) }
        _ = try await store.answer(answered.reference, text: "ok", at: ConformanceFixtures.now)
        let due = old.due
        try expect(try await store.overdue(now: due).isEmpty, name, "a case is overdue at its due instant exactly")
        try expect(try await store.overdue(now: due + 1).map(\.reference) == [old.reference], name, "one second after, only the oldest is overdue")
        try expect(try await store.overdue(now: due + 86_400).map(\.reference) == [old.reference, newer.reference], name,
                   "a day later, both unanswered cases are overdue, earliest due first (and never the answered one)")
    }
    /// Only closed cases closed before the cutoff are deleted; received and answered cases stay, whatever their age.
    public static let purgeClosed: Check = { makeStore in
        let name = "feedback.purge-closed"
        let store = try await makeStore()
        let oldClosed = try sample(received: -90 * 86_400), recentClosed = try sample(received: -80 * 86_400)
        let oldAnswered = try sample(received: -70 * 86_400), oldReceived = try sample(received: -60 * 86_400)
        for item in [oldClosed, recentClosed, oldAnswered, oldReceived] { try await store.add(item) }
        _ = try await store.close(oldClosed.reference, at: ConformanceFixtures.now - 30 * 86_400)
        _ = try await store.close(recentClosed.reference, at: ConformanceFixtures.now - 86_400)
        _ = try await store.answer(oldAnswered.reference, text: "ok", at: ConformanceFixtures.now - 60 * 86_400)
        let cutoff = ConformanceFixtures.now - 7 * 86_400
        let deleted = try await store.purgeClosedCases(closedBefore: cutoff)
        try expect(deleted == 1, name, "purge deleted \(deleted) cases, expected only the one closed before the cutoff")
        try expect(try await store.feedbackCase(oldClosed.reference) == nil, name, "the case closed before the cutoff is still readable")
        let left = try await store.cases(status: nil).map(\.reference)
        try expect(left == [recentClosed.reference, oldAnswered.reference, oldReceived.reference], name,
                   "purge touched a case it must keep (closed recently, answered, or still received): \(left)")
        try expect(try await store.purgeClosedCases(closedBefore: cutoff) == 0, name, "a second purge deleted something again")
        try expect(try await store.purgeClosedCases(closedBefore: ConformanceFixtures.now) == 1, name,
                   "a later cutoff did not delete the recently closed case")
    }
}

/// The behaviour every ``UsageEventStore`` must have.
public enum UsageEventStoreConformance {
    /// A check over a fresh store from `makeStore`.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any UsageEventStore) async throws -> Void

    /// Every check, by name.
    public static let checks: [(name: String, run: Check)] = [
        ("usage.counts", counts),
        ("usage.window", window),
        ("usage.purge", purge),
        ("usage.followUp", followUp),
        ("usage.followUpRace", followUpRace),
        ("usage.viewPurge", viewPurge),
    ]

    /// Runs every check, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any UsageEventStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    /// Counts per content and outcome, sorted by content then outcome.
    public static let counts: Check = { makeStore in
        let name = "usage.counts"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv"), leaf = try ConformanceFixtures.about("leaf:a-veh-velo")
        var events = (0..<12).map { UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now + Double($0), channel: .guichet) }
        events += (0..<3).map { _ in UsageEvent(about: otv, outcome: .useful, at: ConformanceFixtures.now, channel: .cli) }
        events.append(UsageEvent(about: leaf, outcome: .chat, at: ConformanceFixtures.now, channel: .server))
        try await store.record(events)
        try await store.record([])
        let expected = [UsageCount(about: otv, outcome: .shown, count: 12), UsageCount(about: otv, outcome: .useful, count: 3),
                        UsageCount(about: leaf, outcome: .chat, count: 1)]
        let got = try await store.counts()
        try expect(Set(got) == Set(expected) && got.count == expected.count, name, "counts differ: \(got)")
        try expect(got.map(\.about) == got.map(\.about).sorted(), name, "counts are not sorted by content")
    }

    /// `from` is inclusive, `until` exclusive, on the hour kept.
    public static let window: Check = { makeStore in
        let name = "usage.window"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv")
        try await store.record([UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now + 59 * 60, channel: .guichet),
                                UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now + 3_600, channel: .guichet)])
        let first = try await store.counts(from: ConformanceFixtures.now, until: ConformanceFixtures.now + 3_600)
        try expect(first == [UsageCount(about: otv, outcome: .shown, count: 1)], name, "the first hour holds \(first)")
        let second = try await store.counts(from: ConformanceFixtures.now + 3_600, until: nil)
        try expect(second == [UsageCount(about: otv, outcome: .shown, count: 1)], name, "from the second hour: \(second)")
    }

    /// Events of hours before the cutoff are deleted, the others kept and still counted.
    public static let purge: Check = { makeStore in
        let name = "usage.purge"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv")
        try await store.record((0..<3).map { UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now + Double($0) * 3_600, channel: .server) })
        let deleted = try await store.purgeEvents(before: ConformanceFixtures.now + 3_600)
        try expect(deleted == 1, name, "purge deleted \(deleted) events, expected the one of the first hour")
        try expect(try await store.counts() == [UsageCount(about: otv, outcome: .shown, count: 2)], name, "the later events were not kept")
        try expect(try await store.purgeEvents(before: ConformanceFixtures.now + 3_600) == 0, name, "a second purge deleted something again")
        try expect(try await store.purgeEvents(before: ConformanceFixtures.now + 10 * 3_600) == 2, name, "a later cutoff did not delete the rest")
        try expect(try await store.counts().isEmpty, name, "events remain after purging every hour")
    }

    /// A shown view counts `shown` and then at most one follow-up; unknown views count nothing.
    public static let followUp: Check = { makeStore in
        let name = "usage.followUp"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv"), leaf = try ConformanceFixtures.about("leaf:a-veh-velo")
        let first = String(repeating: "a", count: 64), second = String(repeating: "b", count: 64)
        try await store.recordShown(UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: first)
        try await store.recordShown(UsageEvent(about: leaf, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: second)
        // The same digest again: the view keeps its content (the shown event is still counted).
        try await store.recordShown(UsageEvent(about: leaf, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: first)
        let recorded = try await store.recordFollowUp(.teleservice, viewDigest: first, at: ConformanceFixtures.now + 60, channel: .server)
        try expect(recorded == .recorded(otv), name, "the first follow-up gave \(recorded)")
        let again = try await store.recordFollowUp(.chat, viewDigest: first, at: ConformanceFixtures.now + 120, channel: .server)
        try expect(again == .alreadyRecorded(otv), name, "a second follow-up of the same view gave \(again)")
        let unknown = try await store.recordFollowUp(.left, viewDigest: String(repeating: "c", count: 64), at: ConformanceFixtures.now, channel: .server)
        try expect(unknown == .unknownView, name, "an unknown view gave \(unknown)")
        let left = try await store.recordFollowUp(.left, viewDigest: second, at: ConformanceFixtures.now, channel: .guichet)
        try expect(left == .recorded(leaf), name, "the leaf's follow-up gave \(left)")
        let expected = [UsageCount(about: otv, outcome: .shown, count: 1), UsageCount(about: otv, outcome: .teleservice, count: 1),
                        UsageCount(about: leaf, outcome: .shown, count: 2), UsageCount(about: leaf, outcome: .left, count: 1)]
        let got = try await store.counts()
        try expect(Set(got) == Set(expected) && got.count == expected.count, name, "counts differ: \(got)")
    }

    /// Many follow-ups of one view at once: exactly one is counted.
    public static let followUpRace: Check = { makeStore in
        let name = "usage.followUpRace"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv")
        let digest = String(repeating: "d", count: 64)
        try await store.recordShown(UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: digest)
        let results = try await withThrowingTaskGroup(of: UsageFollowUpResult.self) { group in
            for index in 0..<8 {
                group.addTask { try await store.recordFollowUp(UsageFollowUp.allCases[index % 4], viewDigest: digest, at: ConformanceFixtures.now, channel: .server) }
            }
            return try await group.reduce(into: [UsageFollowUpResult]()) { $0.append($1) }
        }
        try expect(results.filter { $0 == .recorded(otv) }.count == 1, name, "\(results.filter { $0 == .recorded(otv) }.count) follow-ups were counted, not 1")
        try expect(results.filter { $0 == .alreadyRecorded(otv) }.count == 7, name, "the others were not all refused: \(results)")
        let followUps = try await store.counts().filter { $0.outcome != .shown }.map(\.count).reduce(0, +)
        try expect(followUps == 1, name, "\(followUps) follow-up events are stored, not 1")
    }

    /// The views of purged hours are gone (their follow-ups are refused), the others kept.
    public static let viewPurge: Check = { makeStore in
        let name = "usage.viewPurge"
        let store = try await makeStore()
        let otv = try ConformanceFixtures.about("fiche:otv")
        let old = String(repeating: "e", count: 64), recent = String(repeating: "f", count: 64)
        try await store.recordShown(UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: old)
        try await store.recordShown(UsageEvent(about: otv, outcome: .shown, at: ConformanceFixtures.now + 3_600, channel: .server), viewDigest: recent)
        let deleted = try await store.purgeEvents(before: ConformanceFixtures.now + 3_600)
        try expect(deleted == 1, name, "purge deleted \(deleted) events, expected 1")
        let gone = try await store.recordFollowUp(.chat, viewDigest: old, at: ConformanceFixtures.now + 3_600, channel: .server)
        try expect(gone == .unknownView, name, "a purged view still took a follow-up: \(gone)")
        let kept = try await store.recordFollowUp(.chat, viewDigest: recent, at: ConformanceFixtures.now + 3_600, channel: .server)
        try expect(kept == .recorded(otv), name, "a recent view was purged: \(kept)")
    }
}
