import Appointments
import Foundation
import Logging
import ServiceLifecycle

/// What one ``AppointmentMaintenance`` pass did (counts only: no code, no address).
public struct MaintenanceReport: Hashable, Sendable {
    /// Seats whose hold ran out, now kept for the next person in line.
    public var passedOn = 0
    /// Notifications delivered.
    public var sent = 0
    /// Notifications dropped (stale reminders, purged addresses).
    public var dropped = 0
    /// Notifications whose delivery failed (retried later, same id).
    public var failed = 0
    /// Bookings whose contact was purged.
    public var purged = 0
    /// The `AppointmentError` codes of the steps that failed (e.g. `storage`).
    public var errors: [String] = []

    /// An empty report.
    public init() {}
}

/// The server's appointment background work, run by every instance (the
/// store makes each step safe to run from several at once):
///
/// 1. seats kept for the waiting list whose hold ran out go to the next in
///    line (``Appointments/AppointmentBook/expireOffers()``);
/// 2. the notification outbox is drained through the ``Appointments/Notifier``
///    (``Appointments/AppointmentBook/dispatchNotifications(via:limit:leaseSeconds:)``):
///    each job is leased, sent with its stable id and marked sent, so a crash
///    neither loses nor doubles one (a job leased by an instance that died is
///    sent again after its lease, under the same id); a failed delivery is
///    retried after 1, 2, 4 … 60 minutes;
/// 3. once an hour, the contact data of appointments that ended
///    ``Appointments/AppointmentBook/purgeAfterDays`` days ago is erased.
///
/// A pass that meets a storage failure waits twice as long before the next
/// (up to ten minutes). Logs hold counts and error codes, never a code or an address.
public struct AppointmentMaintenance: Service {
    /// The appointments.
    public let book: AppointmentBook
    /// Where notifications go.
    public let notifier: any Notifier
    /// Time between passes.
    public let interval: Duration
    /// Jobs leased at once (a pass takes several batches while the outbox is full).
    public let batchSize: Int
    /// How long a leased job is kept from other senders; longer than a batch can take.
    public let leaseSeconds: Int
    /// Time between purges.
    public let purgeInterval: TimeInterval
    private let logger: Logger

    /// Creates the service.
    public init(book: AppointmentBook, notifier: any Notifier, interval: Duration = .seconds(30), batchSize: Int = 20,
                leaseSeconds: Int = 300, purgeInterval: TimeInterval = 3_600, logger: Logger) {
        self.book = book
        self.notifier = notifier
        self.interval = interval
        self.batchSize = max(1, batchSize)
        self.leaseSeconds = max(1, leaseSeconds)
        self.purgeInterval = purgeInterval
        self.logger = logger
    }

    /// Passes until the server shuts down: the first one interval after start.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                var failures = 0
                var lastPurge: Date?
                while !Task.isCancelled {
                    try await Task.sleep(for: min(interval * (1 << min(failures, 5)), .seconds(600)))
                    let now = book.clock.now()
                    let purge = lastPurge.map { now.timeIntervalSince($0) >= purgeInterval } ?? true
                    let report = await pass(purge: purge)
                    if purge && !report.errors.contains("purge") { lastPurge = now }
                    failures = report.errors.isEmpty ? 0 : failures + 1
                }
            }
        } catch is CancellationError {
            // Shutting down: the current job, if any, is leased and will be sent by whoever runs next.
        }
    }

    /// One pass (see the type's description); `purge` also erases old contact data.
    @discardableResult
    public func pass(purge: Bool) async -> MaintenanceReport {
        var report = MaintenanceReport()
        do {
            let offers = try await book.expireOffers()
            report.passedOn = offers.count
        } catch {
            report.errors.append(error.code)
        }
        // While batches come back full, the outbox has more due: up to ten batches a pass.
        for _ in 0..<10 {
            do {
                let batch = try await book.dispatchNotifications(via: notifier, limit: batchSize, leaseSeconds: leaseSeconds)
                report.sent += batch.sent.count
                report.dropped += batch.dropped.count
                report.failed += batch.failed.count
                if batch.sent.count + batch.dropped.count + batch.failed.count < batchSize { break }
            } catch {
                report.errors.append(error.code)
                break
            }
        }
        if purge {
            do {
                report.purged = try await book.purgePersonalData()
            } catch {
                report.errors.append("purge")
            }
        }
        if !report.errors.isEmpty {
            logger.warning("appointment maintenance failed", metadata: ["errors": "\(report.errors.joined(separator: ","))"])
        }
        if report.passedOn + report.sent + report.dropped + report.failed + report.purged > 0 {
            logger.info("appointment maintenance", metadata: [
                "offers.passed_on": "\(report.passedOn)", "notifications.sent": "\(report.sent)",
                "notifications.dropped": "\(report.dropped)", "notifications.failed": "\(report.failed)", "contacts.purged": "\(report.purged)",
            ])
        }
        return report
    }
}
