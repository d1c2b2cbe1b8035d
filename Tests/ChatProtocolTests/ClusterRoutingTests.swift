import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import Synchronization
import Testing

/// A service of the cluster tests: operators must connect, GMT shifts.
func clusterService(_ store: any ConversationStore, clock: any WallClock, coordinator: (any RoutingCoordinator)? = nil,
                    instance: String = "a", classifier: (any EmergencyClassifier)? = nil,
                    supervisor: (any SupervisorHook)? = nil) -> ChatService {
    ChatService(configuration: .init(engine: .init(timeZone: .gmt), operatorsMustConnect: true), store: store, clock: clock,
                classifier: classifier, supervisor: supervisor, coordinator: coordinator, instance: InstanceID(instance))
}

/// The in-memory coordinator meets the ``RoutingCoordinator`` contract.
@Suite struct RoutingCoordinatorConformanceTests {
    @Test(arguments: RoutingCoordinatorConformance.checks.map(\.name))
    func inMemory(_ name: String) async throws {
        let check = try #require(RoutingCoordinatorConformance.checks.first { $0.name == name })
        try await check.run(InMemoryRoutingCoordinator())
    }
}

/// Instances sharing one store and one ``RoutingCoordinator``: one queue for the cluster.
@Suite struct ClusterRoutingTests {
    let clock = ManualWallClock(testStart)

    func instance(_ store: InMemoryConversationStore, _ coordinator: InMemoryRoutingCoordinator, _ name: String,
                  operators: [OperatorProfile]) async throws -> ChatService {
        let service = ChatService(configuration: .init(engine: .init(timeZone: .gmt), operatorsMustConnect: true), store: store,
                                  clock: clock, coordinator: coordinator, instance: InstanceID(name))
        for profile in operators { try await service.registerOperator(profile) }
        return service
    }

    static func assigned(_ inbox: Inbox) -> [String] {
        inbox.events.compactMap { if case .assigned(let pseudonym, _) = $0.event { pseudonym } else { nil } }
    }

    @Test func aVisitorOnOneInstanceIsTakenByAnOperatorOnAnother() async throws {
        let store = InMemoryConversationStore(), coordinator = InMemoryRoutingCoordinator()
        let a = try await instance(store, coordinator, "a", operators: [officer(1)])
        let b = try await instance(store, coordinator, "b", operators: [officer(1)])
        let operatorInbox = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))

        let visitorConnection = await a.connect(.newVisitor())
        let visitor = Inbox(visitorConnection)
        let id = try #require(await visitor.wait { $0.contains { if case .welcome = $0 { true } else { false } } } ? visitor.welcome?.conversation : nil)
        await b.queueDidChange()
        #expect(await operatorInbox.wait { frames in frames.contains { if case .event(let e) = $0, case .assigned = e.event { true } else { false } } })
        #expect(await b.operatorOf(id)?.id == OperatorID("op1"))

        // A reads B's `assigned` from the store: the visitor sees it, and A no longer routes the conversation.
        await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        #expect(await visitor.wait { _ in Self.assigned(visitor) == ["Agent 1"] })
        #expect(await a.state(of: id) == nil)

        // The visitor writes on A; the operator on B reads it.
        await a.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "v1", text: "bonjour")), from: visitorConnection.id)
        await b.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        #expect(await operatorInbox.wait { frames in frames.contains { if case .event(let e) = $0 { e.event.clientTransactionID == "v1" } else { false } } })
    }

    @Test func anOperatorsCapacityIsCountedOnceAcrossInstances() async throws {
        let store = InMemoryConversationStore(), coordinator = InMemoryRoutingCoordinator()
        let a = try await instance(store, coordinator, "a", operators: [officer(1, capacity: 1)])
        let b = try await instance(store, coordinator, "b", operators: [officer(1, capacity: 1)])
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op1OnA = await a.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        defer { withExtendedLifetime(op1OnA) {} }
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op1OnB = await b.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        defer { withExtendedLifetime(op1OnB) {} }
        let first = Inbox(await a.connect(.newVisitor()))
        let second = Inbox(await b.connect(.newVisitor()))
        #expect(await first.wait { _ in Self.assigned(first).count == 1 })
        await a.queueDidChange()
        await b.queueDidChange()
        #expect(try await coordinator.load(of: OperatorID("op1")) == 1)
        let secondID = try #require(second.welcome?.conversation)
        #expect(await b.state(of: secondID) == .waiting)
        #expect(Self.assigned(second).isEmpty)
    }

    @Test func emergenciesGoFirstAcrossInstances() async throws {
        let store = InMemoryConversationStore(), coordinator = InMemoryRoutingCoordinator()
        let a = try await instance(store, coordinator, "a", operators: [officer(1, capacity: 1)])
        let b = try await instance(store, coordinator, "b", operators: [officer(1, capacity: 1)])
        let early = Inbox(await a.connect(.newVisitor()))
        let lateConnection = await b.connect(.newVisitor())
        let late = Inbox(lateConnection)
        let lateID = try #require(await late.wait { _ in late.welcome != nil } ? late.welcome?.conversation : nil)
        await b.handle(.action(.emergency(lateID)), from: lateConnection.id)
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op1OnA = await a.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        defer { withExtendedLifetime(op1OnA) {} }
        // The operator connected to A takes B's emergency before A's earlier visitor.
        await a.storeDidAppend(to: lateID, upTo: try await store.lastSequence(of: lateID))
        await b.storeDidAppend(to: lateID, upTo: try await store.lastSequence(of: lateID))
        #expect(await late.wait { _ in Self.assigned(late) == ["Agent 1"] })
        #expect(Self.assigned(early).isEmpty)
    }

    /// Two instances sharing a store and a coordinator, their leases taken (10 s); op1, connected to A, has taken a
    /// visitor's conversation there. The operator's connection is returned: a connection let go closes.
    func op1OnAServesAVisitor() async throws -> (InMemoryRoutingCoordinator, ChatService, ChatService, ChatConnection, Inbox) {
        let store = InMemoryConversationStore(), coordinator = InMemoryRoutingCoordinator()
        let a = try await instance(store, coordinator, "a", operators: [officer(1), officer(2)])
        let b = try await instance(store, coordinator, "b", operators: [officer(1), officer(2)])
        try await a.maintainCluster(leaseDuration: 10)
        try await b.maintainCluster(leaseDuration: 10)
        let op1 = await a.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let visitor = Inbox(await a.connect(.newVisitor()))
        #expect(await visitor.wait { _ in Self.assigned(visitor) == ["Agent 1"] })
        return (coordinator, a, b, op1, visitor)
    }

    /// A stops renewing its lease: within it, B sends nothing back and op2 (on B) gets nothing; once it has run out,
    /// B sends back one conversation, which op2 takes and is told of.
    func bTakesOverFromA(_ b: ChatService, for op2: Inbox) async throws {
        clock.advance(by: 5)
        #expect(try await b.maintainCluster(leaseDuration: 10) == 0)
        #expect(Self.assigned(op2).isEmpty)
        clock.advance(by: 10)
        #expect(try await b.maintainCluster(leaseDuration: 10) == 1)
        #expect(await op2.wait { _ in Self.assigned(op2).last == "Agent 2" })
    }

    @Test func aDeadInstancesConversationsAreRoutedByTheOthers() async throws {
        let (_, a, b, op1OnA, visitor) = try await op1OnAServesAVisitor()
        defer { withExtendedLifetime((a, op1OnA, visitor)) {} }
        let id = try #require(visitor.welcome?.conversation)
        let token = try #require(visitor.welcome?.token)
        let seen = try #require(visitor.events.last?.sequence)

        // A dies (no goodbye: it simply stops renewing). Op2 is on B; after the lease, B reroutes.
        let op2 = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op2"))))
        // Op2 gets the history (op1's `assigned` included), then its own assignment.
        try await bTakesOverFromA(b, for: op2)

        // The visitor comes back on B and gets exactly what it missed.
        let resumed = Inbox(await b.connect(Hello(role: .visitor, token: token, conversation: id, lastSequence: seen)))
        #expect(await resumed.wait { _ in Self.assigned(resumed) == ["Agent 2"] })
        #expect(resumed.events.allSatisfy { $0.sequence > seen })
        #expect(Set(resumed.events.map(\.sequence)).count == resumed.events.count)
    }

    @Test func aTransferCutShortByTheInstancesDeathReachesTheColleagueAfterOneLease() async throws {
        let (coordinator, a, b, op1OnA, visitor) = try await op1OnAServesAVisitor()
        defer { withExtendedLifetime((a, op1OnA, visitor)) {} }
        let id = try #require(visitor.welcome?.conversation)
        let token = try #require(visitor.welcome?.token)
        let seen = try #require(visitor.events.last?.sequence)
        let op2 = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op2"))))

        // Op1 transfers to op2: A takes op2's units in the cluster, then dies before storing `transferred`
        // (the state its death leaves: the entry taken for op2 through A, the store still saying op1).
        #expect(try await coordinator.assign(id, to: ClaimFilter(profile: officer(2)), by: InstanceID("a"), at: clock.now()))
        #expect(try await coordinator.entry(of: id)?.operatorID == OperatorID("op2"))
        // After A's lease, B sends it back, kept for op2 (present on B), who takes it and is told.
        try await bTakesOverFromA(b, for: op2)
        #expect(try await coordinator.load(of: OperatorID("op2")) == 1)
        #expect(try await coordinator.load(of: OperatorID("op1")) == 0)

        // The visitor comes back on B and learns who has it, nothing repeated.
        let resumed = Inbox(await b.connect(Hello(role: .visitor, token: token, conversation: id, lastSequence: seen)))
        #expect(await resumed.wait { _ in Self.assigned(resumed) == ["Agent 2"] })
        #expect(Set(resumed.events.map(\.sequence)).count == resumed.events.count)
    }

    @Test func aCloseTheStoreRefusedLeavesTheConversationInTheClustersQueue() async throws {
        // The operator closes; the store refuses `closed` (or the instance dies before storing it). The
        // conversation must stay open everywhere, so that the close can be tried again or the conversation
        // reclaimed after a failover. It used to leave the cluster's queue first: open in the store, in no queue.
        let store = OutageStore(), coordinator = InMemoryRoutingCoordinator()
        let a = clusterService(store, clock: clock, coordinator: coordinator)
        try await a.registerOperator(officer(1))
        let operatorConnection = await a.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let operatorInbox = Inbox(operatorConnection)
        let visitor = Inbox(await a.connect(.newVisitor()))
        #expect(await visitor.wait { _ in Self.assigned(visitor) == ["Agent 1"] })
        let id = try #require(visitor.welcome?.conversation)

        store.refuseNextClose()
        await a.handle(.action(.close(id)), from: operatorConnection.id)
        #expect(store.refusals == 1)
        #expect(await operatorInbox.wait { _ in !operatorInbox.errors.isEmpty })
        #expect(await a.state(of: id) == .assigned)
        #expect(try await coordinator.entry(of: id)?.operatorID == OperatorID("op1"))
        #expect(try await coordinator.load(of: OperatorID("op1")) == 1)

        // Tried again, it closes: stored once, out of the queue, the operator's unit free.
        await a.handle(.action(.close(id)), from: operatorConnection.id)
        #expect(await visitor.wait { _ in visitor.events.contains { if case .closed = $0.event { true } else { false } } })
        #expect(visitor.events.filter { if case .closed = $0.event { true } else { false } }.count == 1)
        #expect(await a.state(of: id) == .closed)
        #expect(try await coordinator.entry(of: id) == nil)
        #expect(try await coordinator.load(of: OperatorID("op1")) == 0)
    }

    @Test func anAssignmentTheStoreRefusedIsAnnouncedOnTheNextClaim() async throws {
        // The store refuses the `assigned` of the first claim (a database hiccup): the conversation goes back
        // to the cluster's queue, and the next claim must announce it. It used to stay with the operator in
        // the claiming instance's engine without a word, so the visitor and the operator never heard of it.
        let store = OutageStore(), coordinator = InMemoryRoutingCoordinator()
        let a = clusterService(store, clock: clock, coordinator: coordinator, instance: "a")
        let b = clusterService(store, clock: clock, coordinator: coordinator, instance: "b")
        try await a.registerOperator(officer(1))
        try await b.registerOperator(officer(1))
        let visitor = Inbox(await a.connect(.newVisitor()))
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        store.refuseNextAssignment()
        let operatorInbox = Inbox(await b.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(store.refusals == 1)
        #expect(try await coordinator.entry(of: id)?.operatorID == nil)

        await b.queueDidChange()
        #expect(await operatorInbox.wait { _ in Self.assigned(operatorInbox) == ["Agent 1"] })
        #expect(try await coordinator.entry(of: id)?.operatorID == OperatorID("op1"))
        await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        #expect(await visitor.wait { _ in Self.assigned(visitor) == ["Agent 1"] })
        #expect(await b.operatorOf(id)?.id == OperatorID("op1"))
    }
}

/// One instance, no coordinator: an assignment the store refused is not kept by the engine either.
@Suite struct RefusedAssignmentTests {
    @Test func theNextPassAnnouncesAnAssignmentTheStoreRefused() async throws {
        let store = OutageStore()
        let service = clusterService(store, clock: ManualWallClock(testStart))
        try await service.registerOperator(officer(1))
        let visitor = Inbox(await service.connect(.newVisitor()))
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        store.refuseNextAssignment()
        let operatorInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(store.refusals == 1)
        #expect(await service.state(of: id) == .waiting)
        // Another operator arrives: the pass that follows takes the conversation again and says so.
        try await service.registerOperator(officer(2))
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op2Connection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op2")))
        defer { withExtendedLifetime(op2Connection) {} }
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor).count == 1 })
        #expect(await service.state(of: id) == .assigned)
        let taker = try #require(await service.operatorOf(id)?.pseudonym)
        #expect(ClusterRoutingTests.assigned(visitor) == [taker])
        if taker == "Agent 1" { #expect(await operatorInbox.wait { _ in ClusterRoutingTests.assigned(operatorInbox) == ["Agent 1"] }) }
    }

    @Test func aTransferWhoseAssignmentTheStoreRefusedIsAnnouncedAgain() async throws {
        let store = OutageStore()
        let service = clusterService(store, clock: ManualWallClock(testStart))
        try await service.registerOperator(officer(1))
        try await service.registerOperator(officer(2))
        let first = await service.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        let firstInbox = Inbox(first)
        let visitor = Inbox(await service.connect(.newVisitor()))
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor) == ["Agent 1"] })
        let id = try #require(visitor.welcome?.conversation)
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op2Connection = await service.connect(Hello(role: .operator, operatorID: OperatorID("op2")))
        defer { withExtendedLifetime(op2Connection) {} }
        // Op1 hands over to op2; the store refuses op2's `assigned`.
        store.refuseNextAssignment()
        await service.handle(.action(.transfer(id, .operator(OperatorID("op2")), note: nil)), from: first.id)
        #expect(store.refusals == 1)
        #expect(await firstInbox.wait { _ in !firstInbox.errors.isEmpty })
        // Whoever holds it now was announced: never an operator the visitor was not told of.
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor).count == 2 })
        let holder = try #require(await service.operatorOf(id)?.pseudonym)
        #expect(ClusterRoutingTests.assigned(visitor).last == holder)
    }
}

/// A connection subscribing from the store while another event arrives gets that event too.
@Suite struct SubscribeRaceTests {
    @Test func anEventDeliveredWhileTheHistoryWasReadReachesTheNewSubscriber() async throws {
        // A new visitor on A subscribes from the store; while A reads it (the read has returned nothing yet),
        // B's operator takes the conversation and A delivers that `assigned` to the subscribers it has: none.
        // The visitor must still get it (it used to be skipped: an empty read ended the subscription's catch-up).
        let store = GateStore(), coordinator = InMemoryRoutingCoordinator()
        let clock = ManualWallClock(testStart)
        let a = clusterService(store, clock: clock, coordinator: coordinator, instance: "a")
        let b = clusterService(store, clock: clock, coordinator: coordinator, instance: "b")
        try await a.registerOperator(officer(1))
        try await b.registerOperator(officer(1))
        store.holdNextRead()
        let connecting = Task { await a.connect(.newVisitor()) }
        while !store.isHolding { try await Task.sleep(for: .milliseconds(1)) }
        let id = try #require(try await coordinator.position(of: ConversationID(store.lastRegistered ?? "")) != nil
                              ? ConversationID(store.lastRegistered ?? "") : nil)
        // Kept open to the end: a connection let go closes, and its operator leaves.
        let op1OnB = await b.connect(Hello(role: .operator, operatorID: OperatorID("op1")))
        defer { withExtendedLifetime(op1OnB) {} }
        await b.queueDidChange()
        let last = try await store.lastSequence(of: id)
        #expect(last >= 1)
        await a.storeDidAppend(to: id, upTo: last)
        store.release()
        let visitor = Inbox(await connecting.value)
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor) == ["Agent 1"] })
        #expect(visitor.events.map(\.sequence) == Array(1...last))
    }

    @Test func aDangerInTheFirstMessageIsRaisedBeforeTheMessageIsStored() async throws {
        // The store refuses the visitor's first message (or its instance dies before storing it): the danger it
        // says is already recorded, and the resent message raises nothing twice. Stored first, an instance dying
        // after the write could leave a danger stored and never raised.
        let store = OutageStore(), coordinator = InMemoryRoutingCoordinator(), supervisor = RecordingSupervisor()
        let a = clusterService(store, clock: ManualWallClock(testStart), coordinator: coordinator, classifier: FixedClassifier(),
                               supervisor: supervisor)
        let connection = await a.connect(.newVisitor())
        let visitor = Inbox(connection)
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        store.refuseNextVisitorMessage()
        let danger = SendMessage(role: .visitor, conversation: id, clientTransactionID: "v1", text: "danger: il est dans l'entrée")
        await a.handle(.send(danger), from: connection.id)
        #expect(store.refusals == 1)
        #expect(await visitor.wait { _ in !visitor.errors.isEmpty })
        #expect(try await coordinator.entry(of: id)?.emergency == true)
        #expect(await supervisor.notices.count == 1)
        let stored = try await store.events(of: id, after: 0, limit: .max)
        #expect(stored.contains { if case .emergencyRaised = $0.event { true } else { false } })
        #expect(!stored.contains { if case .visitorMessage = $0.event { true } else { false } })

        // Resent, it is stored once; the emergency is not raised again.
        await a.handle(.send(danger), from: connection.id)
        #expect(await visitor.wait { _ in visitor.acks.contains { $0.clientTransactionID == "v1" } })
        let after = try await store.events(of: id, after: 0, limit: .max)
        #expect(after.filter { if case .emergencyRaised = $0.event { true } else { false } }.count == 1)
        #expect(after.filter { if case .visitorMessage = $0.event { true } else { false } }.count == 1)
        #expect(await supervisor.notices.count == 1)
    }

    @Test func aDangerIsClassifiedEvenWhenItsMessageIsReadBackBeforeItsAppendReturns() async throws {
        // The visitor's first message says a danger. While its append is on its way back, the instance reads
        // the message back from the store (its own notification): that reading used to mark the first message
        // as seen, so the message itself was never classified and no emergency was raised.
        let store = GateStore(), coordinator = InMemoryRoutingCoordinator()
        let a = clusterService(store, clock: ManualWallClock(testStart), coordinator: coordinator, classifier: FixedClassifier())
        let connection = await a.connect(.newVisitor())
        let visitor = Inbox(connection)
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        store.holdNextAppend()
        let sending = Task {
            await a.handle(.send(SendMessage(role: .visitor, conversation: id, clientTransactionID: "v1", text: "danger: il est là")),
                           from: connection.id)
        }
        while !store.isHolding { try await Task.sleep(for: .milliseconds(1)) }
        await a.storeDidAppend(to: id, upTo: try await store.lastSequence(of: id))
        store.release()
        await sending.value
        #expect(await visitor.wait { _ in visitor.events.contains { if case .emergencyRaised = $0.event { true } else { false } } })
        #expect(try await coordinator.entry(of: id)?.emergency == true)
    }
}

/// The in-memory store, except that the next read of events can be held (its result already read) until released.
final class GateStore: ForwardingStore {
    let base = InMemoryConversationStore()
    private let gate = Mutex((armed: false, holding: false, released: false, waiter: CheckedContinuation<Void, Never>?.none,
                              registered: String?.none))

    func holdNextRead() { gate.withLock { $0.armed = true } }
    func holdNextAppend() { appendGate.withLock { $0 = true } }
    private let appendGate = Mutex(false)
    var isHolding: Bool { gate.withLock { $0.holding } }
    var lastRegistered: String? { gate.withLock { $0.registered } }
    func release() {
        let waiter = gate.withLock { state -> CheckedContinuation<Void, Never>? in
            state.released = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        let result = try await base.events(of: conversation, after: sequence, limit: limit)
        let hold = gate.withLock { state in
            guard state.armed else { return false }
            state.armed = false
            return true
        }
        if hold { await wait() }
        return result
    }

    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        let outcome = try await base.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
        // Held after it is stored, before the caller hears of it (as a database's commit whose answer is on its way).
        let hold = appendGate.withLock { armed in
            defer { armed = false }
            return armed
        }
        if hold { await wait() }
        return outcome
    }

    private func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = gate.withLock { state in
                state.holding = true
                if state.released { return true }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    nonisolated(nonsending) func register(_ record: ConversationRecord) async throws(ConversationStoreError) {
        gate.withLock { $0.registered = record.conversation.rawValue }
        try await base.register(record)
    }
}

/// The in-memory store, except that it can refuse the next `assigned` or `closed` event, as a database may fail one write.
final class OutageStore: ForwardingStore {
    enum Refused: Sendable { case none, assigned, closed, visitorMessage }
    let base = InMemoryConversationStore()
    private let refusing = Mutex((next: Refused.none, count: 0))

    func refuseNextAssignment() { refusing.withLock { $0.next = .assigned } }
    func refuseNextClose() { refusing.withLock { $0.next = .closed } }
    func refuseNextVisitorMessage() { refusing.withLock { $0.next = .visitorMessage } }
    var refusals: Int { refusing.withLock { $0.count } }

    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        let kind: Refused
        switch event {
        case .assigned: kind = .assigned
        case .closed: kind = .closed
        case .visitorMessage: kind = .visitorMessage
        default: kind = .none
        }
        let refuse = kind != .none && refusing.withLock { state in
            guard state.next == kind else { return false }
            state = (.none, state.count + 1)
            return true
        }
        if refuse { throw .backend("the database did not answer") }
        return try await base.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
    }

}

/// A test store that hands every call to its in-memory `base`, except the ones it implements itself.
protocol ForwardingStore: ConversationRecordStore {
    var base: InMemoryConversationStore { get }
}

extension ForwardingStore {
    nonisolated(nonsending) func append(_ event: ConversationEvent, to conversation: ConversationID, expectedLastSequence: UInt64,
                                        at date: Date) async throws(ConversationStoreError) -> AppendOutcome {
        try await base.append(event, to: conversation, expectedLastSequence: expectedLastSequence, at: date)
    }

    nonisolated(nonsending) func events(of conversation: ConversationID, after sequence: UInt64, limit: Int) async throws(ConversationStoreError) -> [SequencedEvent] {
        try await base.events(of: conversation, after: sequence, limit: limit)
    }

    nonisolated(nonsending) func lastSequence(of conversation: ConversationID) async throws(ConversationStoreError) -> UInt64 {
        try await base.lastSequence(of: conversation)
    }

    nonisolated(nonsending) func purge(lastActivityBefore cutoff: Date) async throws(ConversationStoreError) -> [ConversationID] {
        try await base.purge(lastActivityBefore: cutoff)
    }

    nonisolated(nonsending) func register(_ record: ConversationRecord) async throws(ConversationStoreError) {
        try await base.register(record)
    }

    nonisolated(nonsending) func record(of conversation: ConversationID) async throws(ConversationStoreError) -> ConversationRecord? {
        try await base.record(of: conversation)
    }
}
