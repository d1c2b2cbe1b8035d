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

    @Test func aVersionOneFileKeepsItsBookingsAndGainsTheOutbox() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        // A file as the previous SDK wrote it: schema version 1 only, one booking with a contact.
        do {
            let connection = try SQLiteConnection(path: path, busyTimeoutMilliseconds: 1_000)
            try connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_ms INTEGER NOT NULL)", operation: "v1")
            try connection.execute(SQLiteBookingStore.migrations[0], operation: "v1")
            try connection.query("INSERT INTO schema_version (version, applied_ms) VALUES (1, 0)", operation: "v1")
            try connection.query(
                "INSERT INTO bookings (id, code, station, motif, start_ms, end_ms, seat, status, email, created_ms, updated_ms) VALUES (?, ?, ?, 'plainte', 1774339200000, 1774341000000, 0, 'booked', 'old@example.org', 0, 0)",
                [.text(UUID().uuidString), .text("K7QM4XTR9BWE2HPAZC3N"), .text(Fixture.bordeaux)], operation: "v1 booking")
        }
        let code = try ConfirmationCode("K7QM-4XTR-9BWE-2HPA-ZC3N")
        // Read-only tools still read it before any migration.
        let reader = try SQLiteBookingStore(readingOnly: path)
        #expect(try await reader.booking(code: code)?.contact?.email == "old@example.org")
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        #expect(try await reader.occupancy(station: Fixture.bordeaux, motif: .plainte, from: start, to: start.addingTimeInterval(60)) == [start: 1])
        #expect(try await reader.notifications(code: code).isEmpty)
        let store = try SQLiteBookingStore(path: path)
        #expect(try await store.currentSchemaVersion() == SQLiteBookingStore.schemaVersion)
        let kept = try #require(try await store.booking(code: code))
        #expect(kept.status == .booked && kept.contact?.email == "old@example.org" && kept.seat == 0)
        #expect(try await store.notifications(code: code).isEmpty)
        // The migrated file works as a new one: a station's cancellation is notified.
        _ = try await store.setStatus(code: code, to: .cancelledByStation, at: try Fixture.date("2026-03-23T07:00:00Z"))
        #expect(try await store.notifications(code: code).map(\.kind) == [.cancelledByStation])
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
