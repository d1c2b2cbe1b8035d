import ChatProtocol
import Foundation
import Testing

@Suite struct RoutingEngineTests {
    func engine(_ operators: [OperatorProfile]) throws -> RoutingEngine {
        var engine = RoutingEngine(configuration: .init(timeZone: .gmt))
        for profile in operators { try engine.addOperator(profile, now: testStart) }
        return engine
    }

    func id(_ n: Int) -> ConversationID { ConversationID("c\(n)") }

    @Test func leastLoadedOperatorWinsAndTiesGoToTheLongestIdle() throws {
        var engine = try engine([officer(1), officer(2), officer(3)])
        var assigned: [OperatorID] = []
        for n in 1...6 {
            try engine.enqueue(id(n), .init(platform: .tchat), now: testStart.addingTimeInterval(Double(n)))
            assigned += engine.dispatch(now: testStart.addingTimeInterval(Double(n))).map(\.operatorID)
        }
        // Round robin: each new conversation goes to the operator idle the longest among the least loaded.
        #expect(assigned.map(\.rawValue) == ["op1", "op2", "op3", "op1", "op2", "op3"])
        try engine.close(id(2), now: testStart.addingTimeInterval(10))
        try engine.enqueue(id(7), .init(platform: .tchat), now: testStart.addingTimeInterval(11))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(11)).map(\.operatorID.rawValue) == ["op2"])
    }

    @Test func anAssignmentTakenBackWaitsAtItsOldPlaceAndFreesItsOperator() throws {
        var engine = try engine([officer(1, capacity: 1)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart).map(\.conversation) == [id(1)])
        try engine.enqueue(id(2), .init(platform: .tchat), now: testStart.addingTimeInterval(1))
        // The store refused the `assigned` of c1: it waits again, ahead of c2, which came later.
        engine.takeBack(id(1), now: testStart.addingTimeInterval(2))
        #expect(engine.state(of: id(1)) == .waiting)
        #expect(engine.load(of: OperatorID("op1")) == 0)
        #expect(engine.waiting(on: .tchat) == [id(1), id(2)])
        #expect(engine.dispatch(now: testStart.addingTimeInterval(3)).map(\.conversation) == [id(1)])
        // A waiting conversation is left as it is.
        engine.takeBack(id(2), now: testStart.addingTimeInterval(4))
        #expect(engine.waiting(on: .tchat) == [id(2)])
    }

    @Test func capacityIsNeverExceededAndTheQueueWaits() throws {
        var engine = try engine([officer(1, capacity: 8)])
        for n in 1...10 { try engine.enqueue(id(n), .init(platform: .tchat), now: testStart) }
        #expect(engine.dispatch(now: testStart).count == 8)
        #expect(engine.load(of: OperatorID("op1")) == 8)
        #expect(engine.queuePosition(of: id(9)) == 1)
        #expect(engine.queuePosition(of: id(10)) == 2)
        try engine.close(id(3), now: testStart.addingTimeInterval(60))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(60)).map(\.conversation) == [id(9)])
        #expect(engine.queuePosition(of: id(10)) == 1)
    }

    @Test func aLongConversationTakesTheWholeCapacity() throws {
        var engine = try engine([officer(1, platforms: [.pnav], vss: true)])
        try engine.enqueue(id(1), .init(platform: .pnav, kind: .long), now: testStart)
        try engine.enqueue(id(2), .init(platform: .pnav), now: testStart)
        #expect(engine.dispatch(now: testStart).map(\.conversation) == [id(1)])
        #expect(engine.load(of: OperatorID("op1")) == 8)
    }

    @Test func aWaitingLongConversationReservesAnOperatorAgainstShortOnes() throws {
        var engine = try engine([officer(1), officer(2)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        try engine.enqueue(id(2), .init(platform: .tchat), now: testStart)
        _ = engine.dispatch(now: testStart)  // one short each
        try engine.enqueue(id(3), .init(platform: .tchat, kind: .long), now: testStart.addingTimeInterval(1))
        try engine.enqueue(id(4), .init(platform: .tchat), now: testStart.addingTimeInterval(2))
        // The long one cannot start; the least-loaded operator (op1, longest idle) is kept for it, op2 takes the short one.
        #expect(engine.dispatch(now: testStart.addingTimeInterval(2)).map(\.operatorID.rawValue) == ["op2"])
        try engine.close(id(1), now: testStart.addingTimeInterval(3))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(3)).map(\.conversation) == [id(3)])
    }

    @Test func emergenciesJumpTheQueue() throws {
        var engine = try engine([officer(1, capacity: 1)])
        for n in 1...4 { try engine.enqueue(id(n), .init(platform: .tchat), now: testStart.addingTimeInterval(Double(n))) }
        _ = engine.dispatch(now: testStart.addingTimeInterval(5))  // c1 taken
        try engine.raiseEmergency(id(4))
        #expect(engine.queuePosition(of: id(4)) == 1)
        #expect(engine.queuePosition(of: id(2)) == 2)
        try engine.enqueue(id(5), .init(platform: .tchat), emergency: true, now: testStart.addingTimeInterval(6))
        #expect(engine.queuePosition(of: id(5)) == 2, "a later emergency goes after the earlier one, before the rest")
        try engine.close(id(1), now: testStart.addingTimeInterval(7))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(7)).map(\.conversation) == [id(4)])
    }

    @Test func anEmergencyIsTakenAtTheShortCostByAnOperatorWithRoom() throws {
        var engine = try engine([officer(1)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        _ = engine.dispatch(now: testStart)
        try engine.enqueue(id(2), .init(platform: .tchat, kind: .long), now: testStart)
        #expect(engine.dispatch(now: testStart).isEmpty, "a long conversation waits for a free operator")
        try engine.raiseEmergency(id(2))
        #expect(engine.dispatch(now: testStart).map(\.conversation) == [id(2)])
        #expect(engine.load(of: OperatorID("op1")) == 2)
        #expect(engine.isEmergency(id(2)))
    }

    @Test func emergencyOnAnotherPlatformGoesFirstAcrossQueues() throws {
        var engine = try engine([officer(1, platforms: [.tchat, .pnav], capacity: 1, vss: true)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        try engine.enqueue(id(2), .init(platform: .pnav), emergency: true, now: testStart.addingTimeInterval(5))
        #expect(engine.dispatch(now: testStart.addingTimeInterval(5)).map(\.conversation) == [id(2)])
    }

    @Test func skillsDecideEligibility() throws {
        var engine = try engine([officer(1, platforms: [.pnav, .espaceMineurs]), officer(2, platforms: [.pnav], vss: true),
                                 officer(3, platforms: [.espaceMineurs], minors: true, languages: ["fr", "en"])])
        try engine.enqueue(id(1), .init(platform: .pnav), now: testStart)
        try engine.enqueue(id(2), .init(platform: .espaceMineurs, language: "en-GB"), now: testStart)
        try engine.enqueue(id(3), .init(platform: .espaceMineurs, language: "ar"), now: testStart)
        let assignments = engine.dispatch(now: testStart)
        #expect(Dictionary(uniqueKeysWithValues: assignments.map { ($0.conversation, $0.operatorID.rawValue) }) == [id(1): "op2", id(2): "op3"])
        #expect(engine.state(of: id(3)) == .waiting, "nobody writes Arabic and there is no translator")
    }

    @Test func translationLiftsTheLanguageRequirement() throws {
        var engine = RoutingEngine(configuration: .init(timeZone: .gmt, translationAvailable: true))
        try engine.addOperator(officer(1), now: testStart)
        try engine.enqueue(id(1), .init(platform: .tchat, language: "uk"), now: testStart)
        #expect(engine.dispatch(now: testStart).count == 1)
    }

    @Test func shiftsAndPausesGateRouting() throws {
        // testStart is 20:26:40 UTC.
        var engine = try engine([officer(1, shifts: [ShiftWindow(hours: 6, to: 14)]), officer(2, shifts: [ShiftWindow(hours: 14, to: 22)])])
        try engine.setPaused(OperatorID("op2"), true)
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart).isEmpty)
        try engine.setPaused(OperatorID("op2"), false)
        #expect(engine.dispatch(now: testStart).map(\.operatorID.rawValue) == ["op2"])
        try engine.enqueue(id(2), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart.addingTimeInterval(2 * 3_600)).isEmpty, "22:26: both are off shift")
        #expect(engine.dispatch(now: testStart.addingTimeInterval(10 * 3_600)).map(\.operatorID.rawValue) == ["op1"])
    }

    @Test func overnightShiftWindowWraps() {
        let night = ShiftWindow(hours: 22, to: 6)
        #expect(night.contains(secondOfDay: 23 * 3_600))
        #expect(night.contains(secondOfDay: 5 * 3_600))
        #expect(!night.contains(secondOfDay: 12 * 3_600))
    }

    @Test func aConversionToLongDrainsTheOperatorWithoutExceedingCapacity() throws {
        var engine = try engine([officer(1)])
        for n in 1...3 { try engine.enqueue(id(n), .init(platform: .tchat), now: testStart) }
        _ = engine.dispatch(now: testStart)
        try engine.convert(id(1), to: .long)
        #expect(engine.load(of: OperatorID("op1")) == 8, "the long conversation takes every free unit")
        try engine.enqueue(id(4), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart).isEmpty, "no new conversation while draining")
        try engine.close(id(2), now: testStart)
        #expect(engine.load(of: OperatorID("op1")) == 8, "freed units go to the long conversation")
        try engine.convert(id(1), to: .short)
        #expect(engine.load(of: OperatorID("op1")) == 2)
        #expect(engine.dispatch(now: testStart).map(\.conversation) == [id(4)])
    }

    @Test func transfersMoveCapacityAndQueues() throws {
        var engine = try engine([officer(1, platforms: [.tchat, .pnav], vss: true), officer(2, capacity: 1),
                                 officer(3, platforms: [.pnav], role: .psychologist)])
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        #expect(engine.dispatch(now: testStart).first?.operatorID.rawValue == "op1")
        // To a named operator.
        let direct = try engine.transfer(id(1), to: .operator(OperatorID("op2")), now: testStart)
        #expect(direct?.operatorID.rawValue == "op2")
        #expect(engine.load(of: OperatorID("op1")) == 0)
        #expect(engine.load(of: OperatorID("op2")) == 1)
        // op2 is full now.
        try engine.enqueue(id(2), .init(platform: .tchat), now: testStart)
        _ = engine.dispatch(now: testStart)
        #expect(throws: ChatEngineError.capacityExceeded(OperatorID("op2"), needed: 1, free: 0)) {
            try engine.transfer(id(2), to: .operator(OperatorID("op2")), now: testStart)
        }
        // Hand-off to the psychologist: back to the pnav queue, only a psychologist may take it.
        try engine.transfer(id(1), to: .role(.psychologist, .pnav), now: testStart)
        #expect(engine.state(of: id(1)) == .waiting)
        #expect(engine.load(of: OperatorID("op2")) == 0)
        #expect(engine.dispatch(now: testStart).map(\.operatorID.rawValue) == ["op3"])
    }

    @Test func invalidOperationsAreTypedErrors() throws {
        var engine = try engine([officer(1)])
        #expect(throws: ChatEngineError.duplicateOperator(OperatorID("op1"))) { try engine.addOperator(officer(1), now: testStart) }
        #expect(throws: ChatEngineError.unknownConversation(ConversationID("nope"))) { try engine.hold(ConversationID("nope")) }
        try engine.enqueue(id(1), .init(platform: .tchat), now: testStart)
        #expect(throws: ChatEngineError.invalidTransition(from: .waiting, transition: .hold)) { try engine.hold(id(1)) }
        try engine.abandon(id(1))
        #expect(throws: ChatEngineError.invalidTransition(from: .abandoned, transition: .close)) { try engine.close(id(1), now: testStart) }
        #expect(throws: ChatEngineError.invalidProfile(OperatorID("op9"), "capacity 0 is below the cost of one short conversation (1)")) {
            try engine.addOperator(officer(9, capacity: 0), now: testStart)
        }
    }

    @Test func estimatedWaitGrowsWithPosition() throws {
        var engine = try engine([officer(1, capacity: 1)])
        for n in 1...4 { try engine.enqueue(id(n), .init(platform: .tchat), now: testStart) }
        _ = engine.dispatch(now: testStart)
        let second = try #require(engine.estimatedWaitSeconds(of: id(2), now: testStart))
        let fourth = try #require(engine.estimatedWaitSeconds(of: id(4), now: testStart))
        #expect(second == 900)
        #expect(fourth == 3 * second)
    }
}
