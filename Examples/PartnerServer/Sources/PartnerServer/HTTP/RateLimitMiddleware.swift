import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Token buckets per client address: `perMinute` requests a minute with a
/// burst of a sixth of it (at least 10), or any capacity and refill rate
/// (``init(capacity:refillPerSecond:)``, e.g. the avis' per hour). Over the
/// limit → 429 `rate-limited` with `Retry-After`. Addresses are kept in memory
/// only, never logged, and idle buckets are dropped.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let capacity: Double
    private let refillPerSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    convenience init(perMinute: Int) {
        self.init(capacity: max(10, Double(perMinute) / 6), refillPerSecond: Double(perMinute) / 60)
    }

    /// `perHour` requests an hour, all of which may come at once (then one every `3600 / perHour` s).
    convenience init(perHour: Int) {
        self.init(capacity: Double(max(1, perHour)), refillPerSecond: Double(max(1, perHour)) / 3_600)
    }

    /// Buckets of `capacity` tokens refilled at `refillPerSecond`.
    init(capacity: Double, refillPerSecond: Double) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
    }

    /// Takes one token for `client`; returns the seconds to wait when none is left.
    func take(_ client: String, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            if buckets.count > 50_000 {
                // Drop buckets that are full again: they carry no state.
                buckets = buckets.filter { (now - $0.value.updated) < .seconds(capacity / refillPerSecond) }
            }
            var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(capacity, bucket.tokens + seconds * refillPerSecond)
            bucket.updated = now
            defer { buckets[client] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / refillPerSecond).rounded(.up)))
        }
    }
}

/// Applies a ``RateLimiter`` per client address (health and readiness are exempt,
/// so load balancers never get throttled). The server puts one on every route,
/// and one more on the routes of a group that need their own limit (the avis:
/// `what` then names them in the problem's detail).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let limiter: RateLimiter
    let trustForwardedFor: Bool
    /// What is counted, for the problem's detail.
    var what = "requests"
    /// Only these methods are counted (`nil`: all).
    var methods: Set<HTTPRequest.Method>?

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/v1/health" || path == "/v1/ready" { return try await next(request, context) }
        if let methods, !methods.contains(request.method) { return try await next(request, context) }
        if let wait = limiter.take(Self.clientKey(request, context, trustForwardedFor: trustForwardedFor)) {
            throw APIProblem(.rateLimited, "too many \(what) from this client; retry in \(wait) s", headers: [.retryAfter: "\(wait)"])
        }
        return try await next(request, context)
    }

    static func clientKey(_ request: Request, _ context: ServerContext, trustForwardedFor: Bool) -> String {
        if trustForwardedFor, let forwarded = request.headers.first(where: { $0.name.canonicalName == "x-forwarded-for" })?.value,
           let first = forwarded.split(separator: ",").first {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
