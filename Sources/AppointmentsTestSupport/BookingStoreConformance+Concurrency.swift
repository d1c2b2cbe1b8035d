import Appointments
import Foundation

extension BookingStoreConformance {
    /// An entry is found by its reference while it waits, leaves once, and
    /// once offered its kept seat is found by the entry's id.
    public static let waitlistReference: Check = { makeStore in
        let name = "waitlist-reference"
        let store = try await makeStore()
        let slot = request(slot: 18, capacity: 1)
        let taken = try await store.reserve(slot).booking
        let first = entry(slot.start, after: 0, contact: Contact(pseudonym: "Lou", email: "lou@example.org"))
        let second = entry(slot.start, after: 30)
        try await store.enqueue(first)
        try await store.enqueue(second)
        try expect(try await store.waitlistEntry(id: first.id) == first, name, "the entry read by its id differs from the one enqueued")
        try expect(try await store.waitlistEntry(id: UUID()) == nil, name, "an unknown reference found an entry")
        try expect(try await store.hold(entry: first.id) == nil, name, "a seat is held for an entry nobody offered one")
        // Leaving: once, atomically, even when asked ten times at once.
        let leaves = try await withThrowingTaskGroup(of: WaitlistEntry?.self) { group in
            for _ in 0..<10 { group.addTask { try await store.leaveWaitlist(id: second.id) } }
            var all: [WaitlistEntry] = []
            for try await left in group { if let left { all.append(left) } }
            return all
        }
        try expect(leaves == [second], name, "ten concurrent leaves returned \(leaves.count) entries (expected the entry once)")
        try expect(try await store.waitlistEntry(id: second.id) == nil, name, "an entry that left is still found")
        try expect(try await store.waitlist(station: station, motif: .plainte).map(\.id) == [first.id], name, "the list after a leave is wrong")
        // Offered: no longer waiting, its seat found by the entry's id; it cannot leave as if waiting.
        _ = try await store.setStatus(code: taken.code, to: .cancelledByCitizen, at: now)
        let offer = SeatOfferRequest(station: station, motif: .plainte, start: slot.start, end: slot.end, day: slot.day,
                                     capacity: 1, holdSeconds: 600, at: now)
        let hold = try require(try await store.offerFreedSeat(offer), name)
        try expect(hold.entry.id == first.id, name, "the seat went to \(hold.entry.id), not the first in line")
        try expect(try await store.waitlistEntry(id: first.id) == nil, name, "an offered entry is still found as waiting")
        try expect(try await store.hold(entry: first.id) == hold, name, "the held seat is not found by the entry's id")
        try expect(try await store.leaveWaitlist(id: first.id) == nil, name, "an offered entry left the list as if it were waiting")
        _ = try await store.claimHold(id: hold.id, ClaimRequest(at: now.addingTimeInterval(5)))
        try expect(try await store.hold(entry: first.id) == nil, name, "a claimed seat is still held for the entry")
    }

    static func moveBooking(_ store: any BookingStore, _ code: ConfirmationCode, to slot: Int, capacity: Int) async throws -> Booking {
        let target = request(slot: slot, capacity: capacity)
        return try await store.move(code: code, to: MoveRequest(start: target.start, end: target.end, day: target.day, capacity: capacity, at: now))
    }

    /// Whether the move succeeded (`false` when the target slot is full).
    static func tryMove(_ store: any BookingStore, _ code: ConfirmationCode, to slot: Int) async throws -> Bool {
        do {
            _ = try await moveBooking(store, code, to: slot, capacity: 1)
            return true
        } catch let error as BookingStoreError where isSlotFull(error) {
            return false
        }
    }

    /// Moves race with each other and with new bookings: a seat is never given
    /// twice, a refused move leaves its booking where it was, and no booking is lost.
    public static let moveRace: Check = { makeStore in
        let name = "move-race"
        let store = try await makeStore()
        // Ten bookings, each alone on its slot (100 … 109), all moving to slot 120 (two counters) while
        // ten new bookings try slot 120 and ten more try the slots the moves may free.
        var movers: [Booking] = []
        for index in 0..<10 { movers.append(try await store.reserve(request(slot: 100 + index, capacity: 1)).booking) }
        enum Outcome: Sendable { case moved(ConfirmationCode), booked(Booking), refused }
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for mover in movers {
                group.addTask {
                    do { _ = try await moveBooking(store, mover.code, to: 120, capacity: 2); return .moved(mover.code) } catch let error as BookingStoreError where isSlotFull(error) { return .refused }
                }
            }
            for index in 0..<10 {
                group.addTask {
                    do { return .booked(try await store.reserve(request(slot: 120, capacity: 2)).booking) } catch let error as BookingStoreError where isSlotFull(error) { return .refused }
                }
                group.addTask {
                    do { return .booked(try await store.reserve(request(slot: 100 + index, capacity: 1)).booking) } catch let error as BookingStoreError where isSlotFull(error) { return .refused }
                }
            }
            var all: [Outcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        var moved = Set<ConfirmationCode>()
        var booked: [Booking] = []
        for outcome in outcomes {
            switch outcome {
            case .moved(let code): moved.insert(code)
            case .booked(let booking): booked.append(booking)
            case .refused: break
            }
        }
        let target = request(slot: 120, capacity: 2).start
        let onTarget = try await store.bookings(station: station, from: target, to: target.addingTimeInterval(1)).filter { $0.status.holdsSeat }
        try expect(onTarget.count == 2 && Set(onTarget.compactMap(\.seat)) == [0, 1], name,
                   "the two-counter slot holds \(onTarget.count) bookings on seats \(onTarget.map(\.seat))")
        for mover in movers {
            let current = try require(try await store.booking(code: mover.code), name)
            try expect(current.status == .booked, name, "a moving booking became \(current.status)")
            if moved.contains(mover.code) {
                try expect(current.start == target, name, "a move that succeeded left the booking at \(current.start)")
            } else {
                try expect(current.start == mover.start && current.seat == 0, name,
                           "a refused move changed the booking (now \(current.start), seat \(String(describing: current.seat)))")
            }
        }
        for index in 0..<10 {
            let start = request(slot: 100 + index, capacity: 1).start
            let active = try await store.bookings(station: station, from: start, to: start.addingTimeInterval(1)).filter { $0.status.holdsSeat }
            try expect(active.count == 1 || (active.isEmpty && moved.contains(movers[index].code)), name,
                       "slot \(100 + index) holds \(active.count) active bookings")
            if !moved.contains(movers[index].code) {
                try expect(active.map(\.code) == [movers[index].code], name, "a slot whose booking did not move was given to someone else")
            }
        }
        // No booking lost: every success is stored, and nothing else.
        let first = request(slot: 100, capacity: 1).start
        let all = try await store.bookings(station: station, from: first, to: target.addingTimeInterval(1))
        try expect(all.count == movers.count + booked.count, name, "the store holds \(all.count) bookings, expected \(movers.count + booked.count)")
        for booking in booked {
            try expect(try await store.booking(code: booking.code)?.status == .booked, name, "a booking made during the race is missing")
        }
        // Two full slots swapping at once: neither can move first, so both are refused and both stay.
        let x = try await store.reserve(request(slot: 130, capacity: 1)).booking
        let y = try await store.reserve(request(slot: 131, capacity: 1)).booking
        async let xToY = tryMove(store, x.code, to: 131)
        async let yToX = tryMove(store, y.code, to: 130)
        let swapped = try await [xToY, yToX]
        try expect(swapped == [false, false], name, "a swap between two full slots moved \(swapped)")
        let xNow = try await store.booking(code: x.code), yNow = try await store.booking(code: y.code)
        try expect(xNow?.start == x.start && yNow?.start == y.start, name, "a refused swap moved a booking")
        // A chain: p moves to a free slot while q moves onto p's: q succeeds only if p left first.
        let p = try await store.reserve(request(slot: 132, capacity: 1)).booking
        let q = try await store.reserve(request(slot: 134, capacity: 1)).booking
        async let pMoves = tryMove(store, p.code, to: 133)
        async let qMoves = tryMove(store, q.code, to: 132)
        let chain = try await [pMoves, qMoves]
        try expect(chain[0], name, "a move to a free slot was refused")
        let qNow = try require(try await store.booking(code: q.code), name)
        try expect(qNow.start == (chain[1] ? p.start : q.start), name, "the second move of a chain left its booking at \(qNow.start)")
    }

    /// A day is closed while bookings, moves in and out and cancellations race
    /// with it (and with a second closure of the same day): afterwards nothing
    /// is booked that day, each booking was cancelled once (one notice per
    /// channel), every booking made or moved there is accounted for, and none is lost.
    public static let closeRace: Check = { makeStore in
        let name = "close-race"
        let store = try await makeStore()
        let zone = TimeZone(identifier: "Europe/Paris") ?? .gmt
        let day = request(slot: 0, capacity: 1).day
        let nextDay = request(slot: 48, capacity: 1).day
        try expect(request(slot: 29, capacity: 1).day == day && nextDay == day.adding(days: 1), name, "the fixture's slots are not on the days expected")
        let from = day.instant(at: .midnight, in: zone)
        let to = day.adding(days: 1).instant(at: .midnight, in: zone)
        // Ten bookings that day (with an e-mail: each must get one notice), five the next day.
        var today: [Booking] = []
        for index in 0..<10 {
            today.append(try await store.reserve(request(slot: index, capacity: 1, contact: Contact(email: "d\(index)@example.org"))).booking)
        }
        var tomorrow: [Booking] = []
        for index in 0..<5 { tomorrow.append(try await store.reserve(request(slot: 48 + index, capacity: 1)).booking) }
        enum Outcome: Sendable {
            case closed([Booking])
            case booked(Booking)
            case movedIn(ConfirmationCode)
            case movedOut(ConfirmationCode)
            case cancelled(ConfirmationCode)
            case refused
        }
        func refusal(_ error: BookingStoreError) -> Bool {
            switch error {
            case .dayClosed, .notActive, .slotFull: return true
            default: return false
            }
        }
        let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
            for _ in 0..<2 { group.addTask { .closed(try await store.closeDay(station: station, day: day, from: from, to: to, at: now)) } }
            for index in 0..<20 {
                group.addTask {
                    do { return .booked(try await store.reserve(request(slot: 10 + index % 10, capacity: 2)).booking) } catch let error as BookingStoreError where refusal(error) { return .refused }
                }
            }
            for (index, booking) in tomorrow.enumerated() {
                group.addTask {
                    do { _ = try await moveBooking(store, booking.code, to: 20 + index, capacity: 1); return .movedIn(booking.code) } catch let error as BookingStoreError where refusal(error) { return .refused }
                }
            }
            for (index, booking) in today.prefix(3).enumerated() {
                group.addTask {
                    do { _ = try await moveBooking(store, booking.code, to: 53 + index, capacity: 1); return .movedOut(booking.code) } catch let error as BookingStoreError where refusal(error) { return .refused }
                }
            }
            for booking in today[3..<5] {
                group.addTask {
                    do { _ = try await store.setStatus(code: booking.code, to: .cancelledByCitizen, at: now); return .cancelled(booking.code) } catch let error as BookingStoreError where refusal(error) { return .refused }
                }
            }
            var all: [Outcome] = []
            for try await outcome in group { all.append(outcome) }
            return all
        }
        var closedLists: [[Booking]] = []
        var booked: [Booking] = []
        var movedIn = Set<ConfirmationCode>(), movedOut = Set<ConfirmationCode>(), cancelled = Set<ConfirmationCode>()
        for outcome in outcomes {
            switch outcome {
            case .closed(let list): closedLists.append(list)
            case .booked(let booking): booked.append(booking)
            case .movedIn(let code): movedIn.insert(code)
            case .movedOut(let code): movedOut.insert(code)
            case .cancelled(let code): cancelled.insert(code)
            case .refused: break
            }
        }
        let cancelledByClosure = closedLists.flatMap { $0 }.map(\.code)
        try expect(Set(cancelledByClosure).count == cancelledByClosure.count, name, "two closures of one day cancelled the same booking twice")
        try expect(try await store.closedDays(station: station).contains(day), name, "the closed day is not listed")
        let thatDay = try await store.bookings(station: station, from: from, to: to)
        try expect(!thatDay.contains { $0.status == .booked }, name, "\(thatDay.filter { $0.status == .booked }.count) bookings are still booked on the closed day")
        try expect(Set(thatDay.filter { $0.status == .cancelledByStation }.map(\.code)) == Set(cancelledByClosure), name,
                   "the closures' lists differ from the bookings the station cancelled that day")
        for booking in booked {
            try expect(try await store.booking(code: booking.code)?.status == .cancelledByStation, name,
                       "a booking made on the closing day was not cancelled by the closure")
        }
        for booking in tomorrow {
            let current = try require(try await store.booking(code: booking.code), name)
            if movedIn.contains(booking.code) {
                try expect(current.status == .cancelledByStation, name, "a booking moved onto the closing day is \(current.status)")
            } else {
                try expect(current.status == .booked && current.start == booking.start, name, "a refused move onto the closed day changed its booking")
            }
        }
        for booking in today {
            let current = try require(try await store.booking(code: booking.code), name)
            if movedOut.contains(booking.code) {
                try expect(current.status == .booked && LocalDate(current.start, in: zone) == nextDay, name,
                           "a booking moved off the closing day is \(current.status) at \(current.start)")
            } else if cancelled.contains(booking.code) {
                try expect(current.status == .cancelledByCitizen, name, "a citizen's cancellation became \(current.status)")
            } else {
                try expect(current.status == .cancelledByStation, name, "a booking of the closed day is \(current.status)")
            }
            let notices = try await store.notifications(code: booking.code).filter { $0.kind == .cancelledByStation }
            try expect(notices.count == (current.status == .cancelledByStation ? 1 : 0), name,
                       "a booking \(current.status.rawValue) has \(notices.count) cancellation notices")
        }
        // Nothing lost: both days hold exactly the bookings made.
        let stored = try await store.bookings(station: station, from: from, to: to.addingTimeInterval(86_400))
        try expect(stored.count == today.count + tomorrow.count + booked.count, name,
                   "the store holds \(stored.count) bookings, expected \(today.count + tomorrow.count + booked.count)")
        try await expectError(name, "booking on the closed day afterwards", { _ = try await store.reserve(request(slot: 15, capacity: 5)) },
                              matching: { if case .dayClosed = $0 { return true }; return false })
    }
}
