import Appointments
import Foundation

extension BookingStoreConformance {
    /// Keeping a freed seat for the waiting list plans its offer notice in the
    /// same step: one ``NotificationKind/offer`` job per channel the entry gave
    /// (none without a contact), naming the hold, due at once, leased like any
    /// job; racing offers plan the notices of one hold only; the purge deletes
    /// offers of long ago.
    /// A closed day reopened takes bookings again; the bookings the closure
    /// cancelled stay cancelled; reopening an open day changes nothing.
    public static let reopenDay: Check = { makeStore in
        let name = "reopen-day"
        let store = try await makeStore()
        let slot = request(slot: 19, capacity: 2)
        let booked = try await store.reserve(slot).booking
        let from = slot.start.addingTimeInterval(-3_600), to = slot.start.addingTimeInterval(3_600)
        let cancelled = try await store.closeDay(station: station, day: slot.day, from: from, to: to, at: now)
        try expect(cancelled.map(\.code) == [booked.code], name, "the closure cancelled \(cancelled.map(\.code))")
        try await expectError(name, "booking a closed day", { _ = try await store.reserve(request(slot: 19, capacity: 2)) },
                              matching: { if case .dayClosed = $0 { return true }; return false })
        try expect(try await store.reopenDay(station: station, day: slot.day), name, "reopening a closed day answered false")
        try expect(try await store.closedDays(station: station).isEmpty, name, "the day is still closed after reopening")
        try expect(try await store.reopenDay(station: station, day: slot.day) == false, name, "reopening an open day answered true")
        let again = try await store.reserve(request(slot: 19, capacity: 2)).booking
        try expect(again.status == .booked && again.code != booked.code, name, "the reopened day does not take bookings")
        try expect(try await store.booking(code: booked.code)?.status == .cancelledByStation, name, "reopening revived a cancelled booking")
        try await expectError(name, "another station's day was reopened", {
            _ = try await store.closeDay(station: "brigade_gendarmerie-33522-01", day: slot.day, from: from, to: to, at: now)
            _ = try await store.reopenDay(station: station, day: slot.day)
            _ = try await store.reserve({ var r = request(slot: 19, capacity: 2); r.station = "brigade_gendarmerie-33522-01"; return r }())
        }, matching: { if case .dayClosed = $0 { return true }; return false })
    }

    public static let waitlistOfferNotice: Check = { makeStore in
        let name = "waitlist-offer-notice"
        let store = try await makeStore()
        let slot = request(slot: 18, capacity: 1)
        let offer = SeatOfferRequest(station: station, motif: .plainte, start: slot.start, end: slot.end, day: slot.day,
                                     capacity: 1, holdSeconds: 600, at: now)
        let booked = try await store.reserve(slot).booking
        let reachable = entry(slot.start, after: 0, contact: Contact(pseudonym: "Camille", email: "camille@example.org", phone: "+33600000000"))
        let silent = entry(slot.start, after: 60)
        try await store.enqueue(reachable)
        try await store.enqueue(silent)
        _ = try await store.setStatus(code: booked.code, to: .cancelledByCitizen, at: now)
        // Ten offers at once for the freed seat: one hold, and only its notices.
        let holds = try await withThrowingTaskGroup(of: SeatHold?.self) { group in
            for _ in 0..<10 { group.addTask { try await store.offerFreedSeat(offer) } }
            var all: [SeatHold] = []
            for try await hold in group { if let hold { all.append(hold) } }
            return all
        }
        try expect(holds.count == 1 && holds.first?.entry.id == reachable.id, name, "\(holds.count) holds for one freed seat")
        let hold = try require(holds.first, name)
        let jobs = try await store.notifications(hold: hold.id)
        try expect(jobs.count == 2 && Set(jobs.map(\.channel)) == [.email, .sms], name,
                   "the offer planned \(jobs.map { "\($0.kind.rawValue)/\($0.channel.rawValue)" }) (expected offer by e-mail and SMS)")
        try expect(jobs.allSatisfy { $0.kind == .offer && $0.hold == hold.id && $0.code == nil && $0.dueAt == now && $0.sentAt == nil },
                   name, "an offer job does not name the hold, or is not due at once: \(jobs)")
        try expect(jobs.allSatisfy { !$0.id.contains("@") && !$0.id.contains("+33") }, name, "an offer job's id holds an address")
        // Leased like any job, read back with the hold it names; never leased twice.
        let leased = try await store.leaseDueNotifications(now: now, leaseSeconds: 300, limit: 100)
        try expect(Set(leased.map(\.id)) == Set(jobs.map(\.id)) && leased.allSatisfy { $0.hold == hold.id && $0.attempts == 1 }, name,
                   "leasing returned \(leased) (expected the two offer jobs, naming the hold)")
        try expect(try await store.leaseDueNotifications(now: now, leaseSeconds: 300, limit: 100).isEmpty, name, "an offer job was leased twice")
        try await store.markNotificationSent(id: leased[0].id, at: now)
        // The seat declined goes to the second in line, who gave no contact: no notice.
        _ = try await store.releaseHold(id: hold.id)
        let next = try require(try await store.offerFreedSeat(offer), name)
        try expect(next.entry.id == silent.id, name, "the declined seat went to \(next.entry.id)")
        try expect(try await store.notifications(hold: next.id).isEmpty, name, "an offer to an entry without contact planned a notice")
        try expect(try await store.notifications(hold: hold.id).count == 2, name, "declining the offer lost its jobs")
        // Long after, the purge deletes the offers' jobs with the rest of the personal data's traces.
        _ = try await store.purgePersonalData(endedBefore: now.addingTimeInterval(90 * 86_400), at: now.addingTimeInterval(90 * 86_400))
        try expect(try await store.notifications(hold: hold.id).isEmpty, name, "the purge kept an offer of long ago")
    }
}
