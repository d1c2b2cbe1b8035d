import Foundation
import LocalInformation
import LocalInformationTestSupport
import PostgresBackends
import PostgresNIO
import Testing

/// The PostgreSQL store of subscriptions, avis cases and usage events passes the
/// SDK's three conformance suites unchanged, and two instances (two connection
/// pools) racing on one case, one subscription or one view's follow-up end with one winner.
@Suite(.enabled(if: TestSupport.postgresURL != nil, TestSupport.postgresSkipReason))
struct PostgresLocalInformationStoreTests {
    @Test func conformsToTheThreeStoreContracts() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            @Sendable func fresh() async throws -> PostgresLocalInformationStore {
                let store = try PostgresLocalInformationStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
                try await store.migrate()
                return store
            }
            try await SubscriptionStoreConformance.run { try await fresh() }
            try await FeedbackStoreConformance.run { try await fresh() }
            try await UsageEventStoreConformance.run { try await fresh() }
        }
    }

    @Test func twoInstancesRacingOnOneCaseAnswerItOnce() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let stores = try clients.map { try PostgresLocalInformationStore(client: $0, schema: schema, logger: TestSupport.quietLogger) }
            try await stores[0].migrate()
            let feedbackCase = FeedbackCase(reference: .random(), about: try ContentReference("fiche:otv"), useful: false,
                                            comment: "le lien ne marche pas", received: ConformanceFixtures.now)
            try await stores[0].add(feedbackCase)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        do {
                            _ = try await stores[index % 2].answer(feedbackCase.reference, text: "réponse \(index)", at: ConformanceFixtures.now)
                            return true
                        } catch { return false }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1, "exactly one answer wins")
            let stored = try #require(try await stores[1].feedbackCase(feedbackCase.reference))
            #expect(stored.status == .answered && stored.answer?.hasPrefix("réponse ") == true)

            let token = SubscriptionToken.random()
            let subscription = FeedSubscription(digest: token.digest, territory: try LocalTerritory("departement:33"), themes: ["velo"],
                                                created: ConformanceFixtures.now)
            let added = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask { (try? await stores[index % 2].add(subscription)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(added.filter { $0 }.count == 1, "one subscription per digest, whichever instance adds it")
            #expect(try await stores[0].subscriptions().count == 1)
        }
    }

    @Test func twoInstancesRacingOnOneViewCountOneFollowUp() async throws {
        try await PostgresFixture.withFreshSchemas(clients: 2) { clients, freshSchema in
            let schema = freshSchema()
            let stores = try clients.map { try PostgresLocalInformationStore(client: $0, schema: schema, logger: TestSupport.quietLogger) }
            try await stores[0].migrate()
            let about = try ContentReference("leaf:a-veh-velo")
            let view = UsageViewID.random()
            try await stores[0].recordShown(UsageEvent(about: about, outcome: .shown, at: ConformanceFixtures.now, channel: .server), viewDigest: view.digest)
            let results = await withTaskGroup(of: UsageFollowUpResult?.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        try? await stores[index % 2].recordFollowUp(UsageFollowUp.allCases[index % 4], viewDigest: view.digest,
                                                                    at: ConformanceFixtures.now, channel: .server)
                    }
                }
                return await group.reduce(into: [UsageFollowUpResult?]()) { $0.append($1) }
            }
            #expect(results.filter { $0 == .recorded(about) }.count == 1, "exactly one follow-up wins: \(results)")
            #expect(results.filter { $0 == .alreadyRecorded(about) }.count == 19, "the others are refused, none fails: \(results)")
            let followUps = try await stores[1].counts().filter { $0.outcome != .shown }
            #expect(followUps.map(\.count).reduce(0, +) == 1, "one follow-up event stored: \(followUps)")
        }
    }

    @Test func aBatchOfEventsIsStoredWhole() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let store = try PostgresLocalInformationStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
            try await store.migrate()
            let about = try ContentReference("leaf:a-veh-velo")
            let batch = (0..<500).map { UsageEvent(about: about, outcome: $0 % 2 == 0 ? .shown : .station, at: ConformanceFixtures.now, channel: .server) }
            try await store.record(batch)
            #expect(try await store.counts() == [UsageCount(about: about, outcome: .shown, count: 250), UsageCount(about: about, outcome: .station, count: 250)])
        }
    }

    @Test func migrationsAreIdempotentAndTheSchemaNameIsChecked() async throws {
        try await PostgresFixture.withFreshSchemas { clients, freshSchema in
            let store = try PostgresLocalInformationStore(client: clients[0], schema: freshSchema(), logger: TestSupport.quietLogger)
            #expect(try await store.migrate() == PostgresLocalInformationStore.schemaVersion)
            #expect(try await store.migrate() == PostgresLocalInformationStore.schemaVersion)
            #expect(await store.ping())
            #expect(throws: LocalInformationStoreError.self) { try PostgresLocalInformationStore(client: clients[0], schema: "Bad-Name") }
        }
    }
}
