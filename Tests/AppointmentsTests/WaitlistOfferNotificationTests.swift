@testable import Appointments
import Foundation
import Testing

/// The offer of a kept seat is a notification: sent once while the seat is
/// kept, to the address the waiting-list entry gave, dropped when the offer
/// was accepted or ran out before it could be sent.
@Suite struct WaitlistOfferNotificationTests {
    static let station = NotificationDispatchTests.station

    func stores() throws -> [(String, any BookingStore, () -> Void)] {
        let path = Fixture.temporaryDatabase()
        return [("memory", InMemoryBookingStore(), {}), ("sqlite", try SQLiteBookingStore(path: path), { Fixture.remove(path) })]
    }

    func book(store: any BookingStore, clock: ManualWallClock) -> AppointmentBook {
        AppointmentBook(store: store,
                        schedules: PublishedScheduleProvider(schedules: PublishedSchedules([Self.station: .standard(territory: .metropole)])),
                        clock: clock, offerHoldMinutes: 20)
    }

    @Test func theOfferIsSentOnceWithTheSlotAndTheExpiry() async throws {
        for (name, store, cleanup) in try stores() {
            defer { cleanup() }
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = book(store: store, clock: clock)
            let start = try Fixture.date("2026-03-25T08:00:00Z")
            let leaving = try await book.book(station: Self.station, motif: .plainte, start: start)
            let waiting = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: try Fixture.day("2026-03-25"),
                                                      contact: Contact(phone: "+33611223344"))
            let outcome = try await book.cancel(code: leaving.code)
            let holdID = try #require(outcome.offer?.holdID, "\(name)")
            let notifier = RecordingNotifier()
            let report = try await book.dispatchNotifications(via: notifier)
            #expect(report.sent.count == 1 && report.dropped.isEmpty, "\(name): \(report)")
            #expect(try await book.dispatchNotifications(via: notifier).sent.isEmpty, "\(name): the offer was sent twice")
            let accepted = await notifier.accepted
            let message = try #require(accepted.first, "\(name)")
            #expect(accepted.count == 1 && message.kind == .offer && message.channel == .sms && message.address == "+33611223344"
                    && message.code == nil, "\(name): \(message)")
            #expect(message.offer?.id == holdID && message.offer?.entry.id == waiting.id && message.offer?.start == start
                    && message.offer?.expiresAt == clock.now().addingTimeInterval(20 * 60), "\(name)")
            // The slot and the expiry in the station's time, and the reference that accepts it.
            #expect(message.body.contains("2026-03-25T09:00:00+01:00") && message.body.contains("2026-03-23T08:20:00+01:00")
                    && message.body.contains(waiting.id.uuidString.lowercased()), "\(name): \(message.body)")
            #expect(message.id == report.sent[0] && message.id.hasPrefix(holdID.uuidString.lowercased() + "/offer/sms/"), "\(name)")
        }
    }

    @Test func anOfferAcceptedOrRunOutBeforeSendingIsDropped() async throws {
        for (name, store, cleanup) in try stores() {
            defer { cleanup() }
            let clock = ManualWallClock(try Fixture.date("2026-03-23T07:00:00Z"))
            let book = book(store: store, clock: clock)
            let day = try Fixture.day("2026-03-26")
            let first = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-26T08:00:00Z"))
            let second = try await book.book(station: Self.station, motif: .plainte, start: try Fixture.date("2026-03-26T09:00:00Z"))
            let quick = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(email: "quick@example.org"))
            let slow = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day, contact: Contact(email: "slow@example.org"))
            // The first person accepts (e.g. seen by polling) before the sender runs: nothing is sent late.
            _ = try await book.cancel(code: first.code)
            _ = try await book.acceptOffer(quick.id)
            let notifier = RecordingNotifier()
            let afterAccept = try await book.dispatchNotifications(via: notifier)
            #expect(afterAccept.sent.filter { $0.contains("/offer/") }.isEmpty && afterAccept.dropped.count == 1, "\(name): \(afterAccept)")
            // The second offer runs out while the sender is down: dropped, not sent after its time.
            let outcome = try await book.cancel(code: second.code)
            #expect(outcome.offer?.entry.id == slow.id, "\(name)")
            clock.advance(by: 21 * 60)
            let afterExpiry = try await book.dispatchNotifications(via: notifier)
            #expect(afterExpiry.dropped.count == 1 && afterExpiry.dropped[0].contains("/offer/"), "\(name): \(afterExpiry)")
            #expect(await notifier.accepted.allSatisfy { $0.kind != .offer }, "\(name): an offer was sent after it was accepted or ran out")
        }
    }
}
