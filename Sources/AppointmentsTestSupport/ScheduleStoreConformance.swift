import Appointments
import Foundation

/// The behaviour every ``ScheduleStore`` must have (the contract written on
/// the protocol), as plain async checks any backend runs:
///
/// ```swift
/// @Test func publishesSchedules() async throws {
///     try await ScheduleStoreConformance.run { try MyStore(url: freshDatabase()) }
/// }
/// ```
public enum ScheduleStoreConformance {
    /// A named check.
    public typealias Check = @Sendable (_ makeStore: @Sendable () async throws -> any ScheduleStore) async throws -> Void

    /// Every check, by name, in order.
    public static let checks: [(name: String, run: Check)] = [
        ("publish-and-replace", publishAndReplace),
        ("publish-race", publishRace),
    ]

    /// Runs every check, each on a fresh store; throws the first ``ConformanceFailure``.
    public static func run(makeStore: @escaping @Sendable () async throws -> any ScheduleStore) async throws {
        for check in checks { try await check.run(makeStore) }
    }

    /// The station of the checks.
    public static let station = BookingStoreConformance.station

    /// A schedule with `counters` counters for plainte on weekday mornings, and a closure.
    public static func schedule(counters: Int) throws -> AppointmentSchedule {
        let mornings = try AppointmentSchedule.WeeklyRange([.monday, .tuesday, .wednesday, .thursday, .friday],
                                                           try TimeRange(start: LocalTime(hour: 8, minute: 30), end: LocalTime(hour: 12, minute: 0)),
                                                           counters: counters)
        return AppointmentSchedule(territory: .metropole, ranges: [.plainte: [mornings]],
                                   exceptions: [.closed(try LocalDate(iso: "2026-12-24"))], minimumNoticeMinutes: 60)
    }

    static func expect(_ condition: Bool, _ check: String, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(check: check, message: message()) }
    }

    /// A publication reads back as published, a second one replaces it with the next version, stations are apart.
    public static let publishAndReplace: Check = { makeStore in
        let name = "publish-and-replace"
        let store = try await makeStore()
        let at = BookingStoreConformance.now
        try expect(try await store.publishedSchedule(station: station) == nil, name, "a fresh store has a published schedule")
        let first = try schedule(counters: 2)
        let published = try await store.publishSchedule(first, station: station, by: "agent-1", at: at)
        try expect(published.version == 1 && published.station == station && published.publishedAt == at && published.publishedBy == "agent-1",
                   name, "the first publication is \(published.version) by \(String(describing: published.publishedBy)) at \(published.publishedAt)")
        let read = try await store.publishedSchedule(station: station)
        try expect(read == published, name, "the publication read back differs from the one returned")
        try expect(try read?.schedule.storedForm() == first.storedForm(), name, "the schedule read back differs from the one published")
        let second = try schedule(counters: 5)
        let replaced = try await store.publishSchedule(second, station: station, by: nil, at: at.addingTimeInterval(60))
        try expect(replaced.version == 2 && replaced.publishedBy == nil, name, "a replacement is version \(replaced.version)")
        let now = try await store.publishedSchedule(station: station)
        try expect(try now?.schedule.storedForm() == second.storedForm() && now?.version == 2, name, "the replacement is not the schedule in force")
        try expect(try await store.publishedSchedule(station: "gendarmerie-97209-01") == nil, name, "another station has the publication")
    }

    /// Ten publications at once for one station: each gets its own version, the highest is in force.
    public static let publishRace: Check = { makeStore in
        let name = "publish-race"
        let store = try await makeStore()
        let versions = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for counters in 1...10 {
                group.addTask {
                    let publication = try await store.publishSchedule(try schedule(counters: counters), station: station, by: nil,
                                                                      at: BookingStoreConformance.now)
                    return (publication.version, counters)
                }
            }
            var all: [(Int, Int)] = []
            for try await pair in group { all.append(pair) }
            return all
        }
        try expect(Set(versions.map(\.0)) == Set(1...10), name, "concurrent publications got the versions \(versions.map(\.0).sorted())")
        guard let last = versions.first(where: { $0.0 == 10 }) else {
            throw ConformanceFailure(check: name, message: "no publication got version 10")
        }
        let now = try await store.publishedSchedule(station: station)
        try expect(now?.version == 10 && now?.schedule.ranges[.plainte]?.first?.counters == last.1, name,
                   "the schedule in force is version \(String(describing: now?.version)), not the last publication")
    }
}
