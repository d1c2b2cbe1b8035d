import Foundation

/// A source of uniform numbers in `0 ..< 1`, injected so jitter is
/// deterministic in tests.
public protocol RandomSource: Sendable {
    /// A uniform number in `0 ..< 1`.
    func nextUnit() -> Double
}

/// The system's random generator.
public struct SystemRandomSource: RandomSource {
    /// Creates the source.
    public init() {}
    public func nextUnit() -> Double { Double.random(in: 0..<1) }
}

/// When to try a failed delivery again: exponential backoff with jitter, and
/// a dead-letter after ``maximumAttempts`` attempts.
///
/// The delay after attempt *n* (1-based) is `d = min(maximumDelay, baseDelay × multiplier^(n−1))`,
/// then jittered uniformly in `d × (1 − jitter) … d` ("equal jitter" when `jitter` is 0.5),
/// so deliverers that failed together do not retry together.
public struct RetryPolicy: Hashable, Sendable {
    /// Attempts before a job goes to dead-letter.
    public var maximumAttempts: Int
    /// Delay after the first failed attempt, seconds.
    public var baseDelay: TimeInterval
    /// Growth of the delay per attempt.
    public var multiplier: Double
    /// Largest delay, seconds.
    public var maximumDelay: TimeInterval
    /// Share of the delay drawn at random, `0…1`.
    public var jitter: Double

    /// A policy; the defaults give 8 attempts over about an hour and a half.
    public init(maximumAttempts: Int = 8, baseDelay: TimeInterval = 30, multiplier: Double = 2,
                maximumDelay: TimeInterval = 3_600, jitter: Double = 0.5) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = max(0, baseDelay)
        self.multiplier = max(1, multiplier)
        self.maximumDelay = max(0, maximumDelay)
        self.jitter = min(1, max(0, jitter))
    }

    /// The delay before the next attempt after `attempts` attempts failed, or
    /// `nil` when the job goes to dead-letter.
    public func delay(afterAttempts attempts: Int, random: any RandomSource) -> TimeInterval? {
        guard attempts < maximumAttempts else { return nil }
        let exponent = Double(max(0, attempts - 1))
        let full = min(maximumDelay, baseDelay * pow(multiplier, exponent))
        let unit = min(max(random.nextUnit(), 0), 1)
        return full * (1 - jitter) + full * jitter * unit
    }
}
