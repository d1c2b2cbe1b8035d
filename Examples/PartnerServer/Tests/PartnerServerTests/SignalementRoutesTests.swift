import ChatProtocol
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PartnerServer
import PostgresBackends
import Signalements
import Testing

/// `/v1/signalements` over the in-memory outbox: kinds, competence, filing with located refusals,
/// and the receipt by reference.
@Suite struct SignalementRoutesTests {
    static var dealing: [String: Any] {
        ["kind": "point-de-deal", "insee": "33063",
         "fields": ["place": "hall B, résidence des Lilas", "recurrence": "daily", "description": "ventes tous les soirs vers 21 h"]]
    }

    static func problem(_ body: [String: Any]) -> (type: String?, field: String?) {
        ((body["type"] as? String)?.replacingOccurrences(of: "urn:masecurite:problem:", with: ""), body["field"] as? String)
    }

    @Test func theKindsAreListedWithTheirFieldsAndTheChatOnlyKindSaysSo() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.getJSON("/v1/signalements/kinds")
            #expect(status == .ok)
            let kinds = try #require(body["kinds"] as? [[String: Any]])
            let ids = kinds.compactMap { $0["id"] as? String }
            #expect(ids.contains("point-de-deal") && ids.contains("rodeo-urbain") && ids.contains("conversation-chat"))
            #expect(kinds.first { $0["id"] as? String == "conversation-chat" }?["chat_only"] as? Bool == true)
            #expect(kinds.first { $0["id"] as? String == "point-de-deal" }?["chat_only"] as? Bool == false)
            let fields = try #require(kinds.first { $0["id"] as? String == "point-de-deal" }?["fields"] as? [[String: Any]])
            let recurrence = try #require(fields.first { $0["name"] as? String == "recurrence" })
            #expect(recurrence["choices"] as? [String] == Recurrence.allCases.map(\.rawValue))
            let (_, english) = try await client.getJSON("/v1/signalements/kinds?lang=en")
            #expect((english["kinds"] as? [[String: Any]])?.first { $0["id"] as? String == "rodeo-urbain" }?["label"] as? String == "Urban rodeo")
            let (refused, problem) = try await client.getJSON("/v1/signalements/kinds?lang=de")
            #expect(refused == .badRequest && Self.problem(problem).field == "lang")
        }
    }

    @Test func theCompetentUnitOfAPlaceSaysWhetherItIsApproximate() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, bordeaux) = try await client.getJSON("/v1/signalements/competent?insee=33063")
            #expect(status == .ok)
            #expect(bordeaux["institution"] as? String == "police-nationale")
            #expect(bordeaux["unit_id"] as? String == "commissariat_police-33063-01")
            #expect(bordeaux["approximate"] as? Bool == true && bordeaux["source"] as? String == "station-directory")
            let (_, saintDenis) = try await client.getJSON("/v1/signalements/competent?postal_code=93200")
            #expect(saintDenis["institution"] as? String == "prefecture-de-police" && saintDenis["approximate"] as? Bool == true)
            let (_, point) = try await client.getJSON("/v1/signalements/competent?lat=44.8378&lon=-0.5792")
            #expect(point["insee"] as? String == "33063")
            let (_, overseas) = try await client.getJSON("/v1/signalements/competent?insee=97209")
            #expect(overseas["insee"] as? String == "97209" && overseas["unit_id"] != nil)

            let refusals: [(String, HTTPResponse.Status, String, String)] = [
                ("/v1/signalements/competent", .badRequest, "invalid-parameter", "insee"),
                ("/v1/signalements/competent?insee=33063&postal_code=33000", .badRequest, "invalid-parameter", "insee"),
                ("/v1/signalements/competent?insee=3306", .badRequest, "invalid-parameter", "insee"),
                ("/v1/signalements/competent?postal_code=3300", .badRequest, "invalid-parameter", "postal_code"),
                ("/v1/signalements/competent?lat=44.8", .badRequest, "invalid-parameter", "lon"),
                ("/v1/signalements/competent?postal_code=98000", .notFound, "place-not-found", "postal_code"),
            ]
            for (uri, expected, type, field) in refusals {
                let (status, body) = try await client.getJSON(uri)
                #expect(status == expected, "\(uri)")
                #expect(Self.problem(body).type == type && Self.problem(body).field == field, "\(uri): \(body)")
            }
        }
    }

    @Test func aSignalementIsFiledAnonymouslyAndItsReceiptReadByReference() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, filed) = try await client.postJSON("/v1/signalements", Self.dealing)
            #expect(status == .created)
            let reference = try #require(filed["reference"] as? String)
            #expect(reference.hasPrefix("S-") && reference.count == 26)
            #expect(filed["status"] as? String == "pending")
            #expect(filed["unit_id"] as? String == "commissariat_police-33063-01" && filed["approximate"] as? Bool == true)
            #expect(!String(describing: filed).contains("ventes tous les soirs"), "the answer never repeats what was typed")

            let (shown, receipt) = try await client.getJSON("/v1/signalements/\(reference)")
            #expect(shown == .ok)
            #expect(receipt["reference"] as? String == reference && receipt["kind"] as? String == "point-de-deal")
            #expect(receipt["status"] as? String == "pending" && receipt["attempts"] as? Int == 0 && receipt["purged"] as? Bool == false)
            #expect((receipt["unit"] as? [String: Any])?["institution"] as? String == "police-nationale")
            // Typed by a person: case, dashes and the prefix do not matter.
            let typed = reference.dropFirst(2).replacingOccurrences(of: "-", with: "").lowercased()
            #expect(try await client.getJSON("/v1/signalements/\(typed)").0 == .ok)

            let (malformed, notReference) = try await client.getJSON("/v1/signalements/S-1234")
            #expect(malformed == .badRequest && Self.problem(notReference).type == "invalid-reference")
            let (missing, unknown) = try await client.getJSON("/v1/signalements/\(SignalementReference.random().formatted)")
            #expect(missing == .notFound && Self.problem(unknown).type == "signalement-not-found")

            // Other places: a postal code and a point.
            var byPostalCode = Self.dealing
            byPostalCode["insee"] = nil
            byPostalCode["postal_code"] = "93200"
            let (created, saintDenis) = try await client.postJSON("/v1/signalements", byPostalCode)
            #expect(created == .created && saintDenis["institution"] as? String == "prefecture-de-police")
        }
    }

    @Test func aRefusedSignalementNamesItsFieldAndFilesNothing() async throws {
        try await TestSupport.application().test(.router) { client in
            func with(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
                var body = Self.dealing
                change(&body)
                return body
            }
            func fields(_ change: (inout [String: String]) -> Void) -> [String: Any] {
                with { body in
                    var fields = body["fields"] as? [String: String] ?? [:]
                    change(&fields)
                    body["fields"] = fields
                }
            }
            let cases: [([String: Any], HTTPResponse.Status, String, String)] = [
                (fields { $0["description"] = nil }, .unprocessableContent, "invalid-signalement", "fields.description"),
                (fields { $0["recurrence"] = "often" }, .unprocessableContent, "invalid-signalement", "fields.recurrence"),
                (fields { $0["when"] = "2026-06-12T23:00:00+02:00/2026-06-12T21:00:00+02:00" }, .unprocessableContent, "invalid-signalement", "fields.when"),
                (fields { $0["colour"] = "bleu" }, .unprocessableContent, "invalid-signalement", "fields.colour"),
                (fields { $0["contact.email"] = "x@example.org" }, .unprocessableContent, "invalid-signalement", "fields.contact.email"),
                (with { $0["contact"] = ["email": "pas-une-adresse"] }, .unprocessableContent, "invalid-signalement", "contact.email"),
                (with { $0["kind"] = "tapage" }, .unprocessableContent, "invalid-signalement", "kind"),
                (with { $0["kind"] = "conversation-chat" }, .unprocessableContent, "invalid-signalement", "kind"),
                (with { $0["insee"] = nil }, .badRequest, "invalid-body", "insee"),
                (with { $0["postal_code"] = "33000" }, .badRequest, "invalid-body", "insee"),
                (with { $0["insee"] = "99999" }, .badRequest, "invalid-body", "insee"),
                (with { $0["insee"] = "2A999" }, .unprocessableContent, "no-competent-unit", "insee"),
                (with { $0["anonymous"] = true }, .badRequest, "invalid-body", "anonymous"),
                (with { $0["fields"] = ["place": 3] }, .badRequest, "invalid-body", "fields.place"),
                (with { $0["contact"] = ["nom": "Camille"] }, .badRequest, "invalid-body", "contact.nom"),
            ]
            for (body, expected, type, field) in cases {
                let (status, problem) = try await client.postJSON("/v1/signalements", body)
                #expect(status == expected, "\(body): \(problem)")
                #expect(Self.problem(problem).type == type && Self.problem(problem).field == field, "\(body): \(problem)")
            }
        }
    }
}

/// Webhooks received by a local Standard Webhooks receiver that refuses one request in three.
actor ReceivedWebhooks {
    struct Delivery: Sendable {
        let id: String
        let reference: String
        let body: Data
        let verified: Bool
    }

    private(set) var requests = 0
    private(set) var refused = 0
    private(set) var accepted: [Delivery] = []
    private(set) var alwaysFailing = 0

    /// The outcome of the next request to `/hook`: every third one is refused.
    func arrive() -> Bool {
        requests += 1
        if requests % 3 == 0 { refused += 1; return false }
        return true
    }

    func accept(_ delivery: Delivery) { accepted.append(delivery) }
    func failedForGood() { alwaysFailing += 1 }

    /// Webhook id → the references received under it.
    var referencesByID: [String: Set<String>] {
        accepted.reduce(into: [:]) { $0[$1.id, default: []].insert($1.reference) }
    }
}

enum WebhookReceiver {
    /// A receiver on loopback: `POST /hook` (refuses every third request with 500, verifies the
    /// signature of the others) and `POST /always-fail` (503).
    static func application(secret: WebhookSecret, log: ReceivedWebhooks) -> some ApplicationProtocol {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            guard await log.arrive() else { return Response(status: .internalServerError) }
            let body = Data(buffer.readableBytesView)
            let id = request.headers[HTTPField.Name("webhook-id")!] ?? ""
            let timestamp = Int64(request.headers[HTTPField.Name("webhook-timestamp")!] ?? "") ?? 0
            let signature = request.headers[HTTPField.Name("webhook-signature")!] ?? ""
            let verified = StandardWebhook.verify(id: id, timestamp: timestamp, body: body, signatureHeader: signature, secret: secret)
            let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
            let reference = (object?["data"] as? [String: Any])?["reference"] as? String ?? ""
            await log.accept(ReceivedWebhooks.Delivery(id: id, reference: reference, body: body, verified: verified))
            return Response(status: .noContent)
        }
        router.post("always-fail") { _, _ -> Response in
            await log.failedForGood()
            return Response(status: .serviceUnavailable)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: TestSupport.quietLogger)
    }

    /// Fast retries for tests: 0.05 s doubling up to 0.4 s, `attempts` attempts.
    static func quickRetries(_ attempts: Int) -> RetryPolicy {
        RetryPolicy(maximumAttempts: attempts, baseDelay: 0.05, multiplier: 2, maximumDelay: 0.4, jitter: 0.5)
    }
}

/// Chat signalements over the real WebSocket, the consent, and their delivery, in memory; and no
/// log line ever holds a field, an excerpt or a reference.
@Suite struct ChatSignalementServerTests {
    static let officer = OperatorAccount(id: "op-sig", displayName: "Agent 7001", token: "token-signalements-officer-0123456789")

    static func isEvent(_ envelope: ChatEnvelope, _ match: (ConversationEvent) -> Bool) -> Bool {
        if case .event(let sequenced) = envelope { return match(sequenced.event) }
        return false
    }

    @Test func anOperatorsSignalementCarriesTheExcerptOnlyAfterTheVisitorsYesAndIsDelivered() async throws {
        let capture = LogCapture()
        var traced = Logger(label: "privacy") { _ in CapturingLogHandler(capture: capture) }
        traced.logLevel = .trace
        let logger = traced
        let secret = WebhookSecret.random()
        let received = ReceivedWebhooks()
        let references: [String] = try await WebhookReceiver.application(secret: secret, log: received).test(.live) { receiver in
            let hook = "http://127.0.0.1:\(try #require(receiver.port))/hook"
            var configuration = TestSupport.configuration
            configuration.operators = [Self.officer]
            configuration.signalementEndpoints = WebhookEndpoints(fallback: try WebhookEndpoint(url: hook, secret: secret))
            configuration.signalementRetry = WebhookReceiver.quickRetries(8)
            configuration.signalementPollSeconds = 0.1
            let app = try await PartnerServer.makeApplication(configuration: configuration, logger: logger)
            return try await app.test(.live) { client in
                var references: [String] = []
                let port = try #require(client.port)
                let officer = try await ChatStaffingTests.connect(Self.officer, port: port)
                let (visitor, conversation) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
                _ = try await visitor.inbox.next("assigned") { ChatStaffingTests.assignment($0) != nil }
                try visitor.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1",
                                                   text: "Zorglub-excerpt : ils vendent dans le hall B tous les soirs.")))
                _ = try await officer.inbox.next("visitor message") { Self.isEvent($0) { $0.clientTransactionID == "v-1" } }

                // First without the visitor's agreement, then with it.
                let draft = ["place": "hall B", "recurrence": "daily", "description": "Zorglub-draft : point de deal signalé"]
                for (request, answer) in [("sig-no", ConsentAnswer.no), ("sig-yes", ConsentAnswer.yes)] {
                    try officer.send(.signalement(ChatSignalementRequest(conversation: conversation, clientTransactionID: request, insee: "33063",
                                                                         fields: draft)))
                    let asked = try await visitor.inbox.next("consent request \(request)") {
                        Self.isEvent($0) { if case .consentRequested(let id, _, _, _, _, _) = $0 { id == request } else { false } }
                    }
                    #expect(!String(decoding: try asked.jsonData(), as: UTF8.self).contains("Zorglub-draft"))
                    try visitor.send(.consent(ConsentReply(conversation: conversation, request: request, answer: answer)))
                    let filed = try await officer.inbox.next("filed \(request)") {
                        Self.isEvent($0) { if case .signalementFiled(let id, _, .some) = $0 { id == request } else { false } }
                    }
                    guard case .event(let event) = filed, case .signalementFiled(_, let consent, .some(let receipt)) = event.event else {
                        throw ChatTestError(message: "no receipt")
                    }
                    #expect(consent == (answer == .yes ? .granted : .refused))
                    #expect(receipt.unit == "Commissariat de police de Bordeaux" && receipt.approximate)
                    references.append(receipt.reference)
                    let visitorCopy = try await visitor.inbox.next("visitor's copy \(request)") {
                        Self.isEvent($0) { if case .signalementFiled(let id, _, _) = $0 { id == request } else { false } }
                    }
                    #expect(!String(decoding: try visitorCopy.jsonData(), as: UTF8.self).contains(receipt.reference))
                }

                // Both reach the unit; only the second carries the visitor's words.
                for reference in references {
                    var status = ""
                    for _ in 0..<200 where status != "delivered" {
                        status = try await client.getJSON("/v1/signalements/\(reference)").1["status"] as? String ?? ""
                        if status != "delivered" { try await Task.sleep(for: .milliseconds(50)) }
                    }
                    #expect(status == "delivered", "\(reference)")
                }
                let deliveries = await received.accepted
                let bodies = Dictionary(deliveries.map { ($0.reference, String(decoding: $0.body, as: UTF8.self)) }) { first, _ in first }
                #expect(bodies[references[0]]?.contains("Zorglub-excerpt") == false)
                #expect(bodies[references[0]]?.contains("\"visitor_consent\":\"no\"") == true)
                #expect(bodies[references[1]]?.contains("Zorglub-excerpt") == true)
                #expect(bodies[references[1]]?.contains("\"visitor_consent\":\"yes\"") == true)
                #expect(deliveries.allSatisfy { $0.verified })
                for peer in [officer, visitor] { await peer.close() }
                return references
            }
        }
        let lines = capture.all
        #expect(!lines.isEmpty, "the server logged something (routes, deliveries)")
        for secret in ["Zorglub", "hall B"] + references + references.map({ $0.replacingOccurrences(of: "-", with: "") }) {
            #expect(!lines.contains { $0.contains(secret) }, "'\(secret)' appears in the logs")
        }
    }
}

/// The same on PostgreSQL: the routes over the PostgreSQL outbox, and the delivery loop sending
/// to a local receiver that refuses a third of the requests: every signalement arrives under its
/// own id (the same on each retry), every signature verifies, and a unit whose endpoint always
/// fails ends in dead-letter.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresSignalementRoutesTests {
    /// Runs `body` with a server on a fresh schema (dropped afterwards) and its receiver's log.
    static func server(endpoints: @Sendable (Int, WebhookSecret) throws -> WebhookEndpoints, attempts: Int = 8,
                       operators: [OperatorAccount] = [],
                       _ body: @Sendable (any TestClientProtocol, Int, ReceivedWebhooks, String) async throws -> Void) async throws {
        let url = try #require(TestSupport.postgresURL)
        let secret = WebhookSecret.random()
        let received = ReceivedWebhooks()
        var configuration = TestSupport.configuration
        configuration.postgresURL = url
        configuration.postgresSchema = PostgresFixture.freshSchema()
        configuration.operators = operators
        configuration.signalementRetry = WebhookReceiver.quickRetries(attempts)
        configuration.signalementPollSeconds = 0.1
        configuration.signalementLeaseSeconds = 5
        let schema = configuration.postgresSchema
        let base = configuration
        do {
            try await WebhookReceiver.application(secret: secret, log: received).test(.live) { receiver in
                var configured = base
                configured.signalementEndpoints = try endpoints(try #require(receiver.port), secret)
                try await TestSupport.application(configured).test(.live) { client in
                    try await body(client, try #require(client.port), received, schema)
                }
            }
        } catch {
            try await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
            throw error
        }
        try await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
    }

    /// Waits until every reference's receipt has a final status; returns reference → status.
    static func finalStatuses(_ references: [String], client: some TestClientProtocol, seconds: Int = 60) async throws -> [String: String] {
        var statuses: [String: String] = [:]
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            for reference in references where !["delivered", "dead-letter"].contains(statuses[reference] ?? "") {
                statuses[reference] = try await client.getJSON("/v1/signalements/\(reference)").1["status"] as? String
            }
            if statuses.count == references.count, statuses.values.allSatisfy({ ["delivered", "dead-letter"].contains($0) }) { return statuses }
            try await Task.sleep(for: .milliseconds(100))
        }
        return statuses
    }

    @Test func filedSignalementsAreDeliveredOnceEachUnderTheirOwnIDDespiteAFailingReceiver() async throws {
        let bordeaux = "commissariat_police-33063-01"
        try await Self.server(endpoints: { port, secret in
            WebhookEndpoints(units: [bordeaux: try WebhookEndpoint(url: "http://127.0.0.1:\(port)/always-fail", secret: secret)],
                             fallback: try WebhookEndpoint(url: "http://127.0.0.1:\(port)/hook", secret: secret))
        }, attempts: 8) { client, _, received, schema in
            // 30 signalements across communes served by the fallback endpoint, one for Bordeaux (always failing).
            let communes = ["69123", "13055", "31555", "06088", "44109", "67482"]
            var references: [String] = []
            for index in 0..<30 {
                let body: [String: Any] = ["kind": "rodeo-urbain", "insee": communes[index % communes.count],
                                           "fields": ["place": "parking \(index)", "when": "2026-06-12T21:30:00+02:00",
                                                      "description": "motos sans plaque n° \(index)"]]
                let (status, filed) = try await client.postJSON("/v1/signalements", body)
                #expect(status == .created)
                references.append(try #require(filed["reference"] as? String))
            }
            let (status, bordeauxFiled) = try await client.postJSON("/v1/signalements", [
                "kind": "point-de-deal", "insee": "33063",
                "fields": ["place": "hall B", "recurrence": "daily", "description": "ventes"]])
            #expect(status == .created)
            let doomed = try #require(bordeauxFiled["reference"] as? String)

            let statuses = try await Self.finalStatuses(references + [doomed], client: client)
            #expect(references.allSatisfy { statuses[$0] == "delivered" }, "\(statuses)")
            #expect(statuses[doomed] == "dead-letter", "the unit whose endpoint always fails is dead-lettered")
            let (_, doomedReceipt) = try await client.getJSON("/v1/signalements/\(doomed)")
            #expect(doomedReceipt["attempts"] as? Int == 8)
            #expect(await received.alwaysFailing == 8)

            // Every signalement reached the receiver, each under one id of its own, every signature valid.
            let deliveries = await received.accepted
            #expect(Set(deliveries.map(\.reference)) == Set(references))
            let byID = await received.referencesByID
            #expect(byID.values.allSatisfy { $0.count == 1 }, "an id is never reused for another signalement")
            #expect(Set(byID.keys).count == references.count, "one id per signalement, the same on every retry")
            #expect(deliveries.allSatisfy { $0.verified })
            #expect(await received.refused >= 10, "a third of the requests were refused and retried")

            // The outbox is PostgreSQL's: its jobs say the same.
            try await PostgresFixture.withClients { clients in
                let store = try PostgresSignalementStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger)
                let counts = try await store.counts()
                #expect(counts[.delivered] == 30 && counts[.deadLetter] == 1 && counts[.pending] == nil)
            }
        }
    }

    @Test func aChatSignalementIsFiledInThePostgreSQLOutboxAndDelivered() async throws {
        let officer = ChatSignalementServerTests.officer
        try await Self.server(endpoints: { port, secret in
            WebhookEndpoints(fallback: try WebhookEndpoint(url: "http://127.0.0.1:\(port)/hook", secret: secret))
        }, operators: [officer]) { client, port, received, _ in
            let console = try await ChatStaffingTests.connect(officer, port: port)
            let (visitor, conversation) = try await ChatStaffingTests.visitor(on: .tchat, port: port)
            _ = try await visitor.inbox.next("assigned", timeout: .seconds(15)) { ChatStaffingTests.assignment($0) != nil }
            try visitor.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1",
                                               text: "Des motos font des rodéos sur le parking tous les soirs.")))
            _ = try await console.inbox.next("visitor message") { ChatSignalementServerTests.isEvent($0) { $0.clientTransactionID == "v-1" } }
            try console.send(.signalement(ChatSignalementRequest(conversation: conversation, clientTransactionID: "sig-pg", insee: "69123",
                                                                 fields: ["place": "parking", "description": "rodéos signalés par la personne"])))
            _ = try await visitor.inbox.next("consent request") {
                ChatSignalementServerTests.isEvent($0) { if case .consentRequested = $0 { true } else { false } }
            }
            try visitor.send(.consent(ConsentReply(conversation: conversation, request: "sig-pg", answer: .yes)))
            let filed = try await console.inbox.next("filed") {
                ChatSignalementServerTests.isEvent($0) { if case .signalementFiled(_, .granted, .some) = $0 { true } else { false } }
            }
            guard case .event(let event) = filed, case .signalementFiled(_, _, .some(let receipt)) = event.event else {
                throw ChatTestError(message: "no receipt")
            }
            let statuses = try await Self.finalStatuses([receipt.reference], client: client)
            #expect(statuses[receipt.reference] == "delivered")
            let body = await received.accepted.first { $0.reference == receipt.reference }.map { String(decoding: $0.body, as: UTF8.self) }
            #expect(body?.contains("Des motos font des rodéos sur le parking tous les soirs.") == true)
            #expect(body?.contains("\"kind\":\"conversation-chat\"") == true)
            for peer in [console, visitor] { await peer.close() }
        }
    }
}
