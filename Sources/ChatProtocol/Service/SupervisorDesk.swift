import Foundation

/// One emergency escalation, as the ``SupervisorDesk`` records it: metadata only.
public struct Escalation: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// Its platform.
    public var platform: Platform
    /// Who raised the emergency.
    public var source: EmergencySource
    /// When it was raised.
    public var at: Date
    /// How many supervisor connections received the `supervisor_alert` frame (0: nobody was connected).
    public var alertedConnections: Int

    /// Creates a record.
    public init(conversation: ConversationID, platform: Platform, source: EmergencySource, at: Date, alertedConnections: Int) {
        self.conversation = conversation
        self.platform = platform
        self.source = source
        self.at = at
        self.alertedConnections = alertedConnections
    }
}

/// The ``SupervisorHook`` of a chat run by real staff: each emergency alerts the supervisors
/// connected to the service with a `supervisor_alert` frame, and is recorded in an escalation
/// log that can be queried (``escalations(since:)``) and keeps entries for a limited time and number.
///
/// Only metadata is alerted and kept: the conversation, its platform, who raised the emergency and
/// when; never a message, never the visitor's token.
///
/// ```swift
/// let desk = SupervisorDesk()
/// let service = ChatService(classifier: myClassifier, supervisor: desk)
/// await desk.attach(to: service)
/// ```
///
/// The desk holds the service weakly. With several instances sharing a ``ClusterRelay``, each
/// escalation is recorded once for the cluster (by the instance that raised it first), and its alert
/// reaches the supervisors connected to every instance, once on each of their connections; this
/// desk's log then keeps the escalations this instance recorded.
public actor SupervisorDesk: SupervisorHook {
    private weak var service: ChatService?
    private let maximumAge: TimeInterval
    private let maximumCount: Int
    private let clock: any WallClock
    /// Oldest first.
    private var log: [Escalation] = []

    /// Creates a desk whose log keeps escalations for `maximumAge` seconds (30 days by default)
    /// and at most `maximumCount` of them (the oldest go first).
    public init(maximumAge: TimeInterval = 30 * 86_400, maximumCount: Int = 10_000, clock: any WallClock = SystemWallClock()) {
        self.maximumAge = max(0, maximumAge)
        self.maximumCount = max(0, maximumCount)
        self.clock = clock
    }

    /// The service whose connected supervisors are alerted.
    public func attach(to service: ChatService) {
        self.service = service
    }

    /// Alerts the connected supervisors (of the whole cluster, through the service's relay), then
    /// records the escalation; one that another instance escalated already is neither alerted nor recorded here.
    public func emergencyRaised(_ notice: EmergencyNotice) async {
        var alerted = 0
        if let service {
            guard let count = await service.escalate(SupervisorAlert(notice)) else { return }
            alerted = count
        }
        log.append(Escalation(conversation: notice.conversation, platform: notice.platform, source: notice.source, at: notice.at,
                              alertedConnections: alerted))
        prune()
    }

    /// The escalations still kept, oldest first; only those at or after `date` when given.
    public func escalations(since date: Date? = nil) -> [Escalation] {
        prune()
        guard let date else { return log }
        return log.filter { $0.at >= date }
    }

    /// Drops what is older than the retention period, then the oldest beyond the maximum count.
    private func prune() {
        let cutoff = clock.now().addingTimeInterval(-maximumAge)
        if let keep = log.firstIndex(where: { $0.at >= cutoff }) {
            if keep > 0 { log.removeFirst(keep) }
        } else {
            log.removeAll()
        }
        if log.count > maximumCount { log.removeFirst(log.count - maximumCount) }
    }
}
