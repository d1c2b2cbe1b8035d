import Foundation
import LocalInformation
import LocalInformationTestSupport
import SQLiteSupport
import Synchronization
import Testing

@Suite struct StoreConformanceTests {
    final class Paths: Sendable {
        let paths = Mutex<[String]>([])
        func fresh() -> String {
            let path = Fixture.temporaryDatabase()
            paths.withLock { $0.append(path) }
            return path
        }
        deinit { for path in paths.withLock({ $0 }) { Fixture.remove(path) } }
    }

    @Test func inMemoryStoresConform() async throws {
        try await SubscriptionStoreConformance.run { InMemorySubscriptionStore() }
        try await FeedbackStoreConformance.run { InMemoryFeedbackStore() }
        try await UsageEventStoreConformance.run { InMemoryUsageEventStore() }
    }

    @Test func sqliteStoreConforms() async throws {
        let paths = Paths()
        try await SubscriptionStoreConformance.run { try SQLiteLocalInformationStore(path: paths.fresh()) }
        try await FeedbackStoreConformance.run { try SQLiteLocalInformationStore(path: paths.fresh()) }
        try await UsageEventStoreConformance.run { try SQLiteLocalInformationStore(path: paths.fresh()) }
    }

    @Test func sqliteKeepsEverythingAcrossReopening() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let about = try ContentReference("fiche:otv")
        let feedbackCase = FeedbackCase(reference: .random(), about: about, useful: true, comment: "merci", received: Fixture.now)
        do {
            let store = try SQLiteLocalInformationStore(path: path)
            try await store.add(feedbackCase)
            try await store.record([UsageEvent(about: about, outcome: .shown, at: Fixture.now, channel: .cli)])
        }
        let reopened = try SQLiteLocalInformationStore(path: path)
        #expect(try await reopened.feedbackCase(feedbackCase.reference) == feedbackCase)
        #expect(try await reopened.counts() == [UsageCount(about: about, outcome: .shown, count: 1)])
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let other = Fixture.temporaryDatabase()
        defer { Fixture.remove(other) }
        try Data("not a database at all, just text that is long enough to not be empty".utf8).write(to: URL(fileURLWithPath: other))
        #expect(throws: LocalInformationStoreError.self) { _ = try SQLiteLocalInformationStore(path: other) }
    }

    @Test func anotherApplicationsDatabaseIsRefusedAndLeftUnchanged() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        do {
            let other = try SQLiteConnection<LocalInformationStoreError>(path: path, busyTimeoutMilliseconds: 1_000)
            try other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)", operation: "creating another application's table")
        }
        #expect(throws: LocalInformationStoreError.self) { _ = try SQLiteLocalInformationStore(path: path) }
        let check = try SQLiteConnection<LocalInformationStoreError>(path: path, busyTimeoutMilliseconds: 1_000, readOnly: true)
        let tables = try check.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", operation: "listing tables")
        #expect(tables == [[.text("invoices")]], "nothing was added to the other database")
    }

    @Test func conformanceReportsABrokenStore() async throws {
        await #expect(throws: LocalInformationConformanceFailure.self) {
            try await FeedbackStoreConformance.overdue { ForgetfulStore() }
        }
    }
}

/// A store that never reports anything overdue.
actor ForgetfulStore: FeedbackStore {
    let inner = InMemoryFeedbackStore()
    func add(_ feedbackCase: FeedbackCase) async throws { try await inner.add(feedbackCase) }
    func feedbackCase(_ reference: FeedbackReference) async throws -> FeedbackCase? { await inner.feedbackCase(reference) }
    func answer(_ reference: FeedbackReference, text: String, at: Date) async throws -> FeedbackCase {
        try await inner.answer(reference, text: text, at: at)
    }
    func close(_ reference: FeedbackReference, at: Date) async throws -> FeedbackCase { try await inner.close(reference, at: at) }
    func cases(status: FeedbackStatus?) async throws -> [FeedbackCase] { await inner.cases(status: status) }
    func overdue(now: Date) async throws -> [FeedbackCase] { [] }
    func purgeClosedCases(closedBefore cutoff: Date) async throws -> Int { await inner.purgeClosedCases(closedBefore: cutoff) }
}
