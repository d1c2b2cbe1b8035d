import ChatProtocol
import Foundation

/// Which operators have a console connected to this instance (for the live figures).
///
/// Routing does not read it: the server builds its ``ChatProtocol/ChatService`` with
/// ``ChatProtocol/ChatService/Configuration/operatorsMustConnect`` set, so the engine itself gives
/// conversations only to operators with a connection that said `hello`, and a platform counts as
/// staffed only while one of them serves it (otherwise the visitor gets `unstaffed` with the numbers
/// to call). When an operator's last connection closes, they keep their conversations (they may
/// reconnect and resume them) and get no new one meanwhile.
public actor OperatorPresence {
    /// Open connections per operator.
    private var connections: [OperatorID: Int] = [:]

    /// Creates an empty presence.
    public init() {}

    /// An authenticated connection of `id` said `hello`.
    public func arrive(_ id: OperatorID) {
        connections[id, default: 0] += 1
    }

    /// One of `id`'s connections closed.
    public func leave(_ id: OperatorID) {
        guard let count = connections[id] else { return }
        connections[id] = count > 1 ? count - 1 : nil
    }

    /// The operators with at least one connection here.
    public var present: Set<OperatorID> { Set(connections.keys) }
}
