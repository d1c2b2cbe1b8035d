import Foundation

/// Counts visitors' messages against their rate limit (a token bucket per conversation: `burst`
/// messages at once, then `perSecond`), once for every instance that serves the conversation.
///
/// Without one, a ``ChatService`` keeps each conversation's bucket in its own memory (right for a
/// single instance, and the fastest path). With several instances behind a load balancer, a visitor
/// connected to two of them would get one bucket per instance: give every instance the same limiter
/// (``InMemoryVisitorRateLimiter`` for the instances of one process; the partner server has one on
/// PostgreSQL, an atomic `UPSERT` per message). The key is the conversation, never the visitor's token.
public protocol VisitorRateLimiter: Sendable {
    /// Takes one token from the conversation's bucket at `date`. Returns `nil` when one was taken (the
    /// message may go on), or the seconds until the next token when the bucket is empty.
    func take(for conversation: ConversationID, burst: Double, perSecond: Double,
              at date: Date) async throws(RoutingCoordinatorError) -> TimeInterval?
}

/// A ``VisitorRateLimiter`` in memory, shared by the ``ChatService`` instances of one process. An
/// actor: each take is one atomic step. Buckets full again are dropped now and then.
public actor InMemoryVisitorRateLimiter: VisitorRateLimiter {
    private var buckets: [ConversationID: (bucket: TokenBucket, lastTake: Date)] = [:]
    private var takesSincePrune = 0

    /// Creates a limiter with no bucket.
    public init() {}

    public func take(for conversation: ConversationID, burst: Double, perSecond: Double,
                     at date: Date) throws(RoutingCoordinatorError) -> TimeInterval? {
        takesSincePrune += 1
        if takesSincePrune >= 4_096 { prune(at: date, refill: burst / max(perSecond, .leastNonzeroMagnitude)) }
        var entry = buckets[conversation] ?? (TokenBucket(capacity: burst, refillPerSecond: perSecond, now: date), date)
        defer { buckets[conversation] = entry }
        entry.lastTake = max(entry.lastTake, date)
        if entry.bucket.take(now: date) { return nil }
        return entry.bucket.secondsUntilNextToken(now: date)
    }

    /// How many conversations have a bucket (for tests).
    public var count: Int { buckets.count }

    /// Drops the buckets that are full again (untouched for longer than a full refill).
    private func prune(at date: Date, refill: TimeInterval) {
        takesSincePrune = 0
        buckets = buckets.filter { date.timeIntervalSince($0.value.lastTake) <= refill }
    }
}
