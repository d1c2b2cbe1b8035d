import ChatProtocol
import ChatProtocolTestSupport
import Foundation
import PostgresBackends
import PostgresNIO
import Testing

/// The PostgreSQL routing coordinator passes the SDK's conformance suite unchanged, and holds its
/// invariants when several clients (as several instances) claim at once.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresRoutingCoordinatorTests {
    @Test(arguments: RoutingCoordinatorConformance.checks.map(\.name))
    func conformsToTheRoutingCoordinatorContract(_ name: String) async throws {
        let check = try #require(RoutingCoordinatorConformance.checks.first { $0.name == name })
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let schema = freshSchema()
            try await PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger).migrate()
            try await check.run(try PostgresRoutingCoordinator(client: clients[0], schema: schema, logger: TestSupport.quietLogger))
        }
    }

    /// Three clients (three instances) claim for nine operators of two units over twenty conversations:
    /// eighteen distinct conversations are taken, in priority order, none twice, no operator over capacity.
    @Test func instancesClaimingAtOnceNeverShareAConversation() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 3) { clients, freshSchema in
            let schema = freshSchema()
            try await PostgresConversationStore(client: clients[0], schema: schema, logger: TestSupport.quietLogger).migrate()
            let coordinators = try clients.map { try PostgresRoutingCoordinator(client: $0, schema: schema, logger: TestSupport.quietLogger) }
            let start = Date(timeIntervalSince1970: 1_780_000_000)
            let ids = (0..<20).map { ConversationID("c_race_\($0)") }
            for (index, id) in ids.enumerated() {
                try await coordinators[index % 3].enqueue(id, requirements: ConversationRequirements(platform: .tchat), emergency: false,
                                                          at: start, by: InstanceID("i\(index % 3)"))
            }
            try await coordinators[1].raiseEmergency(ids[19])
            let claims = try await withThrowingTaskGroup(of: [(OperatorID, ConversationID)].self) { group in
                for index in 0..<9 {
                    group.addTask {
                        let filter = ClaimFilter(profile: OperatorProfile(id: OperatorID("op\(index)"), pseudonym: "Agent \(index)", capacity: 2))
                        var taken: [(OperatorID, ConversationID)] = []
                        while let claimed = try await coordinators[index % 3].claim(for: filter, by: InstanceID("i\(index % 3)"), at: start) {
                            taken.append((filter.operatorID, claimed.conversation))
                        }
                        return taken
                    }
                }
                var all: [(OperatorID, ConversationID)] = []
                for try await part in group { all += part }
                return all
            }
            #expect(claims.count == 18)
            #expect(Set(claims.map(\.1)).count == 18)
            #expect(Dictionary(grouping: claims, by: \.0).values.allSatisfy { $0.count == 2 })
            // The emergency was taken; the two left over are the last arrivals.
            #expect(claims.contains { $0.1 == ids[19] })
            #expect(try await coordinators[0].position(of: ids[17]) == 1)
            #expect(try await coordinators[0].position(of: ids[18]) == 2)
        }
    }
}
