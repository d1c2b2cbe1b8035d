import Foundation

/// Conversation actions: emergency, leave, close, hold, resume, convert and transfer.
extension ChatService {
    func handleAction(_ action: ConversationAction, session: ChatSession) async throws {
        let id = action.conversation
        // Visitors act on their own conversation; operators on the ones they run.
        let role = try authorize(id, session: session)
        let now = clock.now()
        switch action {
        case .emergency:
            try await raiseEmergency(id, source: role == .visitor ? .visitor : .operator)
        case .leave:
            guard role == .visitor else { throw forbidden(action, role) }
            let waiting = conversations[id].flatMap { routedState(of: id, $0) } == .waiting
            try await end(id, reason: waiting ? .abandoned : .visitor)
        case .close:
            guard role == .operator else { throw forbidden(action, role) }
            try await end(id, reason: .operator)
        case .hold:
            guard role == .operator else { throw forbidden(action, role) }
            try engine.hold(id)
            _ = try await append(.onHold, to: id)
        case .resume:
            guard role == .operator else { throw forbidden(action, role) }
            try engine.resume(id)
            conversations[id]?.lastActivity = now
            _ = try await append(.resumed, to: id)
        case .convert(_, let kind):
            guard role == .operator else { throw forbidden(action, role) }
            try engine.convert(id, to: kind)
            try? await coordinator?.convert(id, to: kind)
            _ = try await append(.converted(kind: kind), to: id)
        case .transfer(_, let target, let note):
            guard role == .operator else { throw forbidden(action, role) }
            let previous = engine.operatorOf(id)?.id
            let assignment = try await transfer(id, to: target, from: previous, now: now)
            if let previous { unsubscribe(previous, from: id) }
            let platform = engine.requirements(of: id)?.platform ?? .tchat
            var toRole: OperatorRole?
            if case .role(let role, _) = target { toRole = role }
            do {
                _ = try await append(.transferred(platform: platform, toPseudonym: assignment?.pseudonym, toRole: toRole,
                                                  note: note.map { String($0.prefix(configuration.limits.maximumCharacters)) }), to: id)
                conversations[id]?.notifiedPosition = nil
                conversations[id]?.notifiedUnstaffed = false
                conversations[id]?.lastActivity = now
                if let assignment { try await announce(assignment) }
            } catch {
                // The store refused the transfer's events: the colleague was never told, so the conversation
                // waits at its place instead of staying with them unannounced; the next pass announces it.
                if let assignment {
                    takeBack(id, from: assignment.operatorID)
                    if let requirements = engine.requirements(of: id) {
                        await sendBack(id, requirements: requirements, enqueuedAt: now)
                    }
                }
                await route()
                throw error
            }
            await route()
        }
    }

    /// The engine's transfer; with a coordinator, a transfer to an operator first takes their units
    /// in the cluster (refused when they have no room), and a transfer to a queue goes back to the
    /// cluster's queue at the conversation's old place.
    private func transfer(_ id: ConversationID, to target: TransferTarget, from previous: OperatorID?,
                          now: Date) async throws -> RoutingEngine.Assignment? {
        guard let coordinator else { return try engine.transfer(id, to: target, now: now) }
        switch target {
        case .operator(let operatorID):
            guard let profile = engine.profile(of: operatorID) else { throw ChatEngineError.unknownOperator(operatorID) }
            guard try await coordinator.assign(id, to: claimFilter(profile), by: instance, at: now) else {
                let free = max(0, profile.capacity - ((try? await coordinator.load(of: operatorID)) ?? profile.capacity))
                throw ChatEngineError.capacityExceeded(operatorID, needed: configuration.engine.shortCost, free: free)
            }
            do {
                return try engine.transfer(id, to: target, now: now)
            } catch {
                // Refused here (not eligible, not present): the units go back to whoever had them.
                if let previous, let back = engine.profile(of: previous) {
                    _ = try? await coordinator.assign(id, to: claimFilter(back), by: instance, at: now)
                }
                throw error
            }
        case .platform, .role:
            let assignment = try engine.transfer(id, to: target, now: now)
            if let requirements = engine.requirements(of: id) {
                await sendBack(id, requirements: requirements, enqueuedAt: now)
            }
            return assignment
        }
    }

    private func forbidden(_ action: ConversationAction, _ role: ParticipantRole) -> ChatErrorFrame {
        ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot '\(ChatEnvelope.action(action).typeName)'", conversation: action.conversation)
    }

    /// Marks the conversation as an emergency: it jumps the queue, everyone sees `emergency_raised`,
    /// and the supervisor hook is told (by the instance that routes the conversation, and, with a
    /// ``ClusterRelay``, by the one where it was raised: the relay records it once).
    func raiseEmergency(_ id: ConversationID, source: EmergencySource) async throws {
        if let conversation = conversations[id], !conversation.isHome {
            // The routing instance applies it when it reads the event.
            guard !conversation.mirror.state.isFinal else {
                throw ChatEngineError.invalidTransition(from: conversation.mirror.state, transition: .assign)
            }
            guard !conversation.mirror.emergency else { return }
            _ = try await append(.emergencyRaised(source: source), to: id)
            conversation.mirror.emergency = true
            // Ahead in the cluster's queue at once, whoever routes it (its instance may be gone).
            _ = try? await coordinator?.raiseEmergency(id)
            // With a relay, escalated from here at once (recorded once: the routing instance's own try is a no-op).
            if relay != nil { await notifySupervisor(id, source: source, at: clock.now()) }
            return
        }
        guard try engine.raiseEmergency(id) else { return }
        _ = try? await coordinator?.raiseEmergency(id)
        _ = try await append(.emergencyRaised(source: source), to: id)
        await notifySupervisor(id, source: source, at: clock.now())
        await route()
    }

    /// Ends the conversation (closed or abandoned), frees its operator and routes.
    func end(_ id: ConversationID, reason: CloseReason) async throws {
        // A visitor asked for consent can no longer answer: their signalement is filed first, without the excerpt.
        await settleConsents(in: id, .conversationEnded)
        if let conversation = conversations[id], !conversation.isHome {
            // The routing instance frees the operator when it reads the event.
            _ = try conversation.mirror.state.applying(reason == .abandoned ? .abandon : .close)
            _ = try await append(.closed(reason: reason), to: id)
            conversation.mirror.apply(.closed(reason: reason))
            // Out of the cluster's queue now, even if the instance that routed it is gone.
            try? await coordinator?.finish(id)
            return
        }
        // Stored first, then applied: if the store refuses `closed` (or this instance dies before it is stored),
        // nothing has changed and the close can be tried again, here or after a failover. Freeing the operator
        // and leaving the cluster's queue first stranded the conversation: open in the store, gone from the queue.
        guard let state = engine.state(of: id) else { throw ChatEngineError.unknownConversation(id) }
        _ = try state.applying(reason == .abandoned ? .abandon : .close)
        guard let conversation = conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        guard !conversation.ending else { return }
        conversation.ending = true
        defer { conversation.ending = false }
        _ = try await append(.closed(reason: reason), to: id)
        let operatorID = engine.operatorOf(id)?.id
        // Reading back its own `closed` from the store while it was stored may have applied it already.
        if let now = engine.state(of: id), !now.isFinal {
            if reason == .abandoned { try engine.abandon(id) } else { try engine.close(id, now: clock.now()) }
        }
        try? await coordinator?.finish(id)
        if let operatorID { unsubscribe(operatorID, from: id) }
        await route()
    }
}
