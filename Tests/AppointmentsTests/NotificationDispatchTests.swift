@testable import Appointments
import Foundation
import Testing

/// A gateway that records what it accepted and can be told to fail.
actor RecordingNotifier: Notifier {
    private(set) var accepted: [NotificationMessage] = []
    var failuresLeft = 0

    func failNext(_ count: Int) { failuresLeft = count }

    func send(_ message: NotificationMessage) async throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw URLError(.timedOut)
        }
        accepted.append(message)
    }
}

@Suite struct NotificationDispatchTests {
    static let station = "commissariat_police-33522-01"

    func book(store: any BookingStore, clock: ManualWallClock) -> AppointmentBook {
        AppointmentBook(store: store,
                        schedules: PublishedScheduleProvider(schedules: PublishedSchedules([Self.station: .standard(territory: .metropole)])),
                        clock: clock)
    }

    func stores() throws -> [(String, any BookingStore, () -> Void)] {
        let path = Fixture.temporaryDatabase()
        return [("memory", InMemoryBookingStore(), {}), ("sqlite", try SQLiteBookingStore(path: path), { Fixture.remove(path) })]
    }

    @Test func remindersAreSentOnceOnTheChannelsGivenAcrossACrash() async throws {
        for (name, store, cleanup) in try stores() {
            defer { cleanup() }
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = book(store: store, clock: clock)
            // Tuesday 24 March 09:00 Paris; only an e-mail is given.
            let booking = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"),
                                              contact: Contact(email: "citoyen@example.org"))
            let notifier = RecordingNotifier()
            #expect(try await book.dispatchNotifications(via: notifier).sent.isEmpty, "\(name): nothing due yet")
            // The day before at 09:00: a sender leases the reminder and crashes before marking it sent.
            clock.set(try Fixture.date("2026-03-23T08:00:30Z"))
            let crashed = try await store.leaseDueNotifications(now: clock.now(), leaseSeconds: 300, limit: 10)
            #expect(crashed.count == 1, "\(name)")
            #expect(try await book.dispatchNotifications(via: notifier).sent.isEmpty, "\(name): a leased job was sent by another sender")
            // After the lease, the same job is sent, once, with the same id.
            clock.set(try Fixture.date("2026-03-23T08:06:00Z"))
            let report = try await book.dispatchNotifications(via: notifier)
            #expect(report.sent == crashed.map(\.id), "\(name)")
            #expect(try await book.dispatchNotifications(via: notifier).sent.isEmpty, "\(name): sent twice")
            let accepted = await notifier.accepted
            #expect(accepted.count == 1 && accepted[0].channel == .email && accepted[0].address == "citoyen@example.org", "\(name)")
            #expect(accepted[0].id == crashed[0].id && accepted[0].body.contains("2026-03-24T09:00:00+01:00")
                    && accepted[0].body.contains(booking.code.formatted), "\(name)")
            // Two hours before: a gateway failure is retried later, not lost.
            clock.set(try Fixture.date("2026-03-24T06:00:10Z"))
            await notifier.failNext(1)
            let failed = try await book.dispatchNotifications(via: notifier)
            #expect(failed.failed.count == 1 && failed.sent.isEmpty, "\(name)")
            clock.set(try Fixture.date("2026-03-24T06:02:00Z"))
            #expect(try await book.dispatchNotifications(via: notifier).sent == failed.failed, "\(name): the retry")
            #expect(await notifier.accepted.count == 2, "\(name)")
            #expect(await notifier.accepted.allSatisfy { $0.channel == .email }, "\(name): no SMS without a phone number")
        }
    }

    @Test func closingADayNotifiesEachCancelledBookingAndDropsItsReminders() async throws {
        for (name, store, cleanup) in try stores() {
            defer { cleanup() }
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = book(store: store, clock: clock)
            let start = try Fixture.date("2026-03-25T08:00:00Z")
            let reachable = try await book.book(station: Self.station, motif: .plainte, start: start,
                                                contact: Contact(email: "a@example.org", phone: "+33600000000"))
            let anonymous = try await book.book(station: Self.station, motif: .plainte, start: start)
            let cancelled = try await book.closeDay(station: Self.station, day: try Fixture.day("2026-03-25"))
            #expect(Set(cancelled.map(\.code)) == [reachable.code, anonymous.code], "\(name)")
            let notifier = RecordingNotifier()
            let report = try await book.dispatchNotifications(via: notifier)
            #expect(report.sent.count == 2 && report.dropped.isEmpty, "\(name)")
            let accepted = await notifier.accepted
            #expect(Set(accepted.map(\.channel)) == [.email, .sms] && accepted.allSatisfy { $0.kind == .cancelledByStation }, "\(name)")
            #expect(accepted.allSatisfy { $0.code == reachable.code && $0.body.contains("annulé") }, "\(name)")
            // The reminders of the cancelled booking are gone: nothing more is ever sent.
            clock.set(try Fixture.date("2026-03-25T07:00:00Z"))
            #expect(try await book.dispatchNotifications(via: notifier) == DispatchReport(), "\(name)")
        }
    }

    @Test func aCancellationNoticeOffersTheNextFreeSlotsAndTheWaitingList() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let book = book(store: InMemoryBookingStore(), clock: clock)
        let booking = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-25T08:00:00Z"),
                                          contact: Contact(email: "a@example.org"))
        _ = try await book.closeDay(station: Self.station, day: try Fixture.day("2026-03-25"))
        let notifier = RecordingNotifier()
        _ = try await book.dispatchNotifications(via: notifier)
        let notice = try #require(await notifier.accepted.first)
        #expect(notice.code == booking.code && notice.kind == .cancelledByStation)
        // Read when sent: the first three free slots from now (minimum notice two hours), in the station's time.
        #expect(notice.body.contains("Prochains créneaux libres : 2026-03-23T10:00:00+01:00, 2026-03-23T10:30:00+01:00, 2026-03-23T11:00:00+01:00."))
        #expect(notice.body.contains("Next free slots: 2026-03-23T10:00:00+01:00") && notice.body.contains("waiting list"))
    }

    @Test func aSenderThatWasDownDropsRemindersOfAppointmentsAlreadyStarted() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let store = InMemoryBookingStore()
        let book = book(store: store, clock: clock)
        let booking = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"),
                                          contact: Contact(email: "late@example.org"))
        // Nothing was sent for two days: both reminders are stale once the appointment has started.
        clock.set(try Fixture.date("2026-03-24T08:00:00Z"))
        let notifier = RecordingNotifier()
        let report = try await book.dispatchNotifications(via: notifier)
        #expect(report.dropped.count == 2 && report.sent.isEmpty)
        #expect(await notifier.accepted.isEmpty)
        #expect(await store.notifications(code: booking.code).allSatisfy { $0.sentAt != nil })
    }

    @Test func contactsAndTheirJobsArePurgedAfterTheAppointment() async throws {
        for (name, store, cleanup) in try stores() {
            defer { cleanup() }
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = book(store: store, clock: clock)
            let booking = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-24T08:00:00Z"),
                                              contact: Contact(phone: "+33611111111"))
            #expect(try await store.notifications(code: booking.code).count == 2, "\(name)")
            clock.set(try Fixture.date("2026-04-24T12:00:00Z"))
            #expect(try await book.purgePersonalData() == 1, "\(name)")
            #expect(try await store.notifications(code: booking.code).isEmpty, "\(name)")
            #expect(try await book.booking(code: booking.code).contact == nil, "\(name)")
        }
    }

    @Test func aVisioReminderCarriesTheLink() async throws {
        let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
        let station = "commissariat_police-78172-01"
        var schedule = AppointmentSchedule.standard(territory: .metropole)
        schedule.ranges[.visioPlainte] = schedule.ranges[.plainte]
        let book = AppointmentBook(store: InMemoryBookingStore(), schedules: PublishedScheduleProvider(schedules: PublishedSchedules([station: schedule])),
                                   clock: clock, meetings: DerivedMeetingProvider(secret: Array("secret-for-tests-123".utf8)))
        let booking = try await book.book(station: station, motif: .visioPlainte, start: try Fixture.date("2026-03-24T08:00:00Z"),
                                          contact: Contact(email: "v@example.org"))
        clock.set(try Fixture.date("2026-03-24T06:30:00Z"))
        let notifier = RecordingNotifier()
        _ = try await book.dispatchNotifications(via: notifier)
        let link = try #require(try await book.meetingURL(for: booking))
        #expect(await notifier.accepted.first?.body.contains(link.absoluteString) == true)
    }
}
