import Foundation

/// One client's connection to a ``ChatService``: a transport (WebSocket…) forwards the
/// client's frames to ``ChatService/handle(_:from:)-(ChatEnvelope,_)`` and writes out every frame of ``events``.
public struct ChatConnection: Sendable {
    /// The connection's identifier within the service.
    public let id: Int
    /// The frames to send to the client, in order (`welcome`, replayed events, live events, acks, errors).
    public let events: AsyncStream<ChatEnvelope>
}

/// A visitor's copy of their conversation, on request.
public struct Transcript: Sendable, Hashable {
    /// The conversation.
    public var conversation: ConversationID
    /// Every stored event, in order.
    public var events: [SequencedEvent]

    /// The messages as plain text lines, `[HH:mm] Vous : …` / `[HH:mm] <pseudonym> : …`, times in `timeZone`.
    public func plainText(timeZone: TimeZone = TimeZone(identifier: "Europe/Paris") ?? .gmt) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func stamp(_ date: Date) -> String {
            let parts = calendar.dateComponents([.hour, .minute], from: date)
            return String(format: "[%02d:%02d]", parts.hour ?? 0, parts.minute ?? 0)
        }
        var lines: [String] = []
        for stored in events {
            switch stored.event {
            case .visitorMessage(_, let text, _): lines.append("\(stamp(stored.at)) Vous : \(text)")
            case .operatorMessage(_, let pseudonym, let text, let translation):
                lines.append("\(stamp(stored.at)) \(pseudonym) : \(translation?.text ?? text)")
            case .assigned(let pseudonym, _): lines.append("\(stamp(stored.at)) — \(pseudonym) a rejoint la conversation.")
            case .closed: lines.append("\(stamp(stored.at)) — Conversation terminée.")
            default: continue
            }
        }
        return lines.joined(separator: "\n")
    }
}
