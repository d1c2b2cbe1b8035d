import Foundation
import Synchronization

/// The frames transports hand to a ``ChatService`` with ``ChatService/submit(_:from:)``, waiting
/// to be handled, from every connection, in the order they were handed over.
///
/// The first transport task that hands a frame to an idle inbox becomes its *drainer*: it enters
/// the service once and handles every frame waiting, including those other connections add
/// meanwhile, until the inbox is empty. The others only append and go back to their socket. Under
/// load, many frames thus share one entry into the actor instead of paying one each; with one frame
/// at a time it is the same single entry as ``ChatService/handle(_:from:)-(ChatEnvelope,_)``.
final class ChatInbox: Sendable {
    /// What a transport hands over.
    enum Item: Sendable {
        case frame(ChatEnvelope, connection: Int)
        case bytes(Data, connection: Int)
        case disconnect(Int)
        /// Resumed once every item before it is handled.
        case barrier(CheckedContinuation<Void, Never>)
    }

    private struct State {
        var items: [Item] = []
        var draining = false
    }

    /// Frames waiting beyond which a transport waits for them to be handled before reading more.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Appends `item`. `mustDrain`: nobody is draining, the caller must (and now is the drainer).
    /// `isFull`: the inbox holds `capacity` items or more.
    func append(_ item: Item) -> (mustDrain: Bool, isFull: Bool) {
        state.withLock { state in
            state.items.append(item)
            let mustDrain = !state.draining
            state.draining = true
            return (mustDrain, state.items.count >= capacity)
        }
    }

    /// Puts items taken but not handled back in front of the waiting ones (the inbox stays draining).
    func putBack(_ items: [Item]) {
        guard !items.isEmpty else { return }
        state.withLock { state in state.items.insert(contentsOf: items, at: 0) }
    }

    /// Everything waiting, oldest first; `nil` when nothing waits, and then the inbox is idle: the
    /// next ``append(_:)`` names a new drainer. Only the drainer calls it.
    func takeAll() -> [Item]? {
        state.withLock { state in
            guard !state.items.isEmpty else {
                state.draining = false
                return nil
            }
            var taken: [Item] = []
            taken.reserveCapacity(state.items.count)
            swap(&taken, &state.items)
            return taken
        }
    }
}
