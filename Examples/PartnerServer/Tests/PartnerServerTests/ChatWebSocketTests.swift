import ChatProtocol
import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import Logging
@testable import PartnerServer
import Testing

/// Envelopes received by one WebSocket peer, waited for with a timeout.
actor Inbox {
    private var received: [ChatEnvelope] = []
    private var consumed = 0
    private(set) var finished = false

    func add(_ envelope: ChatEnvelope) { received.append(envelope) }
    func finish() { finished = true }

    /// The next unread envelope that satisfies `predicate` (earlier unread ones are skipped).
    func next(_ what: String, timeout: Duration = .seconds(10), where predicate: @Sendable (ChatEnvelope) -> Bool) async throws -> ChatEnvelope {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            while consumed < received.count {
                let envelope = received[consumed]
                consumed += 1
                if predicate(envelope) { return envelope }
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ChatTestError(message: "timed out waiting for \(what); received \(received.map(\.typeName))")
    }

    /// Every envelope received so far.
    var all: [ChatEnvelope] { received }
}

struct ChatTestError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// One WebSocket client of `/v1/chat`.
final class ChatPeer: Sendable {
    let inbox = Inbox()
    private let outgoing: AsyncStream<String>.Continuation
    let task: Task<Void, any Error>

    init(port: Int, bearer: String? = nil) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        outgoing = continuation
        let inbox = self.inbox
        var headers = HTTPFields()
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        let configuration = WebSocketClientConfiguration(additionalHeaders: headers)
        task = Task {
            defer { Task { await inbox.finish() } }
            _ = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/v1/chat", configuration: configuration,
                                                  logger: TestSupport.quietLogger) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in stream { try await outbound.write(.text(text)) }
                        try await outbound.close(.normalClosure, reason: nil)
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message, let envelope = try? ChatEnvelope.decode(Data(text.utf8)) {
                            await inbox.add(envelope)
                        }
                    }
                    group.cancelAll()
                }
            }
        }
    }

    func send(_ envelope: ChatEnvelope) throws {
        outgoing.yield(String(decoding: try envelope.jsonData(), as: UTF8.self))
    }

    func sendRaw(_ text: String) { outgoing.yield(text) }

    /// Closes the connection and waits for it to end.
    func close() async {
        outgoing.finish()
        _ = try? await task.value
    }
}

/// Chat over a real WebSocket: visitor and operator exchange, the visitor
/// disconnects and resumes with no lost or duplicated message.
@Suite struct ChatWebSocketTests {
    static let operatorToken = "op-token-0123456789abcdef"

    static func application() async throws -> some ApplicationProtocol {
        try await TestSupport.application(ServerConfiguration(
            port: 0, rateLimitPerMinute: 0,
            operators: [OperatorAccount(id: "op-4512", displayName: "Agent 4512", token: operatorToken)]))
    }

    static func isEvent(_ envelope: ChatEnvelope, _ match: (ConversationEvent) -> Bool) -> Bool {
        if case .event(let sequenced) = envelope { return match(sequenced.event) }
        return false
    }

    static func sequence(_ envelope: ChatEnvelope) -> UInt64? {
        if case .event(let sequenced) = envelope { return sequenced.sequence }
        return nil
    }

    @Test func visitorAndOperatorExchangeThenTheVisitorResumes() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            let officer = ChatPeer(port: port, bearer: Self.operatorToken)
            try officer.send(.hello(Hello(role: .operator, operatorID: OperatorID("op-4512"))))
            _ = try await officer.inbox.next("operator welcome") { if case .welcome = $0 { return true }; return false }

            // A new anonymous visitor is routed to the officer.
            let visitor = ChatPeer(port: port)
            try visitor.send(.hello(Hello.newVisitor(platform: .tchat, language: "fr")))
            let welcome = try await visitor.inbox.next("visitor welcome") { if case .welcome = $0 { return true }; return false }
            guard case .welcome(let session) = welcome, let token = session.token, let conversation = session.conversation else {
                throw ChatTestError(message: "the visitor welcome has no token or conversation")
            }
            _ = try await visitor.inbox.next("assignment") { Self.isEvent($0) { if case .assigned = $0 { return true }; return false } }

            // Visitor → officer.
            try visitor.send(.send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "v-1", text: "Bonjour, on m'a volé mon sac.")))
            _ = try await visitor.inbox.next("ack of v-1") { if case .ack = $0 { return true }; return false }
            _ = try await officer.inbox.next("visitor message") {
                Self.isEvent($0) { if case .visitorMessage(let id, _, _) = $0 { return id == "v-1" }; return false }
            }

            // Officer → visitor.
            try officer.send(.send(SendMessage(role: .operator, conversation: conversation, clientTransactionID: "o-1", text: "Bonjour, je vous écoute.")))
            let reply = try await visitor.inbox.next("officer reply") {
                Self.isEvent($0) { if case .operatorMessage(let id, _, _, _) = $0 { return id == "o-1" }; return false }
            }
            let lastSeen = try #require(Self.sequence(reply))

            // The visitor drops; the officer writes twice meanwhile.
            await visitor.close()
            try officer.send(.send(SendMessage(role: .operator, conversation: conversation, clientTransactionID: "o-2", text: "Êtes-vous en sécurité ?")))
            try officer.send(.send(SendMessage(role: .operator, conversation: conversation, clientTransactionID: "o-3", text: "Je reste là.")))
            _ = try await officer.inbox.next("o-3 stored") {
                Self.isEvent($0) { if case .operatorMessage(let id, _, _, _) = $0 { return id == "o-3" }; return false }
            }

            // The visitor resumes from the last sequence it saw: exactly the missed events, in order.
            let back = ChatPeer(port: port)
            try back.send(.hello(Hello(role: .visitor, token: token, conversation: conversation, lastSequence: lastSeen)))
            _ = try await back.inbox.next("resumed welcome") { if case .welcome = $0 { return true }; return false }
            _ = try await back.inbox.next("o-3 replayed") {
                Self.isEvent($0) { if case .operatorMessage(let id, _, _, _) = $0 { return id == "o-3" }; return false }
            }
            let replayed = await back.inbox.all.compactMap(Self.sequence)
            #expect(replayed.first == lastSeen + 1, "replay starts right after the last event seen")
            #expect(replayed == Array(replayed.sorted()) && Set(replayed).count == replayed.count, "no duplicate, in order: \(replayed)")
            let texts = await back.inbox.all.compactMap { envelope -> String? in
                if case .event(let sequenced) = envelope, case .operatorMessage(let id, _, _, _) = sequenced.event { return id }
                return nil
            }
            #expect(texts == ["o-2", "o-3"])
            await back.close()
            await officer.close()
        }
    }

    @Test func operatorsMustAuthenticate() async throws {
        try await Self.application().test(.live) { client in
            let port = try #require(client.port)
            // Without a token, an operator hello is refused.
            let impostor = ChatPeer(port: port)
            try impostor.send(.hello(Hello(role: .operator, operatorID: OperatorID("op-4512"))))
            let refusal = try await impostor.inbox.next("refusal") { if case .error = $0 { return true }; return false }
            if case .error(let frame) = refusal { #expect(frame.code == .forbidden) }
            await impostor.close()
            // With a wrong token, the upgrade itself is refused.
            let wrong = ChatPeer(port: port, bearer: "not-the-token-at-all")
            await #expect(throws: (any Error).self) { try await wrong.task.value }
            // A frame that is not JSON gets the protocol's error frame.
            let visitor = ChatPeer(port: port)
            visitor.sendRaw("not json")
            let error = try await visitor.inbox.next("malformed error") { if case .error = $0 { return true }; return false }
            if case .error(let frame) = error { #expect(frame.code == .malformed) }
            await visitor.close()
        }
    }
}
