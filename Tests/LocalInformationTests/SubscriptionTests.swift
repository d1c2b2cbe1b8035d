import Foundation
import LocalInformation
import MaSecuriteCore
import Synchronization
import Testing

/// A delivery hook that records what it was given, and can be told to fail.
final class RecordingHook: FeedDeliveryHook {
    let deliveries = Mutex<[(digest: String, items: [String])]>([])
    let failing = Mutex(false)

    struct Down: Error {}

    func deliver(_ items: [LocalInformationItem], to subscription: FeedSubscription) async throws {
        if failing.withLock({ $0 }) { throw Down() }
        deliveries.withLock { $0.append((subscription.digest, items.map(\.id))) }
    }

    var delivered: [(digest: String, items: [String])] { deliveries.withLock { $0 } }
}

@Suite struct SubscriptionTests {
    @Test func tokensAreOpaqueUnguessableAndNeverStored() async throws {
        let store: any SubscriptionStore = InMemorySubscriptionStore()
        let subscriptions = LocalSubscriptions(store: store, catalog: try FeedTests.catalog())
        let token = try await subscriptions.subscribe(territory: try FeedTests.gironde(), themes: ["velo"], now: Fixture.now)
        let other = try await subscriptions.subscribe(territory: try FeedTests.gironde(), themes: ["velo"], now: Fixture.now)
        #expect(token.rawValue.count == 43 && token != other)
        #expect(!token.description.contains(token.rawValue), "the token is redacted from logs")
        #expect(try SubscriptionToken(token.rawValue) == token)
        let stored = try await store.subscriptions()
        #expect(stored.count == 2)
        #expect(stored.allSatisfy { $0.digest.count == 64 && $0.digest != token.rawValue && $0.digest != other.rawValue })
        #expect(try await subscriptions.subscription(token)?.themes == ["velo"])
        #expect(try await subscriptions.unsubscribe(token))
        #expect(try await subscriptions.subscription(token) == nil)
        #expect(throws: LocalInformationError.self) { try SubscriptionToken("short") }
    }

    @Test func unknownThemesAreRefusedWithTheirPlace() async throws {
        let subscriptions = LocalSubscriptions(store: InMemorySubscriptionStore(), catalog: try FeedTests.catalog())
        await #expect(throws: LocalInformationError.unknownReference(path: "themes[1]", kind: "theme", id: "chasse")) {
            _ = try await subscriptions.subscribe(territory: try FeedTests.gironde(), themes: ["velo", "chasse"], now: Fixture.now)
        }
    }

    @Test func theHookReceivesNewMatchingItemsOnceAndFailuresAreRetried() async throws {
        let catalog = try FeedTests.catalog(updated: "2026-12-08T08:00:00+01:00", from: "2026-12-08T08:00:00+01:00")
        let store: any SubscriptionStore = InMemorySubscriptionStore()
        let subscriptions = LocalSubscriptions(store: store, catalog: catalog)
        // Subscribed on 2026-12-06: the OTV item (published 12-01) already exists; the bike item opens on 12-08.
        let bikes = try await subscriptions.subscribe(territory: .commune(try INSEECode("33449")), themes: ["velo"], now: Fixture.now)
        let holidays = try await subscriptions.subscribe(territory: try FeedTests.gironde(), themes: ["vacances"], now: Fixture.now)
        _ = try await subscriptions.subscribe(territory: .departement(try DepartementCode("75")), themes: [], now: Fixture.now)
        let hook = RecordingHook()
        let notifier = FeedNotifier(catalog: catalog, store: store, hook: hook)

        var report = try await notifier.run(now: Fixture.now)
        #expect(report == FeedNotificationReport(), "nothing is new before the bike item is published")
        let later = try Fixture.date("2026-12-08T09:00:00+01:00")
        hook.failing.withLock { $0 = true }
        report = try await notifier.run(now: later)
        #expect(report.failures == 1 && report.itemsDelivered == 0)
        hook.failing.withLock { $0 = false }
        report = try await notifier.run(now: later)
        #expect(report.subscriptionsNotified == 1 && report.itemsDelivered == 1)
        #expect(hook.delivered.map(\.digest) == [bikes.digest] && hook.delivered.first?.items == ["bike"])
        report = try await notifier.run(now: later + 3_600)
        #expect(report.itemsDelivered == 0, "an item is pushed once")
        #expect(!hook.delivered.contains { $0.digest == holidays.digest })
    }
}
