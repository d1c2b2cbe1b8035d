import Appointments
import Foundation
import Testing

@Suite struct AppointmentBookTests {
    let station = Fixture.bordeaux

    func expectRefusal(_ code: String, _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
        do {
            try await body()
            Issue.record("expected the refusal \(code)", sourceLocation: sourceLocation)
        } catch let error as AppointmentError {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func availableSlotsRespectNoticeAndCapacity() async throws {
        let (book, _) = try Fixture.book()
        // Now is 08:00 in Paris: with 2 h notice the first bookable slot is 10:00.
        let today = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-23"), days: 1)
        #expect(today.count == 10)
        #expect(today.first?.slot.start == (try Fixture.date("2026-03-23T09:00:00Z")))
        #expect(today.allSatisfy { $0.remaining == 2 })
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        _ = try await book.book(station: station, motif: .plainte, start: start)
        let tomorrow = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        #expect(tomorrow.first { $0.slot.start == start }?.remaining == 1)
        _ = try await book.book(station: station, motif: .plainte, start: start)
        let after = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        #expect(!after.contains { $0.slot.start == start })
        #expect(after.count == 11)
    }

    @Test func horizonLimitsHowFarAheadSlotsAreShown() async throws {
        let (book, _) = try Fixture.book()
        let slots = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-23"), days: 60)
        let last = try #require(slots.last)
        #expect(last.slot.start <= (try Fixture.date("2026-04-22T07:00:00Z")))
        #expect(last.slot.start > (try Fixture.date("2026-04-21T00:00:00Z")))
    }

    @Test func bookingRefusalsAreTyped() async throws {
        let (book, _) = try Fixture.book()
        await expectRefusal("too-late") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-23T08:30:00Z")) }
        await expectRefusal("too-late") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-20T08:00:00Z")) }
        await expectRefusal("outside-opening") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-24T11:15:00Z")) }
        await expectRefusal("outside-opening") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-28T09:00:00Z")) }
        await expectRefusal("too-far-ahead") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-05-05T07:00:00Z")) }
        await expectRefusal("motif-not-offered") { _ = try await book.book(station: station, motif: .autre, start: try Fixture.date("2026-03-24T08:00:00Z")) }
        await expectRefusal("invalid-station") { _ = try await book.book(station: "nowhere", motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z")) }
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        _ = try await book.book(station: station, motif: .plainte, start: start)
        _ = try await book.book(station: station, motif: .plainte, start: start)
        await expectRefusal("slot-full") { _ = try await book.book(station: station, motif: .plainte, start: start) }
    }

    @Test func retriedRequestReturnsTheOriginalBooking() async throws {
        let (book, _) = try Fixture.book()
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let first = try await book.book(station: station, motif: .plainte, start: start, idempotencyKey: "k-1")
        let retry = try await book.book(station: station, motif: .plainte, start: start, idempotencyKey: "k-1")
        #expect(retry == first)
        let slots = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1)
        #expect(slots.first { $0.slot.start == start }?.remaining == 1)
        await expectRefusal("idempotency-conflict") {
            _ = try await book.book(station: station, motif: .plainte, start: start.addingTimeInterval(1_800), idempotencyKey: "k-1")
        }
    }

    @Test func contactIsOptionalExceptWhereTheMotifNeedsIt() async throws {
        var schedule = AppointmentSchedule.standard(territory: .metropole)
        schedule.ranges[.restitutionObjet] = schedule.ranges[.plainte]
        let (book, _) = try Fixture.book(schedules: DefaultScheduleProvider(overrides: [station: schedule]))
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let anonymous = try await book.book(station: station, motif: .plainte, start: start)
        #expect(anonymous.contact == nil)
        await expectRefusal("contact-required") { _ = try await book.book(station: station, motif: .restitutionObjet, start: start) }
        let named = try await book.book(station: station, motif: .restitutionObjet, start: start, contact: Contact(pseudonym: "M. Durand"))
        #expect(named.contact?.pseudonym == "M. Durand")
    }

    @Test func citizenCannotCancelInTheLastHour() async throws {
        let (book, clock) = try Fixture.book()
        let booking = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-23T13:00:00Z"))
        clock.set(try Fixture.date("2026-03-23T12:10:00Z"))
        await expectRefusal("change-not-allowed") { _ = try await book.cancel(code: booking.code) }
        clock.set(try Fixture.date("2026-03-23T11:59:00Z"))
        let outcome = try await book.cancel(code: booking.code)
        #expect(outcome.booking.status == .cancelledByCitizen)
        await expectRefusal("not-active") { _ = try await book.cancel(code: booking.code) }
        await expectRefusal("not-found") { _ = try await book.cancel(code: .random()) }
    }

    @Test func aFreedSlotIsOfferedToTheNextPersonWaiting() async throws {
        let (book, _) = try Fixture.book()
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let first = try await book.book(station: station, motif: .plainte, start: start)
        _ = try await book.book(station: station, motif: .plainte, start: start)
        let waiting = try await book.joinWaitlist(station: station, motif: .plainte, earliest: start.addingTimeInterval(-3_600),
                                                  latest: start.addingTimeInterval(3_600), contact: Contact(email: "x@example.org"))
        let outcome = try await book.cancel(code: first.code)
        #expect(outcome.offer?.entry == waiting)
        #expect(outcome.offer?.start == start)
        #expect(try await book.store.waitlist(station: station, motif: .plainte).isEmpty)
    }

    @Test func rescheduleMovesAndFreesTheOldSlot() async throws {
        let (book, _) = try Fixture.book()
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let later = try Fixture.date("2026-03-25T13:00:00Z")
        let booking = try await book.book(station: station, motif: .plainte, start: start)
        let moved = try await book.reschedule(code: booking.code, to: later)
        #expect(moved.booking.start == later && moved.booking.code == booking.code)
        let slots = try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 2)
        #expect(slots.first { $0.slot.start == start }?.remaining == 2)
        #expect(slots.first { $0.slot.start == later }?.remaining == 1)
        await expectRefusal("outside-opening") { _ = try await book.reschedule(code: booking.code, to: later.addingTimeInterval(60)) }
        #expect(try await book.booking(code: booking.code).start == later)
    }

    @Test func closingADayCancelsAndListsItsBookings() async throws {
        let (book, _) = try Fixture.book()
        let a = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"))
        let b = try await book.book(station: station, motif: .mainCourante, start: try Fixture.date("2026-03-24T14:30:00Z"))
        let other = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-25T08:00:00Z"))
        let cancelled = try await book.closeDay(station: station, day: try Fixture.day("2026-03-24"))
        #expect(Set(cancelled.map(\.code)) == [a.code, b.code])
        #expect(try await book.booking(code: other.code).status == .booked)
        #expect(try await book.availableSlots(station: station, motif: .plainte, from: try Fixture.day("2026-03-24"), days: 1).isEmpty)
        await expectRefusal("day-closed") { _ = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-24T09:00:00Z")) }
    }

    @Test func remindersAreTheDayBeforeAndTwoHoursBefore() async throws {
        let (book, clock) = try Fixture.book()
        // Monday 30 March 09:00 Paris (after the change to summer time).
        let booking = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-30T07:00:00Z"),
                                          contact: Contact(email: "a@example.org"))
        let reminders = try await book.reminders(for: booking)
        // The day before, Sunday 29 March 09:00 Paris, is already in summer time too.
        #expect(reminders.map(\.kind) == [.dayBefore, .twoHoursBefore])
        #expect(reminders.map(\.at) == (try ["2026-03-29T07:00:00Z", "2026-03-30T05:00:00Z"].map(Fixture.date)))
        clock.set(try Fixture.date("2026-03-29T12:00:00Z"))
        #expect(try await book.reminders(for: booking).map(\.kind) == [.twoHoursBefore])
    }

    @Test func reminderForAMondayAfterTheChangeUsesLocalTime() throws {
        // Booking on Sunday 29 March at 10:00 Paris (UTC+2): the day before is Saturday 10:00 (UTC+1).
        let start = try Fixture.date("2026-03-29T08:00:00Z")
        let booking = Booking(id: UUID(), code: .random(), station: station, motif: .plainte, start: start, end: start.addingTimeInterval(1_800),
                              seat: 0, status: .booked, contact: nil, idempotencyKey: nil, createdAt: start, updatedAt: start)
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        let plan = ReminderPlan.reminders(for: booking, timeZone: paris, now: try Fixture.date("2026-03-01T00:00:00Z"))
        #expect(plan.first?.at == (try Fixture.date("2026-03-28T09:00:00Z")))
    }

    @Test func personalDataIsPurgedAfterTheConfiguredDelay() async throws {
        let (book, clock) = try Fixture.book()
        let booking = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"),
                                          contact: Contact(pseudonym: "Alex", phone: "0611223344"), idempotencyKey: "abc")
        clock.set(try Fixture.date("2026-04-20T08:00:00Z"))
        #expect(try await book.purgePersonalData() == 0)
        clock.set(try Fixture.date("2026-04-24T09:00:00Z"))
        #expect(try await book.purgePersonalData() == 1)
        let purged = try await book.booking(code: booking.code)
        #expect(purged.contact == nil && purged.idempotencyKey == nil && purged.isPurged)
    }

    @Test func attendanceIsRecorded() async throws {
        let (book, _) = try Fixture.book()
        let booking = try await book.book(station: station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"))
        #expect(try await book.recordAttendance(code: booking.code, honoured: false).status == .noShow)
        await expectRefusal("not-active") { _ = try await book.cancel(code: booking.code) }
    }

    @Test func calendarEventCarriesTheDocuments() async throws {
        let (book, _) = try Fixture.book()
        let booking = try await book.book(station: station, motif: .procuration, start: try Fixture.date("2026-03-24T08:15:00Z"))
        let ics = try await book.calendarEvent(for: booking, location: "Commissariat", language: .english)
        #expect(ics.replacingOccurrences(of: "\r\n ", with: "").contains("Maprocuration"))
        #expect(ics.contains("DTSTART:20260324T081500Z"))
    }

    @Test func sqliteBackedBookWorksEndToEnd() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let (book, _) = try Fixture.book(store: try SQLiteBookingStore(path: path))
        let start = try Fixture.date("2026-03-24T08:00:00Z")
        let booking = try await book.book(station: station, motif: .plainte, start: start, contact: Contact(email: "e@example.org"))
        let again = try await book.booking(code: booking.code)
        #expect(again == booking)
        let outcome = try await book.cancel(code: booking.code)
        #expect(outcome.booking.status == .cancelledByCitizen)
    }
}
