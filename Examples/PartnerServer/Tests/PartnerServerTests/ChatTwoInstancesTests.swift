import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import PostgresBackends
import PostgresNIO
import Testing

/// The chat behind a load balancer without sticky sessions: two server instances on one
/// PostgreSQL database, over real WebSockets on loopback. The visitor opens on A, where the
/// officer works; it drops and resumes on B; every event reaches each side once, in order.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct ChatTwoInstancesTests {
    static func transaction(_ envelope: ChatEnvelope) -> String? {
        if case .event(let sequenced) = envelope { return sequenced.event.clientTransactionID }
        return nil
    }

    static func isWelcome(_ envelope: ChatEnvelope) -> Bool {
        if case .welcome = envelope { return true }
        return false
    }

    /// Sequences and transaction ids of the events an inbox received.
    static func events(_ inbox: Inbox) async -> (sequences: [UInt64], transactions: [String]) {
        let all = await inbox.all
        return (all.compactMap(ChatWebSocketTests.sequence), all.compactMap(transaction))
    }

    @Test func theVisitorResumesOnTheOtherInstanceWithNothingLostOrRepeated() async throws {
        let url = try #require(TestSupport.postgresURL)
        var configuration = ServerConfiguration(
            port: 0, postgresURL: url, rateLimitPerMinute: 0,
            operators: [OperatorAccount(id: "op-4512", displayName: "Agent 4512", token: ChatWebSocketTests.operatorToken)])
        configuration.postgresSchema = PostgresFixture.freshSchema()
        let first = try await TestSupport.application(configuration)
        let second = try await TestSupport.application(configuration)
        try await first.test(.live) { one in
            try await second.test(.live) { two in
                let a = try #require(one.port), b = try #require(two.port)
                let officer = ChatPeer(port: a, bearer: ChatWebSocketTests.operatorToken)
                try officer.send(.hello(Hello(role: .operator, operatorID: OperatorID("op-4512"))))
                _ = try await officer.inbox.next("operator welcome", where: Self.isWelcome)

                // The visitor opens on A and is taken by the officer there.
                let visitor = ChatPeer(port: a)
                try visitor.send(.hello(Hello.newVisitor(platform: .tchat, language: "fr")))
                guard case .welcome(let session) = try await visitor.inbox.next("visitor welcome", where: Self.isWelcome),
                      let token = session.token, let conversation = session.conversation else {
                    throw ChatTestError(message: "the visitor welcome has no token or conversation")
                }
                func message(_ role: ParticipantRole, _ txn: String) -> ChatEnvelope {
                    .send(SendMessage(role: role, conversation: conversation, clientTransactionID: txn, text: "message \(txn)"))
                }
                func arrival(of txn: String) -> @Sendable (ChatEnvelope) -> Bool { { Self.transaction($0) == txn } }
                _ = try await visitor.inbox.next("assignment") { ChatWebSocketTests.isEvent($0) { if case .assigned = $0 { true } else { false } } }
                try visitor.send(message(.visitor, "v-1"))
                _ = try await officer.inbox.next("v-1 at the officer", where: arrival(of: "v-1"))
                try officer.send(message(.operator, "o-1"))
                let reply = try await visitor.inbox.next("o-1 at the visitor", where: arrival(of: "o-1"))
                let lastSeen = try #require(ChatWebSocketTests.sequence(reply))

                // The visitor drops; the officer writes twice meanwhile.
                await visitor.close()
                try officer.send(message(.operator, "o-2"))
                try officer.send(message(.operator, "o-3"))
                _ = try await officer.inbox.next("o-3 stored", where: arrival(of: "o-3"))

                // Back through the load balancer, on B: exactly the missed events.
                let back = ChatPeer(port: b)
                try back.send(.hello(Hello(role: .visitor, token: token, conversation: conversation, lastSequence: lastSeen)))
                _ = try await back.inbox.next("welcome on B", where: Self.isWelcome)
                _ = try await back.inbox.next("o-3 replayed on B", where: arrival(of: "o-3"))
                #expect(await Self.events(back.inbox).transactions == ["o-2", "o-3"])
                #expect(await Self.events(back.inbox).sequences == [lastSeen + 1, lastSeen + 2])

                // Officer on A → visitor on B, visitor on B → officer on A, through the database's notifications.
                try officer.send(message(.operator, "o-4"))
                _ = try await back.inbox.next("o-4 on B", where: arrival(of: "o-4"))
                try back.send(message(.visitor, "v-2"))
                _ = try await back.inbox.next("ack of v-2") { if case .ack(let ack) = $0 { ack.clientTransactionID == "v-2" } else { false } }
                _ = try await officer.inbox.next("v-2 on A", where: arrival(of: "v-2"))
                try officer.send(message(.operator, "o-5"))
                _ = try await back.inbox.next("o-5 on B", where: arrival(of: "o-5"))

                // The notification connections drop (database restart, network cut): B listens again and reads back.
                let killed = try await Self.terminateListeners()
                #expect(killed >= 2, "both instances listen (\(killed) listener sessions ended)")
                try officer.send(message(.operator, "o-6"))
                _ = try await back.inbox.next("o-6 on B after the listeners reconnected", timeout: .seconds(20), where: arrival(of: "o-6"))
                try back.send(message(.visitor, "v-3"))
                _ = try await officer.inbox.next("v-3 on A after the listeners reconnected", timeout: .seconds(20), where: arrival(of: "v-3"))

                // Late duplicates would show up now.
                try await Task.sleep(for: .milliseconds(300))
                let seenOnB = await Self.events(back.inbox)
                #expect(seenOnB.transactions == ["o-2", "o-3", "o-4", "v-2", "o-5", "o-6", "v-3"])
                #expect(seenOnB.sequences == Array((lastSeen + 1)...(lastSeen + 7)), "contiguous, once each: \(seenOnB.sequences)")
                let seenOnA = await Self.events(officer.inbox)
                #expect(seenOnA.sequences == Array(1...(lastSeen + 7)), "the officer saw every event once, in order: \(seenOnA.sequences)")
                #expect(seenOnA.transactions == ["v-1", "o-1", "o-2", "o-3", "o-4", "v-2", "o-5", "o-6", "v-3"])
                let errors = await (officer.inbox.all + back.inbox.all).filter { if case .error = $0 { true } else { false } }
                #expect(errors.isEmpty, "no error frame: \(errors)")
                await back.close()
                await officer.close()
            }
        }
        let schema = configuration.postgresSchema
        try await PostgresFixture.withClients { clients in await PostgresFixture.drop([schema], on: clients[0]) }
    }

    /// Ends every chat listener's database session; returns how many.
    static func terminateListeners() async throws -> Int {
        try await PostgresFixture.withClients { clients in
            var count = 0
            for try await ended in try await clients[0].query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = \(ChatNotificationListener.applicationName)",
                logger: TestSupport.quietLogger
            ).decode(Bool.self) where ended { count += 1 }
            return count
        }
    }
}

/// The listener's reading of `NOTIFY` payloads: `conversation:seq`, anything else ignored.
@Suite struct ChatNotificationPayloadTests {
    @Test(arguments: [
        ("c_3f9a:12", "c_3f9a", 12 as UInt64), ("conformance-r1:1", "conformance-r1", 1), ("a:b:7", nil, 0),
        ("c_x:0", nil, 0), ("c_x:", nil, 0), (":5", nil, 0), ("c_x:-1", nil, 0), ("c_x:1e3", nil, 0), ("c x:1", nil, 0),
        ("c_x:99999999999999999999999", nil, 0), ("", nil, 0), ("c_é:1", nil, 0),
    ] as [(String, String?, UInt64)])
    func notificationPayloads(_ payload: String, _ conversation: String?, _ sequence: UInt64) {
        let parsed = ChatNotificationListener.parse(payload)
        #expect(parsed?.conversation.rawValue == conversation)
        if conversation != nil { #expect(parsed?.sequence == sequence) }
    }
}
