import Foundation

/// What a connection is, once it said `hello`.
enum ChatSession {
    /// Nothing yet: the first frame must be `hello`.
    case none
    /// `hello` is being answered (the store is read or written).
    case opening
    /// A visitor in their conversation.
    case visitor(VisitorToken, ConversationID)
    /// An operator (officer, psychologist or supervisor).
    case `operator`(OperatorID)
}

/// One client connection: where its frames go and what session it has. A class confined to
/// the ``ChatService`` actor, so that the hot path looks it up once and updates it in place.
final class ChatClient {
    let continuation: AsyncStream<ChatEnvelope>.Continuation
    var session: ChatSession = .none

    init(continuation: AsyncStream<ChatEnvelope>.Continuation) {
        self.continuation = continuation
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
