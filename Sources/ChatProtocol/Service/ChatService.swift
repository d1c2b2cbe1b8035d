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
/// and the supervisor hook receives metadata only. Stores keep a digest of the visitor's token
/// (``VisitorTokenDigest``), never the token.
///
/// Several instances (processes behind a load balancer) can share one ``ConversationRecordStore``:
/// the instance that opened a conversation routes it (queue, operator assignment), while the
/// visitor may resume it on any instance. Each instance calls ``storeDidAppend(to:upTo:)`` when the
/// store announces events appended elsewhere (PostgreSQL `LISTEN`/`NOTIFY`, for instance), and
/// ``resynchronize()`` after such announcements may have been lost. See <doc:RunningTheChat>.
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
        /// `hello` is being answered (the store is read or written).
        case opening
        case visitor(VisitorToken, ConversationID)
        case `operator`(OperatorID)
    }

    /// A connection's state. A class (confined to the actor) so that the hot path looks it up
    /// once and updates it in place.
    private final class Client {
        let continuation: AsyncStream<ChatEnvelope>.Continuation
        var session: Session = .none

        init(continuation: AsyncStream<ChatEnvelope>.Continuation) {
            self.continuation = continuation
        }
    }

    /// A conversation's delivery state. A class (confined to the actor): a message looks it up
    /// once, then reads and updates it through the reference.
    private final class Conversation {
        let visitorDigest: VisitorTokenDigest
        let language: String
        /// Whether this instance opened the conversation, and so routes it (its engine knows it).
        /// Otherwise the conversation was opened by another instance sharing the store, and
        /// ``mirror`` follows its state from the stored events.
        let isHome: Bool
        var lastSequence: UInt64 = 0
        var nextToDeliver: UInt64 = 1
        var pending: [UInt64: SequencedEvent] = [:]
        var subscribers: Set<Int> = []
        /// Subscribers that were sent events ahead of ``nextToDeliver`` while they resumed: the
        /// highest sequence each already has (usually empty).
        var alreadySent: [Int: UInt64] = [:]
        var lastActivity: Date
        var sawFirstVisitorMessage = false
        var notifiedPosition: Int?
        var bucket: TokenBucket
        var mirror = Mirror()
        /// A catch-up read of the store is running; ``catchUpAgain`` asks it for one more pass.
        var catchingUp = false
        var catchUpAgain = false

        init(visitorDigest: VisitorTokenDigest, language: String, isHome: Bool, lastActivity: Date, bucket: TokenBucket) {
            self.visitorDigest = visitorDigest
            self.language = language
            self.isHome = isHome
            self.lastActivity = lastActivity
            self.bucket = bucket
        }
    }

    /// The state of a conversation routed by another instance, as its stored events tell it.
    private struct Mirror {
        var state: ConversationState = .waiting
        var emergency = false

        mutating func apply(_ event: ConversationEvent) {
            if case .closed(let reason) = event {
                state = reason == .abandoned ? .abandoned : .closed
                return
            }
            guard !state.isFinal else { return }
            switch event {
            case .queued: state = .waiting
            case .assigned, .resumed: state = .assigned
            case .onHold: state = .onHold
            case .transferred(_, let pseudonym, _, _): state = pseudonym == nil ? .waiting : .assigned
            case .emergencyRaised: emergency = true
            default: break
            }
        }
    }

    private let configuration: Configuration
    private let store: any ConversationStore
    /// The same store when it keeps conversation records (so conversations can move between instances).
    private let recordStore: (any ConversationRecordStore)?
    /// The same store when it is the in-memory one: appended to synchronously, without an async frame.
    private let memoryStore: InMemoryConversationStore?
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
        memoryStore = store as? InMemoryConversationStore
        recordStore = store as? any ConversationRecordStore
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
        case .visitor(_, let conversationID):
            guard let conversation = conversations[conversationID] else { break }
            conversation.subscribers.remove(id)
            conversation.alreadySent[id] = nil
            // Another instance's conversation is followed only while someone here takes part in it.
            if !conversation.isHome, conversation.subscribers.isEmpty, conversation.mirror.state.isFinal { conversations[conversationID] = nil }
        case .operator(let operatorID):
            operatorClients[operatorID]?.remove(id)
            for conversation in engine.conversations(of: operatorID) {
                conversations[conversation]?.subscribers.remove(id)
                conversations[conversation]?.alreadySent[id] = nil
            }
        case .none, .opening: break
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

    /// Handles several frames from one client, in order (for a transport that reads them in a burst).
    public func handle(_ frames: [ChatEnvelope], from connection: Int) async {
        for frame in frames { await handle(frame, from: connection) }
    }

    /// Handles one frame from a client. Answers (ack, error, events) arrive on the connection's stream.
    public func handle(_ envelope: ChatEnvelope, from connection: Int) async {
        guard let client = clients[connection] else { return }
        do {
            // Hot path: a message on an open session, in-memory store, nothing to await.
            if case .send(let message) = envelope, let memoryStore, translator == nil, classifier == nil {
                switch client.session {
                case .none: throw ChatErrorFrame(code: .helloRequired, message: "the first frame must be 'hello'")
                case .opening: throw ChatErrorFrame(code: .helloRequired, message: "wait for 'welcome' before sending")
                case .visitor, .operator: break
                }
                let admitted = try admit(message, session: client.session)
                let outcome = try append(makeEvent(message, admitted, translation: nil), to: message.conversation,
                                         conversation: admitted.conversation, at: admitted.now, in: memoryStore)
                acknowledge(message, admitted, outcome, connection: connection)
                return
            }
            switch (envelope, client.session) {
            case (.hello(let hello), .none):
                client.session = .opening
                do {
                    try await openSession(hello, on: connection)
                } catch {
                    if case .opening = client.session { client.session = .none }
                    throw error
                }
            case (.hello, _): throw ChatErrorFrame(code: .helloRequired, message: "this connection already said hello")
            case (_, .none): throw ChatErrorFrame(code: .helloRequired, message: "the first frame must be 'hello'")
            case (_, .opening): throw ChatErrorFrame(code: .helloRequired, message: "wait for 'welcome' before sending")
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

    // MARK: Other instances

    /// The conversation's state as the instance that routes it sees it: this engine's for a
    /// conversation opened here, the one its stored events tell for another instance's.
    @inline(__always)
    private func routedState(of id: ConversationID, _ conversation: Conversation) -> ConversationState? {
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
    private func catchUp(_ id: ConversationID, _ conversation: Conversation) async {
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
                    deliver(stored, in: conversation)
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
    /// messages, markers, `leave` (stored as `closed`) and `emergency`.
    private func takeEffect(of events: [SequencedEvent], in id: ConversationID, _ conversation: Conversation) async {
        guard !events.isEmpty else { return }
        let now = clock.now()
        conversation.lastActivity = now
        guard conversation.isHome else {
            for stored in events { conversation.mirror.apply(stored.event) }
            return
        }
        var reroute = false
        for stored in events {
            switch stored.event {
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
                reroute = true
            case .emergencyRaised(let source):
                guard (try? engine.raiseEmergency(id)) == true else { continue }
                if let supervisor, let platform = engine.requirements(of: id)?.platform {
                    await supervisor.emergencyRaised(EmergencyNotice(conversation: id, platform: platform, source: source, at: now,
                                                                     operatorPseudonym: engine.operatorOf(id)?.pseudonym))
                }
                reroute = true
            default:
                continue
            }
        }
        if reroute { await route() }
    }

    /// Reads back events another writer stored before this instance's append (its announcement may come later, or never).
    private func scheduleCatchUp(_ id: ConversationID, upTo sequence: UInt64) {
        guard let conversation = conversations[id], sequence >= conversation.nextToDeliver else { return }
        Task { await self.storeDidAppend(to: id, upTo: sequence) }
    }

    // MARK: Maintenance

    /// Closes taken conversations idle for longer than the inactivity timeout, then routes.
    /// Call it periodically (e.g. every minute); returns the closed conversations.
    @discardableResult
    public func tick() async -> [ConversationID] {
        let now = clock.now()
        var closed: [ConversationID] = []
        for (id, conversation) in conversations where now.timeIntervalSince(conversation.lastActivity) >= configuration.inactivityTimeout {
            // Another instance routes (and times out) its conversations; stop following idle ones nobody here takes part in.
            if !conversation.isHome {
                if conversation.subscribers.isEmpty { conversations[id] = nil }
                continue
            }
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
                let conversation = try await resumable(id, token: token)
                let seen = try await lastSeen(hello.lastSequence ?? 0, in: id)
                guard clients[connection] != nil else { return }
                clients[connection]?.session = .visitor(token, id)
                send(.welcome(Welcome(role: .visitor, token: token, conversation: id, lastSequence: max(conversation.lastSequence, seen))), to: connection)
                try await subscribe(connection, to: id, after: seen)
            } else {
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
                try engine.enqueue(id, ConversationRequirements(platform: platform, language: language), now: now)
                conversations[id] = Conversation(
                    visitorDigest: digest, language: language, isHome: true, lastActivity: now,
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
                if id == hello.conversation {
                    try await subscribe(connection, to: id, after: try await lastSeen(hello.lastSequence ?? 0, in: id))
                } else if hello.conversation == nil {
                    try await subscribe(connection, to: id, after: 0)
                } else {
                    // Resuming another conversation: this one's live events only.
                    conversations[id]?.subscribers.insert(connection)
                }
            }
        }
    }

    /// The conversation a resuming visitor's token opens: one this instance knows, or one another
    /// instance opened in the shared store (followed from now on). Unknown conversation and wrong
    /// token get the same answer.
    private func resumable(_ id: ConversationID, token: VisitorToken) async throws -> Conversation {
        let refusal = ChatErrorFrame(code: .notFound, message: "no conversation \(id) for this token", conversation: id)
        if let conversation = conversations[id] {
            guard conversation.visitorDigest.matches(token) else { throw refusal }
            return conversation
        }
        guard let recordStore else { throw refusal }
        let record: ConversationRecord?
        let history: [SequencedEvent]
        do {
            record = try await recordStore.record(of: id)
            guard let record, record.visitorDigest.matches(token) else { throw refusal }
            history = try await store.events(of: id, after: 0, limit: .max)
        } catch let error as ConversationStoreError {
            throw ChatErrorFrame(code: .storeUnavailable, message: "\(error.description); say hello again", conversation: id)
        }
        // Another connection of the visitor may have brought it in meanwhile.
        if let conversation = conversations[id] { return conversation }
        guard let record else { throw refusal }
        let now = clock.now()
        let conversation = Conversation(
            visitorDigest: record.visitorDigest, language: record.language, isHome: false, lastActivity: now,
            bucket: TokenBucket(capacity: configuration.rateLimitBurst, refillPerSecond: configuration.rateLimitPerSecond, now: now))
        for stored in history {
            conversation.mirror.apply(stored.event)
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
    private func subscribe(_ connection: Int, to id: ConversationID, after sequence: UInt64) async throws {
        var sent = sequence
        while true {
            let missed = try await store.events(of: id, after: sent, limit: .max)
            for stored in missed where stored.sequence > sent {
                send(.event(redacted(stored, for: connection)), to: connection)
                sent = stored.sequence
            }
            guard let conversation = conversations[id], clients[connection] != nil else { return }
            // Events delivered here while the store was read went to the subscribers only: read again.
            if missed.isEmpty || sent + 1 >= conversation.nextToDeliver {
                conversation.subscribers.insert(connection)
                if sent >= conversation.nextToDeliver { conversation.alreadySent[connection] = sent }
                return
            }
        }
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

    /// A message that passed the checks (session, transaction id, state, rate limit, limits).
    private struct AdmittedMessage {
        let conversation: Conversation
        let role: ParticipantRole
        let text: String
        let now: Date
    }

    private func handleMessage(_ message: SendMessage, session: Session, connection: Int) async throws {
        let admitted = try admit(message, session: session)
        let conversation = admitted.conversation
        var translation: Translation?
        if let translator, conversation.language != configuration.operatorLanguage {
            let (source, target) = admitted.role == .visitor ? (conversation.language, configuration.operatorLanguage)
                                                             : (configuration.operatorLanguage, conversation.language)
            if let translated = await translator.translate(admitted.text, from: source, to: target) {
                translation = Translation(language: target, text: translated)
            }
        }
        let event = makeEvent(message, admitted, translation: translation)
        let outcome: AppendOutcome
        if let memoryStore, translation == nil {
            // In-memory store and nothing awaited: sequence, store and deliver without an async call.
            outcome = try append(event, to: message.conversation, conversation: conversation, at: admitted.now, in: memoryStore)
        } else {
            outcome = try await append(event, to: message.conversation)
        }
        if acknowledge(message, admitted, outcome, connection: connection), let classifier, await classifier.isEmergency(admitted.text) {
            try await raiseEmergency(message.conversation, source: .classifier)
        }
    }

    /// Checks a message and applies the rate limit and the message limits.
    private func admit(_ message: SendMessage, session: Session) throws -> AdmittedMessage {
        let id = message.conversation
        let role = try authorize(id, session: session)
        guard role == message.role else {
            throw ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot send '\(message.role == .visitor ? "visitor_message" : "operator_message")'",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        guard !message.clientTransactionID.isEmpty, message.clientTransactionID.utf8.count <= 128 else {
            throw ChatErrorFrame(code: .malformed, message: "client_txn_id must have 1 to 128 bytes", conversation: id)
        }
        guard let conversation = conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        guard !(routedState(of: id, conversation)?.isFinal ?? true) else {
            throw ChatErrorFrame(code: .invalidTransition, message: "conversation \(id) is over", conversation: id,
                                 clientTransactionID: message.clientTransactionID)
        }
        let now = clock.now()
        if role == .visitor, !conversation.bucket.take(now: now) {
            let retry = conversation.bucket.secondsUntilNextToken(now: now)
            throw ChatErrorFrame(code: .rateLimited, message: "too many messages; retry in \(Int(retry.rounded(.up))) s with the same client_txn_id",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        do {
            return AdmittedMessage(conversation: conversation, role: role, text: try configuration.limits.sanitize(message.text), now: now)
        } catch {
            var error = error
            error.conversation = id
            error.clientTransactionID = message.clientTransactionID
            throw error
        }
    }

    private func makeEvent(_ message: SendMessage, _ admitted: AdmittedMessage, translation: Translation?) -> ConversationEvent {
        admitted.role == .visitor
            ? .visitorMessage(clientTransactionID: message.clientTransactionID, text: admitted.text, translation: translation)
            : .operatorMessage(clientTransactionID: message.clientTransactionID, pseudonym: engine.operatorOf(message.conversation)?.pseudonym ?? "",
                               text: admitted.text, translation: translation)
    }

    /// Sends the ack; returns whether this is the visitor's first stored message (to classify).
    @discardableResult
    private func acknowledge(_ message: SendMessage, _ admitted: AdmittedMessage, _ outcome: AppendOutcome, connection: Int) -> Bool {
        admitted.conversation.lastActivity = admitted.now
        let duplicate: Bool
        if case .duplicate = outcome { duplicate = true } else { duplicate = false }
        send(.ack(Ack(conversation: message.conversation, clientTransactionID: message.clientTransactionID, sequence: outcome.event.sequence,
                      duplicate: duplicate)), to: connection)
        guard admitted.role == .visitor, !duplicate, !admitted.conversation.sawFirstVisitorMessage else { return false }
        admitted.conversation.sawFirstVisitorMessage = true
        return true
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
        if let supervisor, let platform = engine.requirements(of: id)?.platform {
            await supervisor.emergencyRaised(EmergencyNotice(conversation: id, platform: platform, source: source, at: clock.now(),
                                                             operatorPseudonym: engine.operatorOf(id)?.pseudonym))
        }
        await route()
    }

    private func end(_ id: ConversationID, reason: CloseReason) async throws {
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
        for connection in connections { try await subscribe(connection, to: id, after: 0) }
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
                // Another append got there first: one of this service (it delivers its own event) or of
                // another instance (read back here, in case its announcement is late or lost).
                // An append of this service that finished meanwhile may have moved it further.
                if let known = conversations[id]?.lastSequence, known < actual { conversations[id]?.lastSequence = actual }
                scheduleCatchUp(id, upTo: actual)
            } catch {
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; retry with the same client_txn_id",
                                     conversation: id, clientTransactionID: event.clientTransactionID)
            }
        }
        throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation is too busy; retry with the same client_txn_id",
                             conversation: id, clientTransactionID: event.clientTransactionID)
    }

    /// ``append(_:to:)`` for the in-memory store: synchronous, on a conversation already looked up.
    private func append(_ event: ConversationEvent, to id: ConversationID, conversation: Conversation, at date: Date,
                        in memoryStore: InMemoryConversationStore) throws -> AppendOutcome {
        for _ in 0..<16 {
            switch memoryStore.appendNow(event, to: id, expectedLastSequence: conversation.lastSequence, at: date) {
            case .success(let outcome):
                if case .appended(let stored) = outcome {
                    conversation.lastSequence = max(conversation.lastSequence, stored.sequence)
                    deliver(stored, in: conversation)
                }
                return outcome
            case .failure(.conflict(_, _, let actual)):
                // The store is shared with another writer that got there first: read its events back.
                conversation.lastSequence = max(conversation.lastSequence, actual)
                scheduleCatchUp(id, upTo: actual)
            case .failure:
                throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; retry with the same client_txn_id",
                                     conversation: id, clientTransactionID: event.clientTransactionID)
            }
        }
        throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation is too busy; retry with the same client_txn_id",
                             conversation: id, clientTransactionID: event.clientTransactionID)
    }

    /// Delivers events strictly in sequence order, even if appends complete out of order.
    private func deliver(_ stored: SequencedEvent) {
        guard let conversation = conversations[stored.conversation] else { return }
        deliver(stored, in: conversation)
    }

    private func deliver(_ stored: SequencedEvent, in conversation: Conversation) {
        // Fast path: the next expected event, nothing pending.
        if conversation.pending.isEmpty, conversation.alreadySent.isEmpty, stored.sequence == conversation.nextToDeliver {
            conversation.nextToDeliver += 1
            for subscriber in conversation.subscribers {
                send(.event(redacted(stored, for: subscriber)), to: subscriber)
            }
            return
        }
        // Delivered already (read back from the store, or announced twice).
        guard stored.sequence >= conversation.nextToDeliver else { return }
        conversation.pending[stored.sequence] = stored
        while let next = conversation.pending.removeValue(forKey: conversation.nextToDeliver) {
            conversation.nextToDeliver += 1
            for subscriber in conversation.subscribers {
                if let sent = conversation.alreadySent[subscriber], next.sequence <= sent { continue }
                send(.event(redacted(next, for: subscriber)), to: subscriber)
            }
            if !conversation.alreadySent.isEmpty {
                conversation.alreadySent = conversation.alreadySent.filter { $0.value > next.sequence }
            }
        }
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
