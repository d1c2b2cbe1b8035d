import Appointments
import AppointmentsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import PostgresBackends
import Signalements
import Testing

/// A webhook transport that records each request and answers the statuses it is told (200 otherwise).
actor RecordingTransport: WebhookTransport {
    private(set) var requests: [WebhookRequest] = []
    private var statuses: [Int] = []

    func answer(_ statuses: [Int]) { self.statuses = statuses }

    func send(_ request: WebhookRequest) async throws -> Int {
        requests.append(request)
        return statuses.isEmpty ? 200 : statuses.removeFirst()
    }

    /// The `webhook-id`s received, in order.
    var ids: [String] { requests.compactMap { $0.headers["webhook-id"] } }
}

/// The server's background pass: notifications sent once across a crash, expired offers passed on, contacts purged.
@Suite struct AppointmentMaintenanceTests {
    static let station = "commissariat_police-33522-01"
    static let secret = WebhookSecret.random()

    static func book(_ store: any BookingStore, clock: ManualWallClock, counters: Int = 2) throws -> AppointmentBook {
        var schedule = AppointmentSchedule.standard(territory: .metropole)
        schedule.ranges[.plainte] = try schedule.ranges[.plainte]?.map { try AppointmentSchedule.WeeklyRange($0.weekdays, $0.range, counters: counters) }
        return AppointmentBook(store: store, schedules: PublishedScheduleProvider(schedules: PublishedSchedules([station: schedule])),
                               clock: clock, purgeAfterDays: 1, offerHoldMinutes: 30)
    }

    static func maintenance(_ book: AppointmentBook, _ transport: RecordingTransport, clock: ManualWallClock) throws -> AppointmentMaintenance {
        let endpoint = try WebhookEndpoint(url: "https://gateway.example.invalid/notify", secret: secret)
        return AppointmentMaintenance(book: book, notifier: WebhookNotifier(endpoint: endpoint, transport: transport, clock: clock),
                                      batchSize: 20, leaseSeconds: 300, logger: TestSupport.quietLogger)
    }

    /// A sender crashes after leasing; another sends the same jobs, under the same ids, once the lease ends.
    static func crashCheck(_ store: any BookingStore) async throws {
        let clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
        let book = try Self.book(store, clock: clock)
        let booking = try await book.book(station: station, motif: .plainte, start: try Date("2026-03-24T08:00:00Z", strategy: .iso8601),
                                          contact: Contact(email: "rappel@example.org", phone: "+33611111111"))
        let transport = RecordingTransport()
        let survivor = try maintenance(book, transport, clock: clock)
        #expect(await survivor.pass(purge: false).sent == 0, "nothing is due yet")
        // The day before at 09:00: an instance leases both reminders, then dies.
        clock.set(try Date("2026-03-23T08:00:30Z", strategy: .iso8601))
        let crashed = try await store.leaseDueNotifications(now: clock.now(), leaseSeconds: 300, limit: 20)
        #expect(crashed.count == 2)
        #expect(await survivor.pass(purge: false).sent == 0, "a leased job was sent by another instance")
        clock.advance(by: 301)
        let report = await survivor.pass(purge: false)
        #expect(report.sent == 2 && report.errors.isEmpty)
        let delivered = await transport.ids
        #expect(Set(delivered) == Set(crashed.map(\.id)) && delivered.count == 2, "sent once each, under the outbox ids")
        #expect(await survivor.pass(purge: false).sent == 0, "sent twice")
        // Signed as Standard Webhooks; the body says where and what, nothing more.
        let request = try #require(await transport.requests.first)
        let id = try #require(request.headers["webhook-id"]), timestamp = try #require(request.headers["webhook-timestamp"].flatMap { Int64($0) })
        #expect(StandardWebhook.verify(id: id, timestamp: timestamp, body: request.body,
                                       signatureHeader: try #require(request.headers["webhook-signature"]), secret: secret))
        let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(Set(body.keys) == ["type", "id", "channel", "to", "kind", "subject", "text"])
        #expect(body["id"] as? String == id && body["kind"] as? String == "reminder-day-before")
        #expect((body["text"] as? String)?.contains(booking.code.formatted) == true)

        // Two hours before: the gateway refuses the first message, accepts the retry (same id) a minute later.
        clock.set(try Date("2026-03-24T06:00:10Z", strategy: .iso8601))
        await transport.answer([503])
        let failing = await survivor.pass(purge: false)
        #expect(failing.failed == 1 && failing.sent == 1)
        let refusedID = try #require(await transport.ids.dropLast().last)
        clock.advance(by: 61)
        #expect(await survivor.pass(purge: false).sent == 1)
        #expect(await transport.ids.last == refusedID, "the retry has the same webhook-id")
        // Every job of the booking is sent, and each id was accepted once.
        let jobs = try await store.notifications(code: booking.code)
        #expect(jobs.count == 4 && jobs.allSatisfy { $0.sentAt != nil })
        let attempts = await transport.ids
        #expect(Set(attempts).count == 4 && attempts.count == 5, "one refused attempt, four messages")
    }

    @Test func aCrashNeitherLosesNorDoublesAReminder() async throws {
        try await Self.crashCheck(InMemoryBookingStore())
    }

    /// The person a freed seat is kept for is told by the gateway, once, with the
    /// slot, the expiry and the reference; a seat passed on is offered to the next in the same pass.
    static func offerCheck(_ store: any BookingStore) async throws {
        let clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
        let book = try Self.book(store, clock: clock, counters: 1)
        let taken = try await book.book(station: station, motif: .plainte, start: try Date("2026-03-24T08:00:00Z", strategy: .iso8601))
        let day = try LocalDate(iso: "2026-03-24")
        let first = try await book.joinWaitlist(station: station, motif: .plainte, day: day, contact: Contact(email: "attente@example.org"))
        clock.advance(by: 1)
        let second = try await book.joinWaitlist(station: station, motif: .plainte, day: day, contact: Contact(phone: "+33622222222"))
        _ = try await book.cancel(code: taken.code)
        let transport = RecordingTransport()
        let maintenance = try maintenance(book, transport, clock: clock)
        let report = await maintenance.pass(purge: false)
        #expect(report.sent == 1 && report.errors.isEmpty, "\(report)")
        let request = try #require(await transport.requests.first)
        let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
        #expect(Set(body.keys) == ["type", "id", "channel", "to", "kind", "subject", "text", "offer"])
        #expect(body["kind"] as? String == "offer" && body["to"] as? String == "attente@example.org" && body["channel"] as? String == "email")
        let offer = try #require(body["offer"] as? [String: Any])
        #expect(offer["reference"] as? String == first.id.uuidString.lowercased() && offer["station"] as? String == station
                && offer["motif"] as? String == "plainte" && offer["start"] as? String == "2026-03-24T09:00:00+01:00"
                && offer["end"] as? String == "2026-03-24T09:30:00+01:00" && offer["expires_at"] as? String == "2026-03-23T08:30:01+01:00",
                "\(offer)")
        #expect(Set(offer.keys) == ["reference", "station", "motif", "start", "end", "expires_at"], "the offer carries no contact")
        #expect(await maintenance.pass(purge: false).sent == 0, "the offer was sent twice")
        // The first lets it run out: the same pass passes the seat on and tells the second.
        clock.advance(by: 31 * 60)
        let next = await maintenance.pass(purge: false)
        #expect(next.passedOn == 1 && next.sent == 1, "\(next)")
        let last = try #require(await transport.requests.last)
        let nextBody = try #require(try JSONSerialization.jsonObject(with: last.body) as? [String: Any])
        #expect(nextBody["to"] as? String == "+33622222222" && (nextBody["offer"] as? [String: Any])?["reference"] as? String
                == second.id.uuidString.lowercased())
        #expect(await transport.requests.count == 2)
    }

    @Test func theOfferOfAKeptSeatIsSentThroughTheGateway() async throws {
        try await Self.offerCheck(InMemoryBookingStore())
    }

    @Test func anOfferThatRanOutGoesToTheNextInLine() async throws {
        let clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
        let store = InMemoryBookingStore()
        let book = try Self.book(store, clock: clock, counters: 1)
        let start = try Date("2026-03-24T08:00:00Z", strategy: .iso8601)
        let taken = try await book.book(station: Self.station, motif: .plainte, start: start)
        let day = try LocalDate(iso: "2026-03-24")
        let first = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day)
        clock.advance(by: 1)
        let second = try await book.joinWaitlist(station: Self.station, motif: .plainte, day: day)
        _ = try await book.cancel(code: taken.code)
        let maintenance = try Self.maintenance(book, RecordingTransport(), clock: clock)
        #expect(await maintenance.pass(purge: false).passedOn == 0, "the hold has not run out")
        clock.advance(by: 31 * 60)
        #expect(await maintenance.pass(purge: false).passedOn == 1)
        await #expect(throws: AppointmentError.waitlistEntryNotFound(first.id)) { try await book.waitlistStatus(first.id) }
        guard case .offered(let hold) = try await book.waitlistStatus(second.id) else {
            Issue.record("the seat was not passed on to the second in line")
            return
        }
        #expect(hold.start == start && hold.expiresAt == clock.now().addingTimeInterval(30 * 60))
    }

    @Test func contactsArePurgedTheDayAfterTheAppointment() async throws {
        let clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
        let store = InMemoryBookingStore()
        let book = try Self.book(store, clock: clock)
        let booking = try await book.book(station: Self.station, motif: .plainte, start: try Date("2026-03-24T08:00:00Z", strategy: .iso8601),
                                          contact: Contact(pseudonym: "Lou", email: "lou@example.org"))
        let maintenance = try Self.maintenance(book, RecordingTransport(), clock: clock)
        clock.set(try Date("2026-03-25T08:00:00Z", strategy: .iso8601))
        #expect(await maintenance.pass(purge: true).purged == 0, "less than a day after the end")
        clock.set(try Date("2026-03-25T08:31:00Z", strategy: .iso8601))
        #expect(await maintenance.pass(purge: true).purged == 1)
        #expect(try await book.booking(code: booking.code).contact == nil)
    }

    @Test func theWebhookIsPostedOverHTTPAndARefusalThrows() async throws {
        let received = ReceivedRequests()
        let router = Router()
        router.post("/notify") { request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 65_536)
            let headers = Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { first, _ in first })
            await received.add(headers, Data(body.readableBytesView))
            return .accepted
        }
        try await Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0))).test(.live) { client in
            let port = try #require(client.port)
            let endpoint = try WebhookEndpoint(url: "http://127.0.0.1:\(port)/notify", secret: Self.secret)
            let notifier = WebhookNotifier(endpoint: endpoint)
            let message = NotificationMessage(id: "b0e0a8f0-0000-4000-8000-000000000001/cancelled-by-station/sms/1774339200", channel: .sms,
                                              address: "+33622222222", kind: .cancelledByStation, code: .random(),
                                              subject: "Rendez-vous annulé / Appointment cancelled", body: "Votre rendez-vous …")
            try await notifier.send(message)
            let (headers, body) = try #require(await received.all.first)
            #expect(headers["webhook-id"] == message.id && headers["content-type"] == "application/json")
            let timestamp = try #require(headers["webhook-timestamp"].flatMap { Int64($0) })
            #expect(StandardWebhook.verify(id: message.id, timestamp: timestamp, body: body,
                                           signatureHeader: try #require(headers["webhook-signature"]), secret: Self.secret))
            let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(json["to"] as? String == "+33622222222" && json["channel"] as? String == "sms" && json["type"] as? String == "appointment.notification")
            // A gateway that does not accept (here a 404): the notifier throws, so the outbox keeps the job for a retry.
            let refusing = WebhookNotifier(endpoint: try WebhookEndpoint(url: "http://127.0.0.1:\(port)/missing", secret: Self.secret))
            await #expect(throws: WebhookNotifier.Rejected(status: 404)) { try await refusing.send(message) }
        }
    }
}

/// Requests a test receiver got.
actor ReceivedRequests {
    private(set) var all: [([String: String], Data)] = []
    func add(_ headers: [String: String], _ body: Data) { all.append((headers, body)) }
}

/// The same on PostgreSQL, and two instances sending at once.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresAppointmentMaintenanceTests {
    @Test func aCrashNeitherLosesNorDoublesAReminder() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let store = try PostgresBookingStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
            try await store.migrate()
            try await AppointmentMaintenanceTests.crashCheck(store)
        }
    }

    @Test func theOfferOfAKeptSeatIsSentThroughTheGateway() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let store = try PostgresBookingStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
            try await store.migrate()
            try await AppointmentMaintenanceTests.offerCheck(store)
        }
    }

    @Test func twoInstancesPassingAtOnceSendEachNotificationOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let a = try PostgresBookingStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
            let b = try PostgresBookingStore(client: clients[1], schema: schema, logger: TestSupport.quietLogger)
            try await a.migrate()
            let clock = ManualWallClock(try Date("2026-03-23T07:00:00Z", strategy: .iso8601))
            let bookA = try AppointmentMaintenanceTests.book(a, clock: clock), bookB = try AppointmentMaintenanceTests.book(b, clock: clock)
            // Twenty bookings with an e-mail, on Tuesday morning: forty reminders.
            let day = try LocalDate(iso: "2026-03-24")
            let slots = try await bookA.availableSlots(station: AppointmentMaintenanceTests.station, motif: .plainte, from: day, days: 1)
            var codes: [ConfirmationCode] = []
            for index in 0..<20 {
                let book = index % 2 == 0 ? bookA : bookB
                codes.append(try await book.book(station: AppointmentMaintenanceTests.station, motif: .plainte, start: slots[index / 2].slot.start,
                                                 contact: Contact(email: "p\(index)@example.org")).code)
            }
            clock.set(try Date("2026-03-24T07:59:00Z", strategy: .iso8601))
            // One gateway, four senders on two instances, small batches: every reminder still due is sent once.
            let transport = RecordingTransport()
            let senders = try [bookA, bookB, bookA, bookB].map { book in
                AppointmentMaintenance(book: book, notifier: WebhookNotifier(endpoint: try WebhookEndpoint(url: "https://gateway.example.invalid/n",
                                                                                                            secret: AppointmentMaintenanceTests.secret),
                                                                              transport: transport, clock: clock),
                                       batchSize: 3, leaseSeconds: 300, logger: TestSupport.quietLogger)
            }
            let reports = await withTaskGroup(of: MaintenanceReport.self) { group in
                for sender in senders { group.addTask { await sender.pass(purge: false) } }
                var all: [MaintenanceReport] = []
                for await report in group { all.append(report) }
                return all
            }
            let ids = await transport.ids
            #expect(reports.allSatisfy { $0.errors.isEmpty })
            #expect(ids.count == Set(ids).count, "a notification was sent twice: \(ids.count - Set(ids).count) repeats")
            // Due now: the twenty day-before reminders, and the two-hours-before ones of the four slots starting by 09:30Z.
            var due: [OutboxJob] = []
            for code in codes { due += try await a.notifications(code: code).filter { $0.dueAt <= clock.now() } }
            #expect(due.count == 28 && due.allSatisfy { $0.sentAt != nil })
            #expect(Set(ids) == Set(due.map(\.id)) && reports.map(\.sent).reduce(0, +) == 28)
        }
    }
}
