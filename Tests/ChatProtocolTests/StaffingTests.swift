import ChatProtocol
import Foundation
import Testing

/// Who may take which conversation (issue 14, item 1), and the visitor told when nobody present serves them.
@Suite struct StaffingTests {
    let clock = ManualWallClock(testStart)

    func id(_ n: Int) -> ConversationID { ConversationID("c\(n)") }

    func engine(_ operators: [OperatorProfile]) throws -> RoutingEngine {
        var engine = RoutingEngine(configuration: .init(timeZone: .gmt))
        for profile in operators { try engine.addOperator(profile, now: testStart) }
        return engine
    }

    @Test func aVSSConversationGoesOnlyToVSSTrainedStaff() throws {
        var engine = try engine([officer(1, platforms: [.pnav, .tchat]), officer(2, platforms: [.pnav], vss: true)])
        for n in 1...3 { try engine.enqueue(id(n), .init(platform: .pnav), now: testStart) }
        let assignments = engine.dispatch(now: testStart)
        #expect(Set(assignments.map(\.operatorID.rawValue)) == ["op2"], "op1 serves pnav but is not VSS-trained")
        #expect(engine.isServed(.init(platform: .pnav), now: testStart))
        var untrained = try self.engine([officer(1, platforms: [.pnav])])
        #expect(!untrained.isServed(.init(platform: .pnav), now: testStart))
        try untrained.enqueue(id(1), .init(platform: .pnav), now: testStart)
        #expect(untrained.dispatch(now: testStart).isEmpty)
    }

    @Test func aMinorsConversationGoesOnlyToStaffOfThatSpace() throws {
        var engine = try engine([officer(1, platforms: [.espaceMineurs], vss: true), officer(2, platforms: [.tchat], minors: true),
                                 officer(3, platforms: [.espaceMineurs], minors: true)])
        try engine.enqueue(id(1), .init(platform: .espaceMineurs), now: testStart)
        try engine.enqueue(id(2), .init(platform: .espaceMineurs), now: testStart)
        #expect(Set(engine.dispatch(now: testStart).map(\.operatorID.rawValue)) == ["op3"])
    }

    @Test func aTransferToAPsychologistReachesAPsychologist() throws {
        var engine = try engine([officer(1, platforms: [.pnav], vss: true), officer(2, platforms: [.pnav], vss: true),
                                 officer(3, platforms: [.pnav], role: .psychologist),
                                 officer(4, platforms: [.pnav], vss: true, role: .supervisor)])
        try engine.enqueue(id(1), .init(platform: .pnav), now: testStart)
        #expect(engine.dispatch(now: testStart).first?.role == .officer)
        try engine.transfer(id(1), to: .role(.psychologist, .pnav), now: testStart.addingTimeInterval(60))
        let handOff = engine.dispatch(now: testStart.addingTimeInterval(60))
        #expect(handOff.map(\.operatorID.rawValue) == ["op3"])
        #expect(handOff.first?.role == .psychologist)
        // With the psychologist away, a second hand-off waits: officers and supervisors do not take it.
        try engine.setPresent(OperatorID("op3"), false)
        try engine.enqueue(id(2), .init(platform: .pnav), now: testStart.addingTimeInterval(61))
        _ = engine.dispatch(now: testStart.addingTimeInterval(61))
        try engine.transfer(id(2), to: .role(.psychologist, .pnav), now: testStart.addingTimeInterval(62))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(62)).isEmpty)
        #expect(!engine.isServed(.init(platform: .pnav, role: .psychologist), now: testStart))
    }

    @Test func aSupervisorTakesConversationsOnlyWhenTheProfileSaysSo() throws {
        var engine = try engine([officer(1, role: .supervisor)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart).isEmpty, "a supervisor does not take conversations by default")
        #expect(!engine.isServed(.init(platform: .tchat), now: testStart))
        #expect(throws: ChatEngineError.notEligible(OperatorID("op1"), id(1))) {
            try engine.transfer(id(1), to: .operator(OperatorID("op1")), now: testStart)
        }
        var answering = try self.engine([OperatorProfile(id: OperatorID("sup"), pseudonym: "Superviseur 1", role: .supervisor,
                                                          takesConversations: true)])
        try answering.enqueue(id(1), .init(platform: .tchat), now: testStart)
        let assignments = answering.dispatch(now: testStart)
        #expect(assignments.map(\.operatorID.rawValue) == ["sup"])
        #expect(assignments.first?.role == .officer, "the visitor sees an officer")
    }

    @Test func everyRoleHasARule() {
        // A new role must be given its routing rule (this fails to compile until the switch is complete).
        for role in OperatorRole.allCases {
            let takesByDefault = OperatorProfile(id: OperatorID("x"), pseudonym: "x", role: role).takesConversations
            switch role {
            case .officer, .psychologist: #expect(takesByDefault)
            case .supervisor: #expect(!takesByDefault)
            }
        }
    }

    // MARK: The visitor is told

    func unstaffedNotice(_ platform: Platform) -> ConversationEvent {
        .unstaffed(platform: platform, helpLines: HelpLine.france[platform] ?? [])
    }

    @Test func aVisitorNobodyServesIsToldTheNumbersAndRoutingResumesWhenSomeoneArrives() async throws {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt), operatorsMustConnect: true), clock: clock)
        try await service.registerOperator(officer(1, platforms: [.tchat]))
        try await service.registerOperator(officer(2, platforms: [.espaceMineurs], minors: true))
        let officerInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(await officerInbox.wait { _ in officerInbox.welcome != nil })

        let visitor = Inbox(await service.connect(.newVisitor(platform: .espaceMineurs)))
        #expect(await visitor.waitForEvents(1))
        let id = try #require(visitor.welcome?.conversation)
        #expect(visitor.events.map(\.event) == [unstaffedNotice(.espaceMineurs)])
        guard case .unstaffed(_, let lines) = visitor.events.first?.event else { Issue.record("no unstaffed event"); return }
        #expect(lines.map(\.number) == ["17", "112", "114", "119"])
        #expect(await service.state(of: id) == .waiting, "registered but not connected: op2 is not present")

        // Someone trained for minors connects: routing resumes.
        let minors = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op2"))))
        #expect(await visitor.waitForEvents(2))
        #expect(visitor.events.last?.event == .assigned(pseudonym: "Agent 2", role: .officer))
        #expect(await minors.waitForEvents(2), "the operator gets the history")
    }

    @Test func theVisitorIsToldAgainOnlyAfterSomeoneServedThemMeanwhile() async throws {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt), operatorsMustConnect: true), clock: clock)
        try await service.registerOperator(officer(1, platforms: [.pnav], capacity: 1, vss: true))
        let operatorConnection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let busy = Inbox(await service.connect(.newVisitor(platform: .pnav)))
        #expect(await busy.waitForEvents(1))
        let waiting = Inbox(await service.connect(.newVisitor(platform: .pnav)))
        #expect(await waiting.waitForEvents(1))
        #expect(waiting.events.first?.event == .queued(platform: .pnav, position: 1, estimatedWaitSeconds: 900))

        // The only VSS-trained officer leaves: the waiting visitor is told, once, with 3919 among the numbers.
        await service.disconnect(operatorConnection.id)
        #expect(await waiting.waitForEvents(2))
        #expect(waiting.events.last?.event == unstaffedNotice(.pnav))
        await service.tick()
        #expect(waiting.events.count == 2)

        // Back: the visitor's place is told again.
        let back = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(await waiting.waitForEvents(3))
        #expect(waiting.events.last?.event == .queued(platform: .pnav, position: 1, estimatedWaitSeconds: 900))
        #expect(await back.wait { _ in back.welcome != nil })
    }

    // MARK: Wire

    @Test func newServerFramesAreTypedErrorsWhenMalformedAndForbiddenFromClients() async throws {
        let malformed = [
            #"{"v":1,"type":"unstaffed","conversation":"c1","platform":"pnav","seq":2,"at":"2026-05-28T20:26:40.000Z"}"#,
            #"{"v":1,"type":"unstaffed","conversation":"c1","platform":"pnav","seq":2,"at":"2026-05-28T20:26:40.000Z","help":[{"number":"17"}]}"#,
            #"{"v":1,"type":"unstaffed","conversation":"c1","platform":"mars","seq":2,"at":"2026-05-28T20:26:40.000Z","help":[]}"#,
            #"{"v":1,"type":"supervisor_alert","conversation":"c1","platform":"pnav","source":"visitor","at":"yesterday"}"#,
            #"{"v":1,"type":"supervisor_alert","conversation":"c1","platform":"pnav","at":"2026-05-28T20:26:40.000Z"}"#,
            #"{"v":1,"type":"supervisor_alert","conversation":"c1","platform":"pnav","source":"neighbour","at":"2026-05-28T20:26:40.000Z"}"#,
        ]
        for json in malformed {
            #expect(throws: ChatErrorFrame.self, "\(json)") { _ = try ChatEnvelope.decode(Data(json.utf8)) }
            do {
                _ = try ChatEnvelope.decode(Data(json.utf8))
            } catch {
                #expect(error.code == .malformed, "\(json): \(error)")
            }
        }
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt)), clock: clock)
        try await service.registerOperator(officer(1))
        let connection = await service.connect(.newVisitor())
        let inbox = Inbox(connection)
        #expect(await inbox.waitForEvents(1))
        let id = try #require(inbox.welcome?.conversation)
        for frame in [ChatEnvelope.supervisorAlert(SupervisorAlert(conversation: id, platform: .tchat, source: .visitor, at: testStart)),
                      .event(SequencedEvent(conversation: id, sequence: 9, at: testStart, event: unstaffedNotice(.tchat)))] {
            await service.receive(try frame.jsonData(), from: connection.id)
        }
        #expect(await inbox.wait { _ in inbox.errors.count == 2 })
        #expect(inbox.errors.map(\.code) == [.forbidden, .forbidden])
    }
}
