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
            _ = try await append(.converted(kind: kind), to: id)
        case .transfer(_, let target, let note):
            guard role == .operator else { throw forbidden(action, role) }
            let previous = engine.operatorOf(id)?.id
            let assignment = try engine.transfer(id, to: target, now: now)
            if let previous { unsubscribe(previous, from: id) }
            let platform = engine.requirements(of: id)?.platform ?? .tchat
            var toRole: OperatorRole?
            if case .role(let role, _) = target { toRole = role }
            _ = try await append(.transferred(platform: platform, toPseudonym: assignment?.pseudonym, toRole: toRole,
                                              note: note.map { String($0.prefix(configuration.limits.maximumCharacters)) }), to: id)
            conversations[id]?.notifiedPosition = nil
            conversations[id]?.notifiedUnstaffed = false
            conversations[id]?.lastActivity = now
            if let assignment { try await announce(assignment) }
            await route()
        }
    }

    private func forbidden(_ action: ConversationAction, _ role: ParticipantRole) -> ChatErrorFrame {
        ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot '\(ChatEnvelope.action(action).typeName)'", conversation: action.conversation)
    }

    /// Marks the conversation as an emergency: it jumps the queue, everyone sees `emergency_raised`,
    /// and the supervisor hook is told (by the instance that routes the conversation).
    func raiseEmergency(_ id: ConversationID, source: EmergencySource) async throws {
        if let conversation = conversations[id], !conversation.isHome {
            // The routing instance applies it when it reads the event.
            guard !conversation.mirror.state.isFinal else {
                throw ChatEngineError.invalidTransition(from: conversation.mirror.state, transition: .assign)
            }
            guard !conversation.mirror.emergency else { return }
            _ = try await append(.emergencyRaised(source: source), to: id)
            conversation.mirror.emergency = true
            return
        }
        guard try engine.raiseEmergency(id) else { return }
        _ = try await append(.emergencyRaised(source: source), to: id)
        await notifySupervisor(id, source: source, at: clock.now())
        await route()
    }

    /// Ends the conversation (closed or abandoned), frees its operator and routes.
    func end(_ id: ConversationID, reason: CloseReason) async throws {
        if let conversation = conversations[id], !conversation.isHome {
            // The routing instance frees the operator when it reads the event.
            _ = try conversation.mirror.state.applying(reason == .abandoned ? .abandon : .close)
            _ = try await append(.closed(reason: reason), to: id)
            conversation.mirror.apply(.closed(reason: reason))
            return
        }
        let operatorID = engine.operatorOf(id)?.id
        if reason == .abandoned { try engine.abandon(id) } else { try engine.close(id, now: clock.now()) }
        _ = try await append(.closed(reason: reason), to: id)
        if let operatorID { unsubscribe(operatorID, from: id) }
        await route()
    }
}
