import ChatProtocol
import Foundation

/// A failed expectation of the ``ConversationStore`` contract, naming the check and what was seen.
public struct ConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The check that failed.
    public let check: String
    /// What was expected and what was found.
    public let detail: String

    /// Creates a failure.
    public init(check: String, detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String { "\(check): \(detail)" }
}

/// The reusable conformance suite for ``ConversationStore`` backends: plain async functions
/// (no test framework) that throw a ``ConformanceFailure``. A backend's tests call
/// ``runAll(makeStore:)`` with a factory returning an empty store.
public enum ConversationStoreConformance {
    /// Every check, by name.
    public static let checks: [(name: String, run: @Sendable (any ConversationStore) async throws -> Void)] = [
        ("sequencesStartAtOneWithoutGaps", sequencesStartAtOneWithoutGaps),
        ("staleExpectationIsAConflictAndStoresNothing", staleExpectationIsAConflictAndStoresNothing),
        ("resentTransactionIsStoredOnce", resentTransactionIsStoredOnce),
        ("readsAfterASequenceReturnTheRestInOrder", readsAfterASequenceReturnTheRestInOrder),
        ("conversationsAreIndependent", conversationsAreIndependent),
        ("concurrentAppendsNeverShareASequence", concurrentAppendsNeverShareASequence),
        ("everyEventKindRoundTrips", everyEventKindRoundTrips),
        ("purgeDeletesOnlyExpiredConversations", purgeDeletesOnlyExpiredConversations),
    ]

    /// The checks of ``ConversationRecordStore`` (stores shared by several instances), by name.
    public static let recordChecks: [(name: String, run: @Sendable (any ConversationRecordStore) async throws -> Void)] = [
        ("registeredRecordReadsBackIdentical", registeredRecordReadsBackIdentical),
        ("secondRegistrationIsRefused", secondRegistrationIsRefused),
        ("registrationLeavesSequencesAlone", registrationLeavesSequencesAlone),
        ("purgeDeletesRecordsToo", purgeDeletesRecordsToo),
    ]

    /// Runs every check of ``checks`` and ``recordChecks``, each on a fresh store; throws the first failure.
    public static func runAll(makeRecordStore: @Sendable () async throws -> any ConversationRecordStore) async throws {
        for check in checks { try await check.run(try await makeRecordStore()) }
        for check in recordChecks { try await check.run(try await makeRecordStore()) }
    }

    /// Runs every check, each on a fresh store from `makeStore`; throws the first failure.
    public static func runAll(makeStore: @Sendable () async throws -> any ConversationStore) async throws {
        for check in checks {
            try await check.run(try await makeStore())
        }
    }

    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func expect(_ condition: Bool, _ check: String, _ detail: @autoclosure () -> String) throws(ConformanceFailure) {
        if !condition { throw ConformanceFailure(check: check, detail: detail()) }
    }

    static func message(_ id: String, _ text: String = "bonjour") -> ConversationEvent {
        .visitorMessage(clientTransactionID: id, text: text, translation: nil)
    }

    /// Sequence numbers are 1, 2, 3… and `lastSequence` follows them.
    public static func sequencesStartAtOneWithoutGaps(_ store: any ConversationStore) async throws {
        let check = "sequencesStartAtOneWithoutGaps"
        let id = ConversationID("conformance-1")
        try expect(try await store.lastSequence(of: id) == 0, check, "an unknown conversation must have last sequence 0")
        for n in 1...5 {
            let outcome = try await store.append(message("t\(n)"), to: id, expectedLastSequence: UInt64(n - 1), at: start.addingTimeInterval(Double(n)))
            guard case .appended(let stored) = outcome else { throw ConformanceFailure(check: check, detail: "append \(n) was reported as duplicate") }
            try expect(stored.sequence == UInt64(n), check, "append \(n) got sequence \(stored.sequence)")
            try expect(stored.conversation == id, check, "append \(n) is filed under \(stored.conversation)")
        }
        try expect(try await store.lastSequence(of: id) == 5, check, "last sequence should be 5")
    }

    /// An append with a stale expected sequence throws `conflict` with the actual one and stores nothing.
    public static func staleExpectationIsAConflictAndStoresNothing(_ store: any ConversationStore) async throws {
        let check = "staleExpectationIsAConflictAndStoresNothing"
        let id = ConversationID("conformance-2")
        _ = try await store.append(message("a"), to: id, expectedLastSequence: 0, at: start)
        _ = try await store.append(message("b"), to: id, expectedLastSequence: 1, at: start)
        do {
            _ = try await store.append(message("c"), to: id, expectedLastSequence: 1, at: start)
            throw ConformanceFailure(check: check, detail: "a stale expected sequence was accepted")
        } catch let error as ConversationStoreError {
            try expect(error == .conflict(id, expected: 1, actual: 2), check, "expected conflict(1 vs 2), got \(error)")
        }
        do {
            _ = try await store.append(message("d"), to: id, expectedLastSequence: 5, at: start)
            throw ConformanceFailure(check: check, detail: "an expected sequence ahead of the log was accepted")
        } catch let error as ConversationStoreError {
            try expect(error == .conflict(id, expected: 5, actual: 2), check, "expected conflict(5 vs 2), got \(error)")
        }
        try expect(try await store.lastSequence(of: id) == 2, check, "a refused append must store nothing")
    }

    /// A message whose client transaction id is stored comes back as `duplicate` with its original sequence.
    public static func resentTransactionIsStoredOnce(_ store: any ConversationStore) async throws {
        let check = "resentTransactionIsStoredOnce"
        let id = ConversationID("conformance-3")
        let first = try await store.append(message("txn-1", "first"), to: id, expectedLastSequence: 0, at: start)
        _ = try await store.append(message("txn-2"), to: id, expectedLastSequence: 1, at: start)
        // Resent with a stale expectation and a different body: still the original.
        let again = try await store.append(message("txn-1", "first"), to: id, expectedLastSequence: 0, at: start.addingTimeInterval(9))
        guard case .duplicate(let original) = again else { throw ConformanceFailure(check: check, detail: "a resend was stored again") }
        try expect(original == first.event, check, "the duplicate must return the original event (\(original.sequence) vs \(first.event.sequence))")
        let operatorResend = try await store.append(
            .operatorMessage(clientTransactionID: "txn-2", pseudonym: "Agent 7", text: "x", translation: nil), to: id, expectedLastSequence: 2, at: start)
        guard case .duplicate(let second) = operatorResend else { throw ConformanceFailure(check: check, detail: "a reused transaction id was stored again") }
        try expect(second.sequence == 2, check, "the duplicate of txn-2 must have sequence 2, got \(second.sequence)")
        try expect(try await store.lastSequence(of: id) == 2, check, "resends must not add events")
        // Non-message events have no transaction id and are always appended.
        let marker = try await store.append(.read(by: .visitor, upTo: 2), to: id, expectedLastSequence: 2, at: start)
        try expect(marker.event.sequence == 3, check, "a marker after two messages must be 3")
    }

    /// `events(after:)` returns exactly the later events in order, honouring `limit`.
    public static func readsAfterASequenceReturnTheRestInOrder(_ store: any ConversationStore) async throws {
        let check = "readsAfterASequenceReturnTheRestInOrder"
        let id = ConversationID("conformance-4")
        for n in 1...10 {
            _ = try await store.append(message("m\(n)"), to: id, expectedLastSequence: UInt64(n - 1), at: start)
        }
        let rest = try await store.events(of: id, after: 6, limit: 100)
        try expect(rest.map(\.sequence) == [7, 8, 9, 10], check, "after 6: got \(rest.map(\.sequence))")
        let limited = try await store.events(of: id, after: 0, limit: 3)
        try expect(limited.map(\.sequence) == [1, 2, 3], check, "limit 3: got \(limited.map(\.sequence))")
        let unbounded = try await store.events(of: id, after: 8, limit: .max)
        try expect(unbounded.map(\.sequence) == [9, 10], check, "limit Int.max: got \(unbounded.map(\.sequence))")
        try expect(try await store.events(of: id, after: 10, limit: 100).isEmpty, check, "nothing after the last event")
        try expect(try await store.events(of: ConversationID("nobody"), after: 0, limit: 100).isEmpty, check, "unknown conversation reads empty")
    }

    /// Sequences and transaction ids are per conversation.
    public static func conversationsAreIndependent(_ store: any ConversationStore) async throws {
        let check = "conversationsAreIndependent"
        let a = ConversationID("conformance-5a"), b = ConversationID("conformance-5b")
        _ = try await store.append(message("same"), to: a, expectedLastSequence: 0, at: start)
        let other = try await store.append(message("same"), to: b, expectedLastSequence: 0, at: start)
        guard case .appended(let stored) = other else { throw ConformanceFailure(check: check, detail: "a transaction id leaked across conversations") }
        try expect(stored.sequence == 1, check, "the second conversation starts at 1, got \(stored.sequence)")
    }

    /// Many concurrent appends at the same expectation: exactly one wins.
    public static func concurrentAppendsNeverShareASequence(_ store: any ConversationStore) async throws {
        let check = "concurrentAppendsNeverShareASequence"
        let id = ConversationID("conformance-6")
        let start = self.start
        let winners = await withTaskGroup(of: Bool.self) { group in
            for n in 0..<20 {
                group.addTask {
                    (try? await store.append(message("c\(n)"), to: id, expectedLastSequence: 0, at: start)) != nil
                }
            }
            var count = 0
            for await won in group where won { count += 1 }
            return count
        }
        try expect(winners == 1, check, "\(winners) appends won the same sequence number")
        try expect(try await store.lastSequence(of: id) == 1, check, "exactly one event must be stored")
    }

    /// Every kind of event is read back identical.
    public static func everyEventKindRoundTrips(_ store: any ConversationStore) async throws {
        let check = "everyEventKindRoundTrips"
        let id = ConversationID("conformance-7")
        let events: [ConversationEvent] = [
            .queued(platform: .pnav, position: 3, estimatedWaitSeconds: 240),
            .assigned(pseudonym: "Agent 12", role: .officer),
            .visitorMessage(clientTransactionID: "v1", text: "Hello\nligne 2 — é 🙂", translation: Translation(language: "fr", text: "Bonjour")),
            .operatorMessage(clientTransactionID: "o1", pseudonym: "Agent 12", text: "Bonjour", translation: nil),
            .delivered(by: .operator, upTo: 3), .read(by: .visitor, upTo: 4),
            .emergencyRaised(source: .classifier), .onHold, .resumed, .converted(kind: .long),
            .transferred(platform: .pnav, toPseudonym: nil, toRole: .psychologist, note: "suivi"),
            .closed(reason: .inactivity),
        ]
        for (n, event) in events.enumerated() {
            _ = try await store.append(event, to: id, expectedLastSequence: UInt64(n), at: start.addingTimeInterval(Double(n)))
        }
        let read = try await store.events(of: id, after: 0, limit: 100)
        try expect(read.map(\.event) == events, check, "events read back differ from those appended")
        try expect(read.map(\.at) == events.indices.map { start.addingTimeInterval(Double($0)) }, check, "timestamps read back differ")
    }

    /// Purge removes conversations whose last event is before the cutoff, and only those.
    public static func purgeDeletesOnlyExpiredConversations(_ store: any ConversationStore) async throws {
        let check = "purgeDeletesOnlyExpiredConversations"
        let old = ConversationID("conformance-8old"), recent = ConversationID("conformance-8new")
        _ = try await store.append(message("x"), to: old, expectedLastSequence: 0, at: start)
        _ = try await store.append(message("y"), to: recent, expectedLastSequence: 0, at: start)
        _ = try await store.append(message("z"), to: recent, expectedLastSequence: 1, at: start.addingTimeInterval(100 * 86_400))
        let purged = try await store.purge(lastActivityBefore: start.addingTimeInterval(86_400))
        try expect(purged == [old], check, "expected [\(old)] purged, got \(purged)")
        try expect(try await store.lastSequence(of: old) == 0, check, "the purged conversation must be gone")
        try expect(try await store.lastSequence(of: recent) == 2, check, "the recent conversation must stay")
    }

    // MARK: Records

    static func record(_ id: ConversationID, token: VisitorToken = VisitorToken("v_conformance"), at date: Date = start) -> ConversationRecord {
        ConversationRecord(conversation: id, visitorDigest: VisitorTokenDigest(of: token), platform: .pnav, language: "en", openedAt: date)
    }

    /// A registered record reads back identical; an unknown conversation has none.
    public static func registeredRecordReadsBackIdentical(_ store: any ConversationRecordStore) async throws {
        let check = "registeredRecordReadsBackIdentical"
        let id = ConversationID("conformance-r1")
        let token = VisitorToken.random()
        let written = record(id, token: token, at: start.addingTimeInterval(0.25))
        try await store.register(written)
        let read = try await store.record(of: id)
        try expect(read == written, check, "the record read back differs from the one registered")
        try expect(read?.visitorDigest.matches(token) == true, check, "the stored digest must match the visitor's token")
        try expect(try await store.record(of: ConversationID("conformance-nobody")) == nil, check, "an unknown conversation must have no record")
        // A conversation that only has events has no record either.
        let eventsOnly = ConversationID("conformance-r1-events")
        _ = try await store.append(message("e"), to: eventsOnly, expectedLastSequence: 0, at: start)
        try expect(try await store.record(of: eventsOnly) == nil, check, "a conversation never registered must have no record")
    }

    /// Registering the same conversation twice throws `alreadyRegistered` and keeps the first record.
    public static func secondRegistrationIsRefused(_ store: any ConversationRecordStore) async throws {
        let check = "secondRegistrationIsRefused"
        let id = ConversationID("conformance-r2")
        let first = record(id, token: VisitorToken("v_first"))
        try await store.register(first)
        do {
            try await store.register(record(id, token: VisitorToken("v_second")))
            throw ConformanceFailure(check: check, detail: "a second registration was accepted")
        } catch let error as ConversationStoreError {
            try expect(error == .alreadyRegistered(id), check, "expected alreadyRegistered(\(id)), got \(error)")
        }
        try expect(try await store.record(of: id) == first, check, "a refused registration must leave the first record")
    }

    /// A registered conversation starts at sequence 1, and events appended before registration stay.
    public static func registrationLeavesSequencesAlone(_ store: any ConversationRecordStore) async throws {
        let check = "registrationLeavesSequencesAlone"
        let id = ConversationID("conformance-r3")
        try await store.register(record(id))
        try expect(try await store.lastSequence(of: id) == 0, check, "a new registered conversation must have last sequence 0")
        let first = try await store.append(message("a"), to: id, expectedLastSequence: 0, at: start)
        try expect(first.event.sequence == 1, check, "the first event after registration must be 1, got \(first.event.sequence)")
        let late = ConversationID("conformance-r3-late")
        _ = try await store.append(message("b"), to: late, expectedLastSequence: 0, at: start)
        try await store.register(record(late))
        try expect(try await store.lastSequence(of: late) == 1, check, "registering after an event must keep it")
        try expect(try await store.record(of: late) != nil, check, "a conversation with events can still be registered once")
    }

    /// Purge deletes records with their conversation; a conversation without events expires from its opening date.
    public static func purgeDeletesRecordsToo(_ store: any ConversationRecordStore) async throws {
        let check = "purgeDeletesRecordsToo"
        let quiet = ConversationID("conformance-r4quiet"), old = ConversationID("conformance-r4old"), fresh = ConversationID("conformance-r4fresh")
        try await store.register(record(quiet, at: start))
        try await store.register(record(old, at: start))
        _ = try await store.append(message("x"), to: old, expectedLastSequence: 0, at: start)
        try await store.register(record(fresh, at: start.addingTimeInterval(100 * 86_400)))
        let purged = try await store.purge(lastActivityBefore: start.addingTimeInterval(86_400))
        try expect(Set(purged) == [quiet, old], check, "expected the two old conversations purged, got \(purged)")
        try expect(try await store.record(of: quiet) == nil, check, "the purged record without events must be gone")
        try expect(try await store.record(of: old) == nil, check, "the purged record with events must be gone")
        try expect(try await store.record(of: fresh) != nil, check, "a recent conversation without events must stay")
    }
}
