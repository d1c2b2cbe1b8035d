import Foundation

/// What a connection is, once it said `hello`.
enum ChatSession {
    /// Nothing yet: the first frame must be `hello`.
    case none
    /// `hello` is being answered (the store is read or written).
    case opening
    /// A visitor in their conversation (the token was checked on `hello` and is not kept: it is the
    /// visitor's credential, and every frame would copy it).
    case visitor(ConversationID)
    /// An operator (officer, psychologist or supervisor).
    case `operator`(OperatorID)
}

/// One client connection: where its frames go and what session it has. A class confined to
/// the ``ChatService`` actor, so that the hot path looks it up once and updates it in place.
final class ChatClient {
    let continuation: AsyncStream<ChatEnvelope>.Continuation
    var session: ChatSession = .none
    /// A visitor's conversation, kept so that each message need not look it up; trusted only while
    /// ``ConversationChannel/listed`` (the service may drop it, and later follow the conversation anew).
    private(set) var channel: ConversationChannel?

    init(continuation: AsyncStream<ChatEnvelope>.Continuation) {
        self.continuation = continuation
    }

    /// The visitor's session in a conversation.
    func enter(_ id: ConversationID, _ conversation: ConversationChannel) {
        session = .visitor(id)
        channel = conversation
    }

    /// Forgets the kept conversation (the connection closed: the channel may keep this client as
    /// its sole subscriber, and neither must keep the other alive).
    func leave() {
        channel = nil
    }

    /// The visitor's conversation, if it is still the one the service serves (the caller checked
    /// that the frame is about the session's conversation).
    var listedChannel: ConversationChannel? {
        guard let channel, channel.listed else { return nil }
        return channel
    }

    /// Whether this connection is a visitor's (transfer notes are hidden from visitors).
    var isVisitor: Bool {
        if case .visitor = session { true } else { false }
    }
}

/// The service's connections: one job, knowing who is connected and sending them frames.
/// Confined to the ``ChatService`` actor.
final class ClientRegistry {
    private var clients: [Int: ChatClient] = [:]
    private var lastIdentifier = 0
    /// Each operator's open connections (an operator may have several consoles).
    private(set) var operatorConnections: [OperatorID: Set<Int>] = [:]

    /// Opens a connection: its identifier and the stream of frames for it.
    func open() -> (id: Int, events: AsyncStream<ChatEnvelope>) {
        lastIdentifier += 1
        let (stream, continuation) = AsyncStream<ChatEnvelope>.makeStream()
        clients[lastIdentifier] = ChatClient(continuation: continuation)
        return (lastIdentifier, stream)
    }

    /// The connection, if it is open.
    subscript(_ id: Int) -> ChatClient? { clients[id] }

    /// Closes the connection and forgets it; returns it (with its session) if it was open.
    func close(_ id: Int) -> ChatClient? {
        guard let client = clients.removeValue(forKey: id) else { return nil }
        if case .operator(let operatorID) = client.session { operatorConnections[operatorID]?.remove(id) }
        client.leave()
        client.continuation.finish()
        return client
    }

    /// Records that the connection is an operator's.
    func bind(_ id: Int, to operatorID: OperatorID) {
        clients[id]?.session = .operator(operatorID)
        operatorConnections[operatorID, default: []].insert(id)
    }

    /// The operator's open connections.
    func connections(of operatorID: OperatorID) -> Set<Int> { operatorConnections[operatorID] ?? [] }

    /// Whether the operator has at least one open connection.
    func isConnected(_ operatorID: OperatorID) -> Bool { !(operatorConnections[operatorID]?.isEmpty ?? true) }

    /// Sends a frame to a connection (nothing if it is closed).
    func send(_ envelope: ChatEnvelope, to id: Int) {
        clients[id]?.continuation.yield(envelope)
    }

    /// Ends a connection's stream without forgetting it (its conversation was purged).
    func finish(_ id: Int) {
        clients[id]?.continuation.finish()
    }
}
