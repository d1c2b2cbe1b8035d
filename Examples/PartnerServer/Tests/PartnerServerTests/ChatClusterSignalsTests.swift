import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import PostgresBackends
import PostgresNIO
import Testing

/// The PostgreSQL rate limiter passes the SDK's conformance suite unchanged.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresVisitorRateLimiterTests {
    @Test(arguments: VisitorRateLimiterConformance.checks.map(\.name))
    func conformsToTheRateLimiterContract(_ name: String) async throws {
        let check = try #require(VisitorRateLimiterConformance.checks.first { $0.name == name })
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let schema = freshSchema()
            try await PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger).migrate()
            try await check.run(try PostgresVisitorRateLimiter(client: clients[0], schema: schema, logger: TestSupport.quietLogger))
        }
    }

    /// An escalation is recorded once, whichever instances try: the first one wins, the others alert nobody.
    @Test func anEscalationIsRecordedOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            try await PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger).migrate()
            let relays = try clients.map { try PostgresClusterRelay(client: $0, schema: schema, logger: TestSupport.quietLogger) }
            let alert = SupervisorAlert(conversation: ConversationID("c_escalated"), platform: .pnav, source: .classifier,
                                        at: Date(timeIntervalSince1970: 1_780_000_000))
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for (index, relay) in relays.enumerated() {
                    group.addTask { try await relay.escalate(alert, from: InstanceID("i\(index)")) }
                }
                var all: [Bool] = []
                for try await outcome in group { all.append(outcome) }
                return all
            }
            #expect(outcomes.sorted { !$0 && $1 } == [false, true], "one instance records it: \(outcomes)")
            let recorded = try await relays[0].escalations(since: .distantPast)
            #expect(recorded.map(\.alert) == [alert])
        }
    }
}

/// The relay's notifications: what is sent is read back, anything malformed is ignored.
@Suite struct ClusterRelayPayloadTests {
    @Test func payloadsRoundTrip() throws {
        let typing = Typing(conversation: ConversationID("c_3f9a"), by: .visitor, active: true)
        let payload = try #require(PostgresClusterRelay.payload(typing, from: InstanceID("ci-1")))
        #expect(payload == "typing:ci-1:c_3f9a:v:1")
        #expect(PostgresClusterRelay.parse(payload) == .typing(typing, from: InstanceID("ci-1")))
        let alert = SupervisorAlert(conversation: ConversationID("c_3f9a"), platform: .espaceMineurs, source: .operator,
                                    at: Date(timeIntervalSince1970: 1_780_000_000.25))
        let alertPayload = try #require(PostgresClusterRelay.payload(alert, from: InstanceID("i_0a1b")))
        #expect(PostgresClusterRelay.parse(alertPayload) == .alert(alert, from: InstanceID("i_0a1b")))
        #expect(PostgresClusterRelay.payload(Typing(conversation: ConversationID("c_x"), active: true), from: InstanceID("a")) == nil,
                "a notice without its author's role is not sent")
        #expect(PostgresClusterRelay.payload(typing, from: InstanceID("a:b")) == nil)
    }

    @Test(arguments: [
        "typing:a:c:x:1", "typing:a:c:v:2", "typing:a:c:v", "typing::c:v:1", "typing:a:c é:v:1", "typing:a:c:v:1:extra",
        "alert:a:c:pnav:classifier", "alert:a:c:nowhere:classifier:1", "alert:a:c:pnav:someone:1", "alert:a:c:pnav:visitor:1e9",
        "alert:a:c:pnav:visitor:-1", "alert:a:c:pnav:visitor:", "route", "c_x:12", "",
    ])
    func malformedPayloadsAreIgnored(_ payload: String) {
        #expect(PostgresClusterRelay.parse(payload) == nil)
    }
}

/// Two server instances on one PostgreSQL database, over real WebSockets: what used to stay on one
/// instance now crosses to the other (typing notices, the rate limit, supervisor alerts, `unstaffed`).
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct ChatClusterSignalsTests {
    static let officer = OperatorAccount(id: "op-4512", displayName: "Agent 4512", token: "cluster-signals-officer-0123456789")
    static let supervisors = (1...2).map {
        OperatorAccount(id: "sup-\($0)", displayName: "Superviseur 0\($0)", token: "cluster-signals-supervisor-\($0)-0123456789",
                        role: .supervisor, platforms: [.tchat, .pnav, .espaceMineurs], vssTrained: true, minorsTrained: true)
    }

    /// Runs `body` with two instances (their ports) on a fresh schema, dropped afterwards.
    static func twoInstances(_ body: @Sendable (Int, Int, String) async throws -> Void) async throws {
        let url = try #require(TestSupport.postgresURL)
        var configuration = ServerConfiguration(port: 0, postgresURL: url, rateLimitPerMinute: 0, operators: [officer] + supervisors)
        configuration.postgresSchema = PostgresFixture.freshSchema()
        let schema = configuration.postgresSchema
        let first = try await TestSupport.application(configuration)
        let second = try await TestSupport.application(configuration)
        do {
            try await first.test(.live) { one in
                try await second.test(.live) { two in
                    try await body(try #require(one.port), try #require(two.port), schema)
                }
            }
        } catch {
            try await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
            throw error
        }
        try await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
    }

    static func isTyping(_ by: ParticipantRole, _ active: Bool) -> @Sendable (ChatEnvelope) -> Bool {
        { if case .typing(let typing) = $0 { typing.by == by && typing.active == active } else { false } }
    }

    static func isAlert(_ envelope: ChatEnvelope) -> Bool {
        if case .supervisorAlert = envelope { true } else { false }
    }

    static func transaction(_ txn: String) -> @Sendable (ChatEnvelope) -> Bool {
        { if case .event(let event) = $0 { event.event.clientTransactionID == txn } else { false } }
    }

    static func ack(_ txn: String) -> @Sendable (ChatEnvelope) -> Bool {
        { if case .ack(let ack) = $0 { ack.clientTransactionID == txn } else { false } }
    }

    /// Sends `frame` from `sender` every second until `receiver` gets what `predicate` matches (at most 15 times).
    static func repeatUntilSeen(_ sender: ChatPeer, _ frame: ChatEnvelope, by receiver: ChatPeer, _ what: String,
                                _ predicate: @escaping @Sendable (ChatEnvelope) -> Bool) async throws {
        for _ in 0..<15 {
            try sender.send(frame)
            if (try? await receiver.inbox.next(what, timeout: .seconds(1), where: predicate)) != nil { return }
        }
        throw ChatTestError(message: "\(what): never received")
    }

    /// A visitor opened on `visitorPort`, taken by the officer connected to `officerPort`.
    static func takenConversation(visitorPort: Int, officerPort: Int) async throws -> (visitor: ChatPeer, officer: ChatPeer, ConversationID) {
        let officer = try await ChatStaffingTests.connect(Self.officer, port: officerPort)
        let (visitor, conversation) = try await ChatStaffingTests.visitor(on: .tchat, port: visitorPort)
        _ = try await visitor.inbox.next("assigned", timeout: .seconds(15)) { ChatStaffingTests.assignment($0) != nil }
        _ = try await officer.inbox.next("assigned at the officer", timeout: .seconds(15)) { ChatStaffingTests.assignment($0) != nil }
        return (visitor, officer, conversation)
    }

    @Test func typingNoticesReachThePeerOnTheOtherInstanceAndAreNeverStored() async throws {
        try await Self.twoInstances { a, b, _ in
            let (visitor, officer, conversation) = try await Self.takenConversation(visitorPort: b, officerPort: a)
            try visitor.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1", text: "bonjour")))
            let stored = try #require(ChatWebSocketTests.sequence(try await officer.inbox.next("v-1", where: Self.transaction("v-1"))))
            // Best effort by design (a notice sent while a listener reconnects is lost): sent again until seen.
            try await Self.repeatUntilSeen(visitor, .typing(Typing(conversation: conversation, active: true)),
                                           by: officer, "the visitor types (from B to A)", Self.isTyping(.visitor, true))
            try await Self.repeatUntilSeen(officer, .typing(Typing(conversation: conversation, by: .visitor, active: false)),
                                           by: visitor, "the officer stops typing (from A to B)", Self.isTyping(.operator, false))
            // Nothing was stored: the next message follows v-1 directly.
            try officer.send(.send(SendMessage(role: .operator, conversation: conversation, clientTransactionID: "o-1", text: "bonjour")))
            let next = try await visitor.inbox.next("o-1", where: Self.transaction("o-1"))
            #expect(ChatWebSocketTests.sequence(next) == stored + 1)

            for peer in [visitor, officer] { await peer.close() }
        }
    }

    @Test func aVisitorsRateLimitIsCountedOnceAcrossInstances() async throws {
        try await Self.twoInstances { a, b, _ in
            let (first, conversation) = try await ChatStaffingTests.visitor(on: .tchat, port: a)
            guard case .welcome(let welcome)? = await first.inbox.all.first(where: { if case .welcome = $0 { true } else { false } }),
                  let token = welcome.token else { throw ChatTestError(message: "no token") }
            let second = ChatPeer(port: b)
            try second.send(.hello(Hello(role: .visitor, token: token, conversation: conversation, lastSequence: 0)))
            _ = try await second.inbox.next("welcome on B") { if case .welcome = $0 { true } else { false } }
            func send(_ peer: ChatPeer, _ txn: String) throws {
                try peer.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: txn, text: "message")))
            }
            func outcomes(_ peer: ChatPeer) async -> (accepted: Int, refused: Int) {
                let frames = await peer.inbox.all
                return (frames.filter { if case .ack = $0 { true } else { false } }.count,
                        frames.filter { if case .error(let error) = $0 { error.code == .rateLimited } else { false } }.count)
            }
            // 5 at once, then 1 per second: three through A, then five through B, without waiting.
            // One bucket per instance would accept all eight; one for the conversation, five plus one per second.
            let started = ContinuousClock.now
            for index in 1...3 { try send(first, "a-\(index)") }
            for index in 1...5 { try send(second, "b-\(index)") }
            let deadline = started + .seconds(20)
            while ContinuousClock.now < deadline {
                let (a1, r1) = await outcomes(first), (a2, r2) = await outcomes(second)
                if a1 + r1 + a2 + r2 >= 8 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            let elapsed = Double((ContinuousClock.now - started).components.seconds) + 1
            let (onA, refusedOnA) = await outcomes(first), (onB, refusedOnB) = await outcomes(second)
            #expect(onA + refusedOnA + onB + refusedOnB == 8, "every message answered")
            #expect(Double(onA + onB) <= 5 + elapsed, "accepted \(onA) + \(onB) in about \(elapsed) s")
            if elapsed < 3 {
                #expect(refusedOnA + refusedOnB >= 1, "a message over the shared limit is refused (\(onA) + \(onB) accepted)")
            }
            // A refused message resent later with the same transaction id is accepted: nothing is lost.
            let refused = await second.inbox.all.compactMap { if case .error(let error) = $0, error.code == .rateLimited { error.clientTransactionID } else { nil } }
            if let txn = refused.first {
                try await Task.sleep(for: .milliseconds(1_100))
                try send(second, txn)
                _ = try await second.inbox.next("ack of \(txn) after a second", where: Self.ack(txn))
            }
            for peer in [first, second] { await peer.close() }
        }
    }

    @Test func anEmergencyAlertsTheSupervisorsOfBothInstancesOnceAndIsRecordedOnce() async throws {
        try await Self.twoInstances { a, b, schema in
            let onA = try await ChatStaffingTests.connect(Self.supervisors[0], port: a)
            let onB = try await ChatStaffingTests.connect(Self.supervisors[1], port: b)
            // The officer (on A) routes the conversation; the visitor writes on B.
            let (visitor, officer, conversation) = try await Self.takenConversation(visitorPort: b, officerPort: a)
            let text = "il me frappe en ce moment"
            try visitor.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1", text: text)))
            _ = try await officer.inbox.next("the officer sees the emergency", timeout: .seconds(15), where: ChatEscalationTests.isEmergency)
            for supervisor in [onA, onB] {
                let frame = try await supervisor.inbox.next("supervisor alert", timeout: .seconds(15), where: Self.isAlert)
                guard case .supervisorAlert(let alert) = frame else { throw ChatTestError(message: "not an alert") }
                #expect(alert.conversation == conversation && alert.platform == .tchat && alert.source == .classifier)
                #expect(!String(decoding: try frame.jsonData(), as: UTF8.self).contains("frappe"))
            }
            // Late duplicates (the routing instance reads the event too) would arrive now.
            try await Task.sleep(for: .milliseconds(800))
            #expect(await onA.inbox.all.filter(Self.isAlert).count == 1, "once on A")
            #expect(await onB.inbox.all.filter(Self.isAlert).count == 1, "once on B")
            let recorded = try await PostgresFixture.withClients { clients in
                try await PostgresClusterRelay(client: clients[0], schema: schema, logger: TestSupport.quietLogger).escalations(since: .distantPast)
            }
            #expect(recorded.map(\.alert.conversation) == [conversation], "recorded once")
            for peer in [visitor, officer, onA, onB] { await peer.close() }
        }
    }

    @Test func unstaffedWeighsTheLanguagesOfStaffOnEveryInstance() async throws {
        try await Self.twoInstances { a, b, _ in
            // The only officer, on B, speaks French; an English-speaking visitor opens on A.
            let officer = try await ChatStaffingTests.connect(Self.officer, port: b)
            let visitor = ChatPeer(port: a)
            try visitor.send(.hello(Hello.newVisitor(platform: .tchat, language: "en")))
            _ = try await visitor.inbox.next("unstaffed", timeout: .seconds(15), where: ChatStaffingTests.isUnstaffed)
            #expect(await !visitor.inbox.all.contains(where: ChatStaffingTests.isQueued), "never given a queue position that cannot move")
            for peer in [visitor, officer] { await peer.close() }
        }
    }
}
