import Foundation

/// Messages: checked (``MessageAdmission``), translated if a translator is set, stored,
/// acknowledged, and the visitor's first one classified for danger; typing notices forwarded.
extension ChatService {
    @inline(__always)
    func handleMessage(_ message: SendMessage, session: ChatSession, from client: ChatClient) async throws {
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
        let outcome = try await append(makeEvent(message, admitted, translation: translation), to: message.conversation, conversation,
                                       at: translation == nil ? admitted.now : clock.now())
        if acknowledge(message, admitted, outcome, to: client), let classifier, await classifier.isEmergency(admitted.text) {
            try await raiseEmergency(message.conversation, source: .classifier)
        }
    }

    /// Checks a message: the session's role in the conversation, then ``MessageAdmission``.
    private func admit(_ message: SendMessage, session: ChatSession) throws(ChatErrorFrame) -> AdmittedMessage {
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
        return try admission.admit(message, role: role, in: conversation, now: clock.now())
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
    func forwardTyping(_ typing: Typing, session: ChatSession, from connection: Int) throws(ChatErrorFrame) {
        let role = try authorize(typing.conversation, session: session)
        var forwarded = typing
        forwarded.by = role
        for subscriber in conversations[typing.conversation]?.subscribers ?? [] where subscriber != connection {
            clients.send(.typing(forwarded), to: subscriber)
        }
    }
}
