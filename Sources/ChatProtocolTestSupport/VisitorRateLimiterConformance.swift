import ChatProtocol
import Foundation

/// The conformance suite for ``VisitorRateLimiter`` backends: a backend's tests run each of
/// ``checks`` on a fresh, empty limiter.
public enum VisitorRateLimiterConformance {
    /// Every check, by name.
    public static let checks: [(name: String, run: @Sendable (any VisitorRateLimiter) async throws -> Void)] = [
        ("aBurstThenRefill", aBurstThenRefill),
        ("conversationsAreCountedApart", conversationsAreCountedApart),
        ("concurrentTakesNeverExceedTheBurst", concurrentTakesNeverExceedTheBurst),
    ]

    /// Runs every check, each on a fresh limiter from `make`; throws the first failure.
    public static func runAll(make: @Sendable () async throws -> any VisitorRateLimiter) async throws {
        for check in checks { try await check.run(try await make()) }
    }

    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static func expect(_ condition: Bool, _ check: String, _ detail: @autoclosure () -> String) throws(ConformanceFailure) {
        if !condition { throw ConformanceFailure(check: check, detail: detail()) }
    }

    static func fresh(_ prefix: String) -> ConversationID { ConversationID("\(prefix)-\(UUID().uuidString.lowercased())") }

    @Sendable static func aBurstThenRefill(_ limiter: any VisitorRateLimiter) async throws {
        let check = "aBurstThenRefill"
        let id = fresh("burst")
        for index in 0..<5 {
            let retry = try await limiter.take(for: id, burst: 5, perSecond: 1, at: start)
            try expect(retry == nil, check, "message \(index + 1) of a burst of 5 must pass, got retry \(String(describing: retry))")
        }
        let refused = try await limiter.take(for: id, burst: 5, perSecond: 1, at: start)
        try expect(refused.map { $0 > 0 && $0 <= 1 } == true, check, "the 6th waits up to 1 s, got \(String(describing: refused))")
        let later = try await limiter.take(for: id, burst: 5, perSecond: 1, at: start.addingTimeInterval(1.5))
        try expect(later == nil, check, "one token is back after 1.5 s")
        let again = try await limiter.take(for: id, burst: 5, perSecond: 1, at: start.addingTimeInterval(1.6))
        try expect(again != nil, check, "but not two")
    }

    @Sendable static func conversationsAreCountedApart(_ limiter: any VisitorRateLimiter) async throws {
        let check = "conversationsAreCountedApart"
        let (one, two) = (fresh("apart"), fresh("apart"))
        for _ in 0..<2 { _ = try await limiter.take(for: one, burst: 2, perSecond: 0.5, at: start) }
        try await expect(limiter.take(for: one, burst: 2, perSecond: 0.5, at: start) != nil, check, "the first conversation is limited")
        try await expect(limiter.take(for: two, burst: 2, perSecond: 0.5, at: start) == nil, check, "the second one is not")
    }

    @Sendable static func concurrentTakesNeverExceedTheBurst(_ limiter: any VisitorRateLimiter) async throws {
        let check = "concurrentTakesNeverExceedTheBurst"
        let id = fresh("race")
        let passed = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<20 {
                group.addTask { try await limiter.take(for: id, burst: 5, perSecond: 0.001, at: start) == nil }
            }
            var count = 0
            for try await ok in group where ok { count += 1 }
            return count
        }
        try expect(passed == 5, check, "20 concurrent messages against a burst of 5: \(passed) passed")
    }
}
