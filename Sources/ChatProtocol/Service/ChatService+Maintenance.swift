import Foundation

/// Maintenance: closing idle conversations, purging expired ones, and transcripts on request.
extension ChatService {
    /// Closes taken conversations idle for longer than the inactivity timeout, files the
    /// signalements whose consent request expired (without the excerpt), then routes.
    /// Call it periodically (e.g. every minute); returns the closed conversations.
    @discardableResult
    public func tick() async -> [ConversationID] {
        let now = clock.now()
        var closed: [ConversationID] = []
        for (id, conversation) in conversations where now.timeIntervalSince(conversation.lastActivity) >= configuration.inactivityTimeout {
            // Another instance routes (and times out) its conversations; stop following idle ones nobody here takes part in.
            if !conversation.isHome {
                if conversation.subscribers.isEmpty { drop(id) }
                continue
            }
            guard let state = engine.state(of: id), state == .assigned || state == .onHold else { continue }
            if (try? await end(id, reason: .inactivity)) != nil { closed.append(id) }
        }
        await expireConsents()
        await route()
        return closed.sorted { $0.rawValue < $1.rawValue }
    }

    /// Deletes conversations whose last event is older than the retention period; returns how many.
    public func purgeExpired() async throws(ConversationStoreError) -> Int {
        let purged = try await store.purge(lastActivityBefore: clock.now().addingTimeInterval(-configuration.retention))
        for id in purged {
            if let conversation = conversations[id], engine.state(of: id)?.isFinal ?? true {
                for subscriber in conversation.subscribers { clients.finish(subscriber) }
                drop(id)
                engine.forget(id)
            }
        }
        return purged.count
    }

    /// The visitor's transcript, on request; the token must be the conversation's.
    public func transcript(of id: ConversationID, token: VisitorToken) async throws(ChatErrorFrame) -> Transcript {
        let known: Bool
        if let conversation = conversations[id] {
            known = conversation.visitorDigest.matches(token)
        } else if let recordStore {
            do {
                known = try await recordStore.record(of: id)?.visitorDigest.matches(token) ?? false
            } catch {
                throw ChatErrorFrame(code: .storeUnavailable, message: error.description, conversation: id)
            }
        } else {
            known = false
        }
        guard known else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id) for this token", conversation: id)
        }
        do {
            // The visitor's copy: without transfer notes and signalement receipts, as delivered to them.
            let events = try await store.events(of: id, after: 0, limit: .max).map(ConversationChannel.redactedForVisitor)
            return Transcript(conversation: id, events: events)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: error.description, conversation: id)
        }
    }
}
