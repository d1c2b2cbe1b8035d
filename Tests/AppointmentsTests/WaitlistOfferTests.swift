@testable import Appointments
import Foundation
import Testing

@Suite struct WaitlistOfferTests {
    static let station = "commissariat_police-33522-01"

    @Test func aFreedSeatIsKeptForTheFirstInLineThenGoesToTheNext() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        for store in [InMemoryBookingStore() as any BookingStore, try SQLiteBookingStore(path: path)] {
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            var schedule = AppointmentSchedule.standard(territory: .metropole)
            schedule.ranges[.plainte] = schedule.ranges[.plainte]?.map { AppointmentSchedule.WeeklyRange(unchecked: $0.weekdays, $0.range, counters: 1) }
            let book = AppointmentBook(store: store, schedules: PublishedScheduleProvider(schedules: PublishedSchedules([Self.station: schedule])),
                                       clock: clock, offerHoldMinutes: 20)
            let start = try Fixture.date("2026-03-24T08:00:00Z")
            let taken = try await book.book(station: Self.station, motif: .plainte, start: start)
            let day = try Fixture.day("2026-03-24")
            let first = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(email: "first@example.org"))
            clock.advance(by: 60)
            let second = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(phone: "+33600000001"))
            // The citizen cancels: the seat is kept 20 minutes for the first in line.
            let outcome = try await book.cancel(code: taken.code)
            let offer = try #require(outcome.offer)
            #expect(offer.entry.id == first.id && offer.expiresAt == clock.now().addingTimeInterval(20 * 60))
            let holdID = try #require(offer.holdID)
            await #expect(throws: AppointmentError.slotFull(station: Self.station, start: start)) {
                try await book.book(station: Self.station, motif: .plainte, start: start)
            }
            #expect(try await book.availableSlots(station: Self.station, motif: .plainte, from: day, days: 1).first?.slot.start != start)
            // The first declines: the second gets it; their time runs out; nobody else waits.
            let next = try #require(try await book.declineOffer(holdID))
            #expect(next.entry.id == second.id)
            clock.advance(by: 21 * 60)
            await #expect(throws: AppointmentError.self) { try await book.claimOffer(try #require(next.holdID)) }
            #expect(try await book.expireOffers().isEmpty)
            // The seat is free again for anyone.
            #expect(try await book.availableSlots(station: Self.station, motif: .plainte, from: day, days: 1).first?.slot.start == start)
            // Someone joins again, a seat frees, they claim it: the booking carries their contact and its reminders.
            let third = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(email: "third@example.org"))
            let again = try await book.book(station: Self.station, motif: .plainte, start: start)
            let freed = try #require(try await book.cancelByStation(code: again.code).offer)
            #expect(freed.entry.id == third.id)
            let claimed = try await book.claimOffer(try #require(freed.holdID), idempotencyKey: "claim-third")
            #expect(claimed.start == start && claimed.contact?.email == "third@example.org")
            #expect(try await book.claimOffer(try #require(freed.holdID), idempotencyKey: "claim-third").code == claimed.code)
            #expect(try await store.notifications(code: claimed.code).filter { $0.kind.isReminder }.count == 2)
        }
    }
}
