import ChatProtocol
import Testing

/// The README's "ChatProtocol" example, verbatim between the markers (checked by
/// ``ReadmeSyncTests``), with only the README block's own imports: a missing
/// import in README.md fails to compile here.
@Suite("README example: ChatProtocol")
struct ReadmeChatProtocolExampleTests {
    @Test("ChatProtocol: the 24/7 chat with officers", .timeLimit(.minutes(2)))
    func chatExample() async throws {
        // README:begin
        let service = ChatService()
        try await service.registerOperator(OperatorProfile(id: OperatorID("op-4512"), pseudonym: "Agent 4512",
                                                           platforms: [.tchat, .pnav], vssTrained: true))
        let visitor = await service.connect(.newVisitor(platform: .pnav))
        for await frame in visitor.events.prefix(10) {      // the stream stays open while the visitor is connected
            print(String(decoding: try frame.jsonData(), as: UTF8.self))   // welcome, queued, assigned
            if frame.typeName == "assigned" { break }       // an officer has taken the conversation
        }
        await service.disconnect(visitor.id)
        let day = ChatSimulator.run(DayScenario(conversationsPerDay: 2_500, operators: 63))
        print(day.takenWithin120s)
        // README:end
        #expect((0...1).contains(day.takenWithin120s))
    }
}
