import Foundation

/// Messages: checked (``MessageAdmission``), translated if a translator is set, stored,
/// acknowledged, and the visitor's first one classified for danger; typing notices forwarded.
extension ChatService {
    /// One message, from checks to ack. The common case (no shared rate limiter, translator or
    /// classifier) makes a single asynchronous call, the store's append: every other step is
    /// synchronous on the actor, so a message costs no executor switch beyond the store's.
    @inline(__always)
    func handleMessage(_ message: SendMessage, session: ChatSession, from client: ChatClient) async throws {
        let (conversation, role) = try check(message, session: session, from: client)
        let now = clock.now()
        let text: String
        if role == .visitor, let rateLimiter {
            text = try await admitShared(message, in: conversation, now: now, counter: rateLimiter)
        } else {
            text = try admission.admit(message, role: role, in: conversation, now: now)
        }
        var translation: Translation?
        if let translator, conversation.language != configuration.operatorLanguage {
            let (source, target) = role == .visitor ? (conversation.language, configuration.operatorLanguage)
                                                    : (configuration.operatorLanguage, conversation.language)
            if let translated = await translator.translate(text, from: source, to: target) {
                translation = Translation(language: target, text: translated)
            }
        }
        let event: ConversationEvent = role == .visitor
            ? .visitorMessage(clientTransactionID: message.clientTransactionID, text: text, translation: translation)
            : .operatorMessage(clientTransactionID: message.clientTransactionID, pseudonym: engine.operatorOf(message.conversation)?.pseudonym ?? "",
                               text: text, translation: translation)
        // Decided before the append: while it is on its way, this instance may read the message back from the
        // store (its own notification) and mark the first message as seen, and the danger would go unread.
        let first = role == .visitor && !conversation.sawFirstVisitorMessage
        // The visitor's first message is classified for danger, and a danger raised, before the message is stored:
        // an instance that dies between the two leaves the emergency recorded, and the visitor's resent message is
        // read again wherever it lands. Stored first, a danger could be stored and never raised.
        var dangerNotRaised = false
        if first, let classifier, await classifier.isEmergency(text) {
            dangerNotRaised = (try? await raiseEmergency(message.conversation, source: .classifier)) == nil
        }
        let outcome = try await append(event, to: message.conversation, conversation, at: translation == nil ? now : clock.now())
        // The ack goes to the client already looked up (a connection closed meanwhile has a finished stream, which drops it).
        conversation.lastActivity = now
        client.continuation.yield(.ack(Ack(conversation: message.conversation, clientTransactionID: message.clientTransactionID,
                                           sequence: outcome.sequence, duplicate: outcome.duplicate)))
        guard first, !outcome.duplicate else { return }
        conversation.sawFirstVisitorMessage = true
        // Raising failed before the message was stored (a store hiccup): once more, now that it is.
        if dangerNotRaised { try await raiseEmergency(message.conversation, source: .classifier) }
    }

    /// Checks who sends a message and where: the session's role in the conversation, the client
    /// transaction id, and a conversation that is not over. Returns the conversation and the role.
    private func check(_ message: SendMessage, session: ChatSession, from client: ChatClient) throws(ChatErrorFrame) -> (ConversationChannel, ParticipantRole) {
        let id = message.conversation
        let role = try authorize(id, session: session)
        guard role == message.role else {
            throw ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot send '\(message.role == .visitor ? "visitor_message" : "operator_message")'",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        try admission.checkTransactionID(of: message)
        // A visitor writes in the session's conversation (just checked): the client keeps it.
        guard let conversation = (role == .visitor ? client.listedChannel : nil) ?? conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        guard !(routedState(of: id, conversation)?.isFinal ?? true) else {
            throw ChatErrorFrame(code: .invalidTransition, message: "conversation \(id) is over", conversation: id,
                                 clientTransactionID: message.clientTransactionID)
        }
        return (conversation, role)
    }

    /// ``MessageAdmission`` for a visitor's message with the rate limit counted once over every
    /// instance (``VisitorRateLimiter``); should the shared count be out of reach, this instance's bucket decides.
    private func admitShared(_ message: SendMessage, in conversation: ConversationChannel, now: Date,
                             counter: any VisitorRateLimiter) async throws(ChatErrorFrame) -> String {
        let retry: TimeInterval?
        do {
            retry = try await counter.take(for: message.conversation, burst: admission.burst, perSecond: admission.perSecond, at: now)
        } catch {
            return try admission.admit(message, role: .visitor, in: conversation, now: now)
        }
        if let retry { throw admission.rateLimited(message, retry: retry) }
        return try admission.admit(message, role: .visitor, in: conversation, now: now, counted: true)
    }

    /// Typing notices go to the others in the conversation, never stored; the service fills `by`.
    /// With a ``ClusterRelay``, they also reach the participants connected to other instances.
    func forwardTyping(_ typing: Typing, session: ChatSession, from connection: Int) async throws(ChatErrorFrame) {
        let role = try authorize(typing.conversation, session: session)
        let forwarded = Typing(conversation: typing.conversation, by: role, active: typing.active)
        for subscriber in conversations[typing.conversation]?.subscribers ?? [] where subscriber != connection {
            clients.send(.typing(forwarded), to: subscriber)
        }
        await relay?.relayTyping(forwarded, from: instance)
    }

    /// A typing notice relayed from another instance of the cluster (``ClusterRelay``): it goes to the
    /// connections here that follow the conversation. One this instance relayed itself is ignored
    /// (it was delivered here already), as is one without its author's role.
    public func relayedTyping(_ typing: Typing, from origin: InstanceID) {
        guard origin != instance, typing.by != nil, let conversation = conversations[typing.conversation] else { return }
        for subscriber in conversation.subscribers {
            clients.send(.typing(typing), to: subscriber)
        }
    }
}
