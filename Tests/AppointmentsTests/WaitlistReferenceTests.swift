@testable import Appointments
import Foundation
import Testing

/// The waiting list by reference (what the partner server's routes use): position, acceptance, leaving.
@Suite struct WaitlistReferenceTests {
    static let station = "commissariat_police-33522-01"

    static func book(_ store: any BookingStore, clock: ManualWallClock) -> AppointmentBook {
        var schedule = AppointmentSchedule.standard(territory: .metropole)
        schedule.ranges[.plainte] = schedule.ranges[.plainte]?.map { AppointmentSchedule.WeeklyRange(unchecked: $0.weekdays, $0.range, counters: 1) }
        return AppointmentBook(store: store, schedules: PublishedScheduleProvider(schedules: PublishedSchedules([station: schedule])),
                               clock: clock, offerHoldMinutes: 15)
    }

    @Test func positionAcceptanceAndLeavingByReference() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        for (name, store) in [("memory", InMemoryBookingStore() as any BookingStore), ("sqlite", try SQLiteBookingStore(path: path))] {
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = Self.book(store, clock: clock)
            let start = try Fixture.date("2026-03-24T08:00:00Z")
            let taken = try await book.book(station: Self.station, motif: .plainte, start: start)
            let day = try Fixture.day("2026-03-24")
            let first = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(email: "un@example.org"))
            clock.advance(by: 1)
            // Another day's window does not stand in front of anyone waiting for the 24th.
            let elsewhere = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: try Fixture.day("2026-03-26"))
            clock.advance(by: 1)
            let second = try await book.joinWaitlist(station: Self.station, motif: .plainte, earliest: start, latest: start.addingTimeInterval(3_600))
            #expect(try await book.waitlistStatus(first.id) == .waiting(first, position: 1), "\(name)")
            #expect(try await book.waitlistStatus(elsewhere.id) == .waiting(elsewhere, position: 1), "\(name)")
            #expect(try await book.waitlistStatus(second.id) == .waiting(second, position: 2), "\(name)")
            await #expect(throws: AppointmentError.offerNotYetMade(entry: second.id, position: 2), "\(name)") {
                try await book.acceptOffer(second.id)
            }
            await #expect(throws: AppointmentError.waitlistEntryNotFound(taken.id), "\(name)") { try await book.waitlistStatus(taken.id) }
            // The seat frees: it is kept 15 minutes for the first in line, who accepts it, twice (a retry): one booking.
            let offer = try #require(try await book.cancel(code: taken.code).offer)
            guard case .offered(let hold) = try await book.waitlistStatus(first.id) else {
                Issue.record("\(name): the first in line is not offered the seat")
                continue
            }
            #expect(hold.id == offer.holdID && hold.expiresAt == clock.now().addingTimeInterval(900), "\(name)")
            #expect(try await book.waitlistStatus(second.id) == .waiting(second, position: 1), "\(name): the second moved up")
            let booked = try await book.acceptOffer(first.id, contact: Contact(pseudonym: "Un"))
            #expect(booked.start == start && booked.contact == Contact(pseudonym: "Un") && booked.status == .booked, "\(name)")
            #expect(try await book.acceptOffer(first.id).code == booked.code, "\(name): a retried acceptance booked again")
            await #expect(throws: AppointmentError.waitlistEntryNotFound(first.id), "\(name)") { try await book.waitlistStatus(first.id) }
            // It frees again: the second is offered it, lets it run out; the status says so until the sweep.
            let freed = try #require(try await book.cancel(code: booked.code).offer)
            #expect(freed.entry.id == second.id, "\(name)")
            clock.advance(by: 16 * 60)
            guard case .offerExpired = try await book.waitlistStatus(second.id) else {
                Issue.record("\(name): an offer past its time is not said to have run out")
                continue
            }
            await #expect(throws: AppointmentError.self, "\(name)") { try await book.acceptOffer(second.id) }
            #expect(try await book.expireOffers().isEmpty, "\(name): nobody else waits for that slot")
            await #expect(throws: AppointmentError.waitlistEntryNotFound(second.id), "\(name)") { try await book.leaveWaitlist(second.id) }
            // Leaving while waiting, and leaving (declining) once offered: the seat goes to the next in line.
            let third = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day)
            let fourth = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day)
            let fifth = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day)
            let left = try await book.leaveWaitlist(third.id)
            #expect(left.entry == third && !left.declinedOffer && left.passedOn == nil, "\(name)")
            let again = try await book.book(station: Self.station, motif: .plainte, start: start)
            #expect(try #require(try await book.cancel(code: again.code).offer).entry.id == fourth.id, "\(name)")
            let declined = try await book.leaveWaitlist(fourth.id)
            #expect(declined.declinedOffer && declined.passedOn?.entry.id == fifth.id, "\(name)")
            #expect(try await book.acceptOffer(fifth.id).start == start, "\(name)")
        }
    }

    @Test func joiningForAWindowThatCannotBeBookedIsRefused() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let book = Self.book(InMemoryBookingStore(), clock: clock)
        let past = try Fixture.date("2026-03-23T07:30:00Z")
        await #expect(throws: AppointmentError.self) {
            try await book.joinWaitlist(station: Self.station, motif: .plainte, earliest: past.addingTimeInterval(-3_600), latest: past)
        }
        let closed = try Fixture.day("2026-03-25")
        _ = try await book.closeDay(station: Self.station, day: closed)
        await #expect(throws: AppointmentError.dayClosed(station: Self.station, day: closed)) {
            try await book.joinWaitlist(station: Self.station, motif: .plainte, day: closed)
        }
        let farAhead = try Fixture.date("2026-06-01T08:00:00Z")
        await #expect(throws: AppointmentError.self) {
            try await book.joinWaitlist(station: Self.station, motif: .plainte, earliest: farAhead, latest: farAhead.addingTimeInterval(3_600))
        }
    }

    @Test func aSeatOnAClosedDayIsKeptForNobody() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let book = Self.book(InMemoryBookingStore(), clock: clock)
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let taken = try await book.book(station: Self.station, motif: .plainte, start: start)
        let window = (start.addingTimeInterval(-3_600), start.addingTimeInterval(86_400))
        let first = try await book.joinWaitlist(station: Self.station, motif: .plainte, earliest: window.0, latest: window.1)
        clock.advance(by: 1)
        let second = try await book.joinWaitlist(station: Self.station, motif: .plainte, earliest: window.0, latest: window.1)
        #expect(try await book.cancel(code: taken.code).offer?.entry.id == first.id)
        // The station closes that day while the seat is kept; when the time runs out, nobody is offered it.
        _ = try await book.closeDay(station: Self.station, day: try Fixture.day("2026-03-24"))
        clock.advance(by: 16 * 60)
        #expect(try await book.expireOffers().isEmpty)
        #expect(try await book.waitlistStatus(second.id) == .waiting(second, position: 1))
    }

    @Test func aStaffPublicationWinsOverTheBaseSchedule() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        for (name, store) in [("memory", InMemoryBookingStore() as any BookingStore & ScheduleStore),
                              ("sqlite", try SQLiteBookingStore(path: path))] {
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let provider = StoredScheduleProvider(store: store, base: PublishedScheduleProvider(schedules: PublishedSchedules()))
            let book = AppointmentBook(store: store, schedules: provider, clock: clock)
            let day = try Fixture.day("2026-03-24")
            await #expect(throws: AppointmentError.hoursNotPublished(station: Fixture.bordeaux), "\(name)") {
                try await book.availableSlots(station: Fixture.bordeaux, motif: .plainte, from: day, days: 1)
            }
            _ = try await store.publishSchedule(.standard(territory: .metropole), station: Fixture.bordeaux, by: "agent", at: clock.now())
            let slots = try await book.availableSlots(station: Fixture.bordeaux, motif: .plainte, from: day, days: 1)
            #expect(!slots.isEmpty && slots.allSatisfy { $0.slot.capacity == 2 }, "\(name)")
            var fewer = AppointmentSchedule.standard(territory: .metropole)
            fewer.ranges = [.plainte: [try AppointmentSchedule.WeeklyRange([.tuesday], try TimeRange(start: LocalTime(hour: 10), end: LocalTime(hour: 11)), counters: 4)]]
            _ = try await store.publishSchedule(fewer, station: Fixture.bordeaux, by: "agent", at: clock.now())
            let replaced = try await book.availableSlots(station: Fixture.bordeaux, motif: .plainte, from: day, days: 1)
            #expect(replaced.count == 2 && replaced.allSatisfy { $0.slot.capacity == 4 }, "\(name): \(replaced.map(\.slot.start))")
            await #expect(throws: AppointmentError.self, "\(name)") {
                try await book.availableSlots(station: Fixture.bordeaux, motif: .mainCourante, from: day, days: 1)
            }
        }
    }

    @Test func theDayListHasEveryBookingOfTheLocalDay() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let book = Self.book(InMemoryBookingStore(), clock: clock)
        let morning = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"))
        let afternoon = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-24T13:00:00Z"))
        _ = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-25T08:00:00Z"))
        _ = try await book.cancel(code: afternoon.code)
        let list = try await book.appointments(station: Self.station, day: try Fixture.day("2026-03-24"))
        #expect(list.map(\.code) == [morning.code, afternoon.code])
        #expect(list.map(\.status) == [.booked, .cancelledByCitizen])
    }
}
