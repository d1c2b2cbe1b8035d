import Foundation

/// The in-process chat server: sessions, sequencing, validation, routing and delivery.
///
/// A transport wraps it: for each client connection it calls ``connect()``, forwards every
/// frame to ``handle(_:from:)`` (or raw bytes to ``receive(_:from:)``), writes out the frames of
/// ``ChatConnection/events`` and calls ``disconnect(_:)`` at the end. Every change goes through
/// this actor, so routing never exceeds an operator's capacity under concurrency.
///
/// Delivery is reliable: each stored event has the next sequence number of its conversation;
/// a client that says `hello` with its last sequence number gets exactly the missed events, in
/// order; a message resent with the same client transaction id is stored once and acknowledged
/// with its original sequence number. Bad frames get an `error` frame; the connection stays.
///
/// Privacy: visitors are random tokens; operators appear by pseudonym; the service logs nothing,
/// and the supervisor hook receives metadata only.
public actor ChatService {
    /// Tunables of the service.
    public struct Configuration: Sendable {
        /// The routing engine's configuration.
        public var engine: RoutingEngine.Configuration
        /// Message limits.
        public var limits: MessageLimits
        /// Messages a visitor may send in a burst.
        public var rateLimitBurst: Double
        /// Messages per second a visitor may send in the long run.
        public var rateLimitPerSecond: Double
        /// A taken conversation without any message for this long is closed (seconds).
        public var inactivityTimeout: TimeInterval
        /// Conversations whose last event is older than this are purged (seconds).
        public var retention: TimeInterval
        /// The operators' working language (messages are translated to it when a translator is set).
        public var operatorLanguage: String

        /// Creates a configuration: 4,000 characters, 5 messages at once then 1 per second,
        /// 20 minutes of inactivity, 30 days of retention, operators writing French.
        public init(engine: RoutingEngine.Configuration = .init(), limits: MessageLimits = .init(),
                    rateLimitBurst: Double = 5, rateLimitPerSecond: Double = 1,
                    inactivityTimeout: TimeInterval = 20 * 60, retention: TimeInterval = 30 * 86_400,
                    operatorLanguage: String = "fr") {
            self.engine = engine
            self.limits = limits
            self.rateLimitBurst = rateLimitBurst
            self.rateLimitPerSecond = rateLimitPerSecond
            self.inactivityTimeout = inactivityTimeout
            self.retention = retention
            self.operatorLanguage = operatorLanguage
        }
    }

    private enum Session {
        case none
        case visitor(VisitorToken, ConversationID)
        case `operator`(OperatorID)
    }

    private struct Client {
        var continuation: AsyncStream<ChatEnvelope>.Continuation
        var session: Session = .none
    }

    private struct Conversation {
        var visitor: VisitorToken
        var language: String
        var lastSequence: UInt64 = 0
        var nextToDeliver: UInt64 = 1
        var pending: [UInt64: SequencedEvent] = [:]
        var subscribers: Set<Int> = []
        var lastActivity: Date
        var sawFirstVisitorMessage = false
        var notifiedPosition: Int?
        var bucket: TokenBucket
    }

    private let configuration: Configuration
    private let store: any ConversationStore
    private let clock: any WallClock
    private let classifier: (any EmergencyClassifier)?
    private let translator: (any Translator)?
    private let supervisor: (any SupervisorHook)?
    private var engine: RoutingEngine
    private var clients: [Int: Client] = [:]
    private var nextClient = 0
    private var conversations: [ConversationID: Conversation] = [:]
    private var operatorClients: [OperatorID: Set<Int>] = [:]

    /// Creates a service.
    public init(configuration: Configuration = .init(), store: any ConversationStore = InMemoryConversationStore(),
                clock: any WallClock = SystemWallClock(), classifier: (any EmergencyClassifier)? = nil,
                translator: (any Translator)? = nil, supervisor: (any SupervisorHook)? = nil) {
        self.configuration = configuration
        self.store = store
        self.clock = clock
        self.classifier = classifier
        self.translator = translator
        self.supervisor = supervisor
        var engineConfiguration = configuration.engine
        if translator != nil { engineConfiguration.translationAvailable = true }
        engine = RoutingEngine(configuration: engineConfiguration)
    }

    // MARK: Operators

    /// Registers an operator, then routes waiting conversations.
    public func registerOperator(_ profile: OperatorProfile) async throws(ChatEngineError) {
        try engine.addOperator(profile, now: clock.now())
        await route()
    }

    /// Pauses or un-pauses an operator, then routes waiting conversations.
    public func setPaused(_ id: OperatorID, _ paused: Bool) async throws(ChatEngineError) {
        try engine.setPaused(id, paused)
        await route()
    }

    /// Units in use by an operator.
    public func load(of id: OperatorID) -> Int? { engine.load(of: id) }

    /// The state of a conversation.
    public func state(of id: ConversationID) -> ConversationState? { engine.state(of: id) }

    /// The operator running a conversation.
    public func operatorOf(_ id: ConversationID) -> OperatorProfile? { engine.operatorOf(id) }

    /// The queue position and estimated wait (seconds) of a waiting conversation.
    public func queueStatus(of id: ConversationID) -> (position: Int, estimatedWaitSeconds: Int)? {
        let now = clock.now()
        guard let position = engine.queuePosition(of: id), let wait = engine.estimatedWaitSeconds(of: id, now: now) else { return nil }
        return (position, wait)
    }

    // MARK: Connections

    /// Opens a connection without a session: its first frame must be `hello`.
    public func connect() -> ChatConnection {
        nextClient += 1
        let (stream, continuation) = AsyncStream<ChatEnvelope>.makeStream()
        clients[nextClient] = Client(continuation: continuation)
        let id = nextClient
        continuation.onTermination = { [weak self] _ in
            Task { await self?.disconnect(id) }
        }
        return ChatConnection(id: id, events: stream)
    }

    /// Opens a connection and says `hello` on it.
    public func connect(_ hello: Hello) async -> ChatConnection {
        let connection = connect()
        await handle(.hello(hello), from: connection.id)
        return connection
    }

    /// Closes a connection (the conversation goes on; the client may resume).
    public func disconnect(_ id: Int) {
        guard let client = clients.removeValue(forKey: id) else { return }
        switch client.session {
        case .visitor(_, let conversation): conversations[conversation]?.subscribers.remove(id)
        case .operator(let operatorID):
            operatorClients[operatorID]?.remove(id)
            for conversation in engine.conversations(of: operatorID) { conversations[conversation]?.subscribers.remove(id) }
        case .none: break
        }
        client.continuation.finish()
    }

    /// Handles raw bytes from a client: invalid UTF-8, JSON, version or type get an `error` frame.
    public func receive(_ data: Data, from connection: Int) async {
        do {
            let envelope = try ChatEnvelope.decode(data)
            await handle(envelope, from: connection)
        } catch {
            send(.error(error), to: connection)
        }
    }

    /// Handles one frame from a client. Answers (ack, error, events) arrive on the connection's stream.
    public func handle(_ envelope: ChatEnvelope, from connection: Int) async {
        guard let client = clients[connection] else { return }
        do {
            switch (envelope, client.session) {
            case (.hello(let hello), .none): try await openSession(hello, on: connection)
            case (.hello, _): throw ChatErrorFrame(code: .helloRequired, message: "this connection already said hello")
            case (_, .none): throw ChatErrorFrame(code: .helloRequired, message: "the first frame must be 'hello'")
            case (.send(let message), let session): try await handleMessage(message, session: session, connection: connection)
            case (.typing(let typing), let session):
                let role = try authorize(typing.conversation, session: session)
                var forwarded = typing
                forwarded.by = role
                for subscriber in conversations[typing.conversation]?.subscribers ?? [] where subscriber != connection {
                    send(.typing(forwarded), to: subscriber)
                }
            case (.marker(let marker), let session):
                let role = try authorize(marker.conversation, session: session)
                let event: ConversationEvent = marker.kind == .read ? .read(by: role, upTo: marker.upTo) : .delivered(by: role, upTo: marker.upTo)
                _ = try await append(event, to: marker.conversation)
            case (.action(let action), let session): try await handleAction(action, session: session)
            case (.welcome, _), (.ack, _), (.event, _), (.error, _):
                throw ChatErrorFrame(code: .forbidden, message: "'\(envelope.typeName)' frames are sent by the server, not by clients")
            }
        } catch let error as ChatErrorFrame {
            send(.error(error), to: connection)
        } catch let error as ChatEngineError {
            send(.error(ChatErrorFrame(code: error.code, message: error.description)), to: connection)
        } catch {
            send(.error(ChatErrorFrame(code: .storeUnavailable, message: "the request could not be completed")), to: connection)
        }
    }

    // MARK: Maintenance

    /// Closes taken conversations idle for longer than the inactivity timeout, then routes.
    /// Call it periodically (e.g. every minute); returns the closed conversations.
    @discardableResult
    public func tick() async -> [ConversationID] {
        let now = clock.now()
        var closed: [ConversationID] = []
        for (id, conversation) in conversations where now.timeIntervalSince(conversation.lastActivity) >= configuration.inactivityTimeout {
            guard let state = engine.state(of: id), state == .assigned || state == .onHold else { continue }
            if (try? await end(id, reason: .inactivity)) != nil { closed.append(id) }
        }
        await route()
        return closed.sorted { $0.rawValue < $1.rawValue }
    }

    /// Deletes conversations whose last event is older than the retention period; returns how many.
    public func purgeExpired() async throws(ConversationStoreError) -> Int {
        let purged = try await store.purge(lastActivityBefore: clock.now().addingTimeInterval(-configuration.retention))
        for id in purged {
            if let conversation = conversations[id], engine.state(of: id)?.isFinal ?? true {
                for subscriber in conversation.subscribers { clients[subscriber]?.continuation.finish() }
                conversations[id] = nil
                engine.forget(id)
            }
        }
        return purged.count
    }

    /// The visitor's transcript, on request; the token must be the conversation's.
    public func transcript(of id: ConversationID, token: VisitorToken) async throws(ChatErrorFrame) -> Transcript {
        guard let conversation = conversations[id], conversation.visitor == token else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id) for this token", conversation: id)
        }
        do {
            let events = try await store.events(of: id, after: 0, limit: .max)
            return Transcript(conversation: id, events: events)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: error.description, conversation: id)
        }
    }

    // MARK: Sessions

    private func openSession(_ hello: Hello, on connection: Int) async throws {
        switch hello.role {
        case .visitor:
            if let token = hello.token, let id = hello.conversation {
                guard let conversation = conversations[id], conversation.visitor == token else {
                    throw ChatErrorFrame(code: .notFound, message: "no conversation \(id) for this token", conversation: id)
                }
                clients[connection]?.session = .visitor(token, id)
                send(.welcome(Welcome(role: .visitor, token: token, conversation: id, lastSequence: conversation.lastSequence)), to: connection)
                try await replay(id, after: hello.lastSequence ?? 0, to: connection)
                conversations[id]?.subscribers.insert(connection)
            } else {
                let token = VisitorToken.random()
                let id = ConversationID.random()
                let language = RoutingEngine.primaryLanguage(hello.language ?? configuration.operatorLanguage)
                let platform = hello.platform ?? .tchat
                let now = clock.now()
                try engine.enqueue(id, ConversationRequirements(platform: platform, language: language), now: now)
                conversations[id] = Conversation(
                    visitor: token, language: language, lastActivity: now,
                    bucket: TokenBucket(capacity: configuration.rateLimitBurst, refillPerSecond: configuration.rateLimitPerSecond, now: now))
                conversations[id]?.subscribers.insert(connection)
                clients[connection]?.session = .visitor(token, id)
                send(.welcome(Welcome(role: .visitor, token: token, conversation: id, lastSequence: 0)), to: connection)
                await route()
            }
        case .operator:
            guard let operatorID = hello.operatorID, engine.profile(of: operatorID) != nil else {
                throw ChatErrorFrame(code: .notFound, message: "unknown operator \(hello.operatorID?.rawValue ?? "(none)")")
            }
            clients[connection]?.session = .operator(operatorID)
            operatorClients[operatorID, default: []].insert(connection)
            send(.welcome(Welcome(role: .operator, token: nil, conversation: hello.conversation,
                                  lastSequence: hello.conversation.flatMap { conversations[$0]?.lastSequence } ?? 0)), to: connection)
            for id in engine.conversations(of: operatorID).sorted(by: { $0.rawValue < $1.rawValue }) {
                let after = id == hello.conversation ? (hello.lastSequence ?? 0) : (hello.conversation == nil ? 0 : UInt64.max)
                if after != UInt64.max { try await replay(id, after: after, to: connection) }
                conversations[id]?.subscribers.insert(connection)
            }
        }
    }

    private func replay(_ id: ConversationID, after sequence: UInt64, to connection: Int) async throws {
        let missed = try await store.events(of: id, after: sequence, limit: .max)
        for stored in missed { send(.event(redacted(stored, for: connection)), to: connection) }
    }

    /// Which role the session has in the conversation, or an error if it has none.
    private func authorize(_ id: ConversationID, session: Session) throws -> ParticipantRole {
        switch session {
        case .visitor(_, let own) where own == id: return .visitor
        case .operator(let operatorID) where engine.operatorOf(id)?.id == operatorID: return .operator
        default: throw ChatErrorFrame(code: .notFound, message: "no conversation \(id) in this session", conversation: id)
        }
    }

    // MARK: Messages

    private func handleMessage(_ message: SendMessage, session: Session, connection: Int) async throws {
        let id = message.conversation
        let role = try authorize(id, session: session)
        guard role == message.role else {
            throw ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot send '\(message.role == .visitor ? "visitor_message" : "operator_message")'",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        guard !message.clientTransactionID.isEmpty, message.clientTransactionID.utf8.count <= 128 else {
            throw ChatErrorFrame(code: .malformed, message: "client_txn_id must have 1 to 128 bytes", conversation: id)
        }
        guard let state = engine.state(of: id), !state.isFinal else {
            throw ChatErrorFrame(code: .invalidTransition, message: "conversation \(id) is over", conversation: id,
                                 clientTransactionID: message.clientTransactionID)
        }
        let now = clock.now()
        if role == .visitor, conversations[id]?.bucket.take(now: now) == false {
            let retry = conversations[id]?.bucket.secondsUntilNextToken(now: now) ?? 1
            throw ChatErrorFrame(code: .rateLimited, message: "too many messages; retry in \(Int(retry.rounded(.up))) s with the same client_txn_id",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        let text: String
        do { text = try configuration.limits.sanitize(message.text) } catch {
            var error = error
            error.conversation = id
            error.clientTransactionID = message.clientTransactionID
            throw error
        }
        let visitorLanguage = conversations[id]?.language ?? configuration.operatorLanguage
        var translation: Translation?
        if let translator, visitorLanguage != configuration.operatorLanguage {
            let (source, target) = role == .visitor ? (visitorLanguage, configuration.operatorLanguage) : (configuration.operatorLanguage, visitorLanguage)
            if let translated = await translator.translate(text, from: source, to: target) {
                translation = Translation(language: target, text: translated)
            }
        }
        let event: ConversationEvent = role == .visitor
            ? .visitorMessage(clientTransactionID: message.clientTransactionID, text: text, translation: translation)
            : .operatorMessage(clientTransactionID: message.clientTransactionID, pseudonym: engine.operatorOf(id)?.pseudonym ?? "",
                               text: text, translation: translation)
        let outcome = try await append(event, to: id)
        conversations[id]?.lastActivity = now
        let duplicate: Bool
        if case .duplicate = outcome { duplicate = true } else { duplicate = false }
        send(.ack(Ack(conversation: id, clientTransactionID: message.clientTransactionID, sequence: outcome.event.sequence, duplicate: duplicate)),
             to: connection)
        if role == .visitor, !duplicate, conversations[id]?.sawFirstVisitorMessage == false {
            conversations[id]?.sawFirstVisitorMessage = true
            if let classifier, await classifier.isEmergency(text) {
                try await raiseEmergency(id, source: .classifier)
            }
        }
    }

    // MARK: Actions

    private func handleAction(_ action: ConversationAction, session: Session) async throws {
        let id = action.conversation
        let role = try authorizeAction(id, session: session)
        let now = clock.now()
        switch action {
        case .emergency:
            try await raiseEmergency(id, source: role == .visitor ? .visitor : .operator)
        case .leave:
            guard role == .visitor else { throw forbidden(action, role) }
            try await end(id, reason: engine.state(of: id) == .waiting ? .abandoned : .visitor)
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
            conversations[id]?.lastActivity = now
            if let assignment { try await announce(assignment) }
            await route()
        }
    }

    /// Visitors act on their own conversation; operators on the ones they run.
    private func authorizeAction(_ id: ConversationID, session: Session) throws -> ParticipantRole {
        try authorize(id, session: session)
    }

    private func forbidden(_ action: ConversationAction, _ role: ParticipantRole) -> ChatErrorFrame {
        ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot '\(ChatEnvelope.action(action).typeName)'", conversation: action.conversation)
    }

    private func raiseEmergency(_ id: ConversationID, source: EmergencySource) async throws {
        guard try engine.raiseEmergency(id) else { return }
        _ = try await append(.emergencyRaised(source: source), to: id)
        if let supervisor, let platform = engine.requirements(of: id)?.platform {
            await supervisor.emergencyRaised(EmergencyNotice(conversation: id, platform: platform, source: source, at: clock.now(),
                                                             operatorPseudonym: engine.operatorOf(id)?.pseudonym))
        }
        await route()
    }

    private func end(_ id: ConversationID, reason: CloseReason) async throws {
        let operatorID = engine.operatorOf(id)?.id
        if reason == .abandoned { try engine.abandon(id) } else { try engine.close(id, now: clock.now()) }
        _ = try await append(.closed(reason: reason), to: id)
        if let operatorID { unsubscribe(operatorID, from: id) }
        await route()
    }

    private func unsubscribe(_ operatorID: OperatorID, from id: ConversationID) {
        for connection in operatorClients[operatorID] ?? [] { conversations[id]?.subscribers.remove(connection) }
    }

    // MARK: Routing

    private func route() async {
        let assignments = engine.dispatch(now: clock.now())
        for assignment in assignments {
            try? await announce(assignment)
        }
        await updateQueuePositions()
    }

    private func announce(_ assignment: RoutingEngine.Assignment) async throws {
        let id = assignment.conversation
        conversations[id]?.notifiedPosition = nil
        conversations[id]?.lastActivity = clock.now()
        let connections = operatorClients[assignment.operatorID] ?? []
        // The operator gets the history first, then live events.
        for connection in connections { try await replay(id, after: 0, to: connection) }
        for connection in connections { conversations[id]?.subscribers.insert(connection) }
        _ = try await append(.assigned(pseudonym: assignment.pseudonym, role: assignment.role), to: id)
    }

    private func updateQueuePositions() async {
        let now = clock.now()
        for platform in Platform.allCases {
            for id in engine.waiting(on: platform) {
                guard let position = engine.queuePosition(of: id), conversations[id]?.notifiedPosition != position else { continue }
                conversations[id]?.notifiedPosition = position
                let wait = engine.estimatedWaitSeconds(of: id, now: now) ?? 0
                _ = try? await append(.queued(platform: platform, position: position, estimatedWaitSeconds: wait), to: id)
            }
        }
    }

    // MARK: Sequencing and delivery

    private func append(_ event: ConversationEvent, to id: ConversationID) async throws -> AppendOutcome {
        for _ in 0..<16 {
            guard let expected = conversations[id]?.lastSequence else {
                throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
            }
            do {
                let outcome = try await store.append(event, to: id, expectedLastSequence: expected, at: clock.now())
                if case .appended(let stored) = outcome {
                    let known = conversations[id]?.lastSequence ?? 0
                    conversations[id]?.lastSequence = max(known, stored.sequence)
                    deliver(stored)
                }
                return outcome
            } catch .conflict(_, _, let actual) {
                // Another append of this service got there first; it delivers its own event.
                let known = conversations[id]?.lastSequence ?? 0
                conversations[id]?.lastSequence = max(known, actual)
            } catch {
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; retry with the same client_txn_id",
                                     conversation: id, clientTransactionID: event.clientTransactionID)
            }
        }
        throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation is too busy; retry with the same client_txn_id",
                             conversation: id, clientTransactionID: event.clientTransactionID)
    }

    /// Delivers events strictly in sequence order, even if appends complete out of order.
    private func deliver(_ stored: SequencedEvent) {
        let id = stored.conversation
        guard var conversation = conversations[id] else { return }
        conversations[id] = nil
        conversation.pending[stored.sequence] = stored
        while let next = conversation.pending.removeValue(forKey: conversation.nextToDeliver) {
            conversation.nextToDeliver += 1
            for subscriber in conversation.subscribers {
                send(.event(redacted(next, for: subscriber)), to: subscriber)
            }
        }
        conversations[id] = conversation
    }

    /// Transfer notes are for operators only.
    private func redacted(_ stored: SequencedEvent, for connection: Int) -> SequencedEvent {
        guard case .transferred(let platform, let pseudonym, let role, .some) = stored.event,
              case .visitor = clients[connection]?.session else { return stored }
        var copy = stored
        copy.event = .transferred(platform: platform, toPseudonym: pseudonym, toRole: role, note: nil)
        return copy
    }

    private func send(_ envelope: ChatEnvelope, to connection: Int) {
        clients[connection]?.continuation.yield(envelope)
    }
}
