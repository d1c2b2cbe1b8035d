import Foundation

/// The opaque identifier of one conversation, e.g. `c_3f9a…`. Random, carries no personal data.
///
/// Identifiers of the form the service generates (`c_` and 32 lowercase hexadecimal digits, 128
/// random bits) are kept as their two 64-bit halves, so copying, comparing and hashing one costs
/// no reference counting and no string comparison: an identifier is copied into every frame and
/// looked up several times per message. Any other identifier (received on the wire or read from
/// a store) is kept as its text. Equal ``rawValue``s always make equal identifiers.
public struct ConversationID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// An enum of 17 bytes, so that an identifier stays as small as the string it replaces (a stored
    /// event, copied several times per message, then stays within what a compiler moves inline).
    private enum Storage {
        /// The 128 bits of a generated identifier.
        case generated(UInt64, UInt64)
        /// Any other identifier's text.
        case text(String)
    }

    private let storage: Storage

    /// The raw identifier.
    public var rawValue: String {
        switch storage {
        case .generated(let high, let low): Self.generatedText(high, low)
        case .text(let text): text
        }
    }

    /// Wraps an existing identifier (as received on the wire or read from a store).
    public init(_ rawValue: String) {
        if let (high, low) = Self.generatedBits(of: rawValue) {
            storage = .generated(high, low)
        } else {
            storage = .text(rawValue)
        }
    }

    private init(high: UInt64, low: UInt64) {
        storage = .generated(high, low)
    }

    /// A new random identifier (128 random bits).
    public static func random() -> ConversationID {
        var generator = SystemRandomNumberGenerator()
        return ConversationID(high: generator.next(), low: generator.next())
    }

    public var description: String { rawValue }
    public static func == (lhs: ConversationID, rhs: ConversationID) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.generated(let high, let low), .generated(let otherHigh, let otherLow)): high == otherHigh && low == otherLow
        case (.text(let text), .text(let other)): text == other
        default: false
        }
    }
    public func hash(into hasher: inout Hasher) {
        switch storage {
        case .generated(let high, let low): hasher.combine(high ^ low)
        case .text(let text): hasher.combine(text)
        }
    }
    public init(from decoder: any Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// `c_` and the 32 lowercase hexadecimal digits of the two halves.
    private static func generatedText(_ high: UInt64, _ low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 34, initializingUTF8With: { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            buffer[0] = UInt8(ascii: "c")
            buffer[1] = UInt8(ascii: "_")
            for digit in 0..<16 {
                let shift = UInt64(60 - 4 * digit)
                buffer[2 + digit] = hexDigit(high >> shift)
                buffer[18 + digit] = hexDigit(low >> shift)
            }
            return 34
        })
    }

    private static func hexDigit(_ value: UInt64) -> UInt8 {
        let nibble = UInt8(truncatingIfNeeded: value) & 0xF
        return nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// The two halves of an identifier of the generated form, or `nil` for any other text.
    private static func generatedBits(of text: String) -> (UInt64, UInt64)? {
        var utf8 = text.utf8
        if let bits = utf8.withContiguousStorageIfAvailable(generatedBits(of:)) { return bits }
        utf8 = String(text).utf8
        return utf8.withContiguousStorageIfAvailable(generatedBits(of:)) ?? nil
    }

    private static func generatedBits(of bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard bytes.count == 34, bytes[0] == UInt8(ascii: "c"), bytes[1] == UInt8(ascii: "_") else { return nil }
        var halves: (UInt64, UInt64) = (0, 0)
        for index in 2..<34 {
            let byte = bytes[index]
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if index < 18 { halves.0 = halves.0 << 4 | UInt64(nibble) } else { halves.1 = halves.1 << 4 | UInt64(nibble) }
        }
        return halves
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
