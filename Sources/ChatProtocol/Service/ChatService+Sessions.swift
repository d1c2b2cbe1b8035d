import Foundation

/// Sessions: `hello` → `welcome`, resuming with a token and the last sequence number, and who
/// may act on which conversation.
extension ChatService {
    func openSession(_ hello: Hello, on connection: Int) async throws {
        switch hello.role {
        case .visitor:
            if let token = hello.token, let id = hello.conversation {
                let conversation = try await resumable(id, token: token)
                let seen = try await lastSeen(hello.lastSequence ?? 0, in: id)
                guard let client = clients[connection] else { return }
                client.enter(id, conversation)
                clients.send(.welcome(Welcome(role: .visitor, token: token, conversation: id,
                                              lastSequence: max(conversation.lastSequence, seen))), to: connection)
                try await subscribe(connection, to: id, after: seen)
            } else {
                try await openConversation(hello, on: connection)
            }
        case .operator:
            guard let operatorID = hello.operatorID, engine.profile(of: operatorID) != nil else {
                throw ChatErrorFrame(code: .notFound, message: "unknown operator \(hello.operatorID?.rawValue ?? "(none)")")
            }
            clients.bind(connection, to: operatorID)
            clients.send(.welcome(Welcome(role: .operator, token: nil, conversation: hello.conversation,
                                          lastSequence: hello.conversation.flatMap { conversations[$0]?.lastSequence } ?? 0)), to: connection)
            for id in engine.conversations(of: operatorID).sorted(by: { $0.rawValue < $1.rawValue }) {
                if id == hello.conversation {
                    try await subscribe(connection, to: id, after: try await lastSeen(hello.lastSequence ?? 0, in: id))
                } else if hello.conversation == nil {
                    try await subscribe(connection, to: id, after: 0)
                } else {
                    // Resuming another conversation: this one's live events only.
                    conversations[id]?.subscribe(connection, through: clients)
                }
            }
            if configuration.operatorsMustConnect {
                // Present from now on: routing resumes for the platforms this operator serves.
                try engine.setPresent(operatorID, true)
                await announcePresence(of: operatorID, present: true)
                await route()
            }
        }
    }

    /// A new visitor: a new token and conversation, in the platform's queue.
    private func openConversation(_ hello: Hello, on connection: Int) async throws {
        let token = VisitorToken.random()
        let id = ConversationID.random()
        let language = RoutingEngine.primaryLanguage(hello.language ?? configuration.operatorLanguage)
        let platform = hello.platform ?? .tchat
        let now = clock.now()
        let digest = VisitorTokenDigest(of: token)
        if let recordStore {
            // Stored before the visitor learns the token, so any instance sharing the store can resume it.
            do {
                try await recordStore.register(ConversationRecord(conversation: id, visitorDigest: digest, platform: platform,
                                                                  language: language, openedAt: now))
            } catch {
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation could not be opened; say hello again")
            }
        }
        let requirements = ConversationRequirements(platform: platform, language: language)
        try engine.enqueue(id, requirements, now: now)
        let conversation = ConversationChannel(visitorDigest: digest, language: language, isHome: true, lastActivity: now,
                                               bucket: admission.makeBucket(now: now))
        conversations[id] = conversation
        if let coordinator {
            // In the cluster's one queue before the visitor learns of it; another instance's operator
            // may take it at once, so the visitor subscribes from the store (nothing is missed).
            do {
                try await coordinator.enqueue(id, requirements: engine.requirements(of: id) ?? requirements, emergency: false,
                                              at: now, by: instance)
            } catch {
                drop(id)
                engine.handOver(id, now: now)
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation could not be queued; say hello again")
            }
            clients[connection]?.enter(id, conversation)
            clients.send(.welcome(Welcome(role: .visitor, token: token, conversation: id, lastSequence: 0)), to: connection)
            try await subscribe(connection, to: id, after: 0)
            await route()
            return
        }
        conversation.subscribe(connection, through: clients)
        clients[connection]?.enter(id, conversation)
        clients.send(.welcome(Welcome(role: .visitor, token: token, conversation: id, lastSequence: 0)), to: connection)
        await route()
    }

    /// The conversation a resuming visitor's token opens: one this instance knows, or one another
    /// instance opened in the shared store (followed from now on). Unknown conversation and wrong
    /// token get the same answer.
    private func resumable(_ id: ConversationID, token: VisitorToken) async throws -> ConversationChannel {
        let refusal = ChatErrorFrame(code: .notFound, message: "no conversation \(id) for this token", conversation: id)
        if let conversation = conversations[id] {
            guard conversation.visitorDigest.matches(token) else { throw refusal }
            return conversation
        }
        guard let recordStore else { throw refusal }
        let record: ConversationRecord?
        do {
            record = try await recordStore.record(of: id)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: "\(error.description); say hello again", conversation: id)
        }
        guard let record, record.visitorDigest.matches(token) else { throw refusal }
        return try await follow(id, record: record)
    }

    /// Starts following a conversation another instance routes (or routed): its history read from
    /// the shared store sets its state, and its later events are delivered here from now on.
    func follow(_ id: ConversationID, record: ConversationRecord) async throws -> ConversationChannel {
        if let conversation = conversations[id] { return conversation }
        let history: [SequencedEvent]
        do {
            history = try await store.events(of: id, after: 0, limit: .max)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: "\(error.description); say hello again", conversation: id)
        }
        // Another connection of the visitor may have brought it in meanwhile.
        if let conversation = conversations[id] { return conversation }
        let now = clock.now()
        let conversation = ConversationChannel(visitorDigest: record.visitorDigest, language: record.language, isHome: false,
                                               lastActivity: now, bucket: admission.makeBucket(now: now))
        for stored in history {
            conversation.mirror.apply(stored.event)
            conversation.track(stored.event)
            if case .visitorMessage = stored.event { conversation.sawFirstVisitorMessage = true }
        }
        conversation.lastSequence = history.last?.sequence ?? 0
        conversation.nextToDeliver = conversation.lastSequence + 1
        conversations[id] = conversation
        // Events stored after the history was read were announced while this instance did not follow them yet.
        await catchUp(id, conversation)
        return conversation
    }

    /// The last sequence a resuming client says it has, capped at what the store holds.
    private func lastSeen(_ claimed: UInt64, in id: ConversationID) async throws -> UInt64 {
        guard claimed > 0 else { return 0 }
        do {
            return min(claimed, try await store.lastSequence(of: id))
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: "\(error.description); say hello again", conversation: id)
        }
    }

    /// Sends `connection` every stored event after `sequence`, then makes it a subscriber: each later
    /// event reaches it once, in order, whether this instance or another one stored it.
    func subscribe(_ connection: Int, to id: ConversationID, after sequence: UInt64) async throws {
        var sent = sequence
        for round in 1... {
            let missed = try await store.events(of: id, after: sent, limit: .max)
            for stored in missed where stored.sequence > sent {
                clients.send(.event(ConversationChannel.redacted(stored, for: clients[connection])), to: connection)
                sent = stored.sequence
            }
            guard let conversation = conversations[id], clients[connection] != nil else { return }
            // Events delivered here while the store was read went to the subscribers only: read again, even
            // when the read found nothing (it may have been answered just before them). A store that keeps
            // answering behind what was delivered is given up on after a few rounds.
            if sent + 1 >= conversation.nextToDeliver || round >= 8 {
                conversation.subscribe(connection, through: clients)
                if sent >= conversation.nextToDeliver { conversation.alreadySent[connection] = sent }
                return
            }
        }
    }

    /// Stops delivering a conversation to the operator's connections (it left them).
    func unsubscribe(_ operatorID: OperatorID, from id: ConversationID) {
        for connection in clients.connections(of: operatorID) { conversations[id]?.unsubscribe(connection, through: clients) }
    }

    /// Which role the session has in the conversation, or an error if it has none.
    func authorize(_ id: ConversationID, session: ChatSession) throws(ChatErrorFrame) -> ParticipantRole {
        switch session {
        case .visitor(let own) where own == id: return .visitor
        case .operator(let operatorID) where engine.operatorOf(id)?.id == operatorID: return .operator
        default: throw ChatErrorFrame(code: .notFound, message: "no conversation \(id) in this session", conversation: id)
        }
    }
}
