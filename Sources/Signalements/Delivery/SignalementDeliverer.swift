import Foundation

/// Sends the outbox's jobs to each unit's endpoint as Standard Webhooks, and
/// records the outcome.
///
/// - Each job is leased before it is sent (``SignalementStore/claim(now:leaseDuration:limit:)``);
///   if this process dies mid-delivery, the job is taken again once the lease
///   ends and sent **with the same `webhook-id` and body**: the receiver may see
///   it twice and de-duplicates by id; it never sees it under another id.
/// - A 2xx answer marks it delivered. Anything else (another status, no
///   answer, no endpoint configured for the unit) is a failed attempt, retried
///   after ``RetryPolicy`` backoff with jitter, then dead-lettered.
/// - Each attempt has a fresh `webhook-timestamp` and signature (the spec's rule).
/// - Logs and reasons name the job id, the unit and the status, never the body.
public actor SignalementDeliverer {
    private let store: any SignalementStore
    private let endpoints: [String: WebhookEndpoint]
    private let transport: any WebhookTransport
    private let clock: any WallClock
    private let random: any RandomSource
    /// The retry policy.
    public let policy: RetryPolicy
    /// How long a claimed job is held before another deliverer may take it.
    public let leaseDuration: TimeInterval
    /// Jobs claimed at once.
    public let batchSize: Int

    /// What one round did.
    public struct Round: Hashable, Sendable, Codable {
        /// Jobs claimed.
        public var claimed = 0
        /// Delivered (2xx).
        public var delivered = 0
        /// Failed and scheduled again.
        public var retried = 0
        /// Failed for the last time.
        public var deadLettered = 0
        /// Outcomes not recorded because the lease was lost meanwhile.
        public var leaseLost = 0

        /// An empty round.
        public init() {}

        mutating func add(_ other: Round) {
            claimed += other.claimed
            delivered += other.delivered
            retried += other.retried
            deadLettered += other.deadLettered
            leaseLost += other.leaseLost
        }

        private enum CodingKeys: String, CodingKey {
            case claimed, delivered, retried, deadLettered = "dead_lettered", leaseLost = "lease_lost"
        }
    }

    /// A deliverer over `store`.
    /// - Parameters:
    ///   - store: the outbox.
    ///   - endpoints: unit id → endpoint.
    ///   - fallback: the endpoint for units absent from `endpoints` (e.g. one
    ///     regional hub), if any.
    ///   - transport: sends the requests (``URLSessionWebhookTransport`` in production).
    ///   - clock: "now", for leases, timestamps and retry dates.
    ///   - random: draws the jitter of the retry delays.
    ///   - policy: backoff and the number of attempts before dead-letter.
    ///   - leaseDuration: seconds a claimed job is held before another deliverer may take it.
    ///   - batchSize: jobs claimed and sent at once.
    public init(store: any SignalementStore, endpoints: [String: WebhookEndpoint], fallback: WebhookEndpoint? = nil,
                transport: any WebhookTransport, clock: any WallClock = SystemWallClock(),
                random: any RandomSource = SystemRandomSource(), policy: RetryPolicy = RetryPolicy(),
                leaseDuration: TimeInterval = 60, batchSize: Int = 16) {
        self.store = store
        self.endpoints = endpoints
        self.fallback = fallback
        self.transport = transport
        self.clock = clock
        self.random = random
        self.policy = policy
        self.leaseDuration = leaseDuration
        self.batchSize = max(1, batchSize)
    }

    private let fallback: WebhookEndpoint?

    /// Claims the jobs due now and sends them, concurrently within the batch.
    public func runOnce() async throws -> Round {
        let claimed = try await store.claim(now: clock.now(), leaseDuration: leaseDuration, limit: batchSize)
        var round = Round()
        round.claimed = claimed.count
        try await withThrowingTaskGroup(of: Round.self) { group in
            for leased in claimed {
                group.addTask { try await self.deliver(leased) }
            }
            for try await outcome in group { round.add(outcome) }
        }
        return round
    }

    /// Sends one leased job and records the outcome.
    func deliver(_ leased: LeasedJob) async throws -> Round {
        let job = leased.job
        var round = Round()
        let reason: String
        if let endpoint = endpoints[job.unitID] ?? fallback {
            let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
            var headers = StandardWebhook.headers(id: job.id, timestamp: timestamp, body: job.body, secret: endpoint.secret)
            headers["content-type"] = "application/json"
            do {
                let status = try await transport.send(WebhookRequest(url: endpoint.url, headers: headers, body: job.body))
                if (200..<300).contains(status) {
                    try await store.complete(jobID: job.id, token: leased.token, at: clock.now())
                    round.delivered = 1
                    return round
                }
                reason = "HTTP \(status) from the endpoint of unit \(job.unitID)"
            } catch {
                reason = "no answer from the endpoint of unit \(job.unitID): \(String(describing: error).prefix(200))"
            }
        } else {
            reason = "no endpoint configured for unit \(job.unitID)"
        }
        let now = clock.now()
        let retryAt = policy.delay(afterAttempts: job.attempts, random: random).map { now.addingTimeInterval($0) }
        let recorded = try await store.fail(jobID: job.id, token: leased.token, at: now, reason: reason, retryAt: retryAt)
        if !recorded {
            round.leaseLost = 1
        } else if retryAt == nil {
            round.deadLettered = 1
        } else {
            round.retried = 1
        }
        return round
    }

    /// Runs rounds until nothing is left to deliver (every job delivered or
    /// dead-lettered) or `deadline` passes, sleeping until the next job is due
    /// (at most `maximumSleep` seconds at a time, through `sleep`).
    public func runUntilIdle(deadline: Date?, maximumSleep: TimeInterval = 1,
                             sleep: @Sendable (TimeInterval) async throws -> Void = { try await Task.sleep(for: .seconds($0)) }) async throws -> Round {
        var total = Round()
        while true {
            if let deadline, clock.now() >= deadline { return total }
            let round = try await runOnce()
            total.add(round)
            if round.claimed > 0 { continue }
            guard let next = try await store.nextDueDate() else { return total }
            var wait = max(0, next.timeIntervalSince(clock.now()))
            if let deadline { wait = min(wait, max(0, deadline.timeIntervalSince(clock.now()))) }
            try await sleep(min(max(wait, 0.01), maximumSleep))
        }
    }
}
