import ChatProtocol
import Foundation
import Testing

@Suite struct SupervisorDeskTests {
    let clock = ManualWallClock(testStart)

    @Test func connectedSupervisorsGetMetadataOnlyAndTheEscalationIsRecorded() async throws {
        let desk = SupervisorDesk(clock: clock)
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), clock: clock, supervisor: desk)
        await desk.attach(to: service)
        try await service.registerOperator(officer(1, platforms: [.pnav], vss: true))
        try await service.registerOperator(officer(9, role: .supervisor))
        let supervisor = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op9"))))
        let officerInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(await officerInbox.wait { _ in officerInbox.welcome != nil })
        let visitor = await service.connect(.newVisitor(platform: .pnav))
        let inbox = Inbox(visitor)
        #expect(await inbox.waitForEvents(1))
        let id = try #require(inbox.welcome?.conversation)
        await service.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "t1", text: "Il est là, secret")), from: visitor.id)
        await service.handle(.action(.emergency(id)), from: visitor.id)

        let alert = SupervisorAlert(conversation: id, platform: .pnav, source: .visitor, at: testStart)
        #expect(await supervisor.wait { frames in frames.contains(.supervisorAlert(alert)) })
        #expect(!supervisor.all.contains { $0.isEvent }, "a supervisor who runs no conversation sees none of its events")
        let json = try supervisor.all.map { String(decoding: try $0.jsonData(), as: UTF8.self) }.joined()
        #expect(!json.contains("secret"))
        #expect(!officerInbox.all.contains { if case .supervisorAlert = $0 { true } else { false } }, "officers get the event, not the alert")
        #expect(await desk.escalations() == [Escalation(conversation: id, platform: .pnav, source: .visitor, at: testStart, alertedConnections: 1)])
    }

    @Test func theLogKeepsALimitedNumberForALimitedTime() async {
        let desk = SupervisorDesk(maximumAge: 3_600, maximumCount: 2, clock: clock)
        for n in 1...3 {
            await desk.emergencyRaised(EmergencyNotice(conversation: ConversationID("c\(n)"), platform: .tchat, source: .operator,
                                                       at: clock.now(), operatorPseudonym: nil))
            clock.advance(by: 600)
        }
        #expect(await desk.escalations().map(\.conversation.rawValue) == ["c2", "c3"])
        #expect(await desk.escalations().allSatisfy { $0.alertedConnections == 0 }, "no service attached: nobody alerted, still recorded")
        #expect(await desk.escalations(since: testStart.addingTimeInterval(1_000)).map(\.conversation.rawValue) == ["c3"])
        clock.advance(by: 3_000)  // c2 is now more than an hour old
        #expect(await desk.escalations().map(\.conversation.rawValue) == ["c3"])
        clock.advance(by: 3_600)
        #expect(await desk.escalations().isEmpty)
    }
}
