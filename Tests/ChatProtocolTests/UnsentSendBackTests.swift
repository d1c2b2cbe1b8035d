import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import Testing

/// A conversation taken back from an operator goes back to the cluster's queue even when the coordinator refused
/// the first send-back: it used to stay "taken here" for as long as the instance kept its lease, and the visitor
/// waited for ever.
@Suite struct UnsentSendBackTests {
    @Test func aSendBackTheCoordinatorRefusedIsSentAgainByTheNextPass() async throws {
        let store = OutageStore(), coordinator = RefusingCoordinator()
        let service = clusterService(store, clock: ManualWallClock(testStart), coordinator: coordinator, instance: "a")
        try await service.registerOperator(officer(1))
        let visitor = Inbox(await service.connect(.newVisitor()))
        let id = try #require(await visitor.wait { _ in visitor.welcome != nil } ? visitor.welcome?.conversation : nil)
        // The store refuses the operator's `assigned`, then the coordinator refuses to take the conversation back.
        store.refuseNextAssignment()
        await coordinator.refuseNextRequeue()
        let operatorInbox = Inbox(await service.connect(Hello(role: .operator, operatorID: OperatorID("op1"))))
        #expect(store.refusals == 1)
        #expect(await coordinator.refusals == 1)
        #expect(try await coordinator.entry(of: id)?.operatorID == OperatorID("op1"))
        #expect(await service.state(of: id) == .waiting)

        // The next pass sends it back, claims it again and announces it.
        await service.queueDidChange()
        #expect(await operatorInbox.wait { _ in ClusterRoutingTests.assigned(operatorInbox) == ["Agent 1"] })
        #expect(await visitor.wait { _ in ClusterRoutingTests.assigned(visitor) == ["Agent 1"] })
        #expect(await service.operatorOf(id)?.id == OperatorID("op1"))
        #expect(try await coordinator.load(of: OperatorID("op1")) == 1)
    }
}

/// The in-memory coordinator, except that it can refuse the next `requeue`, as a database may fail one write.
actor RefusingCoordinator: RoutingCoordinator {
    let base = InMemoryRoutingCoordinator()
    private var refuseRequeue = false
    private(set) var refusals = 0

    func refuseNextRequeue() { refuseRequeue = true }

    func requeue(_ conversation: ConversationID, requirements: ConversationRequirements, at date: Date,
                 by instance: InstanceID) async throws(RoutingCoordinatorError) {
        if refuseRequeue {
            refuseRequeue = false
            refusals += 1
            throw RoutingCoordinatorError("the database did not answer")
        }
        try await base.requeue(conversation, requirements: requirements, at: date, by: instance)
    }

    func enqueue(_ conversation: ConversationID, requirements: ConversationRequirements, emergency: Bool, at date: Date,
                 by instance: InstanceID) async throws(RoutingCoordinatorError) {
        try await base.enqueue(conversation, requirements: requirements, emergency: emergency, at: date, by: instance)
    }
    func raiseEmergency(_ conversation: ConversationID) async throws(RoutingCoordinatorError) -> Bool {
        try await base.raiseEmergency(conversation)
    }
    func claim(for filter: ClaimFilter, by instance: InstanceID, at date: Date) async throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        try await base.claim(for: filter, by: instance, at: date)
    }
    func assign(_ conversation: ConversationID, to filter: ClaimFilter, by instance: InstanceID,
                at date: Date) async throws(RoutingCoordinatorError) -> Bool {
        try await base.assign(conversation, to: filter, by: instance, at: date)
    }
    func convert(_ conversation: ConversationID, to kind: ConversationKind) async throws(RoutingCoordinatorError) {
        try await base.convert(conversation, to: kind)
    }
    func finish(_ conversation: ConversationID) async throws(RoutingCoordinatorError) { try await base.finish(conversation) }
    func entry(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> CoordinatedConversation? {
        try await base.entry(of: conversation)
    }
    func position(of conversation: ConversationID) async throws(RoutingCoordinatorError) -> Int? { try await base.position(of: conversation) }
    func load(of operatorID: OperatorID) async throws(RoutingCoordinatorError) -> Int { try await base.load(of: operatorID) }
    func setPresence(_ filter: ClaimFilter, present: Bool, on instance: InstanceID) async throws(RoutingCoordinatorError) {
        try await base.setPresence(filter, present: present, on: instance)
    }
    func presentStaff(at date: Date) async throws(RoutingCoordinatorError) -> [ClaimFilter] { try await base.presentStaff(at: date) }
    func renewLease(of instance: InstanceID, for duration: TimeInterval, at date: Date) async throws(RoutingCoordinatorError) -> Bool {
        try await base.renewLease(of: instance, for: duration, at: date)
    }
    func reclaimExpired(at date: Date) async throws(RoutingCoordinatorError) -> [ConversationID] { try await base.reclaimExpired(at: date) }
}
