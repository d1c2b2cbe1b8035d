import Foundation
import Signalements

/// A conformance check that did not hold: which check, and what went wrong.
public struct SignalementConformanceFailure: Error, Sendable, CustomStringConvertible {
    /// The check's name, e.g. `"atomic-filing"`.
    public let check: String
    /// What was expected and what happened.
    public let message: String

    /// Creates a failure.
    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }

    public var description: String { "SignalementStore conformance '\(check)' failed: \(message)" }
}

/// The behaviour every ``SignalementStore`` must have (the contract written on
/// the protocol), as plain async checks without any test framework, so every
/// backend — in memory, SQLite, PostgreSQL — runs the same suite:
///
/// ```swift
/// @Test func conforms() async throws {
///     try await SignalementStoreConformance.run { try MyStore(url: freshDatabase()) }
/// }
/// ```
///
/// Each check receives a fresh, empty store from `makeStore` and throws a
/// ``SignalementConformanceFailure`` naming what broke.
public enum SignalementStoreConformance {
    /// A named check.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any SignalementStore) async throws -> Void

    /// Every check, by name, in order.
    public static let checks: [(name: String, run: Check)] = [
        ("file-and-read", fileAndRead),
        ("atomic-filing", atomicFiling),
        ("lease", lease),
        ("expired-lease-same-id", expiredLeaseSameID),
        ("retry-and-dead-letter", retryAndDeadLetter),
        ("purge", purge),
        ("concurrent-claims", concurrentClaims),
    ]

    /// Runs every check, each on a fresh store; throws the first failure.
    public static func run(makeStore: @escaping @Sendable () async throws -> any SignalementStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    // MARK: Fixtures

    /// A fixed "now": 2026-03-02T08:00:00Z.
    public static let now = Date(timeIntervalSince1970: 1_772_438_400)

    /// A competence answer used by the checks.
    public static let competence = Competence(insee: "33063", commune: "Bordeaux",
                                              unit: CompetentUnit(id: "unit-33063", name: "Commissariat de Bordeaux",
                                                                  institution: .policeNationale),
                                              approximate: false, source: "conformance")

    /// A signalement and its job, filed at `now + offset` seconds.
    public static func sample(offset: TimeInterval = 0, contact: SignalementContact? = nil,
                              jobID: String = DeliveryJob.newID()) -> (Signalement, DeliveryJob) {
        let content = SignalementContent(kind: "point-de-deal",
                                         fields: ["place": "hall B", "recurrence": "daily", "description": "ventes le soir"],
                                         contact: contact)
        let filed = now.addingTimeInterval(offset)
        let signalement = Signalement(content: content, competence: competence, filedAt: filed)
        let body = Data(#"{"reference":"\#(signalement.reference.formatted)"}"#.utf8)
        return (signalement, DeliveryJob(id: jobID, signalementID: signalement.id, unitID: competence.unit.id, body: body, createdAt: filed))
    }

    static func expect(_ condition: Bool, _ check: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw SignalementConformanceFailure(check: check, message: message()) }
    }

    static func expectError(_ check: String, _ what: String, _ body: () async throws -> Void,
                            matching: (SignalementStoreError) -> Bool) async throws {
        do {
            try await body()
        } catch let error as SignalementStoreError {
            try expect(matching(error), check, "\(what): unexpected error \(error)")
            return
        }
        throw SignalementConformanceFailure(check: check, message: "\(what) did not fail")
    }

    // MARK: Checks

    /// A filed signalement reads back whole, with a pending receipt.
    public static let fileAndRead: Check = { makeStore in
        let name = "file-and-read"
        let store = try await makeStore()
        let (signalement, job) = sample(contact: SignalementContact(email: "a@example.org"))
        try await store.file(signalement, job: job)
        let read = try await store.signalement(reference: signalement.reference)
        try expect(read == signalement, name, "read back \(String(describing: read)), expected \(signalement)")
        let receipt = try await store.receipt(reference: signalement.reference)
        try expect(receipt?.status == .pending && receipt?.attempts == 0 && receipt?.unit == competence.unit, name,
                   "receipt \(String(describing: receipt)) is not a pending one for the unit")
        try expect(try await store.signalement(reference: .random()) == nil, name, "an unknown reference found a signalement")
        try expect(try await store.receipt(reference: .random()) == nil, name, "an unknown reference found a receipt")
        let jobs = try await store.jobs(status: .pending)
        try expect(jobs.map(\.id) == [job.id] && jobs.first?.body == job.body, name, "the outbox holds \(jobs.map(\.id)), expected \(job.id)")
        try expect(try await store.nextDueDate() == job.nextAttemptAt, name, "next due date is not the job's")
    }

    /// Filing is all or nothing: a refused job leaves no signalement, a refused signalement no job.
    public static let atomicFiling: Check = { makeStore in
        let name = "atomic-filing"
        let store = try await makeStore()
        let (first, firstJob) = sample()
        try await store.file(first, job: firstJob)
        // Same job id: refused, and the second signalement must not exist.
        let (second, _) = sample(offset: 1)
        let clash = DeliveryJob(id: firstJob.id, signalementID: second.id, unitID: "unit-33063", body: Data("{}".utf8), createdAt: now)
        try await expectError(name, "filing with a job id already used", {
            try await store.file(second, job: clash)
        }, matching: { if case .duplicateJob = $0 { return true }; return false })
        try expect(try await store.signalement(reference: second.reference) == nil, name,
                   "a signalement was stored although its job was refused")
        // Same signalement again: refused, and its new job must not exist.
        let again = DeliveryJob(signalementID: first.id, unitID: "unit-33063", body: Data("{}".utf8), createdAt: now)
        try await expectError(name, "filing the same signalement twice", {
            try await store.file(first, job: again)
        }, matching: { if case .duplicateSignalement = $0 { return true }; return false })
        // A job carrying another signalement: refused.
        let (third, _) = sample(offset: 2)
        let foreign = DeliveryJob(signalementID: UUID(), unitID: "unit-33063", body: Data("{}".utf8), createdAt: now)
        try await expectError(name, "filing with a job of another signalement", {
            try await store.file(third, job: foreign)
        }, matching: { if case .mismatchedJob = $0 { return true }; return false })
        let jobs = try await store.jobs(status: nil)
        try expect(jobs.map(\.id) == [firstJob.id], name, "the outbox holds \(jobs.count) jobs after refused filings, expected 1")
    }

    /// A claimed job is leased once, counts an attempt, and is not claimed again before its lease ends.
    public static let lease: Check = { makeStore in
        let name = "lease"
        let store = try await makeStore()
        let (early, earlyJob) = sample()
        let (late, lateJob) = sample(offset: 600)
        try await store.file(early, job: earlyJob)
        try await store.file(late, job: lateJob)
        let claimed = try await store.claim(now: now, leaseDuration: 60, limit: 10)
        try expect(claimed.map(\.job.id) == [earlyJob.id], name, "claimed \(claimed.map(\.job.id)) at now, expected only the due job")
        try expect(claimed.first?.job.attempts == 1 && claimed.first?.job.status == .leased, name, "a claim did not count an attempt")
        let again = try await store.claim(now: now.addingTimeInterval(30), leaseDuration: 60, limit: 10)
        try expect(again.isEmpty, name, "a leased job was claimed again before its lease ended")
        guard let held = claimed.first else { return }
        try expect(try await store.complete(jobID: held.job.id, token: held.token, at: now.addingTimeInterval(5)), name,
                   "completing a held job returned false")
        try expect(!(try await store.complete(jobID: held.job.id, token: held.token, at: now.addingTimeInterval(6))), name,
                   "completing twice returned true")
        let receipt = try await store.receipt(reference: early.reference)
        try expect(receipt?.status == .delivered && receipt?.deliveredAt == now.addingTimeInterval(5), name,
                   "receipt after delivery: \(String(describing: receipt))")
        try expect(try await store.nextDueDate() == lateJob.nextAttemptAt, name, "next due date is not the remaining job's")
        let counts = try await store.counts()
        try expect(counts[.delivered] == 1 && counts[.pending] == 1, name, "counts \(counts)")
        try await expectError(name, "completing an unknown job", {
            _ = try await store.complete(jobID: "msg_unknown", token: UUID(), at: now)
        }, matching: { if case .jobNotFound = $0 { return true }; return false })
    }

    /// After a deliverer dies, the job is taken again once the lease ends, with the
    /// same id and body; the dead deliverer's late report is ignored.
    public static let expiredLeaseSameID: Check = { makeStore in
        let name = "expired-lease-same-id"
        let store = try await makeStore()
        let (signalement, job) = sample()
        try await store.file(signalement, job: job)
        let first = try await store.claim(now: now, leaseDuration: 60, limit: 1)
        let second = try await store.claim(now: now.addingTimeInterval(61), leaseDuration: 60, limit: 1)
        try expect(second.count == 1 && second.first?.job.id == job.id && second.first?.job.body == job.body, name,
                   "the job was not taken again with the same id and body after its lease expired")
        try expect(second.first?.job.attempts == 2, name, "the second lease counts \(second.first?.job.attempts ?? -1) attempts, expected 2")
        guard let stale = first.first, let fresh = second.first else { return }
        try expect(stale.token != fresh.token, name, "two leases share a token")
        let recorded = try await store.fail(jobID: job.id, token: stale.token, at: now.addingTimeInterval(62), reason: "late", retryAt: nil)
        try expect(!recorded, name, "a failure reported under a lost lease was recorded")
        try expect(try await store.receipt(reference: signalement.reference)?.status == .leased, name, "a stale report changed the job")
        try expect(try await store.complete(jobID: job.id, token: fresh.token, at: now.addingTimeInterval(63)), name, "the fresh lease could not complete")
    }

    /// A failure goes back to pending at the retry date; a final one goes to dead-letter.
    public static let retryAndDeadLetter: Check = { makeStore in
        let name = "retry-and-dead-letter"
        let store = try await makeStore()
        let (signalement, job) = sample()
        try await store.file(signalement, job: job)
        guard let first = try await store.claim(now: now, leaseDuration: 60, limit: 1).first else {
            throw SignalementConformanceFailure(check: name, message: "nothing to claim")
        }
        let retryAt = now.addingTimeInterval(120)
        try expect(try await store.fail(jobID: job.id, token: first.token, at: now.addingTimeInterval(1), reason: "HTTP 503", retryAt: retryAt),
                   name, "a failure under the lease was not recorded")
        let pending = try await store.jobs(status: .pending)
        try expect(pending.first?.nextAttemptAt == retryAt && pending.first?.lastError == "HTTP 503", name,
                   "the failed job is not pending at its retry date with its reason")
        try expect(try await store.claim(now: now.addingTimeInterval(119), leaseDuration: 60, limit: 1).isEmpty, name,
                   "a job was claimed before its retry date")
        guard let second = try await store.claim(now: retryAt, leaseDuration: 60, limit: 1).first else {
            throw SignalementConformanceFailure(check: name, message: "the job was not claimed at its retry date")
        }
        try expect(second.job.id == job.id, name, "the retry has another id")
        _ = try await store.fail(jobID: job.id, token: second.token, at: retryAt, reason: "HTTP 500", retryAt: nil)
        let receipt = try await store.receipt(reference: signalement.reference)
        try expect(receipt?.status == .deadLetter && receipt?.attempts == 2, name, "receipt after the last failure: \(String(describing: receipt))")
        try expect(try await store.claim(now: retryAt.addingTimeInterval(86_400), leaseDuration: 60, limit: 1).isEmpty, name,
                   "a dead-lettered job was claimed")
        try expect(try await store.nextDueDate() == nil, name, "a dead-lettered job is still due")
    }

    /// Purge erases the content of old finished signalements only; receipts stay.
    public static let purge: Check = { makeStore in
        let name = "purge"
        let store = try await makeStore()
        let (old, oldJob) = sample(contact: SignalementContact(phone: "0600000000"))
        let (waiting, waitingJob) = sample(offset: 10, contact: SignalementContact(name: "Sam"))
        let (recent, recentJob) = sample(offset: 86_400 * 100)
        try await store.file(old, job: oldJob)
        try await store.file(waiting, job: waitingJob)
        try await store.file(recent, job: recentJob)
        for leased in try await store.claim(now: now.addingTimeInterval(86_400 * 101), leaseDuration: 60, limit: 10)
        where leased.job.id != waitingJob.id {
            try await store.complete(jobID: leased.job.id, token: leased.token, at: now.addingTimeInterval(86_400 * 101))
        }
        let cutoff = now.addingTimeInterval(86_400 * 30)
        let count = try await store.purge(filedBefore: cutoff)
        try expect(count == 1, name, "purged \(count) signalements, expected 1 (the old delivered one)")
        let purged = try await store.signalement(reference: old.reference)
        try expect(purged?.isPurged == true && purged?.fields.isEmpty == true && purged?.contact == nil, name, "content left after purge")
        try expect(try await store.receipt(reference: old.reference)?.status == .delivered, name, "the receipt did not survive the purge")
        let purgedJob = try await store.jobs(status: .delivered).first { $0.id == oldJob.id }
        try expect(purgedJob?.body.isEmpty == true, name, "the purged job still carries its body")
        let kept = try await store.signalement(reference: waiting.reference)
        try expect(kept?.contact == SignalementContact(name: "Sam") && kept?.isPurged == false, name, "a signalement not yet delivered was purged")
        try expect(try await store.signalement(reference: recent.reference)?.isPurged == false, name, "a recent signalement was purged")
        try expect(try await store.purge(filedBefore: cutoff) == 0, name, "a second purge counted again")
    }

    /// 20 deliverers claiming 50 jobs at once: every job is leased exactly once.
    public static let concurrentClaims: Check = { makeStore in
        try await concurrentClaimsCheck(makeStore: makeStore, jobs: 50, claimers: 20)
    }

    /// The concurrent-claims check with custom sizes; `storesPerRace` > 1 opens
    /// several stores (e.g. connections) on the same data.
    public static func concurrentClaimsCheck(makeStore: @Sendable () async throws -> any SignalementStore, jobs: Int, claimers: Int,
                                             storesPerRace: Int = 1) async throws {
        let name = "concurrent-claims"
        var stores: [any SignalementStore] = []
        for _ in 0..<max(1, storesPerRace) { stores.append(try await makeStore()) }
        let pool = stores
        var filed = Set<String>()
        for index in 0..<jobs {
            let (signalement, job) = sample(offset: TimeInterval(index))
            try await pool[0].file(signalement, job: job)
            filed.insert(job.id)
        }
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for claimer in 0..<claimers {
                group.addTask {
                    let store = pool[claimer % pool.count]
                    var mine: [String] = []
                    while true {
                        let batch = try await store.claim(now: now.addingTimeInterval(TimeInterval(jobs)), leaseDuration: 600, limit: 2)
                        if batch.isEmpty { return mine }
                        mine += batch.map(\.job.id)
                    }
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            return all
        }
        try expect(claimed.count == jobs, name, "\(claimed.count) leases for \(jobs) jobs: a job was leased twice or not at all")
        try expect(Set(claimed) == filed, name, "the leased jobs are not the filed ones")
    }
}
