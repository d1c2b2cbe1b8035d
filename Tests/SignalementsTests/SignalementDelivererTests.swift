import Foundation
import Signalements
import Testing

@Suite struct SignalementDelivererTests {
    struct Setup {
        let store: any SignalementStore = InMemorySignalementStore()
        let clock = ManualWallClock(Fixture.now)
        let desk: SignalementDesk
        let endpoint: WebhookEndpoint

        init() throws {
            desk = SignalementDesk(catalog: try .bundled(), competence: Fixture.FixedCompetence(), store: store, clock: clock)
            endpoint = try WebhookEndpoint(url: "http://127.0.0.1:9/hook", secret: try WebhookSecret(Fixture.secret))
        }

        func file(_ insee: String = "33063") async throws -> Signalement {
            try await desk.file(kind: "point-de-deal", commune: try INSEECode(insee),
                                fields: ["place": "hall B", "recurrence": "daily", "description": "ventes le soir"])
        }

        func deliverer(_ transport: FakeTransport, policy: RetryPolicy = RetryPolicy(maximumAttempts: 3, baseDelay: 10, jitter: 0.5),
                       endpoints: [String: WebhookEndpoint]? = nil) -> SignalementDeliverer {
            SignalementDeliverer(store: store, endpoints: endpoints ?? ["unit-33": endpoint], transport: transport, clock: clock,
                                 random: SequenceRandom([0.5]), policy: policy, leaseDuration: 60)
        }
    }

    @Test func deliversASignedWebhookAndUpdatesTheReceipt() async throws {
        let setup = try Setup()
        let signalement = try await setup.file()
        let transport = FakeTransport()
        let round = try await setup.deliverer(transport).runOnce()
        #expect(round.delivered == 1 && round.claimed == 1)
        let request = try #require(transport.sent.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:9/hook")
        let id = try #require(request.headers["webhook-id"])
        let timestamp = try #require(request.headers["webhook-timestamp"].flatMap { Int64($0) })
        #expect(id.hasPrefix("msg_") && timestamp == Int64(Fixture.now.timeIntervalSince1970))
        #expect(StandardWebhook.verify(id: id, timestamp: timestamp, body: request.body,
                                       signatureHeader: request.headers["webhook-signature"] ?? "", secret: setup.endpoint.secret))
        let payload = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        let data = payload?["data"] as? [String: Any]
        #expect(payload?["type"] as? String == "signalement.filed")
        #expect(data?["reference"] as? String == signalement.reference.formatted)
        #expect((data?["fields"] as? [String: String])?["place"] == "hall B")
        #expect(data?["contact"] == nil)   // anonymous: no contact key at all
        let receipt = try await setup.desk.receipt(signalement.reference)
        #expect(receipt?.status == .delivered && receipt?.attempts == 1 && receipt?.deliveredAt == Fixture.now)
    }

    @Test func retriesWithBackoffUnderTheSameIDThenDeadLetters() async throws {
        let setup = try Setup()
        let signalement = try await setup.file()
        let transport = FakeTransport(script: [503, nil, 500])
        let deliverer = setup.deliverer(transport)
        #expect(try await deliverer.runOnce().retried == 1)
        // Base 10 s, jitter 0.5 drawn at 0.5: 7.5 s, then 15 s.
        setup.clock.advance(by: 7)
        #expect(try await deliverer.runOnce().claimed == 0)
        setup.clock.advance(by: 0.5)
        #expect(try await deliverer.runOnce().retried == 1)
        setup.clock.advance(by: 15)
        let last = try await deliverer.runOnce()
        #expect(last.deadLettered == 1)
        let ids = Set(transport.sent.compactMap { $0.headers["webhook-id"] })
        let timestamps = transport.sent.compactMap { $0.headers["webhook-timestamp"] }
        #expect(transport.sent.count == 3 && ids.count == 1, "retries must keep the webhook id")
        #expect(Set(timestamps).count == 3, "each attempt is signed with a fresh timestamp")
        #expect(Set(transport.sent.map(\.body)).count == 1)
        let receipt = try await setup.desk.receipt(signalement.reference)
        #expect(receipt?.status == .deadLetter && receipt?.attempts == 3)
        let dead = try await setup.store.jobs(status: .deadLetter)
        #expect(dead.first?.lastError?.contains("HTTP 500") == true)
        #expect(dead.first?.lastError?.contains("ventes") == false)
    }

    @Test func aCrashedDelivererLosesNothingAndKeepsTheID() async throws {
        let setup = try Setup()
        let signalement = try await setup.file()
        // A deliverer leases the job then dies before recording anything.
        let crashed = try await setup.store.claim(now: setup.clock.now(), leaseDuration: 60, limit: 1)
        let transport = FakeTransport()
        let deliverer = setup.deliverer(transport)
        #expect(try await deliverer.runOnce().claimed == 0, "the job was taken while its lease held")
        setup.clock.advance(by: 61)
        #expect(try await deliverer.runOnce().delivered == 1)
        #expect(transport.sent.first?.headers["webhook-id"] == crashed.first?.job.id)
        #expect(try await setup.desk.receipt(signalement.reference)?.status == .delivered)
    }

    @Test func aUnitWithoutEndpointIsRetriedThenDeadLettered() async throws {
        let setup = try Setup()
        _ = try await setup.file("97209")
        let transport = FakeTransport()
        let deliverer = setup.deliverer(transport, policy: RetryPolicy(maximumAttempts: 1))
        let round = try await deliverer.runOnce()
        #expect(round.deadLettered == 1 && transport.sent.isEmpty)
        #expect(try await setup.store.jobs(status: .deadLetter).first?.lastError == "no endpoint configured for unit unit-972")
    }

    @Test func runUntilIdleStopsWhenTheOutboxIsDone() async throws {
        let setup = try Setup()
        for _ in 0..<5 { _ = try await setup.file() }
        let transport = FakeTransport(script: [500])
        let deliverer = setup.deliverer(transport)
        let clock = setup.clock
        let total = try await deliverer.runUntilIdle(deadline: nil, sleep: { clock.advance(by: $0) })
        #expect(total.delivered == 5 && total.retried == 1)
        #expect(try await setup.store.counts() == [.delivered: 5])
    }

    @Test func filingRefusesBadContentAndUnknownCommunesWithoutStoringAnything() async throws {
        let setup = try Setup()
        await #expect(throws: SignalementError.self) {
            _ = try await setup.desk.file(kind: "point-de-deal", commune: try INSEECode("33063"), fields: ["place": "x"])
        }
        await #expect(throws: CompetenceError.self) {
            _ = try await setup.desk.file(kind: "point-de-deal", commune: try INSEECode("95999"),
                                          fields: ["place": "x", "recurrence": "once", "description": "y"])
        }
        #expect(try await setup.store.jobs(status: nil).isEmpty)
    }

    @Test func retentionPurgesDeliveredContent() async throws {
        let setup = try Setup()
        let desk = SignalementDesk(catalog: setup.desk.catalog, competence: Fixture.FixedCompetence(), store: setup.store,
                                   clock: setup.clock, retention: SignalementRetention(days: 30))
        let signalement = try await desk.file(kind: "menaces-harcelement", commune: try INSEECode("33063"),
                                              fields: ["recurrence": "daily", "description": "menaces", "contact.name": "Sam"])
        _ = try await setup.deliverer(FakeTransport()).runOnce()
        setup.clock.advance(by: 29 * 86_400)
        #expect(try await desk.purgeExpired() == 0)
        setup.clock.advance(by: 2 * 86_400)
        #expect(try await desk.purgeExpired() == 1)
        let purged = try await setup.store.signalement(reference: signalement.reference)
        #expect(purged?.contact == nil && purged?.fields.isEmpty == true)
        #expect(try await desk.receipt(signalement.reference)?.isPurged == true)
    }
}
