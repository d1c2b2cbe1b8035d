import Foundation
import MaSecurite
import Testing

@Suite struct UsageRecordingAnalyticsTests {
    @Test func orienteurEventsBecomeDurableUsageOfLeavesAndFiches() async throws {
        let content = try BundledContentProvider().loadContent()
        let leaf = try #require(content.leaves.first?.id)
        let fiche = try #require(content.fiches.first?.id)
        let question = try #require(content.nodes.first?.id)
        let store = InMemoryUsageEventStore()
        let analytics = UsageRecordingAnalytics(store: store, content: content,
                                                clock: ManualWallClock(Date(timeIntervalSince1970: 1_796_558_400)), channel: .guichet)
        await analytics.record(.leafReached(leafID: leaf))
        await analytics.record(.ficheOpened(ficheID: fiche))
        await analytics.record(.searchAsked(resultCount: 3, emergency: false, chosenRank: 1, chosenKind: .fiche, chosenID: fiche))
        await analytics.record(.searchAsked(resultCount: 3, emergency: false, chosenRank: 2, chosenKind: .teleservice, chosenID: "pharos"))
        await analytics.record(.abandoned(atID: leaf))
        await analytics.record(.abandoned(atID: question))
        await analytics.record(.back(fromID: leaf))
        await analytics.record(.ficheOpened(ficheID: "Not An Id"))
        let counts = await store.counts(from: nil, until: nil)
        #expect(Set(counts) == [
            UsageCount(about: try ContentReference(kind: .leaf, id: leaf), outcome: .shown, count: 1),
            UsageCount(about: try ContentReference(kind: .leaf, id: leaf), outcome: .left, count: 1),
            UsageCount(about: try ContentReference(kind: .fiche, id: fiche), outcome: .shown, count: 2),
        ])
        #expect(await analytics.failures == 1, "an id that cannot be a content reference is counted as lost")
    }
}
