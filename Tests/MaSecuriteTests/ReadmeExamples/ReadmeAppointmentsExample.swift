import Foundation
import Appointments
import Testing

/// The README's "Appointments" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: Appointments")
struct ReadmeAppointmentsExampleTests {
    @Test("Appointments: book a slot without double-booking", .timeLimit(.minutes(2)))
    func appointmentsExample() async throws {
        // README:begin
        let folder = FileManager.default.temporaryDirectory    // your app's data folder in real use
        let store = try SQLiteBookingStore(path: folder.appendingPathComponent("appointments.sqlite").path)
        let book = AppointmentBook(store: store)            // default schedule, station time zone
        let station = "commissariat_police-33063-01"
        let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let tomorrow = LocalDate(Date().addingTimeInterval(86_400), in: paris)
        let free = try await book.availableSlots(station: station, motif: .plainte, from: tomorrow, days: 7)
        if let first = free.first {
            let booking = try await book.book(station: station, motif: .plainte,
                                              start: first.slot.start, idempotencyKey: UUID().uuidString)
            print(booking.code.formatted)                    // e.g. K7QM-4XTR-9BWE-2HPA-ZC3N
            let ics = try await book.calendarEvent(for: booking, location: "Commissariat de Bordeaux")
            print(ics.contains("BEGIN:VEVENT"))              // true: an iCalendar event to attach or download
            _ = try await book.cancel(code: booking.code)    // frees the slot again
        } else {
            print("no free slot in the next 7 days")
        }
        // README:end
        #expect(!free.isEmpty, "a station open on weekdays has free slots within 7 days")
        #expect(free.allSatisfy { $0.slot.start > Date() }, "slots are computed from today, not a fixed date")
    }
}
