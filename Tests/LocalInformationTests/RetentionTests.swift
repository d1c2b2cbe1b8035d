import Foundation
import LocalInformation
import Testing

@Suite struct RetentionTests {
    @Test func purgesOldUsageEventsAndOldClosedCasesOnly() async throws {
        let path = Fixture.temporaryDatabase()
        defer { Fixture.remove(path) }
        let store = try SQLiteLocalInformationStore(path: path)
        let about = try ContentReference("fiche:otv")
        let day: TimeInterval = 86_400
        try await store.record([UsageEvent(about: about, outcome: .shown, at: Fixture.now - 400 * day, channel: .server),
                                UsageEvent(about: about, outcome: .shown, at: Fixture.now - 10 * day, channel: .server)])
        let closedLongAgo = FeedbackCase(reference: .random(), about: about, useful: false, comment: "vieux", received: Fixture.now - 200 * day)
        let waiting = FeedbackCase(reference: .random(), about: about, useful: false, comment: "en attente", received: Fixture.now - 300 * day)
        try await store.add(closedLongAgo)
        try await store.add(waiting)
        _ = try await store.close(closedLongAgo.reference, at: Fixture.now - 100 * day)

        let retention = try LocalInformationRetention(usageEventDays: 395, closedCaseDays: 90)
        #expect(retention.usageCutoff(now: Fixture.now) == Fixture.now - 395 * day)
        let report = try await retention.purge(usage: store, cases: store, now: Fixture.now)
        #expect(report == RetentionReport(usageEventsDeleted: 1, closedCasesDeleted: 1))
        #expect(try await store.counts() == [UsageCount(about: about, outcome: .shown, count: 1)])
        #expect(try await store.feedbackCase(closedLongAgo.reference) == nil)
        #expect(try await store.feedbackCase(waiting.reference) == waiting, "a case still waiting is kept whatever its age")
        #expect(try await retention.purge(usage: store, cases: store, now: Fixture.now) == RetentionReport(), "a second run deletes nothing")
    }

    @Test func aNilPeriodKeepsEverything() async throws {
        let usage = InMemoryUsageEventStore()
        let about = try ContentReference("leaf:a-veh-velo")
        await usage.record([UsageEvent(about: about, outcome: .left, at: Fixture.now - 5_000 * 86_400, channel: .guichet)])
        let keep = try LocalInformationRetention(usageEventDays: nil, closedCaseDays: 30)
        #expect(keep.usageCutoff(now: Fixture.now) == nil)
        #expect(try await keep.purge(usage: usage, cases: InMemoryFeedbackStore(), now: Fixture.now) == RetentionReport())
        #expect(try await usage.counts().count == 1)
        #expect(LocalInformationRetention.standard.usageEventDays == 395 && LocalInformationRetention.standard.closedCaseDays == 90)
    }

    @Test(arguments: [0, -1, 36_501])
    func periodsOutsideTheRangeAreRefusedWithTheirName(days: Int) {
        #expect(throws: LocalInformationError.invalidValue(path: "closed_case_days", value: String(days), reason: "a retention is 1 to 36500 days")) {
            _ = try LocalInformationRetention(usageEventDays: 30, closedCaseDays: days)
        }
        #expect(throws: LocalInformationError.self) { _ = try LocalInformationRetention(usageEventDays: days, closedCaseDays: nil) }
    }
}
