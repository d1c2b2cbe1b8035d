import Foundation

/// Routing: the engine's assignments announced to operator and visitor, and the waiting
/// visitors told their place, or told that nobody present serves their platform.
extension ChatService {
    /// Assigns what can be assigned, then updates what waiting visitors were told.
    func route() async {
        if let coordinator {
            await route(through: coordinator)
            return
        }
        let assignments = engine.dispatch(now: clock.now())
        for assignment in assignments {
            do {
                try await announce(assignment)
            } catch {
                // Nobody was told: the conversation waits again at its place, for the next pass.
                takeBack(assignment.conversation, from: assignment.operatorID)
            }
        }
        await updateQueueNotices()
    }

    /// Takes back an assignment nobody was told of (the store refused its events): the operator's connections
    /// stop following the conversation, and it waits again at its place in the engine.
    func takeBack(_ id: ConversationID, from operatorID: OperatorID) {
        unsubscribe(operatorID, from: id)
        engine.takeBack(id, now: clock.now())
    }

    /// The operator gets the history first, then live events; everyone sees `assigned`.
    func announce(_ assignment: RoutingEngine.Assignment) async throws {
        let id = assignment.conversation
        conversations[id]?.notifiedPosition = nil
        conversations[id]?.notifiedUnstaffed = false
        conversations[id]?.lastActivity = clock.now()
        for connection in clients.connections(of: assignment.operatorID) { try await subscribe(connection, to: id, after: 0) }
        _ = try await append(.assigned(pseudonym: assignment.pseudonym, role: assignment.role), to: id)
    }

    /// Tells each waiting visitor their new position (`queued`) when it changed, or, once, that
    /// nobody present serves their platform (`unstaffed`, with the numbers to use instead); when
    /// someone who serves it arrives, the visitor gets `queued` again.
    func updateQueueNotices() async {
        let now = clock.now()
        if let coordinator {
            await updateQueueNotices(through: coordinator, now: now)
            return
        }
        for platform in Platform.allCases {
            for status in engine.queueStatuses(on: platform, now: now) {
                let id = status.conversation
                guard let conversation = conversations[id] else { continue }
                if !status.served {
                    guard !conversation.notifiedUnstaffed else { continue }
                    conversation.notifiedUnstaffed = true
                    conversation.notifiedPosition = nil
                    _ = try? await append(.unstaffed(platform: platform, helpLines: configuration.helpLines[platform] ?? []), to: id)
                    continue
                }
                // The queue may have moved while earlier notices were stored: read the position afresh.
                guard let position = engine.queuePosition(of: id) else { continue }
                guard conversation.notifiedUnstaffed || conversation.notifiedPosition != position else { continue }
                conversation.notifiedUnstaffed = false
                conversation.notifiedPosition = position
                _ = try? await append(.queued(platform: platform, position: position, estimatedWaitSeconds: status.estimatedWaitSeconds), to: id)
            }
        }
    }
}
