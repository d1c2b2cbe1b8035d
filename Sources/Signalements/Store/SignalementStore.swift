import Foundation

/// Where signalements and their delivery jobs (the outbox) live.
/// Implementations: ``InMemorySignalementStore`` (an actor) and
/// ``SQLiteSignalementStore`` (a file shared safely by several processes).
///
/// ## Contract
///
/// Every implementation must pass `SignalementStoreConformance` (product
/// `SignalementsTestSupport`). Errors are ``SignalementStoreError`` values.
///
/// - **Transactional outbox.** ``file(_:job:)`` stores the signalement and its
///   delivery job in one indivisible step: either both are committed or
///   neither is. A signalement is therefore never filed without a job that
///   will deliver it, and a job never refers to a missing signalement.
/// - **Leases.** ``claim(now:leaseDuration:limit:)`` atomically takes due jobs
///   (pending with `nextAttemptAt <= now`, or leased with an expired lease),
///   counts an attempt, and leases them with a fresh token until
///   `now + leaseDuration`. However many deliverers claim at once, a job is
///   held by one lease at a time. A deliverer that dies leaves its job leased;
///   once the lease expires the job is taken again, with the **same id and
///   body** (at-least-once delivery, never under a new id).
/// - **Outcomes.** ``complete(jobID:token:at:)`` marks a job delivered
///   (whoever delivered it: a delivery that happened is never undone);
///   ``fail(jobID:token:at:reason:retryAt:)`` applies only while the token
///   still holds the lease, and sends the job back to `pending` at `retryAt`
///   or to `dead-letter` when `retryAt` is `nil`.
/// - **Retention.** ``purge(filedBefore:)`` erases the fields, contact and
///   body of signalements filed before the date whose job is delivered or
///   dead-lettered; the receipt (reference, kind, unit, status, dates) stays.
///   Jobs still to be delivered are never purged.
/// - **Durability.** A call that returns has committed its change.
public protocol SignalementStore: Sendable {
    /// Files `signalement` and enqueues `job` atomically (see the contract).
    /// - Throws: ``SignalementStoreError/duplicateSignalement(_:)``,
    ///   ``SignalementStoreError/duplicateJob(_:)`` or
    ///   ``SignalementStoreError/mismatchedJob(jobID:)``; nothing is stored then.
    func file(_ signalement: Signalement, job: DeliveryJob) async throws

    /// The signalement with `reference`, if any.
    func signalement(reference: SignalementReference) async throws -> Signalement?

    /// The receipt of `reference`, if any.
    func receipt(reference: SignalementReference) async throws -> SignalementReceipt?

    /// Leases up to `limit` due jobs, oldest due first (see the contract).
    func claim(now: Date, leaseDuration: TimeInterval, limit: Int) async throws -> [LeasedJob]

    /// Marks the job delivered at `at`. Returns `false` when it already was.
    /// - Throws: ``SignalementStoreError/jobNotFound(_:)``.
    @discardableResult
    func complete(jobID: String, token: UUID, at: Date) async throws -> Bool

    /// Records a failed attempt while `token` holds the lease: back to pending
    /// at `retryAt`, or dead-letter when `retryAt` is `nil`. Returns `false`
    /// (and changes nothing) when the lease was lost or the job is finished.
    /// - Throws: ``SignalementStoreError/jobNotFound(_:)``.
    @discardableResult
    func fail(jobID: String, token: UUID, at: Date, reason: String, retryAt: Date?) async throws -> Bool

    /// Every job, or those with `status`, by creation.
    func jobs(status: DeliveryStatus?) async throws -> [DeliveryJob]

    /// How many jobs are in each status (statuses with none are absent).
    func counts() async throws -> [DeliveryStatus: Int]

    /// The earliest instant a job becomes due (a pending job's next attempt or
    /// a lease's end), `nil` when nothing is left to deliver.
    func nextDueDate() async throws -> Date?

    /// Erases the content of finished signalements filed before `cutoff` (see
    /// the contract). Returns how many were purged.
    func purge(filedBefore cutoff: Date) async throws -> Int
}
