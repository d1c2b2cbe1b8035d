import Appointments
import Foundation
import Testing

@Suite struct ICalendarTests {
    func booking(status: BookingStatus = .booked) throws -> Booking {
        let start = try Fixture.date("2026-03-30T07:00:00Z")
        return Booking(id: UUID(), code: .random(), station: Fixture.bordeaux, motif: .plainte, start: start,
                       end: start.addingTimeInterval(1_800), seat: 0, status: status, contact: nil, idempotencyKey: nil,
                       createdAt: start, updatedAt: start)
    }

    @Test func eventHasTheRequiredPropertiesWithCRLF() throws {
        let booking = try booking()
        let text = ICalendar.event(for: booking, location: "Commissariat de Bordeaux, 23 rue François de Sourdis, 33000 Bordeaux",
                                   documents: Motif.plainte.defaultRules.documents, now: try Fixture.date("2026-03-23T07:00:00Z"))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("UID:\(booking.id.uuidString.lowercased())@masecurite\r\n"))
        #expect(unfolded.contains("DTSTAMP:20260323T070000Z\r\n"))
        #expect(unfolded.contains("DTSTART:20260330T070000Z\r\nDTEND:20260330T073000Z\r\n"))
        #expect(unfolded.contains("LOCATION:Commissariat de Bordeaux\\, 23 rue François de Sourdis\\, 33000 Bordeaux\r\n"))
        #expect(unfolded.contains("Une pièce d'identité"))
        #expect(unfolded.contains(booking.code.formatted))
        #expect(unfolded.contains("STATUS:CONFIRMED"))
    }

    @Test func linesAreFoldedAt75OctetsWithoutSplittingCharacters() throws {
        let text = ICalendar.event(for: try booking(), location: String(repeating: "é", count: 120),
                                   documents: Motif.plainte.defaultRules.documents, now: Date(timeIntervalSince1970: 0))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.contains { $0.hasPrefix(" ") })
        // Every physical line is valid UTF-8 on its own.
        for line in lines { #expect(String(validating: Array(line.utf8), as: UTF8.self) != nil) }
    }

    @Test func textIsEscaped() {
        #expect(ICalendar.escape("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne")
        #expect(ICalendar.fold("short") == "short\r\n")
        let long = String(repeating: "x", count: 160)
        #expect(ICalendar.fold(long) == String(repeating: "x", count: 75) + "\r\n " + String(repeating: "x", count: 74) + "\r\n " + String(repeating: "x", count: 11) + "\r\n")
    }

    @Test func cancelledBookingsExportAsCancelled() throws {
        let text = ICalendar.event(for: try booking(status: .cancelledByStation), location: nil, documents: [], language: .english, now: Date())
        #expect(text.contains("STATUS:CANCELLED"))
        #expect(text.contains("SUMMARY:Appointment: File a complaint (plainte)"))
        #expect(!text.contains("LOCATION"))
    }
}
