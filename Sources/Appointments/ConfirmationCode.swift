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
    /// The symbols' indices packed 5 bits each (12 in `high`, 8 in `low`): cheap hashing and equality.
    private let high: UInt64
    private let low: UInt64

    private static let symbols: [UInt8] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ".utf8)
    private static let indices: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for (index, symbol) in symbols.enumerated() { table[Int(symbol)] = UInt8(index) }
        return table
    }()

    private static func pack(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (position, byte) in bytes.enumerated() {
            let index = UInt64(indices[Int(byte & 0x7F)])
            if position < 12 { high = high << 5 | index } else { low = low << 5 | index }
        }
        return (high, low)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.high == rhs.high && lhs.low == rhs.low }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
        hasher.combine(low)
    }

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
        self.init(validated: bytes)
    }

    private init(validated bytes: [UInt8]) {
        rawValue = String(decoding: bytes, as: UTF8.self)
        (high, low) = ConfirmationCode.pack(bytes)
    }

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
        return ConfirmationCode(validated: bytes)
    }

    /// The code in five groups of four for reading out, e.g. `K7QM-4XTR-9BWE-2HPA-ZC3N`.
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

/// Makes the opaque booking ids (the calendar UID): a random 64-bit prefix
/// drawn once from `SystemRandomNumberGenerator` per store instance, followed
/// by a counter, in UUID form (version 8, "custom"). Unique without a system
/// call per booking; the id is not a secret (the confirmation code is).
struct BookingIDGenerator: Sendable {
    private let prefix: UInt64
    private var counter: UInt64

    init() {
        var generator = SystemRandomNumberGenerator()
        prefix = generator.next()
        counter = generator.next() >> 2
    }

    mutating func next() -> UUID {
        counter &+= 1
        let high = (prefix & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000
        let low = (counter & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        func byte(_ value: UInt64, _ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: value >> (56 - 8 * index)) }
        return UUID(uuid: (byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5), byte(high, 6), byte(high, 7),
                           byte(low, 0), byte(low, 1), byte(low, 2), byte(low, 3), byte(low, 4), byte(low, 5), byte(low, 6), byte(low, 7)))
    }
}
