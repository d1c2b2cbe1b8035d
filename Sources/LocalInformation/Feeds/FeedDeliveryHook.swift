import Foundation

/// What a deployment plugs in to push new local information to subscribers:
/// a mobile push service, an e-mail sender… The SDK calls it from
/// ``FeedNotifier`` with the new items matching one subscription; the
/// deployment maps the subscription's ``FeedSubscription/digest`` to its own
/// push token or address (the SDK keeps no such data).
///
/// Throwing means "not delivered": the same items are offered again at the
/// next run. Implementations must not log item texts with anything that
/// identifies the subscriber.
public protocol FeedDeliveryHook: Sendable {
    /// Delivers `items` (never empty, most recent first) to `subscription`.
    func deliver(_ items: [LocalInformationItem], to subscription: FeedSubscription) async throws
}

/// The counts of one ``FeedNotifier/run(now:)``.
public struct FeedNotificationReport: Hashable, Sendable {
    /// Subscriptions that received items.
    public var subscriptionsNotified = 0
    /// Items delivered, all subscriptions together.
    public var itemsDelivered = 0
    /// Subscriptions whose hook threw (to be offered again).
    public var failures = 0

    /// A report with these counts (all zero by default).
    public init(subscriptionsNotified: Int = 0, itemsDelivered: Int = 0, failures: Int = 0) {
        self.subscriptionsNotified = subscriptionsNotified
        self.itemsDelivered = itemsDelivered
        self.failures = failures
    }
}

/// Offers each subscription the items that are new for it: shown now for its
/// territory and themes, not yet delivered to it, and published or opened
/// after it was created (a new subscriber reads what already exists in the
/// feed; only what comes next is pushed).
public actor FeedNotifier {
    private let catalog: LocalInformationCatalog
    private let store: any SubscriptionStore
    private let hook: any FeedDeliveryHook

    /// A notifier for `catalog`'s items, `store`'s subscriptions, delivering through `hook`.
    public init(catalog: LocalInformationCatalog, store: any SubscriptionStore, hook: any FeedDeliveryHook) {
        self.catalog = catalog
        self.store = store
        self.hook = hook
    }

    /// Calls the hook once per subscription with new items, and records what was delivered.
    /// - Throws: a store error (a hook error is counted in ``FeedNotificationReport/failures``).
    @discardableResult
    public func run(now: Date) async throws -> FeedNotificationReport {
        var report = FeedNotificationReport()
        for subscription in try await store.subscriptions() {
            let delivered = try await store.deliveredItemIDs(digest: subscription.digest)
            let new = catalog.items(for: subscription.territory, themes: Set(subscription.themes), at: now).filter {
                !delivered.contains($0.id) && max($0.updated, $0.window.start) > subscription.created
            }
            guard !new.isEmpty else { continue }
            do {
                try await hook.deliver(new, to: subscription)
            } catch {
                report.failures += 1
                continue
            }
            try await store.markDelivered(digest: subscription.digest, itemIDs: new.map(\.id))
            report.subscriptionsNotified += 1
            report.itemsDelivered += new.count
        }
        return report
    }
}
