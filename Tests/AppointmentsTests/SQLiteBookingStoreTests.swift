@testable import Appointments
import Foundation
import Testing

@Suite struct SQLiteBookingStoreTests {
    func request(_ index: Int, capacity: Int = 1) throws -> ReservationRequest {
        let start = try Fixture.date("2026-03-24T08:00:00Z").addingTimeInterval(TimeInterval(index) * 1_800)
        return ReservationRequest(station: Fixture.bordeaux, motif: .plainte, start: start, end: start.addingTimeInterval(1_800),
                                  day: try Fixture.day("2026-03-24"), capacity: capacity, at: try Fixture.date("2026-03-23T07:00:00Z"))
    }

    @Test func bookingsSurviveReopening() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let code: ConfirmationCode
        do {
            let store = try SQLiteBookingStore(path: path)
            code = try await store.reserve(try request(0)).booking.code
        }
        let reopened = try SQLiteBookingStore(path: path)
        let booking = try #require(try await reopened.booking(code: code))
        #expect(booking.status == .booked)
        #expect(try await reopened.currentSchemaVersion() == SQLiteBookingStore.schemaVersion)
        await #expect(throws: BookingStoreError.self) { _ = try await reopened.reserve(try request(0)) }
    }

    @Test func uniqueConstraintForbidsTwoActiveBookingsOnOneSeat() throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        _ = try SQLiteBookingStore(path: path)
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1_000)
        let insert = "INSERT INTO bookings (id, code, station, motif, start_ms, end_ms, seat, status, created_ms, updated_ms) VALUES (?, ?, 's', 'plainte', 1000, 2000, ?, 'booked', 0, 0)"
        try connection.query(insert, [.text(UUID().uuidString), .text(ConfirmationCode.random().rawValue), .integer(0)], operation: "first")
        #expect(throws: BookingStoreError.self) {
            try connection.query(insert, [.text(UUID().uuidString), .text(ConfirmationCode.random().rawValue), .integer(0)], operation: "second")
        }
        // Cancelled bookings have no seat and do not collide.
        try connection.query(insert, [.text(UUID().uuidString), .text(ConfirmationCode.random().rawValue), .null], operation: "third")
        try connection.query(insert, [.text(UUID().uuidString), .text(ConfirmationCode.random().rawValue), .null], operation: "fourth")
    }

    @Test func aNewerSchemaIsRefusedWithAClearError() throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        _ = try SQLiteBookingStore(path: path)
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1_000)
        try connection.query("INSERT INTO schema_version (version, applied_ms) VALUES (99, 0)", operation: "faking a future version")
        do {
            _ = try SQLiteBookingStore(path: path)
            Issue.record("a file from a newer SDK was opened")
        } catch let error as BookingStoreError {
            #expect(error.description.contains("newer than this code"))
        }
    }

    @Test func unopenablePathIsATypedError() {
        #expect(throws: BookingStoreError.self) { _ = try SQLiteBookingStore(path: "/nonexistent-dir-\(UUID().uuidString)/x.sqlite") }
    }

    @Test func walModeIsOn() throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1_000)
        let rows = try connection.query("PRAGMA journal_mode", operation: "reading the journal mode")
        #expect(rows.first?.first == .text("wal"))
    }
}
