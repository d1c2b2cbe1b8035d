import Foundation

/// One conversation as this service instance serves it: who follows it here, what has been
/// delivered, and its visitor's rate limit. A class confined to the ``ChatService`` actor: a
/// message looks it up once, then reads and updates it through the reference.
///
/// Its one job is delivery: every stored event reaches each subscriber exactly once, in
/// sequence order, even when appends complete (or are read back from a shared store) out of order.
final class ConversationChannel {
    // The fields a message reads and writes come first, so that they share as few cache lines as possible.
    /// Whether this instance routes the conversation (its engine knows it): it opened it, or, with a
    /// ``RoutingCoordinator``, one of its operators took it. Otherwise another instance sharing the
    /// store routes it, and ``mirror`` follows its state.
    var isHome: Bool
    /// Whether the service still serves this conversation with this channel (once dropped, a
    /// conversation followed again gets a new channel; a client's kept reference is then stale).
    var listed = true
    /// The highest sequence number known to be stored.
    var lastSequence: UInt64 = 0
    /// The next sequence number to deliver.
    var nextToDeliver: UInt64 = 1
    /// Events stored but not deliverable yet (an earlier one is missing).
    var pending: [UInt64: SequencedEvent] = [:]
    /// The connections that receive this conversation's events (see ``subscribe(_:through:)``).
    private(set) var subscribers: Set<Int> = []
    /// The subscriber when there is exactly one and it is open (a visitor alone, the common case):
    /// delivery then reads neither the set nor the registry.
    private var soleSubscriber: ChatClient?
    /// Subscribers that were sent events ahead of ``nextToDeliver`` while they resumed: the
    /// highest sequence each already has (usually empty).
    var alreadySent: [Int: UInt64] = [:]
    var lastActivity: Date
    var sawFirstVisitorMessage = false
    /// The visitor's message rate limit.
    var bucket: TokenBucket
    var mirror = ConversationMirror()
    /// The queue position last told to the visitor.
    var notifiedPosition: Int?
    /// Whether the visitor was told that nobody present serves the platform (and not told otherwise since).
    var notifiedUnstaffed = false
    /// Its `closed` event is being stored: a second close (the visitor leaving as the operator closes) waits for nothing.
    var ending = false
    let visitorDigest: VisitorTokenDigest
    let language: String
    /// A catch-up read of the store is running; ``catchUpAgain`` asks it for one more pass.
    var catchingUp = false
    var catchUpAgain = false
    /// The consent requests still open (no answer, not filed), from the stored events: request → deadline.
    var openConsents: [String: Date] = [:]
    /// The operators' signalement requests this instance received and holds (draft until filed).
    var held: [String: HeldSignalement] = [:]

    /// Whether a request held here waits for the visitor's answer.
    var hasPendingConsent: Bool { held.values.contains { $0.state == .pending } }

    /// Keeps ``openConsents`` up to date with every event delivered or read here.
    @inline(__always)
    func track(_ event: ConversationEvent) {
        switch event {
        case .consentRequested(let request, _, _, _, _, let expiresAt): openConsents[request] = expiresAt
        case .consentAnswered(let request, _), .signalementFiled(let request, _, _): openConsents[request] = nil
        default: break
        }
    }

    init(visitorDigest: VisitorTokenDigest, language: String, isHome: Bool, lastActivity: Date, bucket: TokenBucket) {
        self.visitorDigest = visitorDigest
        self.language = language
        self.isHome = isHome
        self.lastActivity = lastActivity
        self.bucket = bucket
    }

    /// Delivers `stored` to the subscribers through `clients`, strictly in sequence order: an event
    /// ahead of a missing one waits for it; one delivered already is dropped.
    func deliver(_ stored: consuming SequencedEvent, through clients: ClientRegistry) {
        // Fast path: the next expected event, nothing pending.
        if pending.isEmpty, alreadySent.isEmpty, stored.sequence == nextToDeliver {
            nextToDeliver += 1
            track(stored.event)
            if let soleSubscriber {
                // One subscriber (a visitor alone, or before an operator's console joins): the event is
                // handed over, not copied.
                soleSubscriber.continuation.yield(.event(Self.redacted(stored, for: soleSubscriber)))
                return
            }
            for subscriber in subscribers {
                guard let client = clients[subscriber] else { continue }
                client.continuation.yield(.event(Self.redacted(copy stored, for: client)))
            }
            return
        }
        // Delivered already (read back from the store, or announced twice).
        guard stored.sequence >= nextToDeliver else { return }
        pending[stored.sequence] = stored
        while let next = pending.removeValue(forKey: nextToDeliver) {
            nextToDeliver += 1
            track(next.event)
            for subscriber in subscribers {
                if let sent = alreadySent[subscriber], next.sequence <= sent { continue }
                guard let client = clients[subscriber] else { continue }
                client.continuation.yield(.event(Self.redacted(next, for: client)))
            }
            if !alreadySent.isEmpty {
                alreadySent = alreadySent.filter { $0.value > next.sequence }
            }
        }
    }

    /// Delivers this conversation's events to a connection from now on.
    func subscribe(_ connection: Int, through clients: ClientRegistry) {
        subscribers.insert(connection)
        soleSubscriber = subscribers.count == 1 ? clients[connection] : nil
    }

    /// Stops delivering to a connection.
    func unsubscribe(_ connection: Int, through clients: ClientRegistry) {
        subscribers.remove(connection)
        alreadySent[connection] = nil
        soleSubscriber = subscribers.count == 1 ? subscribers.first.flatMap { clients[$0] } : nil
    }

    /// Transfer notes and signalement receipts are for operators only.
    @inline(__always)
    static func redacted(_ stored: consuming SequencedEvent, for client: ChatClient?) -> SequencedEvent {
        guard client?.isVisitor == true else { return stored }
        return redactedForVisitor(stored)
    }

    /// The event as the visitor may see it: without a transfer's note or a signalement's receipt.
    static func redactedForVisitor(_ stored: SequencedEvent) -> SequencedEvent {
        switch stored.event {
        case .transferred(let platform, let pseudonym, let role, .some):
            var copy = stored
            copy.event = .transferred(platform: platform, toPseudonym: pseudonym, toRole: role, note: nil)
            return copy
        case .signalementFiled(let request, let consent, .some):
            var copy = stored
            copy.event = .signalementFiled(request: request, consent: consent, receipt: nil)
            return copy
        default:
            return stored
        }
    }
}
