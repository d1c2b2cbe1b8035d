import ChatProtocol
import Foundation

/// The reusable conformance suite for ``RoutingCoordinator`` backends: plain async functions that
/// throw a ``ConformanceFailure``. A backend's tests run each of ``checks`` on a fresh, empty coordinator.
public enum RoutingCoordinatorConformance {
    /// Every check, by name.
    public static let checks: [(name: String, run: @Sendable (any RoutingCoordinator) async throws -> Void)] = [
        ("claimsFollowEmergenciesThenArrival", claimsFollowEmergenciesThenArrival),
        ("capacityIsCountedOnceAcrossInstances", capacityIsCountedOnceAcrossInstances),
        ("concurrentClaimsNeverShareAConversation", concurrentClaimsNeverShareAConversation),
        ("claimsRespectPlatformsAndRoles", claimsRespectPlatformsAndRoles),
        ("requeueKeepsTheOldPlaceAndFreesUnits", requeueKeepsTheOldPlaceAndFreesUnits),
        ("aLongConversationTakesEveryUnit", aLongConversationTakesEveryUnit),
        ("expiredLeasesSendConversationsBack", expiredLeasesSendConversationsBack),
        ("presentStaffFollowsPresenceAndLeases", presentStaffFollowsPresenceAndLeases),
        ("aConversationSentBackIsKeptForItsOperatorPresentElsewhere", aConversationSentBackIsKeptForItsOperatorPresentElsewhere),
    ]

    /// Runs every check, each on a fresh coordinator from `make`; throws the first failure.
    public static func runAll(make: @Sendable () async throws -> any RoutingCoordinator) async throws {
        for check in checks { try await check.run(try await make()) }
    }

    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    static let instanceA = InstanceID("conformance-a")
    static let instanceB = InstanceID("conformance-b")

    static func expect(_ condition: Bool, _ check: String, _ detail: @autoclosure () -> String) throws(ConformanceFailure) {
        if !condition { throw ConformanceFailure(check: check, detail: detail()) }
    }

    static func officer(_ name: String, capacity: Int = 8, platforms: Set<Platform> = [.tchat], vss: Bool = false) -> ClaimFilter {
        ClaimFilter(profile: OperatorProfile(id: OperatorID(name), pseudonym: name, platforms: platforms, vssTrained: vss, capacity: capacity))
    }

    static func ids(_ prefix: String, _ count: Int) -> [ConversationID] {
        (0..<count).map { ConversationID("\(prefix)-\(UUID().uuidString.lowercased())-\($0)") }
    }

    static func enqueue(_ coordinator: any RoutingCoordinator, _ ids: [ConversationID], platform: Platform = .tchat,
                        by instance: InstanceID = instanceA) async throws {
        for (index, id) in ids.enumerated() {
            try await coordinator.enqueue(id, requirements: ConversationRequirements(platform: platform), emergency: false,
                                          at: start.addingTimeInterval(Double(index)), by: instance)
        }
    }

    static func claimedOrder(_ coordinator: any RoutingCoordinator, _ filter: ClaimFilter, by instance: InstanceID = instanceA) async throws -> [ConversationID] {
        var order: [ConversationID] = []
        while let claimed = try await coordinator.claim(for: filter, by: instance, at: start) { order.append(claimed.conversation) }
        return order
    }

    @Sendable static func claimsFollowEmergenciesThenArrival(_ coordinator: any RoutingCoordinator) async throws {
        let check = "claimsFollowEmergenciesThenArrival"
        let conversations = ids("order", 4)
        try await enqueue(coordinator, conversations)
        try await expect(coordinator.raiseEmergency(conversations[2]), check, "the first raise must say true")
        try await expect(!coordinator.raiseEmergency(conversations[2]), check, "a second raise must say false")
        try await expect(coordinator.position(of: conversations[2]) == 1, check, "the emergency is first in the queue")
        try await expect(coordinator.position(of: conversations[0]) == 2, check, "the earliest arrival comes next")
        let order = try await claimedOrder(coordinator, officer("order-op"))
        let expected = [conversations[2], conversations[0], conversations[1], conversations[3]]
        try expect(order == expected, check, "claimed \(order), expected \(expected)")
    }

    @Sendable static func capacityIsCountedOnceAcrossInstances(_ coordinator: any RoutingCoordinator) async throws {
        let check = "capacityIsCountedOnceAcrossInstances"
        try await enqueue(coordinator, ids("cap", 5))
        let filter = officer("cap-op", capacity: 3)
        let first = try await claimedOrder(coordinator, filter, by: instanceA).count
        let second = try await claimedOrder(coordinator, filter, by: instanceB).count
        try expect(first == 3 && second == 0, check, "an operator of 3 units took \(first) through A and \(second) through B")
        try await expect(coordinator.load(of: filter.operatorID) == 3, check, "the load must be 3")
    }

    @Sendable static func concurrentClaimsNeverShareAConversation(_ coordinator: any RoutingCoordinator) async throws {
        let check = "concurrentClaimsNeverShareAConversation"
        let conversations = ids("race", 12)
        try await enqueue(coordinator, conversations)
        let claimed = try await withThrowingTaskGroup(of: [ConversationID].self) { group in
            for index in 0..<6 {
                group.addTask {
                    let filter = officer("race-op-\(index)", capacity: 3)
                    return try await claimedOrder(coordinator, filter, by: index.isMultiple(of: 2) ? instanceA : instanceB)
                }
            }
            var all: [ConversationID] = []
            for try await part in group { all += part }
            return all
        }
        try expect(claimed.count == 12 && Set(claimed).count == 12, check,
                   "6 operators of 3 units took \(claimed.count) claims of \(Set(claimed).count) distinct conversations out of 12")
    }

    @Sendable static func claimsRespectPlatformsAndRoles(_ coordinator: any RoutingCoordinator) async throws {
        let check = "claimsRespectPlatformsAndRoles"
        let vssConversation = ids("vss", 1)
        try await enqueue(coordinator, vssConversation, platform: .pnav)
        let general = try await coordinator.claim(for: officer("general"), by: instanceA, at: start)
        try expect(general == nil, check, "an officer without pnav took a pnav conversation")
        let untrained = try await coordinator.claim(for: officer("untrained", platforms: [.pnav]), by: instanceA, at: start)
        try expect(untrained == nil, check, "an officer without VSS training took a pnav conversation")
        let supervisor = ClaimFilter(profile: OperatorProfile(id: OperatorID("sup"), pseudonym: "sup", role: .supervisor,
                                                              platforms: [.pnav], vssTrained: true))
        try await expect(coordinator.claim(for: supervisor, by: instanceA, at: start) == nil, check, "a supervisor took a conversation")
        let vss = try await coordinator.claim(for: officer("vss", platforms: [.pnav], vss: true), by: instanceB, at: start)
        try expect(vss?.conversation == vssConversation[0] && vss?.instance == instanceB && vss?.operatorID == OperatorID("vss"),
                   check, "the VSS officer must take it through B, got \(String(describing: vss))")
    }

    @Sendable static func requeueKeepsTheOldPlaceAndFreesUnits(_ coordinator: any RoutingCoordinator) async throws {
        let check = "requeueKeepsTheOldPlaceAndFreesUnits"
        let conversations = ids("requeue", 3)
        try await enqueue(coordinator, conversations)
        let filter = officer("requeue-op", capacity: 1)
        let first = try await coordinator.claim(for: filter, by: instanceA, at: start)
        try expect(first?.conversation == conversations[0], check, "the first claim takes the first arrival")
        try await coordinator.requeue(conversations[0], requirements: ConversationRequirements(platform: .tchat), at: start, by: instanceA)
        try await expect(coordinator.load(of: filter.operatorID) == 0, check, "requeue must free the unit")
        try await expect(coordinator.position(of: conversations[0]) == 1, check, "the conversation must be back at the head")
        try await coordinator.finish(conversations[0])
        try await coordinator.finish(conversations[0])
        try await expect(coordinator.entry(of: conversations[0]) == nil, check, "finish must remove it (twice is harmless)")
        let next = try await coordinator.claim(for: filter, by: instanceA, at: start)
        try expect(next?.conversation == conversations[1], check, "after finish, the next arrival")
        try await coordinator.finish(conversations[1])
        try await expect(coordinator.load(of: filter.operatorID) == 0, check, "finish must free the unit")
    }

    @Sendable static func aLongConversationTakesEveryUnit(_ coordinator: any RoutingCoordinator) async throws {
        let check = "aLongConversationTakesEveryUnit"
        let conversations = ids("long", 4)
        try await enqueue(coordinator, conversations)
        let filter = officer("long-op", capacity: 8)
        _ = try await coordinator.claim(for: filter, by: instanceA, at: start)
        _ = try await coordinator.claim(for: filter, by: instanceA, at: start)
        try await coordinator.convert(conversations[0], to: .long)
        try await expect(coordinator.load(of: filter.operatorID) == 8, check, "a long conversation takes every free unit")
        try await coordinator.finish(conversations[1])
        let more = try await coordinator.claim(for: filter, by: instanceA, at: start)
        try expect(more == nil, check, "an operator with a long conversation takes nothing more")
    }

    @Sendable static func expiredLeasesSendConversationsBack(_ coordinator: any RoutingCoordinator) async throws {
        let check = "expiredLeasesSendConversationsBack"
        try await expect(coordinator.renewLease(of: instanceA, for: 10, at: start), check, "a first lease is granted")
        try await expect(coordinator.renewLease(of: instanceB, for: 100, at: start), check, "a first lease is granted")
        let conversations = ids("lease", 3)
        try await enqueue(coordinator, conversations)
        let filter = officer("lease-op", capacity: 1)
        _ = try await coordinator.claim(for: filter, by: instanceA, at: start)
        try await coordinator.setPresence(filter, present: true, on: instanceA)
        let early = try await coordinator.reclaimExpired(at: start.addingTimeInterval(5))
        try expect(early.isEmpty, check, "nothing expires within the lease, got \(early)")
        let later = try await coordinator.reclaimExpired(at: start.addingTimeInterval(20))
        try expect(later == [conversations[0]], check, "A's taken conversation goes back, got \(later)")
        try await expect(coordinator.load(of: filter.operatorID) == 0, check, "its operator's unit is freed")
        try await expect(coordinator.position(of: conversations[0]) == 1, check, "it is back at its old place")
        let again = try await coordinator.claim(for: officer("lease-op-2", capacity: 1), by: instanceB, at: start.addingTimeInterval(20))
        try expect(again?.conversation == conversations[0], check, "another instance takes it first")
        try await expect(!coordinator.renewLease(of: instanceA, for: 10, at: start.addingTimeInterval(21)), check,
                         "the dead instance learns its lease was lost")
    }

    @Sendable static func presentStaffFollowsPresenceAndLeases(_ coordinator: any RoutingCoordinator) async throws {
        let check = "presentStaffFollowsPresenceAndLeases"
        _ = try await coordinator.renewLease(of: instanceA, for: 10, at: start)
        _ = try await coordinator.renewLease(of: instanceB, for: 100, at: start)
        let vss = officer("served-vss", platforms: [.pnav], vss: true)
        let general = officer("served-general")
        let psychologist = ClaimFilter(profile: OperatorProfile(id: OperatorID("served-psy"), pseudonym: "psy", role: .psychologist,
                                                                platforms: [.pnav], vssTrained: true))
        try await coordinator.setPresence(vss, present: true, on: instanceA)
        try await coordinator.setPresence(general, present: true, on: instanceB)
        func served(_ requirements: ConversationRequirements, at date: Date = start) async throws -> Bool {
            try await coordinator.presentStaff(at: date).contains { $0.accepts(requirements) }
        }
        let staff = try await coordinator.presentStaff(at: start)
        try expect(Set(staff) == [vss, general], check, "both instances' operators are present, as they said: \(staff)")
        try await expect(served(ConversationRequirements(platform: .pnav)), check, "pnav is served by the VSS officer on A")
        try await expect(!served(ConversationRequirements(platform: .tchat, language: "en")), check,
                         "nobody present speaks English (no translator): not served")
        try await expect(!served(ConversationRequirements(platform: .pnav, role: .psychologist)), check, "no psychologist present: not served")
        try await coordinator.setPresence(psychologist, present: true, on: instanceB)
        try await expect(served(ConversationRequirements(platform: .pnav, role: .psychologist)), check, "the psychologist on B serves it")
        try await coordinator.setPresence(general, present: false, on: instanceB)
        try await expect(!served(ConversationRequirements(platform: .tchat)), check, "a gone operator serves nothing")
        try await expect(!served(ConversationRequirements(platform: .pnav), at: start.addingTimeInterval(20)), check,
                         "an instance whose lease ran out serves nothing")
    }

    @Sendable static func aConversationSentBackIsKeptForItsOperatorPresentElsewhere(_ coordinator: any RoutingCoordinator) async throws {
        let check = "aConversationSentBackIsKeptForItsOperatorPresentElsewhere"
        try await expect(coordinator.renewLease(of: instanceA, for: 10, at: start), check, "a first lease is granted")
        try await expect(coordinator.renewLease(of: instanceB, for: 30, at: start), check, "a first lease is granted")
        let conversations = ids("kept", 3)
        try await enqueue(coordinator, conversations)
        let keeper = officer("kept-op", capacity: 1)
        let other = officer("kept-other", capacity: 1)
        let first = try await coordinator.claim(for: keeper, by: instanceA, at: start)
        try expect(first?.conversation == conversations[0], check, "the operator takes the first arrival through A")
        try await coordinator.setPresence(keeper, present: true, on: instanceA)
        // A dies; the operator reconnects to B within the lease.
        try await coordinator.setPresence(keeper, present: true, on: instanceB)
        try await coordinator.setPresence(other, present: true, on: instanceB)
        let sentBack = try await coordinator.reclaimExpired(at: start.addingTimeInterval(12))
        try expect(sentBack == [conversations[0]], check, "A's taken conversation goes back, got \(sentBack)")
        try await expect(coordinator.position(of: conversations[0]) == 1, check, "it waits at its old place")
        let byOther = try await coordinator.claim(for: other, by: instanceB, at: start.addingTimeInterval(12))
        try expect(byOther?.conversation == conversations[1], check,
                   "another operator skips the conversation kept for its operator, got \(String(describing: byOther?.conversation))")
        let back = try await coordinator.claim(for: keeper, by: instanceB, at: start.addingTimeInterval(13))
        try expect(back?.conversation == conversations[0] && back?.instance == instanceB, check,
                   "its operator, present on B, gets it back through B, got \(String(describing: back))")
        try await expect(coordinator.load(of: keeper.operatorID) == 1, check, "their units count it once")

        // Kept only while the operator's instance lives: B's lease runs out at start + 30.
        try await expect(coordinator.renewLease(of: instanceA, for: 10, at: start.addingTimeInterval(14)) == false, check,
                         "the dead instance learns its lease was lost")
        try await coordinator.finish(conversations[2])
        let late = ids("kept-late", 1)
        try await enqueue(coordinator, late, by: instanceA)
        let lateTaker = officer("kept-late-op", capacity: 1)
        try await expect(coordinator.claim(for: lateTaker, by: instanceA, at: start.addingTimeInterval(14))?.conversation == late[0], check,
                         "the late operator takes the new arrival through A")
        try await coordinator.setPresence(lateTaker, present: true, on: instanceB)
        let again = try await coordinator.reclaimExpired(at: start.addingTimeInterval(25))
        try expect(again == [late[0]], check, "A dies again: its conversation goes back, got \(again)")
        let stranger = officer("kept-stranger", capacity: 1)
        try await expect(coordinator.claim(for: stranger, by: instanceB, at: start.addingTimeInterval(26)) == nil, check,
                         "kept for its operator while B lives")
        let expired = try await coordinator.claim(for: stranger, by: instanceB, at: start.addingTimeInterval(31))
        try expect(expired?.conversation == late[0], check,
                   "once the keeping ran out, anyone takes it, got \(String(describing: expired?.conversation))")
    }
}
