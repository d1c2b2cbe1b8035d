import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Token buckets per client address: `perMinute` requests a minute with a
/// burst of a sixth of it (at least 10). Over the limit → 429 `rate-limited`
/// with `Retry-After`. Addresses are kept in memory only, never logged, and
/// idle buckets are dropped.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let capacity: Double
    private let refillPerSecond: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perMinute: Int) {
        refillPerSecond = Double(perMinute) / 60
        capacity = max(10, Double(perMinute) / 6)
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
/// so load balancers never get throttled).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServerContext
    let limiter: RateLimiter
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: ServerContext, next: (Request, ServerContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/v1/health" || path == "/v1/ready" { return try await next(request, context) }
        if let wait = limiter.take(clientKey(request, context)) {
            throw APIProblem(.rateLimited, "too many requests from this client; retry in \(wait) s", headers: [.retryAfter: "\(wait)"])
        }
        return try await next(request, context)
    }

    private func clientKey(_ request: Request, _ context: ServerContext) -> String {
        if trustForwardedFor, let forwarded = request.headers.first(where: { $0.name.canonicalName == "x-forwarded-for" })?.value,
           let first = forwarded.split(separator: ",").first {
            return first.trimmingCharacters(in: .whitespaces)
        }
        return context.remoteAddress?.ipAddress ?? "unknown"
    }
}
