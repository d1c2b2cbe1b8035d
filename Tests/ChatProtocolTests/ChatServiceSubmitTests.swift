import ChatProtocol
import Foundation
import Testing

/// `submit`: frames handed over by a transport without waiting, handled as `handle` handles them.
@Suite struct ChatServiceSubmitTests {
    let clock = ManualWallClock(testStart)

    func service(inboxCapacity: Int = 4_096) -> ChatService {
        var configuration = ChatService.Configuration(engine: .init(timeZone: .gmt), inboxCapacity: inboxCapacity)
        configuration.rateLimitBurst = 1e9
        configuration.rateLimitPerSecond = 1e9
        return ChatService(configuration: configuration, clock: clock)
    }

    /// Visitors connected and welcomed, with their inboxes.
    func visitors(_ count: Int, on service: ChatService) async throws -> [(inbox: Inbox, connection: Int, id: ConversationID, token: VisitorToken)] {
        var result: [(Inbox, Int, ConversationID, VisitorToken)] = []
        for _ in 0..<count {
            let connection = await service.connect(.newVisitor())
            let inbox = Inbox(connection)
            #expect(await inbox.wait { _ in inbox.welcome != nil })
            let welcome = try #require(inbox.welcome)
            result.append((inbox, connection.id, try #require(welcome.conversation), try #require(welcome.token)))
        }
        return result
    }

    func message(_ text: String, txn: String, in id: ConversationID) -> ChatEnvelope {
        .send(SendMessage(role: .visitor, conversation: id, clientTransactionID: txn, text: text))
    }

    @Test(arguments: [4_096, 7, 1])
    func framesFromConcurrentConnectionsAreAllStoredInEachConnectionsOrder(capacity: Int) async throws {
        let service = service(inboxCapacity: capacity)
        try await service.registerOperator(officer(1))
        let chats = try await visitors(4, on: service)
        let perVisitor = 150
        await withTaskGroup(of: Void.self) { group in
            for chat in chats {
                group.addTask {
                    for n in 0..<perVisitor { await service.submit(message("message \(n)", txn: "t\(n)", in: chat.id), from: chat.connection) }
                }
            }
        }
        await service.flush()
        for chat in chats {
            #expect(await chat.inbox.wait { _ in chat.inbox.acks.count >= perVisitor })
            // Every frame is acknowledged once, in the order it was sent, with increasing sequences.
            #expect(chat.inbox.acks.map(\.clientTransactionID) == (0..<perVisitor).map { "t\($0)" })
            #expect(chat.inbox.acks.map(\.sequence) == chat.inbox.acks.map(\.sequence).sorted())
            #expect(chat.inbox.acks.allSatisfy { !$0.duplicate })
            let transcript = try await service.transcript(of: chat.id, token: chat.token)
            let texts = transcript.events.compactMap { if case .visitorMessage(_, let text, _) = $0.event { text } else { nil } }
            #expect(texts == (0..<perVisitor).map { "message \($0)" })
        }
    }

    @Test func aConnectionsLastMessageIsStoredBeforeItIsClosed() async throws {
        let service = service()
        let chat = try #require(try await visitors(1, on: service).first)
        await service.submit(message("avant de partir", txn: "last", in: chat.id), from: chat.connection)
        await service.submitDisconnect(chat.connection)
        await service.flush()
        let transcript = try await service.transcript(of: chat.id, token: chat.token)
        #expect(transcript.events.contains { $0.event.clientTransactionID == "last" })
        // Closed after it: a later frame from that connection is not handled.
        await service.submit(message("trop tard", txn: "late", in: chat.id), from: chat.connection)
        await service.flush()
        let after = try await service.transcript(of: chat.id, token: chat.token)
        #expect(!after.events.contains { $0.event.clientTransactionID == "late" })
    }

    @Test func badBytesAndFramesBeforeHelloAreAnsweredInOrder() async throws {
        let service = service()
        let connection = await service.connect()
        let inbox = Inbox(connection)
        await service.submit(bytes: Data("{not json".utf8), from: connection.id)
        await service.submit(message("hello?", txn: "early", in: ConversationID("c_unknown")), from: connection.id)
        await service.submit(.hello(.newVisitor()), from: connection.id)
        await service.flush()
        #expect(await inbox.wait { _ in inbox.welcome != nil && inbox.errors.count >= 2 })
        #expect(inbox.errors.count == 2)
        #expect(inbox.errors.last?.code == .helloRequired)
        // The errors came before the welcome: the frames were handled in the order submitted.
        let firstWelcome = try #require(inbox.all.firstIndex { if case .welcome = $0 { true } else { false } })
        let lastError = try #require(inbox.all.lastIndex { if case .error = $0 { true } else { false } })
        #expect(lastError < firstWelcome)
    }

    @Test func flushWithNothingSubmittedReturns() async {
        let service = service()
        await service.flush()
        await service.flush()
    }
}

/// A store whose appends give up when the calling task is cancelled, as a database client may.
struct CancellationSensitiveStore: ConversationStore {
    let base = InMemoryConversationStore()

    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        if Task.isCancelled { throw .backend("cancelled") }
        return try await base.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
    }

    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        try await base.events(of: conversation, after: sequence, limit: limit)
    }

    nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        try await base.lastSequence(of: conversation)
    }

    nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        try await base.purge(lastActivityBefore: cutoff)
    }
}

extension ChatServiceSubmitTests {
    @Test func aCancelledTransportTaskDoesNotFailTheFramesItWouldHaveHandled() async throws {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), store: CancellationSensitiveStore(), clock: clock)
        let chat = try #require(try await visitors(1, on: service).first)
        let frame = message("bonjour", txn: "c1", in: chat.id)
        let connection = chat.connection
        // The task submitting finds the service idle, so it would drain, but it is already cancelled.
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await service.submit(frame, from: connection)
        }
        await cancelled.value
        await service.flush()
        #expect(await chat.inbox.wait { _ in !chat.inbox.acks.isEmpty || !chat.inbox.errors.isEmpty })
        #expect(chat.inbox.errors.isEmpty)
        #expect(chat.inbox.acks.map(\.clientTransactionID) == ["c1"])
    }
}
