import Foundation
import Signalements
import SignalementsTestSupport
import Synchronization
import Testing

@Suite struct SignalementStoreConformanceTests {
    @Test func inMemoryStoreConforms() async throws {
        try await SignalementStoreConformance.run { InMemorySignalementStore() }
    }

    @Test func sqliteStoreConforms() async throws {
        let paths = Mutex<[String]>([])
        defer { for path in paths.withLock({ $0 }) { Fixture.remove(path) } }
        try await SignalementStoreConformance.run {
            let path = Fixture.temporaryDatabase()
            paths.withLock { $0.append(path) }
            return try SQLiteSignalementStore(path: path)
        }
    }

    @Test func sqliteClaimsAcrossSeveralConnections() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        try await SignalementStoreConformance.concurrentClaimsCheck(makeStore: { try SQLiteSignalementStore(path: path) },
                                                                    jobs: 60, claimers: 12, storesPerRace: 4)
    }

    @Test func sqliteKeepsTheOutboxAcrossReopening() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let (signalement, job) = SignalementStoreConformance.sample(contact: SignalementContact(email: "a@example.org"))
        do {
            let store = try SQLiteSignalementStore(path: path)
            try await store.file(signalement, job: job)
            _ = try await store.claim(now: SignalementStoreConformance.now, leaseDuration: 30, limit: 1)
        }
        let reopened = try SQLiteSignalementStore(path: path)
        #expect(try await reopened.signalement(reference: signalement.reference) == signalement)
        let again = try await reopened.claim(now: SignalementStoreConformance.now.addingTimeInterval(31), leaseDuration: 30, limit: 1)
        #expect(again.map(\.job.id) == [job.id] && again.first?.job.body == job.body)
    }

    @Test func conformanceReportsABrokenStore() async throws {
        await #expect(throws: SignalementConformanceFailure.self) {
            try await SignalementStoreConformance.atomicFiling { HalfFilingStore() }
        }
    }
}

/// A deliberately wrong store: stores the signalement even when its job is refused.
actor HalfFilingStore: SignalementStore {
    private let inner = InMemorySignalementStore()
    private var extra: [SignalementReference: Signalement] = [:]
    func file(_ signalement: Signalement, job: DeliveryJob) async throws {
        extra[signalement.reference] = signalement
        try await inner.file(signalement, job: job)
    }
    func signalement(reference: SignalementReference) async throws -> Signalement? {
        if let found = await inner.signalement(reference: reference) { return found }
        return extra[reference]
    }
    func receipt(reference: SignalementReference) async throws -> SignalementReceipt? { await inner.receipt(reference: reference) }
    func claim(now: Date, leaseDuration: TimeInterval, limit: Int) async throws -> [LeasedJob] {
        await inner.claim(now: now, leaseDuration: leaseDuration, limit: limit)
    }
    func complete(jobID: String, token: UUID, at: Date) async throws -> Bool { try await inner.complete(jobID: jobID, token: token, at: at) }
    func fail(jobID: String, token: UUID, at: Date, reason: String, retryAt: Date?) async throws -> Bool {
        try await inner.fail(jobID: jobID, token: token, at: at, reason: reason, retryAt: retryAt)
    }
    func jobs(status: DeliveryStatus?) async throws -> [DeliveryJob] { await inner.jobs(status: status) }
    func counts() async throws -> [DeliveryStatus: Int] { await inner.counts() }
    func nextDueDate() async throws -> Date? { await inner.nextDueDate() }
    func purge(filedBefore cutoff: Date) async throws -> Int { await inner.purge(filedBefore: cutoff) }
}
