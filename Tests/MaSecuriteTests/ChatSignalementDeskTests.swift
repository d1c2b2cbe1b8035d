import Foundation
import MaSecurite
import Synchronization
import Testing

/// The chat and the signalements joined in the facade: an operator's `signalement` frame becomes a
/// `conversation-chat` signalement in the outbox, with the excerpt only after the visitor's yes.
@Suite struct ChatSignalementDeskTests {
    /// One commune, one unit: enough to route, and nothing to load.
    struct OneCommune: CompetenceSource {
        func competence(for insee: INSEECode) throws(CompetenceError) -> Competence {
            guard insee.rawValue == "33063" else { throw .unknownCommune(insee.rawValue) }
            return Competence(insee: "33063", commune: "Bordeaux",
                              unit: CompetentUnit(id: "commissariat-bordeaux", name: "Commissariat de police de Bordeaux", institution: .policeNationale),
                              approximate: true, source: "test")
        }
    }

    final class Frames: Sendable {
        private let frames = Mutex<[ChatEnvelope]>([])
        private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

        init(_ connection: ChatConnection) {
            let box = self
            task.withLock { $0 = Task { for await frame in connection.events { box.frames.withLock { $0.append(frame) } } } }
        }

        deinit { task.withLock { $0?.cancel() } }

        var all: [ChatEnvelope] { frames.withLock { $0 } }
        var events: [SequencedEvent] { all.compactMap { if case .event(let stored) = $0 { stored } else { nil } } }
        var errors: [ChatErrorFrame] { all.compactMap { if case .error(let error) = $0 { error } else { nil } } }
        var receipts: [ChatSignalementReceipt] {
            events.compactMap { if case .signalementFiled(_, _, .some(let receipt)) = $0.event { receipt } else { nil } }
        }
        var asked: Bool { events.contains { if case .consentRequested = $0.event { true } else { false } } }

        func wait(_ condition: @Sendable (Frames) -> Bool) async -> Bool {
            for _ in 0..<5_000 {
                if condition(self) { return true }
                try? await Task.sleep(for: .milliseconds(2))
            }
            return condition(self)
        }
    }

    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_780_000_000))
    let store = InMemorySignalementStore()

    func filer() throws -> ChatSignalementDesk {
        try ChatSignalementDesk(desk: SignalementDesk(catalog: try .bundled(), competence: OneCommune(), store: store, clock: clock),
                                timeZone: .gmt)
    }

    /// A conversation with two visitor messages (2, 3) and an operator's (4).
    func conversation(messages: [String] = ["Ils vendent dans le hall B tous les soirs.", "Une moto noire fait le guet."])
        async throws -> (chat: ChatService, visitor: Frames, visitorConnection: Int, operator: Frames, operatorConnection: Int, id: ConversationID) {
        let chat = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), clock: clock, signalements: try filer())
        try await chat.registerOperator(OperatorProfile(id: OperatorID("op1"), pseudonym: "Agent 4512"))
        let operatorConnection = await chat.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorFrames = Frames(operatorConnection)
        let visitorConnection = await chat.connect(.newVisitor())
        let visitor = Frames(visitorConnection)
        #expect(await visitor.wait { !$0.events.isEmpty })
        let id = try #require(visitor.events.first?.conversation)
        for (index, text) in messages.enumerated() {
            await chat.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "v\(index)", text: text)), from: visitorConnection.id)
        }
        await chat.handle(.send(SendMessage(role: .operator, conversation: id, clientTransactionID: "o1", text: "Je transmets.")), from: operatorConnection.id)
        #expect(await operatorFrames.wait { $0.events.count >= messages.count + 2 })
        return (chat, visitor, visitorConnection.id, operatorFrames, operatorConnection.id, id)
    }

    let draft = ["place": "hall B, résidence des Lilas", "recurrence": "daily", "description": "Vente de stupéfiants signalée par la personne."]

    func request(_ id: ConversationID, _ txn: String = "sig-1", insee: String = "33063", fields: [String: String]? = nil,
                 from: UInt64 = 2, to: UInt64 = 3, excerpt: Bool = true) -> ChatEnvelope {
        .signalement(ChatSignalementRequest(conversation: id, clientTransactionID: txn, insee: insee, fields: fields ?? draft,
                                            fromSequence: from, toSequence: to, excerpt: excerpt))
    }

    func filed(_ frames: Frames) async throws -> Signalement {
        #expect(await frames.wait { !$0.receipts.isEmpty })
        let receipt = try #require(frames.receipts.first)
        return try #require(await store.signalement(reference: try SignalementReference(receipt.reference)))
    }

    @Test func theVisitorsYesPutsTheExcerptInTheSignalement() async throws {
        let c = try await conversation()
        await c.chat.handle(request(c.id), from: c.operatorConnection)
        #expect(await c.visitor.wait { $0.asked })
        await c.chat.handle(.consent(ConsentReply(conversation: c.id, request: "sig-1", answer: .yes)), from: c.visitorConnection)
        let signalement = try await filed(c.operator)
        #expect(signalement.kind == "conversation-chat")
        #expect(signalement.fields["conversation"] == c.id.rawValue)
        #expect(signalement.fields["visitor_consent"] == "yes")
        #expect(signalement.fields["excerpt"] == "[20:26] Personne : Ils vendent dans le hall B tous les soirs.\n[20:26] Personne : Une moto noire fait le guet.")
        #expect(signalement.fields["place"] == "hall B, résidence des Lilas")
        #expect(signalement.contact == nil, "anonymous")
        #expect(c.operator.receipts.first?.unit == "Commissariat de police de Bordeaux")
        #expect(c.operator.receipts.first?.approximate == true)
        // The delivery job carries it to the unit, in the same outbox as every signalement.
        let job = try #require(await store.jobs(status: .pending).first)
        #expect(job.signalementID == signalement.id && job.unitID == "commissariat-bordeaux")
        #expect(String(decoding: job.body, as: UTF8.self).contains("Une moto noire fait le guet."))
    }

    @Test func aNoFilesItWithoutTheExcerpt() async throws {
        let c = try await conversation()
        await c.chat.handle(request(c.id), from: c.operatorConnection)
        #expect(await c.visitor.wait { $0.asked })
        await c.chat.handle(.consent(ConsentReply(conversation: c.id, request: "sig-1", answer: .no)), from: c.visitorConnection)
        let signalement = try await filed(c.operator)
        #expect(signalement.fields["visitor_consent"] == "no")
        #expect(signalement.fields["excerpt"] == nil)
        #expect(!String(decoding: try #require(await store.jobs(status: nil).first).body, as: UTF8.self).contains("moto noire"))
    }

    @Test func withoutAnAnswerInTimeNeitherConsentNorExcerptIsFiled() async throws {
        let c = try await conversation()
        await c.chat.handle(request(c.id), from: c.operatorConnection)
        #expect(await c.visitor.wait { $0.asked })
        clock.advance(by: 300)
        #expect(await c.chat.expireConsents() == 1)
        let signalement = try await filed(c.operator)
        #expect(signalement.fields["visitor_consent"] == nil && signalement.fields["excerpt"] == nil)
    }

    @Test func aWrongDraftIsRefusedWithItsFieldBeforeTheVisitorIsAsked() async throws {
        let c = try await conversation()
        let cases: [(ChatEnvelope, String)] = [
            (request(c.id, "a", fields: ["place": "hall B", "recurrence": "daily"]), "fields.description"),
            (request(c.id, "b", fields: draft.merging(["excerpt": "copié à la main"]) { $1 }), "fields.excerpt"),
            (request(c.id, "c", fields: draft.merging(["visitor_consent": "yes"]) { $1 }), "fields.visitor_consent"),
            (request(c.id, "d", fields: draft.merging(["recurrence": "souvent"]) { $1 }), "fields.recurrence"),
            (request(c.id, "e", insee: "3306"), "insee"),
            (request(c.id, "f", insee: "69123"), "insee"),
        ]
        for (index, (frame, field)) in cases.enumerated() {
            await c.chat.handle(frame, from: c.operatorConnection)
            #expect(await c.operator.wait { $0.errors.count > index })
            let error = try #require(c.operator.errors.last)
            #expect(error.code == .invalidSignalement && error.field == field, "\(error)")
        }
        #expect(!c.visitor.asked)
        #expect(await store.counts().isEmpty, "nothing was filed")
    }

    @Test func anExcerptTooLongForTheKindIsRefusedWithoutQuotingIt() async throws {
        let long = String(repeating: "Le même guetteur revient chaque soir près du hall. ", count: 20)
        let c = try await conversation(messages: [long, long, long, long, long])
        await c.chat.handle(request(c.id, from: 2, to: 6), from: c.operatorConnection)
        #expect(await c.operator.wait { !$0.errors.isEmpty })
        let error = try #require(c.operator.errors.first)
        #expect(error.code == .invalidSignalement && error.field == "fields.excerpt")
        #expect(!error.message.contains("guetteur"), "the excerpt is never quoted: \(error.message)")
        #expect(!c.visitor.asked)
    }

    @Test func theVisitorSeesThePurposeAndNoneOfTheDraft() async throws {
        let c = try await conversation()
        await c.chat.handle(request(c.id), from: c.operatorConnection)
        #expect(await c.visitor.wait { $0.asked })
        await c.chat.handle(.consent(ConsentReply(conversation: c.id, request: "sig-1", answer: .yes)), from: c.visitorConnection)
        #expect(await c.visitor.wait { frames in frames.events.contains { if case .signalementFiled = $0.event { true } else { false } } })
        let wire = try c.visitor.all.map { String(decoding: try $0.jsonData(), as: UTF8.self) }.joined(separator: "\n")
        for secret in ["résidence des Lilas", "Vente de stupéfiants", "\"reference\"", "Commissariat", "Personne :"] {
            #expect(!wire.contains(secret), "the visitor's frames show '\(secret)'")
        }
        // The purpose is the one the protocol documentation shows.
        let documented = ChatEnvelope.examples.compactMap { frame -> String? in
            if case .event(let stored) = frame, case .consentRequested(_, let purpose, _, _, _, _) = stored.event { purpose } else { nil }
        }
        let purpose = try filer().consentPurpose(for: ChatSignalementDraft(conversation: c.id, request: "x", operatorID: OperatorID("op1"),
                                                                           insee: "33063", fields: [:], fromSequence: 1, toSequence: 2))
        #expect(documented == [purpose.french])
        #expect(purpose.hasTranslation(in: .english))
    }

    @Test func onlyAKindWithTheChatFieldsCanBeUsed() throws {
        let desk = SignalementDesk(catalog: try .bundled(), competence: OneCommune(), store: store, clock: clock)
        #expect(throws: SignalementError.self) { try ChatSignalementDesk(desk: desk, kind: "point-de-deal") }
        #expect(throws: SignalementError.self) { try ChatSignalementDesk(desk: desk, kind: "no-such-kind") }
        #expect(try ChatSignalementDesk(desk: desk).kind == "conversation-chat")
    }
}
