import ChatProtocol
import Foundation
import Testing

@Suite struct ChatServiceTests {
    let clock = ManualWallClock(testStart)

    func service(operators: [OperatorProfile] = [officer(1)], classifier: (any EmergencyClassifier)? = nil,
                 translator: (any Translator)? = nil, supervisor: (any SupervisorHook)? = nil,
                 configuration: ChatService.Configuration = .init(engine: .init(timeZone: .gmt))) async throws -> ChatService {
        let service = ChatService(configuration: configuration, clock: clock, classifier: classifier, translator: translator, supervisor: supervisor)
        for profile in operators { try await service.registerOperator(profile) }
        return service
    }

    /// A new visitor, taken by op1, with both inboxes.
    func started(_ service: ChatService) async throws -> (visitor: Inbox, operator: Inbox, id: ConversationID, token: VisitorToken, visitorConnection: Int, operatorConnection: Int) {
        let operatorConnection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let connection = await service.connect(.newVisitor())
        let inbox = Inbox(connection)
        #expect(await inbox.wait { $0.contains { if case .welcome = $0 { true } else { false } } })
        let welcome = try #require(inbox.welcome)
        let id = try #require(welcome.conversation)
        let token = try #require(welcome.token)
        return (inbox, operatorInbox, id, token, connection.id, operatorConnection.id)
    }

    func say(_ service: ChatService, _ text: String, txn: String, on connection: Int, in id: ConversationID, role: ParticipantRole = .visitor) async {
        await service.handle(.send(SendMessage(role: role, conversation: id, clientTransactionID: txn, text: text)), from: connection)
    }

    @Test func aNewVisitorIsQueuedThenAssignedWithAPseudonym() async throws {
        let service = try await service(operators: [])
        let inbox = Inbox(await service.connect(.newVisitor()))
        #expect(await inbox.waitForEvents(1))
        let id = try #require(inbox.welcome?.conversation)
        let token = try #require(inbox.welcome?.token)
        // Nobody serves the platform yet: the visitor is told so, with the numbers to use meanwhile (never silence).
        #expect(inbox.events.first?.event == .unstaffed(platform: .tchat, helpLines: HelpLine.france[.tchat] ?? []))
        try await service.registerOperator(officer(1))
        #expect(await inbox.waitForEvents(2))
        #expect(inbox.events.last?.event == .assigned(pseudonym: "Agent 1", role: .officer))
        #expect(inbox.events.map(\.sequence) == [1, 2])
        #expect(await service.state(of: id) == .assigned)
        #expect(token.rawValue.hasPrefix("v_") && token.rawValue.count == 34)
    }

    @Test func aVisitorTakenAtOnceIsNotQueued() async throws {
        let service = try await service()
        let chat = try await started(service)
        #expect(await chat.visitor.waitForEvents(1))
        #expect(chat.visitor.events.map(\.event) == [.assigned(pseudonym: "Agent 1", role: .officer)])
    }

    @Test func messagesAreSequencedAckedAndDeliveredToTheOperator() async throws {
        let service = try await service()
        let chat = try await started(service)
        await say(service, "Bonjour", txn: "t1", on: chat.visitorConnection, in: chat.id)
        await say(service, "Je suis là", txn: "t2", on: chat.operatorConnection, in: chat.id, role: .operator)
        #expect(await chat.visitor.waitForEvents(3))
        #expect(chat.visitor.acks == [Ack(conversation: chat.id, clientTransactionID: "t1", sequence: 2, duplicate: false)])
        #expect(await chat.operator.wait { frames in frames.contains { if case .event(let e) = $0, e.sequence == 3 { true } else { false } } })
        let operatorSeen = chat.operator.events.map(\.sequence)
        #expect(operatorSeen == [1, 2, 3], "the operator gets every event, in order")
        let last = try #require(chat.visitor.events.last)
        #expect(last.event == .operatorMessage(clientTransactionID: "t2", pseudonym: "Agent 1", text: "Je suis là", translation: nil))
    }

    @Test func aResentTransactionIsStoredOnceAndAckedWithTheOriginalSequence() async throws {
        let service = try await service()
        let chat = try await started(service)
        await say(service, "Bonjour", txn: "same", on: chat.visitorConnection, in: chat.id)
        await say(service, "Bonjour", txn: "same", on: chat.visitorConnection, in: chat.id)
        #expect(await chat.visitor.wait { _ in chat.visitor.acks.count == 2 })
        #expect(chat.visitor.acks.map(\.sequence) == [2, 2])
        #expect(chat.visitor.acks.map(\.duplicate) == [false, true])
        let transcript = try await service.transcript(of: chat.id, token: chat.token)
        #expect(transcript.events.filter { $0.event.clientTransactionID == "same" }.count == 1)
    }

    @Test func aBurstOfFramesIsHandledInOrder() async throws {
        let service = try await service()
        let chat = try await started(service)
        let frames = (1...3).map { ChatEnvelope.send(SendMessage(role: .visitor, conversation: chat.id, clientTransactionID: "b\($0)", text: "m\($0)")) }
        await service.handle(frames + [frames[0]], from: chat.visitorConnection)
        #expect(await chat.visitor.wait { _ in chat.visitor.acks.count == 4 })
        #expect(chat.visitor.acks.map(\.clientTransactionID) == ["b1", "b2", "b3", "b1"])
        #expect(chat.visitor.acks.map(\.sequence) == [2, 3, 4, 2])
    }

    @Test func resumingReplaysExactlyTheMissedEventsInOrder() async throws {
        let service = try await service()
        let chat = try await started(service)
        await say(service, "un", txn: "1", on: chat.visitorConnection, in: chat.id)
        #expect(await chat.visitor.waitForEvents(2))
        let lastSeen = try #require(chat.visitor.events.last?.sequence)
        await service.disconnect(chat.visitorConnection)
        // While the visitor is away, the operator writes twice.
        await say(service, "deux", txn: "o2", on: chat.operatorConnection, in: chat.id, role: .operator)
        await say(service, "trois", txn: "o3", on: chat.operatorConnection, in: chat.id, role: .operator)
        let back = Inbox(await service.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: lastSeen)))
        #expect(await back.waitForEvents(2))
        #expect(back.welcome?.lastSequence == lastSeen + 2)
        #expect(back.events.map(\.sequence) == [lastSeen + 1, lastSeen + 2])
        #expect(back.events.map(\.event.clientTransactionID) == ["o2", "o3"])
    }

    @Test func resumingWithAnotherTokenIsRefused() async throws {
        let service = try await service()
        let chat = try await started(service)
        let intruder = Inbox(await service.connect(Hello(role: .visitor, token: VisitorToken.random(), conversation: chat.id, lastSequence: 0)))
        #expect(await intruder.wait { !$0.isEmpty })
        #expect(intruder.errors.map(\.code) == [.notFound])
        #expect(intruder.events.isEmpty)
    }

    @Test func violationsGetErrorFramesAndTheConnectionKeepsWorking() async throws {
        let service = try await service()
        let chat = try await started(service)
        await say(service, String(repeating: "x", count: 4_001), txn: "long", on: chat.visitorConnection, in: chat.id)
        await say(service, "\u{0}\u{1}", txn: "empty", on: chat.visitorConnection, in: chat.id)
        await service.receive(Data([0xFF, 0xFE]), from: chat.visitorConnection)
        await service.receive(Data(#"{"v":7,"type":"hello"}"#.utf8), from: chat.visitorConnection)
        await service.receive(Data(#"{"v":1,"type":"explode","conversation":"x"}"#.utf8), from: chat.visitorConnection)
        await service.handle(.action(.close(chat.id)), from: chat.visitorConnection)
        await say(service, "from the wrong side", txn: "w", on: chat.visitorConnection, in: chat.id, role: .operator)
        await say(service, "ok\u{7}", txn: "fine", on: chat.visitorConnection, in: chat.id)
        #expect(await chat.visitor.wait { _ in chat.visitor.acks.count == 1 })
        #expect(chat.visitor.errors.map(\.code) == [.messageTooLong, .emptyMessage, .invalidUTF8, .unsupportedVersion, .unknownType, .forbidden, .forbidden])
        #expect(chat.visitor.errors.first?.clientTransactionID == "long")
        let stored = try #require(chat.visitor.events.last)
        #expect(stored.event == .visitorMessage(clientTransactionID: "fine", text: "ok", translation: nil))
    }

    @Test func floodsAreRateLimitedOnTheInjectedClock() async throws {
        let service = try await service()
        let chat = try await started(service)
        for n in 0..<7 { await say(service, "m\(n)", txn: "f\(n)", on: chat.visitorConnection, in: chat.id) }
        #expect(await chat.visitor.wait { _ in chat.visitor.acks.count + chat.visitor.errors.count == 7 })
        #expect(chat.visitor.acks.count == 5)
        #expect(chat.visitor.errors.map(\.code) == [.rateLimited, .rateLimited])
        clock.advance(by: 1)
        await say(service, "m5", txn: "f5", on: chat.visitorConnection, in: chat.id)
        #expect(await chat.visitor.wait { _ in chat.visitor.acks.count == 6 })
    }

    @Test func framesBeforeHelloAreRefused() async throws {
        let service = try await service()
        let connection = await service.connect()
        let inbox = Inbox(connection)
        await service.handle(.action(.leave(ConversationID("c"))), from: connection.id)
        #expect(await inbox.wait { !$0.isEmpty })
        #expect(inbox.errors.map(\.code) == [.helloRequired])
    }

    @Test func theClassifierRaisesAnEmergencyAndTellsTheSupervisorWithoutContents() async throws {
        let supervisor = RecordingSupervisor()
        let service = try await service(operators: [], classifier: FixedClassifier(), supervisor: supervisor)
        let visitor = await service.connect(.newVisitor(platform: .pnav))
        let inbox = Inbox(visitor)
        #expect(await inbox.wait { _ in inbox.welcome != nil })
        let id = try #require(inbox.welcome?.conversation)
        let connection = visitor.id
        await say(service, "Je suis en danger, il est devant la porte", txn: "d1", on: connection, in: id)
        #expect(await inbox.wait { _ in inbox.events.contains { $0.event == .emergencyRaised(source: .classifier) } })
        let notices = await supervisor.notices
        #expect(notices == [EmergencyNotice(conversation: id, platform: .pnav, source: .classifier, at: testStart, operatorPseudonym: nil)])
        // Only the first message is classified.
        await say(service, "danger encore", txn: "d2", on: connection, in: id)
        #expect(await supervisor.notices.count == 1)
    }

    @Test func theDangerButtonPutsTheVisitorFirst() async throws {
        let service = try await service(operators: [officer(1, capacity: 1)])
        let first = try await started(service)
        let second = Inbox(await service.connect(.newVisitor()))
        let third = Inbox(await service.connect(.newVisitor()))
        #expect(await third.wait { _ in third.welcome != nil && !third.events.isEmpty })
        let thirdID = try #require(third.welcome?.conversation)
        let secondID = try #require(second.welcome?.conversation)
        #expect(await service.queueStatus(of: thirdID)?.position == 2)
        await service.handle(.action(.emergency(thirdID)), from: 4)
        #expect(await service.queueStatus(of: thirdID)?.position == 1)
        // The second visitor is told the queue moved.
        #expect(await second.wait { _ in second.events.contains { $0.event == .queued(platform: .tchat, position: 2, estimatedWaitSeconds: 1_800) } })
        await service.handle(.action(.close(first.id)), from: first.operatorConnection)
        #expect(await service.state(of: thirdID) == .assigned)
        #expect(await service.state(of: secondID) == .waiting)
    }

    @Test func leavingWhileWaitingIsAnAbandonment() async throws {
        let service = try await service(operators: [])
        let inbox = Inbox(await service.connect(.newVisitor()))
        #expect(await inbox.wait { _ in inbox.welcome != nil })
        let id = try #require(inbox.welcome?.conversation)
        await service.handle(.action(.leave(id)), from: 1)
        #expect(await service.state(of: id) == .abandoned)
        #expect(await inbox.wait { _ in inbox.events.last?.event == .closed(reason: .abandoned) })
        await say(service, "encore là ?", txn: "late", on: 1, in: id)
        #expect(await inbox.wait { _ in inbox.errors.map(\.code) == [.invalidTransition] })
    }

    @Test func operatorActionsFollowTheStateMachine() async throws {
        let service = try await service()
        let chat = try await started(service)
        await service.handle(.action(.resume(chat.id)), from: chat.operatorConnection)
        await service.handle(.action(.hold(chat.id)), from: chat.operatorConnection)
        await service.handle(.action(.resume(chat.id)), from: chat.operatorConnection)
        await service.handle(.action(.convert(chat.id, .long)), from: chat.operatorConnection)
        #expect(await service.load(of: OperatorID("op1")) == 8)
        await service.handle(.action(.close(chat.id)), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in chat.visitor.events.last?.event == .closed(reason: .operator) })
        #expect(chat.operator.errors.map(\.code) == [.invalidTransition])
        #expect(chat.visitor.events.suffix(4).map(\.event) == [.onHold, .resumed, .converted(kind: .long), .closed(reason: .operator)])
        #expect(await service.load(of: OperatorID("op1")) == 0)
    }

    @Test func handOffToThePsychologistHidesTheNoteFromTheVisitor() async throws {
        let service = try await service(operators: [officer(1, platforms: [.tchat, .pnav], vss: true),
                                                    officer(2, platforms: [.pnav], role: .psychologist)])
        let chat = try await started(service)
        let psychologist = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op2"))))
        await service.handle(.action(.transfer(chat.id, .role(.psychologist, .pnav), note: "accord pour une psychologue")), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in chat.visitor.events.contains { $0.event == .assigned(pseudonym: "Agent 2", role: .psychologist) } })
        let visitorTransfer = chat.visitor.events.first { if case .transferred = $0.event { true } else { false } }
        #expect(visitorTransfer?.event == .transferred(platform: .pnav, toPseudonym: nil, toRole: .psychologist, note: nil))
        #expect(await psychologist.wait { _ in psychologist.events.contains { $0.event == .transferred(platform: .pnav, toPseudonym: nil, toRole: .psychologist, note: "accord pour une psychologue") } })
        #expect(await service.operatorOf(chat.id)?.id == OperatorID("op2"))
        // The first operator is out of the conversation.
        await say(service, "encore moi", txn: "x", on: chat.operatorConnection, in: chat.id, role: .operator)
        #expect(await chat.operator.wait { _ in chat.operator.errors.map(\.code) == [.notFound] })
    }

    @Test func inactiveConversationsAreClosedAutomatically() async throws {
        let service = try await service()
        let chat = try await started(service)
        clock.advance(by: 19 * 60)
        #expect(await service.tick().isEmpty)
        clock.advance(by: 2 * 60)
        #expect(await service.tick() == [chat.id])
        #expect(await service.state(of: chat.id) == .closed)
        #expect(await chat.visitor.wait { _ in chat.visitor.events.last?.event == .closed(reason: .inactivity) })
    }

    @Test func translationsKeepTheOriginal() async throws {
        let service = try await service(operators: [officer(1)], translator: UppercaseTranslator())
        let operatorInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        let inbox = Inbox(await service.connect(.newVisitor(language: "en")))
        #expect(await inbox.waitForEvents(1))
        let id = try #require(inbox.welcome?.conversation)
        await say(service, "help", txn: "e1", on: 2, in: id)
        #expect(await operatorInbox.wait { _ in operatorInbox.events.contains { $0.event.clientTransactionID == "e1" } })
        let stored = operatorInbox.events.first { $0.event.clientTransactionID == "e1" }
        #expect(stored?.event == .visitorMessage(clientTransactionID: "e1", text: "help", translation: Translation(language: "fr", text: "[fr] HELP")))
    }

    @Test func transcriptIsForTheVisitorOnlyAndPurgeForgetsOldConversations() async throws {
        let service = try await service()
        let chat = try await started(service)
        await say(service, "Bonjour", txn: "t", on: chat.visitorConnection, in: chat.id)
        await service.handle(.action(.close(chat.id)), from: chat.operatorConnection)
        let transcript = try await service.transcript(of: chat.id, token: chat.token)
        #expect(transcript.plainText(timeZone: .gmt).contains("[20:26] Vous : Bonjour"))
        await #expect(throws: ChatErrorFrame.self) { try await service.transcript(of: chat.id, token: VisitorToken.random()) }
        clock.advance(by: 29 * 86_400)
        #expect(try await service.purgeExpired() == 0)
        clock.advance(by: 2 * 86_400)
        #expect(try await service.purgeExpired() == 1)
        await #expect(throws: ChatErrorFrame.self) { try await service.transcript(of: chat.id, token: chat.token) }
    }

    @Test func concurrentVisitorsNeverPushAnOperatorOverCapacity() async throws {
        let service = try await service(operators: [officer(1), officer(2), officer(3, capacity: 4)])
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask { _ = await service.connect(.newVisitor()) }
            }
        }
        #expect(await service.load(of: OperatorID("op1")) == 8)
        #expect(await service.load(of: OperatorID("op2")) == 8)
        #expect(await service.load(of: OperatorID("op3")) == 4)
    }
}

/// A gate that holds whoever passes it until it is opened (then lets everyone through).
actor Gate {
    private var held: [CheckedContinuation<Void, Never>] = []
    private var opened = false
    /// Whether someone has reached the gate.
    private(set) var reached = false

    func pass() async {
        reached = true
        guard !opened else { return }
        await withCheckedContinuation { held.append($0) }
    }

    func open() {
        opened = true
        for continuation in held { continuation.resume() }
        held = []
    }
}

/// Holds the append of messages whose text is "slow" at ``gate`` until the test opens it, so that
/// appends interleave in the service in a known order, whatever the machine's load.
final class SlowStore: ConversationStore {
    let inner = InMemoryConversationStore()
    let gate = Gate()

    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        if case .visitorMessage(_, "slow", _) = event { await gate.pass() }
        return try await inner.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
    }

    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64,
                                        limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        try await inner.events(of: conversation, after: sequence, limit: limit)
    }

    nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        try await inner.lastSequence(of: conversation)
    }

    nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        try await inner.purge(lastActivityBefore: cutoff)
    }
}

@Suite struct ChatServiceInterleavingTests {
    @Test func interleavedAppendsKeepSequenceAndDeliveryOrder() async throws {
        let store = SlowStore()
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), store: store, clock: ManualWallClock(testStart))
        try await service.registerOperator(officer(1))
        let operatorConnection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let visitor = await service.connect(.newVisitor())
        let inbox = Inbox(visitor)
        #expect(await inbox.waitForEvents(1))
        let id = try #require(inbox.welcome?.conversation)
        async let slow: Void = service.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "a", text: "slow")), from: visitor.id)
        // "a" is held in the store; "b" is appended meanwhile; then "a" goes on, meets a conflict and retries.
        while !(await store.gate.reached) { await Task.yield() }
        await service.handle(.send(SendMessage(role: .operator, conversation: id, clientTransactionID: "b", text: "vite")), from: operatorConnection.id)
        await store.gate.open()
        await slow
        #expect(await inbox.waitForEvents(3))
        // The operator's message overtook the slow one; the slow one retried and got the next number.
        #expect(inbox.events.map(\.sequence) == [1, 2, 3])
        #expect(inbox.events.map(\.event.clientTransactionID) == [nil, "b", "a"])
        #expect(inbox.acks == [Ack(conversation: id, clientTransactionID: "a", sequence: 3, duplicate: false)])
        #expect(await operatorInbox.wait { _ in operatorInbox.events.map(\.sequence) == [1, 2, 3] })
    }
}
