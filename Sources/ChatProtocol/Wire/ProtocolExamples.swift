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
            .action(.close(conversation)),
            .action(.leave(conversation)),
            event(12, .closed(reason: .operator), after: 3_600),
            .error(ChatErrorFrame(code: .rateLimited, message: "too many messages; retry in 1 s with the same client_txn_id",
                                  conversation: conversation, clientTransactionID: "a1b2c9")),
        ]
    }
}
