// AppointmentsBenchmark: slot computation, in-memory bookings, SQLite durable bookings.
//   swift run -c release --package-path Examples/Benchmarks --scratch-path .build-bench AppointmentsBenchmark
// BENCHMARK_QUICK=1 runs a reduced version in a few seconds.
import Appointments
import Foundation

let quick = ProcessInfo.processInfo.environment["BENCHMARK_QUICK"] == "1"

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return seconds(clock.now - start)
}

func measureAsync(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    return seconds(clock.now - start)
}

/// CPU seconds used by the process so far (independent of other load on the machine).
func processCPUSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

print("AppointmentsBenchmark\(quick ? " (quick)" : "")")

// 1. Slot computation for one station over 30 days.
let schedule = AppointmentSchedule.standard(territory: .metropole)
let firstDay = try LocalDate(iso: "2026-03-16") // spans the change to summer time
let context = OpeningHoursContext(territory: .metropole)
let hours = try OpeningHours(weekly: [
    .monday: [TimeRange(start: LocalTime(hour: 9), end: LocalTime(hour: 12)), TimeRange(start: LocalTime(hour: 14), end: LocalTime(hour: 17))],
])
let rounds = quick ? 200 : 5_000
var slotCount = 0
let slotTime = measure {
    for _ in 0..<rounds { slotCount &+= schedule.slots(for: .plainte, from: firstDay, days: 30).count }
}
var intervalCount = 0
let baselineTime = measure {
    // Baseline: the core's opening-hours intervals for the same 30 days (two ranges a day, one zone lookup each).
    for _ in 0..<rounds {
        for offset in 0..<30 { intervalCount &+= hours.intervals(on: firstDay.adding(days: offset), in: context).count }
    }
}
let perComputation = slotTime / Double(rounds)
print("slots, 1 station × 30 days: \(slotCount / rounds) slots in \(format(perComputation * 1e6)) µs per computation "
      + "(target ≤ 1000 µs: \(perComputation <= 0.001 ? "met" : "NOT met")); "
      + "baseline OpeningHours.intervals over 30 days: \(format(baselineTime / Double(rounds) * 1e6)) µs "
      + "(ratio \(format(perComputation / max(baselineTime / Double(rounds), 1e-12), 2))×)")

// 2. In-memory store, single task, sequential reservations.
let station = "commissariat_police-33063-01"
let base = Date(timeIntervalSince1970: 1_774_000_000)
func request(_ index: Int, capacity: Int = 4) -> ReservationRequest {
    let start = base.addingTimeInterval(TimeInterval(index / capacity) * 1_800)
    return ReservationRequest(station: station, motif: .plainte, start: start, end: start.addingTimeInterval(1_800),
                              day: LocalDate(start, in: .gmt), capacity: capacity, at: base)
}
let memoryCount = quick ? 5_000 : 200_000
let memory = InMemoryBookingStore()
let requests = (0..<memoryCount).map { request($0) }
/// Runs off the main actor, as a server task would: each call hops to the store's actor on the same thread.
func reserveAll(_ requests: [ReservationRequest], in store: any BookingStore) async throws -> Double {
    try await measureAsync {
        for request in requests { _ = try await store.reserve(request) }
    }
}
let cpuBefore = processCPUSeconds()
let memoryTime = try await reserveAll(requests, in: memory)
let memoryCPU = processCPUSeconds() - cpuBefore
var codes = 0
let codeTime = measure {
    for _ in 0..<memoryCount { codes &+= ConfirmationCode.random().rawValue.utf8.count }
}
let memoryRate = Double(memoryCount) / memoryTime
let memoryCPURate = Double(memoryCount) / max(memoryCPU, 1e-9)
print("in-memory bookings, 1 task: \(format(memoryRate, 0))/s wall clock, \(format(memoryCPURate, 0))/s per CPU second, over \(memoryCount) "
      + "(target ≥ 100000/s: \(memoryRate >= 100_000 ? "met" : memoryCPURate >= 100_000 ? "met in CPU time, machine busy" : "NOT met")); "
      + "baseline drawing the confirmation codes alone: \(format(Double(memoryCount) / codeTime, 0))/s")

// 3. SQLite store, durable commits (WAL, synchronous=FULL), one transaction per booking.
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("appointments-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let sqlite = try SQLiteBookingStore(path: directory.appendingPathComponent("bench.sqlite").path)
let sqliteCount = quick ? 100 : 3_000
let sqliteTime = try await reserveAll((0..<sqliteCount).map { request($0) }, in: sqlite)
let sqliteRate = Double(sqliteCount) / sqliteTime
print("SQLite bookings, durable commits: \(format(sqliteRate, 0))/s over \(sqliteCount) "
      + "(\(format(sqliteTime / Double(sqliteCount) * 1e3, 2)) ms each; ratio to in-memory \(format(sqliteRate / memoryRate, 4))×)")

// 4. Contention: four SQLite connections racing for 10 single-seat slots.
let racePath = directory.appendingPathComponent("race.sqlite").path
let connections = try (0..<4).map { _ in try SQLiteBookingStore(path: racePath) }
let attempts = quick ? 200 : 1_000
var booked = 0
let raceTime = try await measureAsync {
    booked = try await withThrowingTaskGroup(of: Bool.self) { group in
        for attempt in 0..<attempts {
            group.addTask {
                do {
                    _ = try await connections[attempt % 4].reserve(request(attempt % 10, capacity: 1))
                    return true
                } catch BookingStoreError.slotFull {
                    return false
                }
            }
        }
        var total = 0
        for try await success in group where success { total += 1 }
        return total
    }
}
print("SQLite race, 4 connections, \(attempts) attempts on 10 single-seat slots: \(booked) booked "
      + "(expected 10: \(booked == 10 ? "ok" : "WRONG")) in \(format(raceTime * 1e3)) ms")
if booked != 10 { exit(1) }
