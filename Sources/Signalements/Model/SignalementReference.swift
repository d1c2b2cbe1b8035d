import Foundation

/// The citizen's reference of a signalement: unguessable, easy to read out,
/// 20 symbols in groups of 4 after `S-`, e.g. `S-K7QM-4XTR-9BWE-2HPA-ZC3N`.
///
/// The 31-symbol alphabet (digits 2–9, letters without I, L, O) gives
/// 20 × log2(31) ≈ 99 bits drawn from the system's random generator, so
/// knowing one reference tells nothing about another. Parsing ignores case,
/// spaces, dashes and the `S-` prefix. The reference is the only key to read a
/// receipt: it is never logged.
public struct SignalementReference: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The alphabet.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Number of symbols.
    public static let length = 20

    /// The 20 symbols, without prefix or separators.
    public let rawValue: String

    /// Reads a reference typed or read out by a person.
    /// - Throws: ``SignalementStoreError/invalidReference(_:)`` naming the text.
    public init(_ text: String) throws(SignalementStoreError) {
        var trimmed = Substring(text.trimmingCharacters(in: .whitespaces).uppercased())
        if trimmed.hasPrefix("S-") { trimmed = trimmed.dropFirst(2) }
        var symbols = ""
        for character in trimmed {
            if character == "-" || character == " " { continue }
            guard Self.alphabet.contains(character) else { throw .invalidReference(Echo.truncated(text)) }
            symbols.append(character)
        }
        guard symbols.count == Self.length else { throw .invalidReference(Echo.truncated(text)) }
        rawValue = symbols
    }

    private init(symbols: String) { rawValue = symbols }

    /// A fresh random reference.
    public static func random() -> SignalementReference {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A random reference from `generator` (each symbol uniform).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> SignalementReference {
        var symbols = ""
        for _ in 0..<length { symbols.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        return SignalementReference(symbols: symbols)
    }

    /// The reference as read out: `S-` then five groups of four symbols joined by hyphens, such as
    /// `S-7K3M-Q9TD-2HWP-C4NR-8JFA`.
    public var formatted: String {
        var groups: [String] = []
        var index = rawValue.startIndex
        while index < rawValue.endIndex {
            let end = rawValue.index(index, offsetBy: 4, limitedBy: rawValue.endIndex) ?? rawValue.endIndex
            groups.append(String(rawValue[index..<end]))
            index = end
        }
        return "S-" + groups.joined(separator: "-")
    }

    public var description: String { formatted }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try SignalementReference(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
