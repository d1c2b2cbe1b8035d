import ChatProtocol
import Foundation
import Testing

/// Two ``ChatService`` instances on one shared store, as two server processes on one database:
/// the store's announcements are replayed by hand, late, twice and out of order.
@Suite struct MultiInstanceTests {
    let clock = ManualWallClock(testStart)

    func instance(_ store: InMemoryConversationStore, supervisor: (any SupervisorHook)? = nil) async throws -> ChatService {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), store: store, clock: clock, supervisor: supervisor)
        try await service.registerOperator(officer(1))
        return service
    }

    /// A visitor opened on `home`, taken by op1 there: both inboxes and the visitor's credentials.
    func opened(on home: ChatService) async throws -> (visitor: Inbox, visitorConnection: Int, operator: Inbox, operatorConnection: Int,
                                                        id: ConversationID, token: VisitorToken) {
        let operatorConnection = await home.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let connection = await home.connect(.newVisitor())
        let inbox = Inbox(connection)
        #expect(await inbox.waitForEvents(1))
        let welcome = try #require(inbox.welcome)
        return (inbox, connection.id, operatorInbox, operatorConnection.id, try #require(welcome.conversation), try #require(welcome.token))
    }

    func say(_ service: ChatService, _ txn: String, on connection: Int, in id: ConversationID, role: ParticipantRole) async {
        await service.handle(.send(SendMessage(role: role, conversation: id, clientTransactionID: txn, text: "texte \(txn)")), from: connection)
    }

    static func transactions(_ inbox: Inbox) -> [String] { inbox.events.compactMap(\.event.clientTransactionID) }

    @Test func theVisitorResumesOnAnotherInstanceAndEveryEventArrivesOnceInOrder() async throws {
        let store = InMemoryConversationStore()
        let a = try await instance(store), b = try await instance(store)
        let chat = try await opened(on: a)
        await say(a, "v1", on: chat.visitorConnection, in: chat.id, role: .visitor)
        await say(a, "o1", on: chat.operatorConnection, in: chat.id, role: .operator)
        #expect(await chat.visitor.waitForEvents(3))
        let lastSeen = try #require(chat.visitor.events.last?.sequence)
        await a.disconnect(chat.visitorConnection)

        // Meanwhile the operator writes twice on A.
        await say(a, "o2", on: chat.operatorConnection, in: chat.id, role: .operator)
        await say(a, "o3", on: chat.operatorConnection, in: chat.id, role: .operator)

        // The visitor comes back through the load balancer, to B: exactly the missed events.
        let resumed = await b.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: lastSeen))
        let visitor = Inbox(resumed)
        #expect(await visitor.waitForEvents(2))
        #expect(visitor.welcome?.conversation == chat.id)
        #expect(visitor.events.map(\.sequence) == [lastSeen + 1, lastSeen + 2])
        #expect(Self.transactions(visitor) == ["o2", "o3"])

        // A writes again; B learns of it from the store's announcement, which also comes twice and late.
        await say(a, "o4", on: chat.operatorConnection, in: chat.id, role: .operator)
        await b.storeDidAppend(to: chat.id, upTo: 6)
        await b.storeDidAppend(to: chat.id, upTo: 6)
        await b.storeDidAppend(to: chat.id, upTo: 4)
        #expect(await visitor.waitForEvents(3))

        // The visitor writes on B: sequenced after what B was told, without a conflict; B's own announcement is harmless.
        await say(b, "v2", on: resumed.id, in: chat.id, role: .visitor)
        #expect(await visitor.wait { _ in visitor.acks.count == 1 })
        #expect(visitor.acks.first?.sequence == 7)
        await b.storeDidAppend(to: chat.id, upTo: 7)
        await a.storeDidAppend(to: chat.id, upTo: 7)
        await a.storeDidAppend(to: chat.id, upTo: 7)
        #expect(await chat.operator.wait { _ in Self.transactions(chat.operator).contains("v2") })

        // Both write before hearing of each other: A's append conflicts, retries, and reads B's event back itself.
        await say(b, "v3", on: resumed.id, in: chat.id, role: .visitor)
        await say(a, "o5", on: chat.operatorConnection, in: chat.id, role: .operator)
        #expect(await chat.operator.wait { _ in Self.transactions(chat.operator).contains("o5") && Self.transactions(chat.operator).contains("v3") })
        await b.storeDidAppend(to: chat.id, upTo: 9)
        #expect(await visitor.wait { _ in Self.transactions(visitor).contains("o5") })

        try await Task.sleep(for: .milliseconds(50))
        let operatorSequences = chat.operator.events.map(\.sequence)
        #expect(operatorSequences == Array(1...9), "the operator saw every event once, in order: \(operatorSequences)")
        #expect(visitor.events.map(\.sequence) == Array(4...9), "the resumed visitor saw every later event once, in order")
        #expect(Self.transactions(visitor) == ["o2", "o3", "o4", "v2", "v3", "o5"])
        #expect(visitor.errors.isEmpty && chat.operator.errors.isEmpty)
        let transcript = try await b.transcript(of: chat.id, token: chat.token)
        #expect(transcript.events.map(\.sequence) == Array(1...9))
    }

    @Test func leavingOnAnotherInstanceFreesTheOperatorWhereTheConversationIsRouted() async throws {
        let store = InMemoryConversationStore()
        let a = try await instance(store), b = try await instance(store)
        let chat = try await opened(on: a)
        #expect(await a.load(of: OperatorID("op1")) == 1)
        let resumed = await b.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: 1))
        let visitor = Inbox(resumed)
        #expect(await visitor.wait { _ in visitor.welcome != nil })
        await b.handle(.action(.leave(chat.id)), from: resumed.id)
        #expect(await visitor.wait { _ in visitor.events.contains { $0.event == .closed(reason: .visitor) } })
        await a.storeDidAppend(to: chat.id, upTo: 2)
        await a.storeDidAppend(to: chat.id, upTo: 2)
        #expect(await a.state(of: chat.id) == .closed)
        #expect(await a.load(of: OperatorID("op1")) == 0)
        #expect(await chat.operator.wait { _ in chat.operator.events.contains { $0.event == .closed(reason: .visitor) } })
        // The conversation is over on B too.
        await say(b, "late", on: resumed.id, in: chat.id, role: .visitor)
        #expect(await visitor.wait { _ in visitor.errors.contains { $0.code == .invalidTransition } })
    }

    @Test func anEmergencyRaisedOnAnotherInstanceReachesTheSupervisorOnce() async throws {
        let store = InMemoryConversationStore()
        let supervisor = RecordingSupervisor()
        let a = try await instance(store, supervisor: supervisor), b = try await instance(store)
        let chat = try await opened(on: a)
        let resumed = await b.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: 1))
        let visitor = Inbox(resumed)
        #expect(await visitor.wait { _ in visitor.welcome != nil })
        await b.handle(.action(.emergency(chat.id)), from: resumed.id)
        await b.handle(.action(.emergency(chat.id)), from: resumed.id)
        #expect(await visitor.waitForEvents(1))
        await a.storeDidAppend(to: chat.id, upTo: 2)
        await a.storeDidAppend(to: chat.id, upTo: 2)
        await a.storeDidAppend(to: chat.id, upTo: 1)
        #expect(await supervisor.notices.map(\.source) == [.visitor])
        #expect(visitor.events.filter { $0.event == .emergencyRaised(source: .visitor) }.count == 1)
    }

    @Test func aWrongTokenCannotResumeAnywhereAndTheStoreKeepsOnlyItsDigest() async throws {
        let store = InMemoryConversationStore()
        let a = try await instance(store), b = try await instance(store)
        let chat = try await opened(on: a)
        for (service, hello) in [(b, Hello(role: .visitor, token: VisitorToken.random(), conversation: chat.id, lastSequence: 0)),
                                 (b, Hello(role: .visitor, token: chat.token, conversation: ConversationID("c_nobody"), lastSequence: 0)),
                                 (a, Hello(role: .visitor, token: VisitorToken.random(), conversation: chat.id, lastSequence: 0))] {
            let inbox = Inbox(await service.connect(hello))
            #expect(await inbox.wait { _ in !inbox.errors.isEmpty })
            #expect(inbox.errors.first?.code == .notFound && inbox.welcome == nil)
        }
        let record = try #require(try await store.record(of: chat.id))
        #expect(record.visitorDigest.matches(chat.token))
        #expect(!"\(record)".contains(chat.token.rawValue) && !"\(record)".contains(record.visitorDigest.hex))
        await #expect(throws: ChatErrorFrame.self) { try await b.transcript(of: chat.id, token: VisitorToken.random()) }
    }

    @Test func announcementsForUnknownConversationsAreIgnoredAndResynchronizeCatchesUp() async throws {
        let store = InMemoryConversationStore()
        let a = try await instance(store), b = try await instance(store)
        await b.storeDidAppend(to: ConversationID("c_unknown"), upTo: 42)
        let chat = try await opened(on: a)
        let visitor = Inbox(await b.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: 1)))
        #expect(await visitor.wait { _ in visitor.welcome != nil })
        await say(a, "o1", on: chat.operatorConnection, in: chat.id, role: .operator)
        await say(a, "o2", on: chat.operatorConnection, in: chat.id, role: .operator)
        // Both announcements were lost (the notification connection dropped): B reads back after reconnecting.
        await b.resynchronize()
        #expect(await visitor.waitForEvents(2))
        await b.resynchronize()
        try await Task.sleep(for: .milliseconds(20))
        #expect(visitor.events.map(\.sequence) == [2, 3])
    }
}
