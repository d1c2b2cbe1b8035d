import Testing
@testable import OrienteurKit

@Suite struct AnalyticsTests {
    @Test func funnelAndTopLeavesAndFiches() async throws {
        let content = try ContentTests.small()
        let analytics = InMemoryOrientationAnalytics(content: content)
        for _ in 0..<3 { await analytics.record(.journeyStarted(journeyID: "victime", startNodeID: "a-root")) }
        await analytics.record(.choiceMade(nodeID: "a-root", choiceIndex: 0, targetID: "a-vol"))
        await analytics.record(.choiceMade(nodeID: "a-root", choiceIndex: 0, targetID: "a-vol"))
        await analytics.record(.abandoned(atID: "a-root"))
        await analytics.record(.choiceMade(nodeID: "a-vol", choiceIndex: 0, targetID: "a-veh-velo"))
        await analytics.record(.leafReached(leafID: "a-veh-velo"))
        await analytics.record(.back(fromID: "a-vol"))
        await analytics.record(.searchAsked(resultCount: 5, emergency: false, chosenRank: 1, chosenKind: .leaf, chosenID: "a-veh-velo"))
        await analytics.record(.searchAsked(resultCount: 5, emergency: false, chosenRank: 2, chosenKind: .fiche, chosenID: "vol-vehicule"))
        await analytics.record(.searchAsked(resultCount: 0, emergency: true, chosenRank: nil, chosenKind: nil, chosenID: nil))
        await analytics.record(.ficheOpened(ficheID: "vol-vehicule"))
        let summary = await analytics.summary()
        #expect(summary.journeysStarted == ["victime": 3])
        #expect(summary.funnel["a-root"]?.shown == 3)
        #expect(summary.funnel["a-root"]?.answered == 2)
        #expect(summary.funnel["a-root"]?.abandoned == 1)
        #expect(summary.funnel["a-vol"]?.shown == 2)
        #expect(summary.funnel["a-vol"]?.backs == 1)
        #expect(summary.funnel["a-veh-velo"] == nil)
        #expect(summary.topLeaves.first?.id == "a-veh-velo")
        #expect(summary.topLeaves.first?.count == 2)
        #expect(summary.topFiches.first?.id == "vol-vehicule")
        #expect(summary.topFiches.first?.count == 2)
        #expect(summary.searches == 3)
        #expect(summary.emergencies == 1)
        #expect(summary.chosenRanks == [1: 1, 2: 1])
        #expect((summary.funnel["a-root"]?.continuationRate ?? 0) > 0.66)
    }
}
