import Foundation
import MaSecuriteCore

/// The citizen's reference of an avis with a comment: unguessable, easy to
/// read out, 20 symbols in groups of 4 after `A-`, e.g. `A-K7QM-4XTR-9BWE-2HPA-ZC3N`
/// (31 symbols: ≈ 99 bits from the system's random generator). It is the
/// only key to read the answer, and is never logged.
public struct FeedbackReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Digits 2–9 and letters without I, L, O.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Number of symbols.
    public static let length = 20

    /// The 20 symbols without prefix or dashes.
    public let rawValue: String

    /// Reads a reference typed by a person (case, spaces, dashes and the `A-` prefix are ignored).
    /// - Throws: ``LocalInformationError/invalidValue(path:value:reason:)`` at `reference`.
    public init(_ text: String) throws(LocalInformationError) {
        var symbols = ""
        for character in text.trimmingCharacters(in: .whitespaces).uppercased() where character != "-" && character != " " {
            guard Self.alphabet.contains(character) else {
                throw .invalidValue(path: "reference", value: text, reason: "expected A- and 20 letters or digits, e.g. A-K7QM-4XTR-9BWE-2HPA-ZC3N")
            }
            symbols.append(character)
        }
        // The `A` of the prefix, with or without its dash.
        if symbols.count == Self.length + 1, symbols.first == "A" { symbols.removeFirst() }
        guard symbols.count == Self.length else {
            throw .invalidValue(path: "reference", value: text, reason: "expected A- and 20 letters or digits, e.g. A-K7QM-4XTR-9BWE-2HPA-ZC3N")
        }
        rawValue = symbols
    }

    private init(symbols: String) { rawValue = symbols }

    /// A fresh random reference.
    public static func random() -> FeedbackReference {
        var generator = SystemRandomNumberGenerator()
        var symbols = ""
        for _ in 0..<length { symbols.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        return FeedbackReference(symbols: symbols)
    }

    /// The reference as read out: `A-` then five groups of four symbols joined by hyphens, such as
    /// `A-7K3M-Q9TD-2HWP-C4NR-8JFA`.
    public var formatted: String {
        let characters = Array(rawValue)
        let groups = stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
        return "A-" + groups.joined(separator: "-")
    }

    public var description: String { formatted }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where a case stands.
public enum FeedbackStatus: String, Hashable, Sendable, CaseIterable, Codable {
    /// Received, waiting for an answer.
    case received
    /// Answered: the citizen can read the answer.
    case answered
    /// Closed (answered and done, or nothing to answer).
    case closed
}

/// A comment left with an avis, to be answered by the team within four days.
public struct FeedbackCase: Hashable, Sendable {
    /// The time allowed to answer: four days (96 hours) after receipt.
    public static let answerDelay: TimeInterval = 4 * 86_400

    /// The citizen's reference.
    public let reference: FeedbackReference
    /// The fiche or leaf it is about.
    public let about: ContentReference
    /// Whether the citizen found it useful.
    public let useful: Bool
    /// The comment, personal data already masked.
    public let comment: String
    /// When it was received.
    public let received: Date
    /// Where it stands.
    public var status: FeedbackStatus
    /// The team's answer, once answered.
    public var answer: String?
    /// When it was answered.
    public var answered: Date?
    /// When it was closed.
    public var closed: Date?

    /// The answer is due four days after receipt.
    public var due: Date { received.addingTimeInterval(Self.answerDelay) }

    /// Whether it still waits for an answer after its due date.
    public func isOverdue(at now: Date) -> Bool { status == .received && due < now }

    /// A new case, `received`.
    public init(reference: FeedbackReference, about: ContentReference, useful: Bool, comment: String, received: Date,
                status: FeedbackStatus = .received, answer: String? = nil, answered: Date? = nil, closed: Date? = nil) {
        self.reference = reference
        self.about = about
        self.useful = useful
        self.comment = comment
        self.received = received
        self.status = status
        self.answer = answer
        self.answered = answered
        self.closed = closed
    }
}
