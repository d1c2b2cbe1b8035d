import Foundation
import LocalInformation
import MaSecuriteCore
import OrienteurKit

/// Feeds "which fiche works" from the orienteur: an `OrientationAnalytics`
/// that turns the orienteur's events into durable ``UsageEvent``s in a
/// ``UsageEventStore`` (for instance ``SQLiteLocalInformationStore``).
///
/// A leaf reached or a fiche opened (by navigation or from a search result)
/// is recorded as ``UsageOutcome/shown``; leaving at a leaf as
/// ``UsageOutcome/left``. Question funnels, going back and the searches
/// themselves are not usage of a fiche and are left to other analytics.
/// Nothing identifies the person: the events carry a content id, an outcome,
/// the channel and the hour. A store failure loses the event (analytics never
/// block the citizen) and is counted in ``failures``.
public actor UsageRecordingAnalytics: OrientationAnalytics {
    private let store: any UsageEventStore
    private let leafIDs: Set<String>
    private let clock: any WallClock
    private let channel: UsageChannel
    /// How many events could not be stored.
    public private(set) var failures = 0

    /// Records into `store` the usage of `content`'s leaves and fiches, read with `clock`, as `channel`.
    public init(store: any UsageEventStore, content: OrienteurContent, clock: any WallClock = SystemWallClock(),
                channel: UsageChannel = .guichet) {
        self.store = store
        leafIDs = Set(content.leaves.map(\.id))
        self.clock = clock
        self.channel = channel
    }

    /// The usage event an orienteur event stands for, if any.
    func usage(of event: OrientationEvent) -> (ContentReference.Kind, String, UsageOutcome)? {
        switch event {
        case .leafReached(let leaf): return (.leaf, leaf, .shown)
        case .ficheOpened(let fiche): return (.fiche, fiche, .shown)
        case .searchAsked(_, _, _, let kind?, let id?):
            switch kind {
            case .leaf: return (.leaf, id, .shown)
            case .fiche: return (.fiche, id, .shown)
            case .teleservice: return nil
            }
        case .abandoned(let id) where leafIDs.contains(id): return (.leaf, id, .left)
        default: return nil
        }
    }

    public func record(_ event: OrientationEvent) async {
        guard let (kind, id, outcome) = usage(of: event) else { return }
        do {
            let about = try ContentReference(kind: kind, id: id)
            try await store.record([UsageEvent(about: about, outcome: outcome, at: clock.now(), channel: channel)])
        } catch {
            failures += 1
        }
    }
}
