import ChatProtocol
import Foundation
import Testing

/// The routing queues against a plain reference model over seeded random operations: the same
/// order (emergencies first, then arrival order; a conversation sent back keeps its old place),
/// the same positions, and dispatch taking conversations in that order.
@Suite struct QueueOrderModelTests {
    /// The model: every live conversation with its platform, emergency flag and arrival number.
    struct Model {
        struct Entry {
            var platform: Platform
            var emergency: Bool
            var order: Int
            var waiting: Bool
        }

        var entries: [ConversationID: Entry] = [:]
        var nextOrder = 0

        func key(_ entry: Entry) -> (Int, Int) { (entry.emergency ? 0 : 1, entry.order) }

        func queue(_ platform: Platform) -> [ConversationID] {
            entries.filter { $0.value.waiting && $0.value.platform == platform }
                .sorted { key($0.value) < key($1.value) }.map(\.key)
        }

        /// Every waiting conversation, across platforms, in the order dispatch must take them.
        var globalQueue: [ConversationID] {
            entries.filter(\.value.waiting).sorted { key($0.value) < key($1.value) }.map(\.key)
        }

        var waiting: [ConversationID] { entries.filter(\.value.waiting).map(\.key).sorted { $0.rawValue < $1.rawValue } }
        var assigned: [ConversationID] { entries.filter { !$0.value.waiting }.map(\.key).sorted { $0.rawValue < $1.rawValue } }
    }

    @Test(arguments: [1, 2, 3, 42, 2_026] as [UInt64])
    func theQueuesFollowTheReferenceModel(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let capacity = 3
        var engine = RoutingEngine(configuration: .init(timeZone: .gmt))
        let operatorID = OperatorID("op1")
        try engine.addOperator(OperatorProfile(id: operatorID, pseudonym: "Agent 1", platforms: Set(Platform.allCases),
                                               minors: true, vssTrained: true, capacity: capacity), now: testStart)
        var model = Model()
        var number = 0
        var now = testStart
        func pick(_ list: [ConversationID]) -> ConversationID? {
            list.isEmpty ? nil : list[Int(random.unit() * Double(list.count)) % list.count]
        }
        func platform() -> Platform { Platform.allCases[Int(random.unit() * 3) % 3] }

        for step in 0..<1_500 {
            now = now.addingTimeInterval(1)
            let draw = random.unit()
            switch draw {
            case ..<0.40:
                number += 1
                let id = ConversationID("c\(number)")
                let emergency = random.unit() < 0.15
                let target = platform()
                try engine.enqueue(id, ConversationRequirements(platform: target), emergency: emergency, now: now)
                model.nextOrder += 1
                model.entries[id] = .init(platform: target, emergency: emergency, order: model.nextOrder, waiting: true)
            case ..<0.50:
                // An emergency raised while waiting (moves ahead) or while taken (kept for later).
                guard let id = pick(model.waiting + model.assigned) else { continue }
                let raised = try engine.raiseEmergency(id)
                #expect(raised == !(model.entries[id]?.emergency ?? true), "step \(step)")
                model.entries[id]?.emergency = true
            case ..<0.62:
                guard let id = pick(model.waiting) else { continue }
                try engine.abandon(id)
                model.entries[id] = nil
            case ..<0.72:
                // Sent back to a queue (maybe another platform's): it keeps its old place.
                guard let id = pick(model.assigned) else { continue }
                let target = platform()
                try engine.transfer(id, to: .platform(target), now: now)
                model.entries[id]?.platform = target
                model.entries[id]?.waiting = true
            case ..<0.82:
                guard let id = pick(model.assigned) else { continue }
                try engine.close(id, now: now)
                model.entries[id] = nil
            default:
                let free = capacity - model.assigned.count
                let expected = Array(model.globalQueue.prefix(free))
                let taken = engine.dispatch(now: now).map(\.conversation)
                #expect(taken == expected, "step \(step): dispatch order")
                for id in taken { model.entries[id]?.waiting = false }
            }
            for target in Platform.allCases {
                let queue = model.queue(target)
                #expect(engine.waiting(on: target) == queue, "step \(step): \(target.rawValue) queue")
                #expect(engine.waitingCount(on: target) == queue.count)
                for (offset, id) in queue.enumerated() where engine.queuePosition(of: id) != offset + 1 {
                    Issue.record("step \(step): \(id) at \(engine.queuePosition(of: id) ?? -1), expected \(offset + 1)")
                }
            }
            #expect(engine.load(of: operatorID) == model.assigned.count, "step \(step): load")
        }
    }

    @Test func aConversationSentBackToTheQueueKeepsItsOldPlace() throws {
        var engine = RoutingEngine(configuration: .init(timeZone: .gmt))
        try engine.addOperator(officer(1, capacity: 1), now: testStart)
        for n in 1...3 { try engine.enqueue(ConversationID("c\(n)"), .init(platform: .tchat), now: testStart.addingTimeInterval(Double(n))) }
        #expect(engine.dispatch(now: testStart.addingTimeInterval(4)).map(\.conversation.rawValue) == ["c1"])
        try engine.transfer(ConversationID("c1"), to: .platform(.tchat), now: testStart.addingTimeInterval(5))
        #expect(engine.waiting(on: .tchat).map(\.rawValue) == ["c1", "c2", "c3"])
        #expect(engine.queuePosition(of: ConversationID("c1")) == 1)
        #expect(engine.queuePosition(of: ConversationID("c3")) == 3)
    }
}
