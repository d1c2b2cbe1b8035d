import Foundation

/// The opaque identifier of one conversation, e.g. `c_3f9a…`. Random, carries no personal data.
public struct ConversationID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The raw identifier.
    public let rawValue: String
    /// The string's hash, computed once: conversations are looked up on every message.
    private let digest: Int
    /// Wraps an existing identifier (as received on the wire or read from a store).
    public init(_ rawValue: String) {
        self.rawValue = rawValue
        digest = rawValue.hashValue
    }
    /// A new random identifier (128 random bits).
    public static func random() -> ConversationID { ConversationID("c_" + RandomToken.hex()) }
    public var description: String { rawValue }
    public static func == (lhs: ConversationID, rhs: ConversationID) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The opaque token that stands for an anonymous visitor. It is the visitor's only
/// credential: random, never derived from who they are, shown to nobody else.
public struct VisitorToken: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The raw token.
    public let rawValue: String
    /// Wraps an existing token.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// A new random token (128 random bits).
    public static func random() -> VisitorToken { VisitorToken("v_" + RandomToken.hex()) }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The internal identifier of an operator (an officer, gendarme or psychologist).
/// Visitors never see it: they see the operator's ``OperatorProfile/pseudonym``.
public struct OperatorID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The raw identifier.
    public let rawValue: String
    /// Wraps an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The chat platforms, each with its own waiting queue.
public enum Platform: String, Sendable, Codable, CaseIterable, Hashable {
    /// The general platform (« tchat » with the police and gendarmerie).
    case tchat
    /// The victims' platform (« plateforme numérique d'accompagnement des victimes »):
    /// sexual, sexist and domestic violence, hate, cyber-harassment; a psychologist is on staff.
    case pnav
    /// The space for minors.
    case espaceMineurs = "espace-mineurs"
}

extension Platform {
    /// The platform's index in ``allCases`` (the routing engine keeps one queue per platform in an array).
    var queueIndex: Int {
        switch self {
        case .tchat: 0
        case .pnav: 1
        case .espaceMineurs: 2
        }
    }
}

/// How heavy a conversation is for the operator who runs it.
public enum ConversationKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A short information conversation: costs one capacity unit (of eight by default).
    case short
    /// A long or sensitive conversation (e.g. sexual or domestic violence, one to four hours):
    /// costs the operator's whole capacity.
    case long
}

/// The role of an operator.
public enum OperatorRole: String, Sendable, Codable, CaseIterable, Hashable {
    /// A police officer or gendarme.
    case officer
    /// A psychologist of the victims' platform (receives hand-offs).
    case psychologist
    /// A supervisor: receives emergency alerts (`supervisor_alert`) and dispatches field interventions.
    /// Takes conversations like an officer only when the profile says so
    /// (``OperatorProfile/takesConversations``).
    case supervisor
}

/// Who raised an emergency.
public enum EmergencySource: String, Sendable, Codable, CaseIterable, Hashable {
    /// The visitor pressed « je suis en danger » (I am in danger).
    case visitor
    /// The operator raised it.
    case `operator`
    /// The ``EmergencyClassifier`` flagged the first message.
    case classifier
}

/// Why a conversation ended.
public enum CloseReason: String, Sendable, Codable, CaseIterable, Hashable {
    /// The operator closed it.
    case `operator`
    /// The visitor closed it after being taken.
    case visitor
    /// The visitor left while still waiting.
    case abandoned
    /// Nobody wrote for longer than the inactivity limit.
    case inactivity
}

/// The sender side of a connection.
public enum ParticipantRole: String, Sendable, Codable, CaseIterable, Hashable {
    /// The anonymous visitor.
    case visitor
    /// An operator.
    case `operator`
}

enum RandomToken {
    static func hex() -> String {
        var generator = SystemRandomNumberGenerator()
        let a = generator.next(), b = generator.next()
        return hex64(a) + hex64(b)
    }

    private static func hex64(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
