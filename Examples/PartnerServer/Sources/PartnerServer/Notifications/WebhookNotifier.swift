import Appointments
import Foundation
import Signalements

/// A ``Appointments/Notifier`` that POSTs each message as JSON to a gateway
/// the deployment runs (its e-mail and SMS sending), signed as a Standard
/// Webhook (`webhook-id`, `webhook-timestamp`, `webhook-signature`, the same
/// scheme as the signalements' delivery).
///
/// The `webhook-id` is the outbox job's stable id: a message sent again after
/// a crash or a timeout has the same id, so the gateway drops the repeat and
/// the citizen gets it once. The body:
///
/// ```json
/// {"type": "appointment.notification", "id": "…/reminder-day-before/email/1774339200",
///  "channel": "email", "to": "citoyen@example.org", "kind": "reminder-day-before",
///  "subject": "Rappel de rendez-vous / Appointment reminder", "text": "Rappel : …"}
/// ```
///
/// An offer of a seat kept for a person of the waiting list (`kind` `offer`)
/// also carries the slot, until when the seat is kept, and the waiting-list
/// reference that accepts (`POST /v1/appointments/waitlist/{reference}/accept`)
/// or declines it (`DELETE /v1/appointments/waitlist/{reference}`; times in RFC 3339, in the station's time zone):
///
/// ```json
/// {"type": "appointment.notification", "id": "…/offer/sms/1774249200", "channel": "sms",
///  "to": "+33611223344", "kind": "offer", "subject": "Une place vous est proposée / A seat is offered to you",
///  "text": "Une place s'est libérée : …",
///  "offer": {"reference": "…", "station": "commissariat_police-33063-01", "motif": "plainte",
///            "start": "2026-03-25T09:00:00+01:00", "end": "2026-03-25T09:30:00+01:00",
///            "expires_at": "2026-03-23T08:20:00+01:00"}}
/// ```
///
/// A 2xx answer means accepted; anything else, or no answer, throws, and the
/// outbox retries later with the same id. Nothing is logged here.
public struct WebhookNotifier: Notifier {
    /// Where and with which secret.
    public let endpoint: WebhookEndpoint
    private let transport: any WebhookTransport
    private let clock: any WallClock

    /// A notifier posting to `endpoint` through `transport` (``Signalements/URLSessionWebhookTransport`` by default).
    public init(endpoint: WebhookEndpoint, transport: any WebhookTransport = URLSessionWebhookTransport(timeout: 10),
                clock: any WallClock = SystemWallClock()) {
        self.endpoint = endpoint
        self.transport = transport
        self.clock = clock
    }

    /// The JSON body of a message.
    struct Body: Encodable {
        let type = "appointment.notification"
        let id: String
        let channel: String
        let to: String
        let kind: String
        let subject: String
        let text: String
        let offer: Offer?
    }

    /// The kept seat of an `offer` (no contact: only `to` carries the address).
    struct Offer: Encodable {
        let reference: String
        let station: String
        let motif: String
        let start: String
        let end: String
        let expiresAt: String

        enum CodingKeys: String, CodingKey {
            case reference, station, motif, start, end
            case expiresAt = "expires_at"
        }

        init(_ hold: SeatHold) {
            let zone = (try? StationID.timeZone(of: hold.station)) ?? .gmt
            reference = hold.entry.id.uuidString.lowercased()
            station = hold.station
            motif = hold.motif.rawValue
            start = RFC3339.format(hold.start, in: zone)
            end = RFC3339.format(hold.end, in: zone)
            expiresAt = RFC3339.format(hold.expiresAt, in: zone)
        }
    }

    /// The gateway did not accept the message (its HTTP status).
    public struct Rejected: Error, Hashable, Sendable, CustomStringConvertible {
        /// The HTTP status.
        public let status: Int
        public var description: String { "the notification gateway answered \(status)" }
    }

    public func send(_ message: NotificationMessage) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(Body(id: message.id, channel: message.channel.rawValue, to: message.address, kind: message.kind.rawValue,
                                           subject: message.subject, text: message.body, offer: message.offer.map(Offer.init)))
        var headers = StandardWebhook.headers(id: message.id, timestamp: Int64(clock.now().timeIntervalSince1970.rounded(.down)),
                                              body: body, secret: endpoint.secret)
        headers["content-type"] = "application/json"
        let status = try await transport.send(WebhookRequest(url: endpoint.url, headers: headers, body: body))
        guard (200..<300).contains(status) else { throw Rejected(status: status) }
    }
}

/// The default ``Appointments/Notifier`` when no gateway is configured: it
/// accepts every message and does nothing with it — no sending, no log line
/// (a log would hold addresses). The outbox is drained all the same, so a
/// server without a gateway keeps no queue of addresses.
public struct DiscardingNotifier: Notifier {
    /// Creates the notifier.
    public init() {}

    public func send(_ message: NotificationMessage) async throws {}
}
