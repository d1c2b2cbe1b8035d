import Foundation
import Synchronization

/// The injection point for "now": every time-based behaviour of the SDK reads
/// the current date through a `WallClock`, so tests can fix or move time.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The real clock of the machine.
public struct SystemWallClock: WallClock {
    /// The machine's clock.
    public init() {}
    /// `Date()`: the only place the SDK reads the real time.
    public func now() -> Date { Date() }
}

/// A clock that only moves when told to: for deterministic tests and simulations.
public final class ManualWallClock: WallClock {
    private let current: Mutex<Date>

    /// A clock showing `start` until it is moved.
    public init(_ start: Date) { current = Mutex(start) }

    /// The instant the clock was last set or moved to.
    public func now() -> Date { current.withLock { $0 } }

    /// Sets the clock to `date`.
    public func set(_ date: Date) { current.withLock { $0 = date } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

extension WallClock {
    /// Today's civil date in `timeZone` according to this clock.
    public func today(in timeZone: TimeZone) -> LocalDate { LocalDate(now(), in: timeZone) }
}
