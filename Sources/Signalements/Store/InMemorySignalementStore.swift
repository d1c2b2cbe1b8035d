import Foundation

/// A ``SignalementStore`` in memory, for tests, previews and single-process
/// apps that accept losing the outbox when they quit. An actor: every
/// operation is atomic.
public actor InMemorySignalementStore: SignalementStore {
    private var signalements: [UUID: Signalement] = [:]
    private var byReference: [SignalementReference: UUID] = [:]
    private var jobs: [String: DeliveryJob] = [:]
    private var jobOrder: [String] = []
    private var jobBySignalement: [UUID: String] = [:]

    /// An empty store.
    public init() {}

    public func file(_ signalement: Signalement, job: DeliveryJob) throws {
        guard job.signalementID == signalement.id else { throw SignalementStoreError.mismatchedJob(jobID: job.id) }
        guard signalements[signalement.id] == nil, byReference[signalement.reference] == nil else {
            throw SignalementStoreError.duplicateSignalement(signalement.id.uuidString)
        }
        guard jobs[job.id] == nil else { throw SignalementStoreError.duplicateJob(job.id) }
        signalements[signalement.id] = signalement
        byReference[signalement.reference] = signalement.id
        jobs[job.id] = job
        jobOrder.append(job.id)
        jobBySignalement[signalement.id] = job.id
    }

    public func signalement(reference: SignalementReference) -> Signalement? {
        byReference[reference].flatMap { signalements[$0] }
    }

    public func receipt(reference: SignalementReference) -> SignalementReceipt? {
        guard let signalement = signalement(reference: reference),
              let job = jobBySignalement[signalement.id].flatMap({ jobs[$0] }) else { return nil }
        return SignalementReceipt(signalement, job: job)
    }

    public func claim(now: Date, leaseDuration: TimeInterval, limit: Int) -> [LeasedJob] {
        let due = jobOrder.compactMap { jobs[$0] }.filter { job in
            switch job.status {
            case .pending: job.nextAttemptAt <= now
            case .leased: (job.leaseExpiresAt ?? now) <= now
            case .delivered, .deadLetter: false
            }
        }
        .sorted { ($0.status == .pending ? $0.nextAttemptAt : $0.leaseExpiresAt ?? now, $0.createdAt) < ($1.status == .pending ? $1.nextAttemptAt : $1.leaseExpiresAt ?? now, $1.createdAt) }
        var leased: [LeasedJob] = []
        for var job in due.prefix(max(0, limit)) {
            let token = UUID()
            job.status = .leased
            job.attempts += 1
            job.leaseToken = token
            job.leaseExpiresAt = now.addingTimeInterval(leaseDuration)
            jobs[job.id] = job
            leased.append(LeasedJob(job: job, token: token))
        }
        return leased
    }

    public func complete(jobID: String, token: UUID, at: Date) throws -> Bool {
        guard var job = jobs[jobID] else { throw SignalementStoreError.jobNotFound(jobID) }
        guard job.status != .delivered else { return false }
        job.status = .delivered
        job.deliveredAt = at
        job.leaseToken = nil
        job.leaseExpiresAt = nil
        jobs[jobID] = job
        return true
    }

    public func fail(jobID: String, token: UUID, at: Date, reason: String, retryAt: Date?) throws -> Bool {
        guard var job = jobs[jobID] else { throw SignalementStoreError.jobNotFound(jobID) }
        guard job.status == .leased, job.leaseToken == token else { return false }
        job.status = retryAt == nil ? .deadLetter : .pending
        job.nextAttemptAt = retryAt ?? at
        job.lastError = reason
        job.leaseToken = nil
        job.leaseExpiresAt = nil
        jobs[jobID] = job
        return true
    }

    public func jobs(status: DeliveryStatus?) -> [DeliveryJob] {
        jobOrder.compactMap { jobs[$0] }.filter { status == nil || $0.status == status }
    }

    public func counts() -> [DeliveryStatus: Int] {
        var counts: [DeliveryStatus: Int] = [:]
        for job in jobs.values { counts[job.status, default: 0] += 1 }
        return counts
    }

    public func nextDueDate() -> Date? {
        jobs.values.compactMap { job -> Date? in
            switch job.status {
            case .pending: job.nextAttemptAt
            case .leased: job.leaseExpiresAt
            case .delivered, .deadLetter: nil
            }
        }.min()
    }

    public func purge(filedBefore cutoff: Date) -> Int {
        var count = 0
        for (id, signalement) in signalements where !signalement.isPurged && signalement.filedAt < cutoff {
            guard let jobID = jobBySignalement[id], let job = jobs[jobID],
                  job.status == .delivered || job.status == .deadLetter else { continue }
            signalements[id] = signalement.purged()
            jobs[jobID] = DeliveryJob(id: job.id, signalementID: job.signalementID, unitID: job.unitID, body: Data(),
                                      createdAt: job.createdAt, status: job.status, attempts: job.attempts,
                                      nextAttemptAt: job.nextAttemptAt, lastError: job.lastError, deliveredAt: job.deliveredAt)
            count += 1
        }
        return count
    }
}
