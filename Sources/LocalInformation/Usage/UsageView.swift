import Foundation
import MaSecuriteCore

/// What the citizen did after a fiche or leaf was shown: the outcomes that
/// may follow one showing (``UsageViewID``), at most one per showing.
public enum UsageFollowUp: String, Hashable, Sendable, CaseIterable, Codable {
    /// Went on to an online service.
    case teleservice
    /// Went on to a station (directions, hours, appointment).
    case station
    /// Went on to the chat.
    case chat
    /// Left without going further.
    case left

    /// The usage outcome counted.
    public var outcome: UsageOutcome {
        switch self {
        case .teleservice: .teleservice
        case .station: .station
        case .chat: .chat
        case .left: .left
        }
    }
}

/// The opaque id of one showing of a fiche or leaf, issued by whoever recorded
/// the `shown` event (the server, when it serves a leaf or a fiche) and given
/// back with the follow-up: 32 random bytes in base64url (43 characters).
///
/// It is what keeps the follow-up counts honest: a follow-up needs a view id
/// that was issued and not yet used, so there is never more than one follow-up
/// per `shown`, and nobody can add outcomes without showing the content first.
/// Stores keep only its SHA-256 ``digest`` with the content and the hour —
/// nothing about the person — until the retention deletes the hour.
public struct UsageViewID: Hashable, Sendable, CustomStringConvertible {
    /// The 43 base64url characters.
    public let rawValue: String

    /// Reads a view id given back by a client.
    /// - Throws: ``LocalInformationError/invalidValue(path:value:reason:)`` at `view`.
    public init(_ text: String) throws(LocalInformationError) {
        guard text.count == 43, text.unicodeScalars.allSatisfy(SubscriptionToken.isBase64URL) else {
            throw .invalidValue(path: "view", value: String(text.prefix(64)), reason: "a view id is 43 characters of A–Z, a–z, 0–9, - and _")
        }
        rawValue = text
    }

    private init(raw: String) { rawValue = raw }

    /// A fresh id from the system's random generator.
    public static func random() -> UsageViewID {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// An id from `generator` (for tests).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> UsageViewID {
        UsageViewID(raw: Base64URL.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
    }

    /// The SHA-256 of the id in lowercase hexadecimal: what stores keep.
    public var digest: String { Hex.encode(SHA256.hash(Array(rawValue.utf8))) }

    /// The id is a capability: its description is redacted.
    public var description: String { "UsageViewID(redacted)" }
}

/// What ``UsageEventStore/recordFollowUp(_:viewDigest:at:channel:)`` did.
public enum UsageFollowUpResult: Hashable, Sendable {
    /// The follow-up was counted for this content.
    case recorded(ContentReference)
    /// This view already had its follow-up: nothing was counted.
    case alreadyRecorded(ContentReference)
    /// No such view: never issued, or its hour was purged. Nothing was counted.
    case unknownView
}
