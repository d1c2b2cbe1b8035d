import Foundation
import Testing
@testable import MaSecuriteCore

@Suite struct WallClockTests {
    @Test func manualClockOnlyMovesWhenTold() throws {
        let start = instant("2026-03-29T00:30:00Z")
        let clock = ManualWallClock(start)
        #expect(clock.now() == start)
        #expect(clock.now() == start)
        clock.advance(by: 3600)
        #expect(clock.now() == instant("2026-03-29T01:30:00Z"))
        clock.set(instant("2026-10-25T00:30:00Z"))
        #expect(clock.now() == instant("2026-10-25T00:30:00Z"))
    }

    @Test func todayDependsOnTheZone() throws {
        let clock = ManualWallClock(instant("2026-03-28T23:30:00Z"))
        #expect(clock.today(in: paris) == (try date("2026-03-29")))
        #expect(clock.today(in: Territory.martinique.timeZone) == (try date("2026-03-28")))
    }

    @Test func manualClockIsSafeAcrossTasks() async throws {
        let clock = ManualWallClock(instant("2026-01-01T00:00:00Z"))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<100 { group.addTask { clock.advance(by: 1) } }
        }
        #expect(clock.now() == instant("2026-01-01T00:01:40Z"))
    }

    @Test func systemClockIsNearTheRealTime() {
        let clock: any WallClock = SystemWallClock()
        let before = Date()
        let now = clock.now()
        #expect(now >= before)
        #expect(now.timeIntervalSince(before) < 60)
    }
}
