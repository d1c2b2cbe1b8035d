import Foundation

/// Several instances on one shared store: events other instances stored are read back,
/// delivered once and in order, and their effects applied by the instance that routes.
extension ChatService {
    /// The conversation's state as the instance that routes it sees it: this engine's for a
    /// conversation opened here, the one its stored events tell for another instance's.
    func routedState(of id: ConversationID, _ conversation: ConversationChannel) -> ConversationState? {
        conversation.isHome ? engine.state(of: id) : conversation.mirror.state
    }

    /// Tells the service that the shared store holds events of `conversation` up to `sequence`,
    /// appended by another instance (or by this one: that is harmless).
    ///
    /// A transport or backend calls it for each announcement of the store (PostgreSQL
    /// `NOTIFY`, for instance). If this instance follows the conversation, the service reads the
    /// events it has not delivered yet (``ConversationStore/events(of:after:limit:)``) and delivers
    /// each exactly once, in order, to its connections in that conversation; its next append expects
    /// at least `sequence`, so it does not conflict needlessly. On the instance that routes the
    /// conversation, the events' effects reach the routing engine: a visitor who left elsewhere frees
    /// the operator, an emergency raised elsewhere jumps the queue and reaches the supervisor hook.
    ///
    /// Announcements may come late, twice, out of order, or for conversations this instance does not
    /// follow: each is then a no-op or a read that finds nothing new. A store failure leaves the
    /// events for the next announcement or ``resynchronize()``.
    public func storeDidAppend(to conversation: ConversationID, upTo sequence: UInt64) async {
        guard let state = conversations[conversation] else { return }
        if sequence > state.lastSequence { state.lastSequence = sequence }
        guard sequence >= state.nextToDeliver else { return }
        await catchUp(conversation, state)
    }

    /// Reads back, for every conversation this instance follows, the events it has not delivered:
    /// call it when the store's announcements may have been lost (e.g. after the notification
    /// connection came back), so nobody waits for an event that was never announced.
    public func resynchronize() async {
        for (id, conversation) in conversations where !(routedState(of: id, conversation)?.isFinal ?? true) || !conversation.subscribers.isEmpty {
            await catchUp(id, conversation)
        }
    }

    /// Reads the events after the last one delivered, delivers them and applies their effects; one
    /// pass at a time per conversation (a request during a pass asks for one more).
    func catchUp(_ id: ConversationID, _ conversation: ConversationChannel) async {
        if conversation.catchingUp {
            conversation.catchUpAgain = true
            return
        }
        conversation.catchingUp = true
        defer { conversation.catchingUp = false }
        repeat {
            conversation.catchUpAgain = false
            while true {
                let batchSize = 256
                let batch: [SequencedEvent]
                do {
                    batch = try await store.events(of: id, after: conversation.nextToDeliver - 1, limit: batchSize)
                } catch {
                    return
                }
                var arrived: [SequencedEvent] = []
                for stored in batch where stored.sequence >= conversation.nextToDeliver {
                    if stored.sequence > conversation.lastSequence { conversation.lastSequence = stored.sequence }
                    conversation.deliver(stored, through: clients)
                    arrived.append(stored)
                }
                await takeEffect(of: arrived, in: id, conversation)
                if batch.count < batchSize { break }
            }
        } while conversation.catchUpAgain
    }

    /// Applies what events read back from the store mean here. Events this instance stored itself
    /// were applied before being stored: applying them again changes nothing. Only the routing
    /// instance assigns, transfers, holds or converts; from other instances come a visitor's
    /// messages, markers, `leave` (stored as `closed`) and `emergency`, and, with a
    /// ``RoutingCoordinator``, the `assigned` of another instance whose operator took the conversation.
    private func takeEffect(of events: [SequencedEvent], in id: ConversationID, _ conversation: ConversationChannel) async {
        guard !events.isEmpty else { return }
        let now = clock.now()
        conversation.lastActivity = now
        if !conversation.held.isEmpty {
            // A visitor's answer (or end) stored by another instance decides the requests held here.
            for stored in events {
                switch stored.event {
                case .consentAnswered(let request, let answer): await settleConsent(request, in: id, .answered(answer))
                case .closed: await settleConsents(in: id, .conversationEnded)
                default: continue
                }
            }
        }
        guard conversation.isHome else {
            for stored in events { conversation.mirror.apply(stored.event) }
            return
        }
        var reroute = false
        for (index, stored) in events.enumerated() {
            switch stored.event {
            case .assigned(let pseudonym, _):
                // With a coordinator, an `assigned` this instance did not store means another instance's
                // operator took the conversation: it routes it from now on.
                guard coordinator != nil, let state = engine.state(of: id), !state.isFinal else { continue }
                if state != .waiting, engine.operatorOf(id)?.pseudonym == pseudonym { continue }
                handOver(id, conversation, state: .assigned)
                for later in events[(index + 1)...] { conversation.mirror.apply(later.event) }
                if reroute { await route() }
                return
            case .visitorMessage:
                conversation.sawFirstVisitorMessage = true
            case .closed(let reason):
                guard let state = engine.state(of: id), !state.isFinal else { continue }
                let operatorID = engine.operatorOf(id)?.id
                do {
                    if state == .waiting, reason == .abandoned { try engine.abandon(id) } else { try engine.close(id, now: now) }
                } catch {
                    continue
                }
                if let operatorID { unsubscribe(operatorID, from: id) }
                try? await coordinator?.finish(id)
                reroute = true
            case .emergencyRaised(let source):
                guard (try? engine.raiseEmergency(id)) == true else { continue }
                await notifySupervisor(id, source: source, at: now)
                reroute = true
            default:
                continue
            }
        }
        if reroute { await route() }
    }

    /// Reads back events another writer stored before this instance's append (its announcement may come later, or never).
    func scheduleCatchUp(_ id: ConversationID, upTo sequence: UInt64) {
        guard let conversation = conversations[id], sequence >= conversation.nextToDeliver else { return }
        Task { await self.storeDidAppend(to: id, upTo: sequence) }
    }
}
