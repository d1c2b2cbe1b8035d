@testable import Appointments
import Foundation
import Testing

/// Bookings across the March and October changes are exact in the station's
/// own time zone, with a fixed clock (never today's date): the slot, the stored
/// booking, the reminders and the calendar export all say the same instant.
@Suite struct DaylightSavingBookingTests {
    static let lyon = "commissariat_police-69123-01"
    static let fortDeFrance = "commissariat_police-97209-01"

    /// A book whose stations all publish `schedule`, at `now`.
    func book(_ schedule: AppointmentSchedule, station: String, now: String) throws -> AppointmentBook {
        AppointmentBook(store: InMemoryBookingStore(),
                        schedules: PublishedScheduleProvider(schedules: PublishedSchedules([station: schedule])),
                        clock: ManualWallClock(try Fixture.date(now)))
    }

    @Test func aBookingMadeBeforeTheSpringChangeIsAtTheLocalTimeAfterIt() async throws {
        // Booked on Friday 27 March 2026 (UTC+1) for Monday 30 March (UTC+2), 09:00 in Paris.
        let book = try book(.standard(territory: .metropole), station: Self.lyon, now: "2026-03-27T10:00:00Z")
        let slots = try await book.availableSlots(station: Self.lyon, motif: .plainte, from: try Fixture.day("2026-03-27"), days: 4)
        let monday = try #require(slots.first { $0.slot.day == (try Fixture.day("2026-03-30")) })
        #expect(monday.slot.start == (try Fixture.date("2026-03-30T07:00:00Z")))
        let booking = try await book.book(station: Self.lyon, motif: .plainte, start: monday.slot.start)
        #expect(RFC3339.format(booking.start, in: try StationID.timeZone(of: Self.lyon)) == "2026-03-30T09:00:00+02:00")
        #expect(booking.end.timeIntervalSince(booking.start) == 1_800)
        // The reminder the day before is at 09:00 on Sunday 29 March, already in summer time.
        let reminders = try await book.reminders(for: booking)
        #expect(reminders.first { $0.kind == .dayBefore }?.at == (try Fixture.date("2026-03-29T07:00:00Z")))
        let ics = try await book.calendarEvent(for: booking, location: nil)
        #expect(ics.contains("DTSTART:20260330T070000Z\r\n") && ics.contains("DTEND:20260330T073000Z\r\n"))
    }

    @Test func theDayBeforeReminderOfABookingOnTheChangeDayKeepsTheWallClockTime() async throws {
        // Sunday 25 October 2026, 10:00 in Paris (UTC+1 after 03:00): the reminder is Saturday 10:00 (UTC+2),
        // 25 hours before, not 24.
        let sunday = try AppointmentSchedule.WeeklyRange([.sunday, .saturday], TimeRange(start: LocalTime(hour: 9), end: LocalTime(hour: 12)), counters: 1)
        let schedule = AppointmentSchedule(territory: .metropole, ranges: [.plainte: [sunday]], closedOnPublicHolidays: false)
        let book = try book(schedule, station: Self.lyon, now: "2026-10-20T08:00:00Z")
        let booking = try await book.book(station: Self.lyon, motif: .plainte, start: try Fixture.date("2026-10-25T09:00:00Z"))
        let reminders = try await book.reminders(for: booking)
        #expect(reminders.first { $0.kind == .dayBefore }?.at == (try Fixture.date("2026-10-24T08:00:00Z")))
        #expect(reminders.first { $0.kind == .twoHoursBefore }?.at == (try Fixture.date("2026-10-25T07:00:00Z")))
    }

    @Test func theSkippedHourOfMarchHasNoSlotAndCannotBeBooked() async throws {
        let night = try AppointmentSchedule.WeeklyRange([.sunday], TimeRange(start: LocalTime(hour: 1), end: LocalTime(hour: 4)), counters: 1)
        let schedule = AppointmentSchedule(territory: .metropole, ranges: [.plainte: [night]], closedOnPublicHolidays: false)
        let book = try book(schedule, station: Self.lyon, now: "2026-03-25T12:00:00Z")
        let slots = try await book.availableSlots(station: Self.lyon, motif: .plainte, from: try Fixture.day("2026-03-29"), days: 1)
        let paris = try StationID.timeZone(of: Self.lyon)
        // 01:00, 01:30 (UTC+1), then 03:00, 03:30 (UTC+2): nothing between 02:00 and 03:00, which do not exist.
        #expect(slots.map { RFC3339.format($0.slot.start, in: paris) }
                == ["2026-03-29T01:00:00+01:00", "2026-03-29T01:30:00+01:00", "2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00"])
        for slot in slots { _ = try await book.book(station: Self.lyon, motif: .plainte, start: slot.slot.start) }
        // "02:30+01:00" is the instant 03:30+02:00, already taken: no phantom seat in the gap.
        await #expect(throws: AppointmentError.slotFull(station: Self.lyon, start: try Fixture.date("2026-03-29T01:30:00Z"))) {
            try await book.book(station: Self.lyon, motif: .plainte, start: try Fixture.date("2026-03-29T02:30:00+01:00"))
        }
    }

    @Test func theRepeatedHourOfOctoberIsOfferedOnceAndBookedExactly() async throws {
        let night = try AppointmentSchedule.WeeklyRange([.sunday], TimeRange(start: LocalTime(hour: 1), end: LocalTime(hour: 4)), counters: 1)
        let schedule = AppointmentSchedule(territory: .metropole, ranges: [.plainte: [night]], closedOnPublicHolidays: false)
        let book = try book(schedule, station: Self.lyon, now: "2026-10-20T12:00:00Z")
        let paris = try StationID.timeZone(of: Self.lyon)
        let slots = try await book.availableSlots(station: Self.lyon, motif: .plainte, from: try Fixture.day("2026-10-25"), days: 1)
        let labels = slots.map { RFC3339.format($0.slot.start, in: paris) }
        // Each wall-clock time once; 02:00 and 02:30 are the first (summer-time) occurrences.
        #expect(labels == ["2026-10-25T01:00:00+02:00", "2026-10-25T01:30:00+02:00", "2026-10-25T02:00:00+02:00",
                           "2026-10-25T02:30:00+02:00", "2026-10-25T03:00:00+01:00", "2026-10-25T03:30:00+01:00"], "\(labels)")
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.slot.end <= $1.slot.start })
        let first = try await book.book(station: Self.lyon, motif: .plainte, start: try Fixture.date("2026-10-25T02:30:00+02:00"))
        #expect(first.start == (try Fixture.date("2026-10-25T00:30:00Z")))
        // The second 02:30 (UTC+1) is not a slot: refused, not booked as the first one.
        await #expect(throws: AppointmentError.self) {
            try await book.book(station: Self.lyon, motif: .plainte, start: try Fixture.date("2026-10-25T02:30:00+01:00"))
        }
    }

    @Test func anOverseasStationHasNoChange() async throws {
        // Martinique keeps UTC−4 all year: 09:00 is 13:00 UTC in March and in October alike.
        let book = try book(.standard(territory: .martinique), station: Self.fortDeFrance, now: "2026-03-20T12:00:00Z")
        let zone = try StationID.timeZone(of: Self.fortDeFrance)
        for day in ["2026-03-27", "2026-03-30"] {
            let slot = try #require(try await book.availableSlots(station: Self.fortDeFrance, motif: .plainte, from: try Fixture.day(day), days: 1).first)
            #expect(RFC3339.format(slot.slot.start, in: zone) == "\(day)T09:00:00-04:00")
            let booking = try await book.book(station: Self.fortDeFrance, motif: .plainte, start: slot.slot.start)
            #expect(booking.start == (try Fixture.date("\(day)T13:00:00Z")))
        }
        let autumn = try self.book(.standard(territory: .martinique), station: Self.fortDeFrance, now: "2026-10-20T12:00:00Z")
        for day in ["2026-10-23", "2026-10-26"] {
            let slot = try #require(try await autumn.availableSlots(station: Self.fortDeFrance, motif: .plainte, from: try Fixture.day(day), days: 1).first)
            #expect(slot.slot.start == (try Fixture.date("\(day)T13:00:00Z")))
        }
    }
}
