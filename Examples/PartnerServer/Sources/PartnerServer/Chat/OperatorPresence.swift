import ChatProtocol
import Foundation

/// Which operators have a console connected to this instance.
///
/// The server registers every operator of the operators file paused, and routes new
/// conversations to an operator only while at least one of their authenticated connections
/// has said `hello` here: a visitor is never "taken" by someone who is not there. When an
/// operator's last connection closes, they are paused again and keep their conversations
/// (they may reconnect and resume them); they get no new one meanwhile.
///
/// It uses ``ChatProtocol/ChatService/setPaused(_:_:)`` only: an operator's own pause, if the
/// engine gets one, is a separate matter.
public actor OperatorPresence {
    private let chat: ChatService
    /// Open connections per operator.
    private var connections: [OperatorID: Int] = [:]
    /// The paused state last given to the engine.
    private var applied: [OperatorID: Bool] = [:]
    /// Operators whose state is being given to the engine (one call at a time per operator, in order).
    private var applying: Set<OperatorID> = []

    /// Creates the presence of `chat`'s operators; `paused` are the operators registered paused.
    public init(chat: ChatService, paused: Set<OperatorID> = []) {
        self.chat = chat
        for id in paused { applied[id] = true }
    }

    /// An authenticated connection of `id` said `hello`: the operator may be given conversations.
    public func arrive(_ id: OperatorID) async {
        connections[id, default: 0] += 1
        await apply(id)
    }

    /// One of `id`'s connections closed: with none left, the operator gets no new conversation.
    public func leave(_ id: OperatorID) async {
        guard let count = connections[id] else { return }
        connections[id] = count > 1 ? count - 1 : nil
        await apply(id)
    }

    /// The operators with at least one connection here.
    public var present: Set<OperatorID> { Set(connections.keys) }

    private func apply(_ id: OperatorID) async {
        guard !applying.contains(id) else { return }  // the running call re-checks after its await
        applying.insert(id)
        defer { applying.remove(id) }
        while true {
            let paused = connections[id] == nil
            if applied[id] == paused { return }
            do {
                try await chat.setPaused(id, paused)
            } catch {
                return  // not a registered operator: nothing to route
            }
            applied[id] = paused
        }
    }
}
