import Foundation

/// The transport's entry: frames handed over without waiting for each to be handled.
extension ChatService {
    /// Hands a client's frame to the service and returns as soon as it is queued (or, when the
    /// service is behind by ``Configuration/inboxCapacity`` frames, once they are handled).
    ///
    /// Frames are handled exactly as ``handle(_:from:)-(ChatEnvelope,_)`` handles them and in the
    /// order they were submitted, over all connections; answers arrive on the connection's stream.
    /// This is the entry for a transport that reads frames from many connections at once: under
    /// load, the task that finds the service idle handles the frames the others submit meanwhile, so
    /// many frames share one entry into the actor. Use ``flush()`` (or ``submitDisconnect(_:)``) so
    /// that a connection's last frames are handled before it is closed.
    public nonisolated func submit(_ envelope: ChatEnvelope, from connection: Int) async {
        await enqueue(.frame(envelope, connection: connection))
    }

    /// Hands over a frame's raw bytes, as ``receive(_:from:)`` reads them: the decoding error, if
    /// any, is answered in order with the connection's other frames.
    public nonisolated func submit(bytes data: Data, from connection: Int) async {
        await enqueue(.bytes(data, connection: connection))
    }

    /// Closes a connection after the frames submitted before, as ``disconnect(_:)`` does.
    public nonisolated func submitDisconnect(_ connection: Int) async {
        await enqueue(.disconnect(connection))
    }

    /// Returns once every frame submitted before this call has been handled.
    public nonisolated func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            if inbox.append(.barrier(continuation)).mustDrain { startDraining() }
        }
    }

    private nonisolated func enqueue(_ item: ChatInbox.Item) async {
        let (mustDrain, isFull) = inbox.append(item)
        if mustDrain {
            // The submitting task drains (no task to create, the cheap path under load); awaiting it
            // keeps back-pressure on its socket.
            await drainInbox()
        } else if isFull {
            await flush()
        }
    }

    private nonisolated func startDraining() {
        Task { await self.drainInbox() }
    }

    /// Handles everything submitted, until the inbox is empty (run by one drainer at a time).
    ///
    /// A drainer whose task is cancelled (its own client left, its transport shuts down) hands what is
    /// left to a new task before the next frame, so that another connection's frame never meets a
    /// store call that gives up on cancellation.
    private func drainInbox() async {
        var items = inbox.takeAll()
        while let batch = items {
            for index in batch.indices {
                if Task.isCancelled {
                    // Still marked as draining: nobody else drains meanwhile, and the rest keeps its place.
                    inbox.putBack(Array(batch[index...]))
                    startDraining()
                    return
                }
                switch batch[index] {
                case .frame(let envelope, let connection): await handle(envelope, from: connection)
                case .bytes(let data, let connection): await receive(data, from: connection)
                case .disconnect(let connection): disconnect(connection)
                case .barrier(let continuation): continuation.resume()
                }
            }
            items = inbox.takeAll()
        }
    }
}
