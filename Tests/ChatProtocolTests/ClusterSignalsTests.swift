import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import Testing

/// The in-memory rate limiter meets the ``VisitorRateLimiter`` contract.
@Suite struct VisitorRateLimiterConformanceTests {
    @Test(arguments: VisitorRateLimiterConformance.checks.map(\.name))
    func inMemory(_ name: String) async throws {
        let check = try #require(VisitorRateLimiterConformance.checks.first { $0.name == name })
        try await check.run(InMemoryVisitorRateLimiter())
    }
}

/// What instances tell each other beyond the queue: typing notices, the visitors' rate limit,
/// supervisor alerts, who serves what, and a crashed instance's conversations kept for their operator.
@Suite struct ClusterSignalsTests {
    let clock = ManualWallClock(testStart)
    let store = InMemoryConversationStore()
    let coordinator = InMemoryRoutingCoordinator()
    let relay = InMemoryClusterRelay()
    let limiter = InMemoryVisitorRateLimiter()

    static func supervisor(_ number: Int) -> OperatorProfile {
        OperatorProfile(id: OperatorID("sup\(number)"), pseudonym: "Superviseur \(number)", role: .supervisor,
                        platforms: [.tchat, .pnav], vssTrained: true)
    }

    func instance(_ name: String, operators: [OperatorProfile], desk: SupervisorDesk? = nil) async throws -> ChatService {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt), operatorsMustConnect: true), store: store,
                                  clock: clock, supervisor: desk, coordinator: coordinator, instance: InstanceID(name),
                                  relay: relay, rateLimiter: limiter)
        await desk?.attach(to: service)
        await relay.attach(service)
        for profile in operators { try await service.registerOperator(profile) }
        return service
    }

    static func isAssigned(_ frame: ChatEnvelope) -> Bool {
        if case .event(let event) = frame, case .assigned = event.event { true } else { false }
    }

    static func typing(_ frames: [ChatEnvelope]) -> [Typing] {
        frames.compactMap { if case .typing(let typing) = $0 { typing } else { nil } }
    }

    static func alerts(_ frames: [ChatEnvelope]) -> [SupervisorAlert] {
        frames.compactMap { if case .supervisorAlert(let alert) = $0 { alert } else { nil } }
    }

    /// A visitor opened on A, taken by op1 connected to B (B routes it, A follows it).
    func visitorOnAOperatorOnB(_ a: ChatService, _ b: ChatService) async throws -> (visitor: Inbox, connection: Int, operator: Inbox, operatorConnection: Int, id: ConversationID) {
        let operatorConnection = await b.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let visitorConnection = await a.connect(.newVisitor())
        let visitor = Inbox(visitorConnection)
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        await b.queueDidChange()
        #expect(await operatorInbox.wait { $0.contains(where: Self.isAssigned) })
        await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        #expect(await visitor.wait { $0.contains(where: Self.isAssigned) })
        return (visitor, visitorConnection.id, operatorInbox, operatorConnection.id, id)
    }

    @Test func typingReachesThePeerOnAnotherInstanceAndIsNeverStored() async throws {
        let a = try await instance("a", operators: [officer(1)])
        let b = try await instance("b", operators: [officer(1)])
        let (visitor, visitorConnection, operatorInbox, operatorConnection, id) = try await visitorOnAOperatorOnB(a, b)
        let stored = try await store.lastSequence(of: id)

        await a.handle(.typing(Typing(conversation: id, active: true)), from: visitorConnection)
        #expect(await operatorInbox.wait { Self.typing($0) == [Typing(conversation: id, by: .visitor, active: true)] })
        await b.handle(.typing(Typing(conversation: id, by: .visitor, active: false)), from: operatorConnection)
        // `by` is the server's to fill: the operator's notice says "operator" whatever the client wrote.
        #expect(await visitor.wait { Self.typing($0) == [Typing(conversation: id, by: .operator, active: false)] })
        #expect(try await store.lastSequence(of: id) == stored, "typing notices are never stored")
        #expect(Self.typing(visitor.all).count == 1 && Self.typing(operatorInbox.all).count == 1, "each notice arrives once")
    }

    @Test func aVisitorsRateLimitIsCountedOnceAcrossInstances() async throws {
        let a = try await instance("a", operators: [])
        let b = try await instance("b", operators: [])
        let onA = await a.connect(.newVisitor())
        let first = Inbox(onA)
        let welcome = try #require(await first.wait { _ in first.welcome != nil } ? first.welcome : nil)
        let id = try #require(welcome.conversation), token = try #require(welcome.token)
        let onB = await b.connect(Hello(role: .visitor, token: token, conversation: id, lastSequence: 0))
        let second = Inbox(onB)
        #expect(await second.wait { _ in second.welcome != nil })
        func send(_ service: ChatService, _ connection: Int, _ txn: String) async {
            await service.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: txn, text: "message")), from: connection)
        }
        // The default limit: 5 at once, then 1 per second. Three through A, two through B, then one more through B.
        for index in 1...3 { await send(a, onA.id, "a-\(index)") }
        for index in 1...2 { await send(b, onB.id, "b-\(index)") }
        #expect(await first.wait { _ in first.acks.count == 3 })
        #expect(await second.wait { _ in second.acks.count == 2 })
        await send(b, onB.id, "b-3")
        #expect(await second.wait { _ in !second.errors.isEmpty })
        #expect(second.errors.map(\.code) == [.rateLimited], "the sixth message is refused, wherever it arrives")
        #expect(second.errors.first?.clientTransactionID == "b-3" && second.acks.count == 2)
        clock.advance(by: 1.1)
        await send(a, onA.id, "a-4")
        #expect(await first.wait { _ in first.acks.count == 4 }, "a token is back after a second")
        #expect(first.errors.isEmpty)
    }

    @Test func anEscalationAlertsSupervisorsOnEveryInstanceOnceAndIsRecordedOnce() async throws {
        let deskA = SupervisorDesk(clock: clock), deskB = SupervisorDesk(clock: clock)
        let staff = [officer(1), Self.supervisor(1), Self.supervisor(2)]
        let a = try await instance("a", operators: staff, desk: deskA)
        let b = try await instance("b", operators: staff, desk: deskB)
        let supervisorOnA = Inbox(await a.connect(Hello(role: .operator, operatorID: OperatorID("sup1"))))
        let supervisorOnB = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("sup2"))))
        let (visitor, visitorConnection, operatorInbox, _, id) = try await visitorOnAOperatorOnB(a, b)
        // Both connections stay open to the end: a connection let go closes, and the frames sent on it are dropped.
        defer { withExtendedLifetime((visitor, operatorInbox)) {} }

        // The visitor presses the button on A; B routes the conversation and reads the event too.
        await a.handle(.action(.emergency(id)), from: visitorConnection)
        await b.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        #expect(await supervisorOnA.wait { Self.alerts($0).count == 1 })
        #expect(await supervisorOnB.wait { Self.alerts($0).count == 1 })
        try await Task.sleep(for: .milliseconds(50))
        #expect(Self.alerts(supervisorOnA.all).map(\.conversation) == [id], "once on A")
        #expect(Self.alerts(supervisorOnB.all).map(\.conversation) == [id], "once on B")
        #expect(Self.alerts(supervisorOnB.all).first?.platform == .tchat && Self.alerts(supervisorOnB.all).first?.source == .visitor)
        #expect(await relay.escalations.count == 1, "recorded once for the cluster")
        #expect(await deskA.escalations().count + deskB.escalations().count == 1, "recorded by one desk only")
        // Read again (a transport replaying recent escalations after an interruption): nobody is alerted twice.
        let alert = try #require(Self.alerts(supervisorOnB.all).first)
        #expect(await b.relayedAlert(alert, from: InstanceID("a")) == 0)
        #expect(await a.relayedAlert(alert, from: InstanceID("b")) == 0)
    }

    @Test func unstaffedCountsLanguagesAndRolesAcrossInstances() async throws {
        let a = try await instance("a", operators: [officer(1)])
        let b = try await instance("b", operators: [officer(1)])
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op1OnB = await b.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        defer { withExtendedLifetime(op1OnB) {} }
        try await a.maintainCluster(leaseDuration: 30)
        try await b.maintainCluster(leaseDuration: 30)
        // Op1 on B serves tchat in French only: an English-speaking visitor on A is served by nobody present.
        let english = Inbox(await a.connect(.newVisitor(platform: .tchat, language: "en")))
        #expect(await english.wait { _ in english.events.contains { if case .unstaffed = $0.event { true } else { false } } })
        #expect(!english.events.contains { if case .queued = $0.event { true } else { false } })

        // A conversation sent to the psychologist when none is present anywhere says so too.
        let (visitor, _, operatorInbox, operatorConnection, id) = try await visitorOnAOperatorOnB(a, b)
        // The operator's connection stays open to the end: a connection let go closes, and its transfer would be dropped.
        defer { withExtendedLifetime(operatorInbox) {} }
        await b.handle(.action(.transfer(id, .role(.psychologist, .tchat), note: nil)), from: operatorConnection)
        // B may finish a routing pass (and its notices) a little later: A reads the store until the notice is there.
        var told = false
        for _ in 0..<200 where !told {
            await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
            told = visitor.events.contains { if case .unstaffed = $0.event { true } else { false } }
            if !told { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(await visitor.wait { _ in visitor.events.contains { if case .unstaffed = $0.event { true } else { false } } })
    }

    @Test func aCrashedInstancesConversationKeepsItsOperatorWhoReconnectedElsewhere() async throws {
        // Op2 has the conversation through A; op1, free, waits on B. A dies; op2 reconnects to B.
        let a = try await instance("a", operators: [officer(1), officer(2)])
        let b = try await instance("b", operators: [officer(1), officer(2)])
        try await a.maintainCluster(leaseDuration: 10)
        try await b.maintainCluster(leaseDuration: 10)
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op2OnA = await a.connect(Hello(role: .operator, operatorID: OperatorID("op2")))
        defer { withExtendedLifetime(op2OnA) {} }
        let visitor = Inbox(await a.connect(.newVisitor()))
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor) == ["Agent 2"] })
        let id = try #require(visitor.welcome?.conversation)
        let op1 = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        clock.advance(by: 5)
        let op2 = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op2"))))
        #expect(try await b.maintainCluster(leaseDuration: 10) == 0)
        clock.advance(by: 6)
        #expect(try await b.maintainCluster(leaseDuration: 10) == 1)
        #expect(await op2.wait { _ in ClusterRoutingTests.assigned(op2).last == "Agent 2" }, "op2 gets it back on B")
        #expect(await b.operatorOf(id)?.id == OperatorID("op2"))
        #expect(ClusterRoutingTests.assigned(op1).isEmpty, "op1, free first, was not given it")
    }
}
