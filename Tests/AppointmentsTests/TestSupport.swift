import Appointments
import Foundation

enum Fixture {
    static let bordeaux = "commissariat_police-33063-01"
    static let fortDeFrance = "gendarmerie-97209-01"

    static func date(_ iso: String) throws -> Date { try Date(iso, strategy: .iso8601) }
    static func day(_ iso: String) throws -> LocalDate { try LocalDate(iso: iso) }

    /// A temporary SQLite path, removed with its WAL files by `remove`.
    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("appointments-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A book over an in-memory store, at Monday 2026-03-23 08:00 in Paris.
    static func book(schedules: DefaultScheduleProvider = DefaultScheduleProvider(), store: any BookingStore = InMemoryBookingStore(),
                     now: String = "2026-03-23T07:00:00Z") throws -> (AppointmentBook, ManualWallClock) {
        let clock = ManualWallClock(try date(now))
        return (AppointmentBook(store: store, schedules: schedules, clock: clock, purgeAfterDays: 30), clock)
    }
}
