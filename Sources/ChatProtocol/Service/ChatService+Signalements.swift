import Foundation

/// An operator's signalement request as the instance that received it holds it: the draft until
/// it is filed (then erased), where the visitor's consent stands, and the receipt once filed.
struct HeldSignalement {
    /// The draft; `nil` once filed (nothing of it is kept longer than needed).
    var draft: ChatSignalementDraft?
    /// The operator who sent it (told of the outcome).
    let operatorID: OperatorID
    /// The consent request's state (``ConsentOutcome/notRequested`` when none was asked).
    var state: ConsentState
    /// When the visitor's time to answer ends.
    var expiresAt: Date?
    /// The filer is being called.
    var filing = false
    /// The filer's answer, once filed.
    var receipt: ChatSignalementReceipt?
    /// The sequence number of the stored `signalement_filed` event.
    var filedSequence: UInt64?
    /// Wakes the service when the visitor's time is up.
    var timer: Task<Void, Never>?

    init(draft: ChatSignalementDraft, state: ConsentState, expiresAt: Date? = nil) {
        self.draft = draft
        operatorID = draft.operatorID
        self.state = state
        self.expiresAt = expiresAt
    }
}

/// Signalements from the chat: an operator's `signalement` frame, the visitor's consent
/// (`consent_requested` → `consent`), and the filing through the ``ChatSignalementFiler``.
///
/// The draft is checked before the visitor is asked anything; it is never stored in the
/// conversation nor shown to the visitor. The excerpt is read from the store and handed to the
/// filer only after a `yes`; nothing here logs or keeps it.
extension ChatService {
    /// Requests an operator may have waiting for an answer in one conversation.
    static let maximumPendingSignalements = 4

    func handleSignalement(_ request: ChatSignalementRequest, session: ChatSession, from connection: Int) async throws {
        let id = request.conversation
        let requestID = request.clientTransactionID
        func refusal(_ code: ChatErrorCode, _ message: String, field: String? = nil) -> ChatErrorFrame {
            ChatErrorFrame(code: code, message: message, conversation: id, clientTransactionID: requestID, field: field)
        }
        let role = try authorize(id, session: session)
        guard role == .operator, case .operator(let operatorID) = session else {
            throw refusal(.forbidden, "a visitor cannot send 'signalement'")
        }
        guard let filer = signalementFiler else { throw refusal(.forbidden, "this chat files no signalements") }
        guard !requestID.isEmpty, requestID.utf8.count <= 128 else {
            throw ChatErrorFrame(code: .malformed, message: "client_txn_id must have 1 to 128 bytes", conversation: id, field: "client_txn_id")
        }
        guard let conversation = conversations[id] else { throw refusal(.notFound, "no conversation \(id)") }
        if conversation.held[requestID] != nil {
            try await repeated(requestID, in: id, conversation, to: connection)
            return
        }
        guard conversation.held.values.filter({ $0.state == .pending }).count < Self.maximumPendingSignalements else {
            throw refusal(.invalidTransition, "\(Self.maximumPendingSignalements) signalements of this conversation already wait for the visitor's answer")
        }
        let last = conversation.lastSequence
        let from = request.fromSequence ?? 1
        let to = request.toSequence ?? last
        guard from >= 1 else { throw refusal(.invalidSignalement, "from_seq starts at 1", field: "from_seq") }
        guard to <= last else { throw refusal(.invalidSignalement, "to_seq \(to) is beyond the last event of the conversation (\(last))", field: "to_seq") }
        guard from <= to else { throw refusal(.invalidSignalement, "from_seq \(from) comes after to_seq \(to)", field: "from_seq") }
        let draft = ChatSignalementDraft(conversation: id, request: requestID, operatorID: operatorID, insee: request.insee,
                                         fields: request.fields, fromSequence: from, toSequence: to)
        var excerpt: ConversationExcerpt?
        if request.excerpt {
            let read = try await self.excerpt(of: draft)
            guard !read.messages.isEmpty else {
                throw refusal(.invalidSignalement, "events \(from)–\(to) hold no message to attach", field: "from_seq")
            }
            excerpt = read
        }
        do {
            try await filer.check(draft, excerpt: excerpt)
        } catch {
            throw Self.frame(for: error, conversation: id, request: requestID)
        }
        // The checks took time: the same request may have arrived again meanwhile.
        guard conversation.held[requestID] == nil else {
            throw refusal(.invalidTransition, "this request is already being handled")
        }
        // A visitor not connected now may come back (or be connected to another instance): the
        // request waits for them, replayed on resume, until its deadline.
        let state: ConsentState
        if !request.excerpt {
            state = .decided(.notRequested)
        } else if routedState(of: id, conversation)?.isFinal ?? true {
            state = .decided(.conversationEnded)
        } else {
            state = .pending
        }
        guard state == .pending else {
            conversation.held[requestID] = HeldSignalement(draft: draft, state: state)
            await fileHeld(requestID, in: id, conversation)
            return
        }
        let expires = clock.now().addingTimeInterval(configuration.consentTimeout)
        let (purpose, language) = await purposeText(filer.consentPurpose(for: draft), language: conversation.language)
        conversation.held[requestID] = HeldSignalement(draft: draft, state: .pending, expiresAt: expires)
        do {
            _ = try await append(.consentRequested(request: requestID, purpose: purpose, language: language, fromSequence: from,
                                                   toSequence: to, expiresAt: expires), to: id, conversation)
        } catch {
            conversation.held[requestID] = nil
            throw error
        }
        let delay = configuration.consentTimeout
        conversation.held[requestID]?.timer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(delay))
            await self?.expireConsents()
        }
    }

    /// The same request again: still waiting (refused), filed (its `signalement_filed` event again,
    /// to this connection), or decided but not filed yet because the filer failed (filed now).
    private func repeated(_ request: String, in id: ConversationID, _ conversation: ConversationChannel, to connection: Int) async throws {
        guard let held = conversation.held[request] else { return }
        func refusal(_ message: String) -> ChatErrorFrame {
            ChatErrorFrame(code: .invalidTransition, message: message, conversation: id, clientTransactionID: request)
        }
        if held.state == .pending { throw refusal("this signalement waits for the visitor's answer") }
        if held.filing { throw refusal("this signalement is being filed") }
        guard held.receipt != nil else {
            await fileHeld(request, in: id, conversation)
            return
        }
        guard let sequence = held.filedSequence else {
            await recordFiled(request, in: id, conversation)
            return
        }
        let stored: [SequencedEvent]
        do {
            stored = try await store.events(of: id, after: sequence - 1, limit: 1)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; send the request again",
                                 conversation: id, clientTransactionID: request)
        }
        for event in stored { clients.send(.event(event), to: connection) }
    }

    /// The visitor's answer to a consent request: stored (everyone sees it), then it decides the
    /// request, here or on the instance that holds it (which reads it from the store).
    func handleConsent(_ reply: ConsentReply, session: ChatSession) async throws {
        let id = reply.conversation
        let role = try authorize(id, session: session)
        guard role == .visitor else {
            throw ChatErrorFrame(code: .forbidden, message: "only the visitor answers a consent request", conversation: id)
        }
        guard let conversation = conversations[id], let expires = conversation.openConsents[reply.request] else {
            throw ChatErrorFrame(code: .notFound, message: "no open consent request '\(reply.request.prefix(128))' in this conversation", conversation: id)
        }
        guard clock.now() < expires else {
            throw ChatErrorFrame(code: .invalidTransition, message: "this consent request has expired: nothing is attached", conversation: id)
        }
        // Closed at once, so a second answer sent meanwhile is refused; reopened if the store fails.
        conversation.openConsents[reply.request] = nil
        do {
            _ = try await append(.consentAnswered(request: reply.request, answer: reply.answer), to: id, conversation)
        } catch {
            conversation.openConsents[reply.request] = expires
            throw error
        }
        await settleConsent(reply.request, in: id, .answered(reply.answer))
    }

    /// Files, without the excerpt, the signalements whose visitor did not answer in time. The service
    /// calls it when a request's time is up; ``tick()`` calls it too. Returns how many were decided.
    @discardableResult
    public func expireConsents() async -> Int {
        let now = clock.now()
        var expired: [(ConversationID, String)] = []
        for (id, conversation) in conversations {
            for (request, held) in conversation.held where held.state == .pending && (held.expiresAt ?? now) <= now {
                expired.append((id, request))
            }
        }
        for (id, request) in expired { await settleConsent(request, in: id, .timedOut) }
        return expired.count
    }

    /// Decides a pending request held here (a later event changes nothing), then files it.
    func settleConsent(_ request: String, in id: ConversationID, _ event: ConsentState.Event) async {
        guard let conversation = conversations[id], let held = conversation.held[request],
              let next = try? held.state.applying(event) else { return }
        held.timer?.cancel()
        conversation.held[request]?.state = next
        conversation.held[request]?.timer = nil
        await fileHeld(request, in: id, conversation)
    }

    /// Decides every pending request of a conversation (the visitor left, the conversation ended).
    func settleConsents(in id: ConversationID, _ event: ConsentState.Event) async {
        guard let conversation = conversations[id] else { return }
        for (request, held) in conversation.held where held.state == .pending {
            await settleConsent(request, in: id, event)
        }
    }

    /// Files a decided request: the excerpt read from the store only after a `yes`, the draft
    /// erased once filed, then `signalement_filed` stored. A failure goes to the operator as an
    /// `error` frame; sending the request again files it with the same decision.
    private func fileHeld(_ request: String, in id: ConversationID, _ conversation: ConversationChannel) async {
        guard let filer = signalementFiler, let held = conversation.held[request], let outcome = held.state.outcome,
              !held.filing, held.receipt == nil, let draft = held.draft else { return }
        conversation.held[request]?.filing = true
        let receipt: ChatSignalementReceipt
        do {
            let excerpt = outcome.attachesExcerpt ? try await self.excerpt(of: draft) : nil
            receipt = try await filer.file(draft, excerpt: excerpt, consent: outcome)
        } catch let refusal as ChatSignalementRefusal {
            conversation.held[request]?.filing = false
            tell(draft.operatorID, Self.frame(for: refusal, conversation: id, request: request))
            return
        } catch {
            conversation.held[request]?.filing = false
            tell(draft.operatorID, ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; send the request again",
                                                  conversation: id, clientTransactionID: request))
            return
        }
        conversation.held[request]?.filing = false
        conversation.held[request]?.receipt = receipt
        conversation.held[request]?.draft = nil
        await recordFiled(request, in: id, conversation)
    }

    /// Stores `signalement_filed` for a filed request, and makes sure its operator sees it even if they
    /// no longer follow the conversation (it was closed or transferred meanwhile).
    private func recordFiled(_ request: String, in id: ConversationID, _ conversation: ConversationChannel) async {
        guard let held = conversation.held[request], let receipt = held.receipt, let outcome = held.state.outcome,
              held.filedSequence == nil else { return }
        let event = ConversationEvent.signalementFiled(request: request, consent: outcome, receipt: receipt)
        let now = clock.now()
        do {
            let appended = try await append(event, to: id, conversation, at: now)
            conversation.held[request]?.filedSequence = appended.sequence
            for connection in clients.connections(of: held.operatorID) where !conversation.subscribers.contains(connection) {
                clients.send(.event(SequencedEvent(conversation: id, sequence: appended.sequence, at: now, event: event)), to: connection)
            }
        } catch {
            tell(held.operatorID, ChatErrorFrame(code: .storeUnavailable,
                                            message: "the signalement was filed (\(receipt.reference)) but the conversation could not record it; send the request again",
                                            conversation: id, clientTransactionID: request))
        }
    }

    /// The messages of the draft's range, read from the store.
    private func excerpt(of draft: ChatSignalementDraft) async throws(ChatErrorFrame) -> ConversationExcerpt {
        do {
            let events = try await store.events(of: draft.conversation, after: draft.fromSequence - 1,
                                                limit: Int(clamping: draft.toSequence - draft.fromSequence + 1))
            return ConversationExcerpt(conversation: draft.conversation, fromSequence: draft.fromSequence, toSequence: draft.toSequence, events: events)
        } catch {
            throw ChatErrorFrame(code: .storeUnavailable, message: "the conversation store failed; send the request again",
                                 conversation: draft.conversation, clientTransactionID: draft.request)
        }
    }

    /// The purpose in the visitor's language: French or English as written, another language
    /// through the translator when there is one, else English (or French).
    private func purposeText(_ purpose: LocalizedText, language: String) async -> (text: String, language: String) {
        switch language {
        case "fr": return (purpose.french, "fr")
        case "en" where purpose.hasTranslation(in: .english): return (purpose.text(in: .english), "en")
        default:
            if language != "en", let translator, let translated = await translator.translate(purpose.french, from: "fr", to: language) {
                return (translated, language)
            }
            return purpose.hasTranslation(in: .english) ? (purpose.text(in: .english), "en") : (purpose.french, "fr")
        }
    }

    /// Sends an error frame to every connection of an operator.
    private func tell(_ operatorID: OperatorID, _ error: ChatErrorFrame) {
        for connection in clients.connections(of: operatorID) { clients.send(.error(error), to: connection) }
    }

    /// The operator's `error` frame for a filer's refusal.
    static func frame(for refusal: ChatSignalementRefusal, conversation: ConversationID, request: String) -> ChatErrorFrame {
        switch refusal {
        case .invalid(let field, let reason):
            ChatErrorFrame(code: .invalidSignalement, message: reason, conversation: conversation, clientTransactionID: request, field: field)
        case .unavailable(let reason):
            ChatErrorFrame(code: .storeUnavailable, message: "\(reason); send the request again", conversation: conversation,
                           clientTransactionID: request)
        }
    }
}
