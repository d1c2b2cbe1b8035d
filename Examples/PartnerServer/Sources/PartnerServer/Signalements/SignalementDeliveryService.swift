import Foundation
import Logging
import ServiceLifecycle
import Signalements

/// Opens once: the background work that needs the database waits until the migrations ran.
public actor StartupGate {
    private var opened: Bool

    /// A closed gate (or an open one, when nothing has to run first).
    public init(open: Bool = false) { opened = open }

    /// Lets every waiter through, now and later.
    public func open() { opened = true }

    /// Whether it is open.
    public var isOpen: Bool { opened }

    /// Returns once the gate is open; throws `CancellationError` when the task is cancelled first
    /// (the server stopped before its migrations ran).
    public nonisolated func wait() async throws {
        while await !isOpen { try await Task.sleep(for: .milliseconds(50)) }
    }
}

/// Delivers the signalements outbox beside the server: the SDK's ``SignalementDeliverer`` (Standard
/// Webhooks, backoff with jitter, leases, dead-letter) runs until the outbox is empty, then looks
/// again every ``pollInterval``; each hour the content of signalements delivered longer ago than
/// the retention period is purged (their receipts stay).
///
/// With PostgreSQL every instance runs one: their claims are `FOR UPDATE SKIP LOCKED`, so they take
/// disjoint jobs, and a job whose instance died is taken again after its lease, under the same
/// `webhook-id`. Logs hold counts only: never a reference, a field or a body.
public struct SignalementDeliveryService: Service {
    private let deliverer: SignalementDeliverer
    private let desk: SignalementDesk
    private let pollInterval: TimeInterval
    private let gate: StartupGate
    private let logger: Logger

    /// A service delivering `desk`'s outbox with `deliverer`, once `gate` opens.
    public init(deliverer: SignalementDeliverer, desk: SignalementDesk, pollInterval: TimeInterval, gate: StartupGate = StartupGate(open: true),
                logger: Logger) {
        self.deliverer = deliverer
        self.desk = desk
        self.pollInterval = max(0.01, pollInterval)
        self.gate = gate
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                try await gate.wait()
                var lastPurge: ContinuousClock.Instant?
                while !Task.isCancelled {
                    do {
                        let round = try await deliverer.runUntilIdle(deadline: nil, maximumSleep: pollInterval)
                        if round.delivered > 0 || round.deadLettered > 0 {
                            logger.info("signalements delivered", metadata: ["delivered": "\(round.delivered)", "retried": "\(round.retried)",
                                                                           "dead_lettered": "\(round.deadLettered)"])
                        }
                        if round.deadLettered > 0 {
                            logger.warning("signalements dead-lettered after their last attempt: see the outbox", metadata: ["count": "\(round.deadLettered)"])
                        }
                    } catch is CancellationError {
                        return
                    } catch {
                        logger.warning("signalement delivery interrupted; retrying", metadata: ["error": "\(error)"])
                    }
                    if lastPurge.map({ ContinuousClock.now - $0 > .seconds(3_600) }) ?? true {
                        lastPurge = ContinuousClock.now
                        do {
                            let purged = try await desk.purgeExpired()
                            if purged > 0 { logger.info("signalements purged after the retention period", metadata: ["count": "\(purged)"]) }
                        } catch {
                            logger.warning("signalement purge failed; retrying in an hour", metadata: ["error": "\(error)"])
                        }
                    }
                    try await Task.sleep(for: .seconds(pollInterval))
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
