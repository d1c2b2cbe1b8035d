import Foundation

extension ChatEnvelope {
    /// One example of every frame type, in the order of the protocol documentation.
    /// Documentation/ChatProtocol.md shows exactly these, as encoded by ``jsonData()``.
    public static var examples: [ChatEnvelope] {
        let conversation = ConversationID("c_5d0e7f3a9b214c68a1f0e2d3c4b5a697")
        let token = VisitorToken("v_8c1f2e3d4a5b6c7d8e9f0a1b2c3d4e5f")
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        func event(_ sequence: UInt64, _ body: ConversationEvent, after seconds: Double = 0) -> ChatEnvelope {
            .event(SequencedEvent(conversation: conversation, sequence: sequence, at: at.addingTimeInterval(seconds), event: body))
        }
        return [
            .hello(Hello.newVisitor(platform: .pnav, language: "fr")),
            .hello(Hello(role: .visitor, token: token, conversation: conversation, lastSequence: 4)),
            .hello(Hello(role: .operator, operatorID: OperatorID("op-4512"))),
            .welcome(Welcome(role: .visitor, token: token, conversation: conversation, lastSequence: 0)),
            event(1, .queued(platform: .pnav, position: 3, estimatedWaitSeconds: 150)),
            event(1, .unstaffed(platform: .espaceMineurs, helpLines: HelpLine.france[.espaceMineurs] ?? [])),
            event(2, .assigned(pseudonym: "Agent 4512", role: .officer), after: 95),
            .send(SendMessage(role: .visitor, conversation: conversation, clientTransactionID: "a1b2c3", text: "Bonjour, j'ai besoin d'aide.")),
            .ack(Ack(conversation: conversation, clientTransactionID: "a1b2c3", sequence: 3, duplicate: false)),
            event(3, .visitorMessage(clientTransactionID: "a1b2c3", text: "Bonjour, j'ai besoin d'aide.", translation: nil), after: 100),
            .send(SendMessage(role: .operator, conversation: conversation, clientTransactionID: "op-77", text: "Bonjour, je vous écoute.")),
            event(4, .operatorMessage(clientTransactionID: "op-77", pseudonym: "Agent 4512", text: "Bonjour, je vous écoute.", translation: nil), after: 110),
            event(5, .visitorMessage(clientTransactionID: "a1b2c4", text: "Hello, I need help.",
                                     translation: Translation(language: "fr", text: "Bonjour, j'ai besoin d'aide.")), after: 120),
            .typing(Typing(conversation: conversation, by: .operator, active: true)),
            .marker(Marker(kind: .delivered, conversation: conversation, upTo: 4)),
            .marker(Marker(kind: .read, conversation: conversation, upTo: 4)),
            event(6, .read(by: .visitor, upTo: 4), after: 125),
            .action(.emergency(conversation)),
            event(7, .emergencyRaised(source: .visitor), after: 130),
            .supervisorAlert(SupervisorAlert(conversation: conversation, platform: .pnav, source: .visitor, at: at.addingTimeInterval(130))),
            .action(.hold(conversation)),
            event(8, .onHold, after: 140),
            .action(.resume(conversation)),
            event(9, .resumed, after: 200),
            .action(.convert(conversation, .long)),
            event(10, .converted(kind: .long), after: 210),
            .action(.transfer(conversation, .role(.psychologist, .pnav), note: "Victime de violences, accord pour parler à une psychologue.")),
            event(11, .transferred(platform: .pnav, toPseudonym: nil, toRole: .psychologist, note: nil), after: 220),
            .signalement(ChatSignalementRequest(conversation: conversation, clientTransactionID: "sig-1", insee: "33063",
                                                fields: ["place": "hall B, résidence des Lilas",
                                                         "description": "Ventes de stupéfiants tous les soirs dans le hall, d'après la personne."],
                                                fromSequence: 3, toSequence: 5)),
            event(12, .consentRequested(request: "sig-1", purpose: Self.examplePurpose, language: "fr", fromSequence: 3, toSequence: 5,
                                        expiresAt: at.addingTimeInterval(600)), after: 300),
            .consent(ConsentReply(conversation: conversation, request: "sig-1", answer: .yes)),
            event(13, .consentAnswered(request: "sig-1", answer: .yes), after: 320),
            event(14, .signalementFiled(request: "sig-1", consent: .granted,
                                        receipt: ChatSignalementReceipt(reference: "S-K7QM-4XTR-9BWE-2HPA-ZC3N",
                                                                        unit: "Commissariat de police de Bordeaux", approximate: true)), after: 321),
            event(14, .signalementFiled(request: "sig-1", consent: .granted, receipt: nil), after: 321),
            .action(.close(conversation)),
            .action(.leave(conversation)),
            event(15, .closed(reason: .operator), after: 3_600),
            .error(ChatErrorFrame(code: .rateLimited, message: "too many messages; retry in 1 s with the same client_txn_id",
                                  conversation: conversation, clientTransactionID: "a1b2c9")),
            .error(ChatErrorFrame(code: .invalidSignalement, message: "fields.place is required for a signalement of kind conversation-chat",
                                  conversation: conversation, clientTransactionID: "sig-2", field: "fields.place")),
        ]
    }

    /// The purpose of the consent request in the examples, as the SDK facade's `ChatSignalementDesk` writes it.
    static let examplePurpose = "L'agent souhaite joindre une partie de cette conversation (vos messages et les siens) au signalement "
        + "qu'il transmet au service de police ou de gendarmerie compétent. Elle n'est jointe que si vous acceptez ; sinon, le signalement part sans elle."
}
