import ChatProtocol
import Foundation
import Testing

/// A filer that checks a little and records what it was asked to file.
actor RecordingFiler: ChatSignalementFiler {
    struct Filed: Sendable {
        let draft: ChatSignalementDraft
        let excerpt: ConversationExcerpt?
        let consent: ConsentOutcome
    }

    private(set) var filed: [Filed] = []
    private(set) var checks = 0
    private var failures: [ChatSignalementRefusal] = []

    /// The next calls to `file` fail with these, in order.
    func failNext(_ refusal: ChatSignalementRefusal) { failures.append(refusal) }

    func check(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?) async throws(ChatSignalementRefusal) {
        checks += 1
        guard draft.fields["description"] != nil else {
            throw .invalid(field: "fields.description", reason: "fields.description is required")
        }
        if let excerpt, excerpt.plainText().count > 200 {
            throw .invalid(field: "fields.excerpt", reason: "fields.excerpt is \(excerpt.plainText().count) characters long; at most 200 are accepted")
        }
    }

    nonisolated func consentPurpose(for draft: ChatSignalementDraft) -> LocalizedText {
        LocalizedText("Pour le signalement.", en: "For the report.")
    }

    func file(_ draft: ChatSignalementDraft, excerpt: ConversationExcerpt?, consent: ConsentOutcome) async throws(ChatSignalementRefusal)
        -> ChatSignalementReceipt {
        if !failures.isEmpty { throw failures.removeFirst() }
        filed.append(Filed(draft: draft, excerpt: excerpt, consent: consent))
        return ChatSignalementReceipt(reference: "S-TEST-\(filed.count)", unit: "Commissariat de test", approximate: true)
    }
}

extension Inbox {
    /// The stored events of the signalement flow.
    var consentRequests: [SequencedEvent] { events.filter { if case .consentRequested = $0.event { true } else { false } } }
    var filedEvents: [SequencedEvent] { events.filter { if case .signalementFiled = $0.event { true } else { false } } }
}

@Suite struct ChatSignalementTests {
    let clock = ManualWallClock(testStart)
    let filer = RecordingFiler()

    struct Chat {
        let service: ChatService
        let visitor: Inbox
        let visitorConnection: Int
        let operatorInbox: Inbox
        let operatorConnection: Int
        let id: ConversationID
        let token: VisitorToken
    }

    /// A conversation taken by op1: `assigned` (1), two visitor messages (2, 3), one operator message (4).
    func chat(language: String = "fr", operators: [OperatorProfile] = [officer(1)], translator: (any Translator)? = nil,
              filer: (any ChatSignalementFiler)? = nil, store: InMemoryConversationStore = InMemoryConversationStore()) async throws -> Chat {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), store: store, clock: clock, translator: translator,
                                  signalements: filer ?? self.filer)
        for profile in operators { try await service.registerOperator(profile) }
        let operatorConnection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let connection = await service.connect(.newVisitor(language: language))
        let visitor = Inbox(connection)
        #expect(await visitor.waitForEvents(1))
        let id = try #require(visitor.welcome?.conversation)
        let token = try #require(visitor.welcome?.token)
        for (index, text) in ["Il y a un point de deal dans mon hall.", "Tous les soirs vers 21 h."].enumerated() {
            await service.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "v\(index)", text: text)), from: connection.id)
        }
        await service.handle(.send(SendMessage(role: .operator, conversation: id, clientTransactionID: "o1", text: "Merci, je transmets.")),
                             from: operatorConnection.id)
        #expect(await operatorInbox.waitForEvents(4))
        return Chat(service: service, visitor: visitor, visitorConnection: connection.id, operatorInbox: operatorInbox,
                    operatorConnection: operatorConnection.id, id: id, token: token)
    }

    func request(_ chat: Chat, _ id: String = "sig-1", from: UInt64? = 2, to: UInt64? = 3, excerpt: Bool = true,
                 fields: [String: String] = ["description": "Point de deal signalé, secret du brouillon", "place": "hall B"]) -> ChatEnvelope {
        .signalement(ChatSignalementRequest(conversation: chat.id, clientTransactionID: id, insee: "33063", fields: fields,
                                            fromSequence: from, toSequence: to, excerpt: excerpt))
    }

    func answer(_ chat: Chat, _ answer: ConsentAnswer, request: String = "sig-1") async {
        await chat.service.handle(.consent(ConsentReply(conversation: chat.id, request: request, answer: answer)), from: chat.visitorConnection)
    }

    func waitForFiled(_ inbox: Inbox, count: Int = 1) async -> Bool {
        await inbox.wait { _ in inbox.filedEvents.count >= count }
    }

    // MARK: The consent request

    @Test func yesAttachesTheExcerptOfTheRangeOnly() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        let asked = try #require(chat.visitor.consentRequests.first)
        #expect(asked.event == .consentRequested(request: "sig-1", purpose: "Pour le signalement.", language: "fr", fromSequence: 2, toSequence: 3,
                                                 expiresAt: testStart.addingTimeInterval(300)))
        // The visitor is told why and which messages, never the operator's draft.
        let wire = String(decoding: try ChatEnvelope.event(asked).jsonData(), as: UTF8.self)
        #expect(!wire.contains("secret du brouillon") && !wire.contains("hall B") && !wire.contains("33063"))
        #expect(await filer.filed.isEmpty, "nothing is filed before the visitor answers")

        await answer(chat, .yes)
        #expect(await waitForFiled(chat.operatorInbox))
        let filed = try #require(await filer.filed.first)
        #expect(filed.consent == .granted)
        #expect(filed.draft.fields["description"] == "Point de deal signalé, secret du brouillon")
        #expect(filed.draft.operatorID == OperatorID("op1"))
        #expect(filed.excerpt?.messages.map(\.sequence) == [2, 3], "the operator's message 4 is outside the range")
        #expect(filed.excerpt?.plainText(timeZone: .gmt) == "[20:26] Personne : Il y a un point de deal dans mon hall.\n[20:26] Personne : Tous les soirs vers 21 h.")

        // Everyone sees the answer and the filing; the reference is for operators only.
        let receipt = ChatSignalementReceipt(reference: "S-TEST-1", unit: "Commissariat de test", approximate: true)
        #expect(chat.operatorInbox.filedEvents.map(\.event) == [.signalementFiled(request: "sig-1", consent: .granted, receipt: receipt)])
        #expect(await waitForFiled(chat.visitor))
        #expect(chat.visitor.filedEvents.map(\.event) == [.signalementFiled(request: "sig-1", consent: .granted, receipt: nil)])
        #expect(chat.visitor.events.contains { $0.event == .consentAnswered(request: "sig-1", answer: .yes) })
        let transcript = try await chat.service.transcript(of: chat.id, token: chat.token)
        #expect(!transcript.events.contains { if case .signalementFiled(_, _, .some) = $0.event { true } else { false } },
                "the visitor's transcript has no reference either")
        #expect(transcript.events.map(\.sequence) == Array(1...7))
    }

    @Test func noFilesWithoutTheExcerpt() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        await answer(chat, .no)
        #expect(await waitForFiled(chat.operatorInbox))
        let filed = try #require(await filer.filed.first)
        #expect(filed.consent == .refused)
        #expect(filed.excerpt == nil)
        // The first answer holds: a second one is refused and changes nothing.
        await answer(chat, .yes)
        #expect(await chat.visitor.wait { _ in chat.visitor.errors.contains { $0.code == .notFound } })
        #expect(await filer.filed.count == 1)
    }

    @Test func noAnswerInTimeFilesWithoutTheExcerpt() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        clock.advance(by: 299)
        #expect(await chat.service.expireConsents() == 0)
        #expect(await filer.filed.isEmpty)
        clock.advance(by: 1)
        // The periodic tick files it (the service's own timer would too, in real time).
        _ = await chat.service.tick()
        #expect(await waitForFiled(chat.operatorInbox))
        let filed = try #require(await filer.filed.first)
        #expect(filed.consent == .timeout)
        #expect(filed.excerpt == nil)
        // Too late: the request is over.
        await answer(chat, .yes)
        #expect(await chat.visitor.wait { _ in !chat.visitor.errors.isEmpty })
        #expect(await filer.filed.count == 1)
    }

    @Test func aLateAnswerBeforeTheTickIsRefused() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        clock.advance(by: 301)
        await answer(chat, .yes)
        #expect(await chat.visitor.wait { _ in chat.visitor.errors.contains { $0.code == .invalidTransition } })
        #expect(await chat.service.expireConsents() == 1)
        #expect(await filer.filed.first?.consent == .timeout)
    }

    @Test func theVisitorDisconnectingFilesWithoutTheExcerpt() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        await chat.service.disconnect(chat.visitorConnection)
        #expect(await waitForFiled(chat.operatorInbox))
        let filed = try #require(await filer.filed.first)
        #expect(filed.consent == .visitorGone)
        #expect(filed.excerpt == nil)
    }

    @Test func aVisitorNotConnectedWhenAskedMayComeBackAndAnswer() async throws {
        let chat = try await chat()
        await chat.service.disconnect(chat.visitorConnection)
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in !chat.operatorInbox.consentRequests.isEmpty })
        #expect(await filer.filed.isEmpty, "the request waits for the visitor until its deadline")
        // The visitor resumes: the request is replayed, and they answer.
        let resumed = await chat.service.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: 4))
        let inbox = Inbox(resumed)
        #expect(await inbox.wait { _ in !inbox.consentRequests.isEmpty })
        await chat.service.handle(.consent(ConsentReply(conversation: chat.id, request: "sig-1", answer: .yes)), from: resumed.id)
        #expect(await waitForFiled(chat.operatorInbox))
        #expect(await filer.filed.first?.consent == .granted)
    }

    @Test func theConversationEndingFilesFirstWithoutTheExcerpt() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        await chat.service.handle(.action(.close(chat.id)), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { frames in frames.contains { if case .event(let e) = $0, case .closed = e.event { true } else { false } } })
        #expect(await filer.filed.first?.consent == .conversationEnded)
        #expect(await filer.filed.first?.excerpt == nil)
        // Filed before the end, so the operator, who still followed the conversation, got the receipt.
        let kinds = chat.operatorInbox.events.suffix(2).map(\.event.typeName)
        #expect(kinds == ["signalement_filed", "closed"])
        #expect(chat.operatorInbox.filedEvents.first.map { if case .signalementFiled(_, _, .some) = $0.event { true } else { false } } == true)
    }

    @Test func withoutExcerptNothingIsAsked() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat, from: nil, to: nil, excerpt: false), from: chat.operatorConnection)
        #expect(await waitForFiled(chat.operatorInbox))
        #expect(await filer.filed.first?.consent == .notRequested)
        #expect(await filer.filed.first?.excerpt == nil)
        let draft = try #require(await filer.filed.first?.draft)
        #expect([draft.fromSequence, draft.toSequence] == [1, 4], "the default range is the whole conversation")
        #expect(chat.visitor.consentRequests.isEmpty)
    }

    // MARK: Who may file, and what

    @Test func onlyTheOperatorRunningTheConversationMayFile() async throws {
        let chat = try await chat(operators: [officer(1), officer(2)])
        let other = await chat.service.connect(Hello(role: .operator, operatorID: OperatorID("op2")))
        let otherInbox = Inbox(other)
        await chat.service.handle(request(chat), from: other.id)
        #expect(await otherInbox.wait { _ in !otherInbox.errors.isEmpty })
        #expect(otherInbox.errors.first?.code == .notFound)
        // The visitor cannot file either.
        await chat.service.handle(request(chat, "sig-2"), from: chat.visitorConnection)
        #expect(await chat.visitor.wait { _ in chat.visitor.errors.contains { $0.code == .forbidden } })
        // Nor can the operator answer the visitor's consent.
        await chat.service.handle(request(chat, "sig-3"), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in !chat.operatorInbox.consentRequests.isEmpty })
        await chat.service.handle(.consent(ConsentReply(conversation: chat.id, request: "sig-3", answer: .yes)), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in chat.operatorInbox.errors.contains { $0.code == .forbidden } })
        #expect(await filer.filed.isEmpty)
        #expect(chat.visitor.consentRequests.count == 1, "only op1's own request reached the visitor")
    }

    @Test func aChatWithoutFilerRefusesSignalements() async throws {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), clock: clock)
        try await service.registerOperator(officer(1))
        let operatorInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        let visitor = Inbox(await service.connect(.newVisitor()))
        #expect(await operatorInbox.waitForEvents(1))
        let id = try #require(visitor.welcome?.conversation)
        let connection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let inbox = Inbox(connection)
        await service.handle(.signalement(ChatSignalementRequest(conversation: id, clientTransactionID: "s", insee: "33063", fields: [:])),
                             from: connection.id)
        #expect(await inbox.wait { _ in !inbox.errors.isEmpty })
        #expect(inbox.errors.first?.code == .forbidden)
    }

    @Test(arguments: [
        (UInt64?.some(0), UInt64?.some(3), "from_seq"),
        (UInt64?.some(2), UInt64?.some(9), "to_seq"),
        (UInt64?.some(3), UInt64?.some(2), "from_seq"),
        (UInt64?.some(1), UInt64?.some(1), "from_seq"),  // only `assigned`: no message to attach
    ])
    func aBadRangeIsRefusedWithItsField(_ from: UInt64?, _ to: UInt64?, _ field: String) async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat, from: from, to: to), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in !chat.operatorInbox.errors.isEmpty })
        let error = try #require(chat.operatorInbox.errors.first)
        #expect(error.code == .invalidSignalement)
        #expect(error.field == field)
        #expect(error.clientTransactionID == "sig-1")
        #expect(chat.visitor.consentRequests.isEmpty)
    }

    @Test func aRefusedDraftAsksTheVisitorNothing() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat, fields: ["place": "hall B"]), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in !chat.operatorInbox.errors.isEmpty })
        #expect(chat.operatorInbox.errors.first == ChatErrorFrame(code: .invalidSignalement, message: "fields.description is required",
                                                                  conversation: chat.id, clientTransactionID: "sig-1", field: "fields.description"))
        // An excerpt the kind could not take is refused before the visitor is asked, without quoting it.
        let long = String(repeating: "très long message ", count: 20)
        await chat.service.handle(.send(SendMessage(role: .visitor, conversation: chat.id, clientTransactionID: "v9", text: long)),
                                  from: chat.visitorConnection)
        #expect(await chat.operatorInbox.waitForEvents(5))
        await chat.service.handle(request(chat, "sig-2", from: 2, to: 5), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in chat.operatorInbox.errors.count == 2 })
        let tooLong = try #require(chat.operatorInbox.errors.last)
        #expect(tooLong.field == "fields.excerpt")
        #expect(!tooLong.message.contains("très long"))
        await chat.service.handle(.signalement(ChatSignalementRequest(conversation: chat.id, clientTransactionID: "", insee: "33063", fields: [:])),
                                  from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in chat.operatorInbox.errors.count == 3 })
        #expect(chat.operatorInbox.errors.last?.code == .malformed)
        #expect(chat.visitor.consentRequests.isEmpty)
        #expect(await filer.filed.isEmpty)
    }

    // MARK: Idempotence and failures

    @Test func theSameRequestAgainIsFiledOnce() async throws {
        let chat = try await chat()
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in chat.operatorInbox.errors.contains { $0.code == .invalidTransition } })
        await answer(chat, .yes)
        #expect(await waitForFiled(chat.operatorInbox))
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await waitForFiled(chat.operatorInbox, count: 2))
        let twice = chat.operatorInbox.filedEvents
        #expect(twice[0] == twice[1], "the same stored event, under the same sequence number")
        #expect(await filer.filed.count == 1)
        #expect(chat.visitor.consentRequests.count == 1)
    }

    @Test func aFailedFilingIsToldAndTheSameRequestFilesItWithTheSameAnswer() async throws {
        let chat = try await chat()
        await filer.failNext(.unavailable("the outbox is unreachable"))
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.visitor.wait { _ in !chat.visitor.consentRequests.isEmpty })
        await answer(chat, .yes)
        #expect(await chat.operatorInbox.wait { _ in chat.operatorInbox.errors.contains { $0.code == .storeUnavailable } })
        #expect(chat.operatorInbox.errors.first?.clientTransactionID == "sig-1")
        #expect(chat.operatorInbox.filedEvents.isEmpty)
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await waitForFiled(chat.operatorInbox))
        #expect(await filer.filed.first?.consent == .granted, "the visitor's yes is kept: they are not asked twice")
        #expect(await filer.filed.first?.excerpt?.messages.count == 2)
        #expect(chat.visitor.consentRequests.count == 1)
    }

    // MARK: Languages and instances

    @Test func thePurposeIsInTheVisitorsLanguage() async throws {
        let english = try await chat(language: "en", operators: [officer(1, languages: ["fr", "en"])])
        await english.service.handle(request(english), from: english.operatorConnection)
        #expect(await english.visitor.wait { _ in !english.visitor.consentRequests.isEmpty })
        guard case .consentRequested(_, let purpose, let language, _, _, _) = try #require(english.visitor.consentRequests.first?.event) else {
            Issue.record("not a consent request"); return
        }
        #expect((purpose, language) == ("For the report.", "en"))

        let german = try await chat(language: "de", translator: UppercaseTranslator(), filer: RecordingFiler())
        // Translated messages carry their translation too: one of them fits the test filer's limit.
        await german.service.handle(request(german, from: 2, to: 2), from: german.operatorConnection)
        #expect(await german.visitor.wait { _ in !german.visitor.consentRequests.isEmpty })
        guard case .consentRequested(_, let translated, let target, _, _, _) = try #require(german.visitor.consentRequests.first?.event) else {
            Issue.record("not a consent request"); return
        }
        #expect((translated, target) == ("[de] POUR LE SIGNALEMENT.", "de"))
    }

    @Test func theVisitorMayAnswerOnAnotherInstance() async throws {
        let store = InMemoryConversationStore()
        let chat = try await chat(store: store)
        let b = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), store: store, clock: clock)
        await chat.service.disconnect(chat.visitorConnection)
        let resumed = await b.connect(Hello(role: .visitor, token: chat.token, conversation: chat.id, lastSequence: 4))
        let visitor = Inbox(resumed)
        #expect(await visitor.wait { _ in visitor.welcome != nil })
        await chat.service.handle(request(chat), from: chat.operatorConnection)
        #expect(await chat.operatorInbox.wait { _ in !chat.operatorInbox.consentRequests.isEmpty })
        await b.storeDidAppend(to: chat.id, upTo: 5)
        #expect(await visitor.wait { _ in !visitor.consentRequests.isEmpty })
        // An unknown request is refused on B; the real one is stored there and read by A, which files.
        await b.handle(.consent(ConsentReply(conversation: chat.id, request: "nope", answer: .yes)), from: resumed.id)
        #expect(await visitor.wait { _ in visitor.errors.contains { $0.code == .notFound } })
        await b.handle(.consent(ConsentReply(conversation: chat.id, request: "sig-1", answer: .yes)), from: resumed.id)
        #expect(await visitor.wait { _ in visitor.events.contains { $0.event == .consentAnswered(request: "sig-1", answer: .yes) } })
        #expect(await filer.filed.isEmpty)
        await chat.service.storeDidAppend(to: chat.id, upTo: 6)
        #expect(await waitForFiled(chat.operatorInbox))
        #expect(await filer.filed.first?.consent == .granted)
        await b.storeDidAppend(to: chat.id, upTo: 7)
        #expect(await waitForFiled(visitor))
        #expect(visitor.filedEvents.first?.event == .signalementFiled(request: "sig-1", consent: .granted, receipt: nil))
    }
}

@Suite struct ConsentStateTests {
    @Test func eachEventDecidesAPendingRequest() throws {
        #expect(try ConsentState.pending.applying(.answered(.yes)) == .decided(.granted))
        #expect(try ConsentState.pending.applying(.answered(.no)) == .decided(.refused))
        #expect(try ConsentState.pending.applying(.timedOut) == .decided(.timeout))
        #expect(try ConsentState.pending.applying(.visitorLeft) == .decided(.visitorGone))
        #expect(try ConsentState.pending.applying(.conversationEnded) == .decided(.conversationEnded))
    }

    @Test func theFirstDecisionHolds() {
        for decided in ConsentOutcome.allCases {
            for event: ConsentState.Event in [.answered(.yes), .answered(.no), .timedOut, .visitorLeft, .conversationEnded] {
                #expect(throws: ChatErrorFrame.self) { _ = try ConsentState.decided(decided).applying(event) }
            }
        }
    }

    @Test func onlyAYesAttachesTheExcerpt() {
        #expect(ConsentOutcome.allCases.filter(\.attachesExcerpt) == [.granted])
    }
}
