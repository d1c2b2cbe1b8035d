import Foundation

/// An unguessable confirmation code, easy to read out over the phone:
/// 20 characters in 5 groups of 4, e.g. `K7QM-4XTR-9BWE-2HPA-ZC3N`.
///
/// The alphabet has 31 symbols, digits 2–9 and letters without I, L and O,
/// so nothing can be mistaken for 0, 1, I, L or O. 20 symbols carry
/// 20 × log2(31) ≈ 99 bits drawn from `SystemRandomNumberGenerator`.
/// Parsing ignores case, spaces and dashes.
public struct ConfirmationCode: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    /// The 31-symbol alphabet.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    /// Number of symbols.
    public static let length = 20
    /// Bits of randomness (≈ 99).
    public static var entropyBits: Double { Double(length) * log2(Double(alphabet.count)) }

    /// The 20 symbols without separators.
    public let rawValue: String

    private static let symbols: [UInt8] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".utf8)

    /// Parses a code typed or read out by a person.
    /// - Throws: ``AppointmentError/invalidCode(_:)`` when it is not 20 symbols of the alphabet.
    public init(_ text: String) throws(AppointmentError) {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: " ") { continue }
            let upper = (byte >= 97 && byte <= 122) ? byte - 32 : byte
            guard ConfirmationCode.symbols.contains(upper) else { throw .invalidCode(text) }
            bytes.append(upper)
        }
        guard bytes.count == ConfirmationCode.length else { throw .invalidCode(text) }
        rawValue = String(decoding: bytes, as: UTF8.self)
    }

    private init(validated: String) { rawValue = validated }

    /// A fresh random code.
    public static func random() -> ConfirmationCode {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// A random code from `generator` (unbiased: rejection sampling).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ConfirmationCode {
        // 31^12 < 2^64: one 64-bit draw gives 12 symbols.
        let base: UInt64 = 31
        var block: UInt64 = 1
        for _ in 0..<12 { block *= base }
        let limit = (UInt64.max / block) * block
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        while bytes.count < length {
            let draw = generator.next()
            guard draw < limit else { continue }
            var value = draw % block
            for _ in 0..<12 where bytes.count < length {
                bytes.append(symbols[Int(value % base)])
                value /= base
            }
        }
        return ConfirmationCode(validated: String(decoding: bytes, as: UTF8.self))
    }

    /// The code in groups of four for reading out: `XXXX-XXXX-XXXX-XXXX-XXXX`.
    public var formatted: String {
        var text = ""
        for (index, character) in rawValue.enumerated() {
            if index > 0 && index % 4 == 0 { text.append("-") }
            text.append(character)
        }
        return text
    }

    public var description: String { formatted }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
