import Foundation

/// Messages: checked (``MessageAdmission``), translated if a translator is set, stored,
/// acknowledged, and the visitor's first one classified for danger; typing notices forwarded.
extension ChatService {
    @inline(__always)
    func handleMessage(_ message: SendMessage, session: ChatSession, from client: ChatClient) async throws {
        let admitted = try await admit(message, session: session)
        let conversation = admitted.conversation
        var translation: Translation?
        if let translator, conversation.language != configuration.operatorLanguage {
            let (source, target) = admitted.role == .visitor ? (conversation.language, configuration.operatorLanguage)
                                                             : (configuration.operatorLanguage, conversation.language)
            if let translated = await translator.translate(admitted.text, from: source, to: target) {
                translation = Translation(language: target, text: translated)
            }
        }
        let outcome = try await append(makeEvent(message, admitted, translation: translation), to: message.conversation, conversation,
                                       at: translation == nil ? admitted.now : clock.now())
        if acknowledge(message, admitted, outcome, to: client), let classifier, await classifier.isEmergency(admitted.text) {
            try await raiseEmergency(message.conversation, source: .classifier)
        }
    }

    /// Checks a message: the session's role in the conversation, then ``MessageAdmission``.
    private func admit(_ message: SendMessage, session: ChatSession) async throws(ChatErrorFrame) -> AdmittedMessage {
        let id = message.conversation
        let role = try authorize(id, session: session)
        guard role == message.role else {
            throw ChatErrorFrame(code: .forbidden, message: "a \(role.rawValue) cannot send '\(message.role == .visitor ? "visitor_message" : "operator_message")'",
                                 conversation: id, clientTransactionID: message.clientTransactionID)
        }
        try admission.checkTransactionID(of: message)
        guard let conversation = conversations[id] else {
            throw ChatErrorFrame(code: .notFound, message: "no conversation \(id)", conversation: id)
        }
        guard !(routedState(of: id, conversation)?.isFinal ?? true) else {
            throw ChatErrorFrame(code: .invalidTransition, message: "conversation \(id) is over", conversation: id,
                                 clientTransactionID: message.clientTransactionID)
        }
        let now = clock.now()
        guard role == .visitor, let rateLimiter else { return try admission.admit(message, role: role, in: conversation, now: now) }
        // Counted once over every instance; should the shared count be out of reach, this instance's bucket decides.
        let retry: TimeInterval?
        do {
            retry = try await rateLimiter.take(for: id, burst: admission.burst, perSecond: admission.perSecond, at: now)
        } catch {
            return try admission.admit(message, role: role, in: conversation, now: now)
        }
        if let retry { throw admission.rateLimited(message, retry: retry) }
        return try admission.admit(message, role: role, in: conversation, now: now, counted: true)
    }

    private func makeEvent(_ message: SendMessage, _ admitted: AdmittedMessage, translation: Translation?) -> ConversationEvent {
        admitted.role == .visitor
            ? .visitorMessage(clientTransactionID: message.clientTransactionID, text: admitted.text, translation: translation)
            : .operatorMessage(clientTransactionID: message.clientTransactionID, pseudonym: engine.operatorOf(message.conversation)?.pseudonym ?? "",
                               text: admitted.text, translation: translation)
    }

    /// Sends the ack to the sender (already looked up: a connection closed meanwhile has a finished
    /// stream, which drops it); returns whether this is the visitor's first stored message (to classify).
    private func acknowledge(_ message: SendMessage, _ admitted: AdmittedMessage, _ outcome: Appended, to client: ChatClient) -> Bool {
        admitted.conversation.lastActivity = admitted.now
        client.continuation.yield(.ack(Ack(conversation: message.conversation, clientTransactionID: message.clientTransactionID,
                                           sequence: outcome.sequence, duplicate: outcome.duplicate)))
        guard admitted.role == .visitor, !outcome.duplicate, !admitted.conversation.sawFirstVisitorMessage else { return false }
        admitted.conversation.sawFirstVisitorMessage = true
        return true
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
