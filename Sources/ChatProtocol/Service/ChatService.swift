import Foundation

/// The in-process chat server: sessions, sequencing, validation, routing and delivery.
///
/// A transport wraps it: for each client connection it calls ``connect()``, forwards every
/// frame to ``handle(_:from:)-(ChatEnvelope,_)`` (or raw bytes to ``receive(_:from:)``), writes out the frames of
/// ``ChatConnection/events`` and calls ``disconnect(_:)`` at the end. A transport serving many
/// connections at once hands frames over with ``submit(_:from:)`` instead, which returns once the
/// frame is queued: under load, many frames then share one entry into the actor. Every change goes through
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
/// ``resynchronize()`` after such announcements may have been lost. See the article "Running the chat" in the ChatProtocol documentation.
///
/// The work is split by job, each in its own file: connections (`ClientRegistry`), sessions
/// (`ChatService+Sessions`), message checks and rate limits (`MessageAdmission`, `ChatService+Messages`),
/// conversation actions (`ChatService+Actions`), routing and queue notices (`ChatService+Routing`),
/// sequencing and in-order delivery (`ChatService+Delivery`, `ConversationChannel`), other instances
/// (`ChatService+Instances`, `ConversationMirror`), supervisors (`ChatService+Supervisors`) and
/// maintenance: inactivity, purge and transcripts (`ChatService+Maintenance`).
public actor ChatService {
    let configuration: Configuration
    let store: any ConversationStore
    /// The same store when it keeps conversation records (so conversations can move between instances).
    let recordStore: (any ConversationRecordStore)?
    let clock: any WallClock
    let classifier: (any EmergencyClassifier)?
    let translator: (any Translator)?
    let supervisor: (any SupervisorHook)?
    let admission: MessageAdmission
    var engine: RoutingEngine
    let clients = ClientRegistry()
    /// Frames submitted by transports, waiting to be handled (``submit(_:from:)``).
    nonisolated let inbox: ChatInbox
    var conversations: [ConversationID: ConversationChannel] = [:]
    /// The cluster's one queue, when several instances route together (see ``RoutingCoordinator``).
    let coordinator: (any RoutingCoordinator)?
    /// This instance's name in the cluster (its lease and its claims carry it).
    public nonisolated let instance: InstanceID
    /// Typing notices and supervisor alerts to and from the other instances (see ``ClusterRelay``).
    let relay: (any ClusterRelay)?
    /// The visitors' rate limit shared by every instance; `nil` keeps each conversation's bucket here.
    let rateLimiter: (any VisitorRateLimiter)?
    /// Files the operators' signalements (`signalement` frames); `nil` refuses them.
    let signalementFiler: (any ChatSignalementFiler)?
    /// The escalations whose alert the supervisors here got (when), so a relayed alert read twice alerts once.
    var alertedEscalations: [ConversationID: Date] = [:]
    /// A coordinated routing pass is running; ``routeAgain`` asks it for one more.
    var routingPass = false
    var routeAgain = false
    /// Conversations this instance took back from an operator but could not send back to the cluster's queue (the
    /// coordinator refused the write): their entry still says "taken here", and nobody would claim them while this
    /// instance keeps its lease. Each routing pass sends them back again (see ``sendBack(_:requirements:enqueuedAt:)``).
    var unsentSendBacks: [ConversationID: (requirements: ConversationRequirements, enqueuedAt: Date)] = [:]

    /// Creates a service. With a `coordinator`, waiting conversations go to one queue shared by
    /// every instance using it, and each instance claims conversations for the operators connected
    /// to it (see the article "Running the chat" in the ChatProtocol documentation); `instance` names this one (random by default).
    /// With a `relay`, typing notices reach the participants connected to other instances and each
    /// escalation alerts the supervisors connected to any instance, once; with a `rateLimiter`, a
    /// visitor's messages are counted once over every instance. With `signalements`, operators may
    /// turn conversations into signalements (`signalement` frames, see ``ChatSignalementFiler``).
    public init(configuration: Configuration = .init(), store: any ConversationStore = InMemoryConversationStore(),
                clock: any WallClock = SystemWallClock(), classifier: (any EmergencyClassifier)? = nil,
                translator: (any Translator)? = nil, supervisor: (any SupervisorHook)? = nil,
                coordinator: (any RoutingCoordinator)? = nil, instance: InstanceID = .random(),
                relay: (any ClusterRelay)? = nil, rateLimiter: (any VisitorRateLimiter)? = nil,
                signalements: (any ChatSignalementFiler)? = nil) {
        self.signalementFiler = signalements
        self.coordinator = coordinator
        self.instance = instance
        self.relay = relay
        self.rateLimiter = rateLimiter
        self.configuration = configuration
        inbox = ChatInbox(capacity: configuration.inboxCapacity)
        self.store = store
        recordStore = store as? any ConversationRecordStore
        self.clock = clock
        self.classifier = classifier
        self.translator = translator
        self.supervisor = supervisor
        admission = MessageAdmission(limits: configuration.limits, burst: configuration.rateLimitBurst,
                                     perSecond: configuration.rateLimitPerSecond)
        var engineConfiguration = configuration.engine
        if translator != nil { engineConfiguration.translationAvailable = true }
        engine = RoutingEngine(configuration: engineConfiguration)
    }

    /// Stops serving a conversation here: its channel is dropped and marked so.
    func drop(_ id: ConversationID) {
        conversations.removeValue(forKey: id)?.listed = false
    }

    // MARK: Operators

    /// Registers an operator, then routes waiting conversations. With
    /// ``Configuration/operatorsMustConnect``, the operator is given conversations once connected.
    public func registerOperator(_ profile: OperatorProfile) async throws(ChatEngineError) {
        try engine.addOperator(profile, now: clock.now())
        if configuration.operatorsMustConnect { try engine.setPresent(profile.id, clients.isConnected(profile.id)) }
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
        let (id, stream) = clients.open()
        clients[id]?.continuation.onTermination = { [weak self] _ in
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
        guard let client = clients.close(id) else { return }
        switch client.session {
        case .visitor(let conversationID):
            guard let conversation = conversations[conversationID] else { break }
            conversation.unsubscribe(id, through: clients)
            if conversation.hasPendingConsent, !conversation.subscribers.contains(where: { clients[$0]?.isVisitor == true }) {
                // The visitor's last connection here closed while they were asked: nothing is attached.
                Task { await self.settleConsents(in: conversationID, .visitorLeft) }
            }
            // Another instance's conversation is followed only while someone here takes part in it.
            if !conversation.isHome, conversation.subscribers.isEmpty, conversation.mirror.state.isFinal { drop(conversationID) }
        case .operator(let operatorID):
            for conversation in engine.conversations(of: operatorID) { conversations[conversation]?.unsubscribe(id, through: clients) }
            if configuration.operatorsMustConnect, !clients.isConnected(operatorID) {
                // Gone: no new conversation, and the queues' visitors may have to be told nobody serves them now.
                try? engine.setPresent(operatorID, false)
                Task { await self.operatorLeft(operatorID) }
            }
        case .none, .opening: break
        }
    }

    /// Handles raw bytes from a client: invalid UTF-8, JSON, version or type get an `error` frame.
    public func receive(_ data: Data, from connection: Int) async {
        do {
            let envelope = try ChatEnvelope.decode(data)
            await handle(envelope, from: connection)
        } catch {
            clients.send(.error(error), to: connection)
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
            if case .hello(let hello) = envelope {
                guard case .none = client.session else {
                    throw ChatErrorFrame(code: .helloRequired, message: "this connection already said hello")
                }
                client.session = .opening
                do {
                    try await openSession(hello, on: connection)
                } catch {
                    if case .opening = client.session { client.session = .none }
                    throw error
                }
                return
            }
            let session = client.session
            switch session {
            case .none: throw ChatErrorFrame(code: .helloRequired, message: "the first frame must be 'hello'")
            case .opening: throw ChatErrorFrame(code: .helloRequired, message: "wait for 'welcome' before sending")
            case .visitor, .operator: break
            }
            switch envelope {
            case .send(let message): try await handleMessage(message, session: session, from: client)
            case .typing(let typing): try await forwardTyping(typing, session: session, from: connection)
            case .marker(let marker):
                let role = try authorize(marker.conversation, session: session)
                let event: ConversationEvent = marker.kind == .read ? .read(by: role, upTo: marker.upTo) : .delivered(by: role, upTo: marker.upTo)
                _ = try await append(event, to: marker.conversation)
            case .action(let action): try await handleAction(action, session: session)
            case .signalement(let request): try await handleSignalement(request, session: session, from: connection)
            case .consent(let reply): try await handleConsent(reply, session: session)
            case .hello, .welcome, .ack, .event, .error, .supervisorAlert:
                throw ChatErrorFrame(code: .forbidden, message: "'\(envelope.typeName)' frames are sent by the server, not by clients")
            }
        } catch let error as ChatErrorFrame {
            clients.send(.error(error), to: connection)
        } catch let error as ChatEngineError {
            clients.send(.error(ChatErrorFrame(code: error.code, message: error.description)), to: connection)
        } catch {
            clients.send(.error(ChatErrorFrame(code: .storeUnavailable, message: "the request could not be completed")), to: connection)
        }
    }
}
