import MaSecuriteCore

/// What a store keeps instead of a visitor's token: its SHA-256 digest.
///
/// Visitor tokens carry 128 random bits, so an unsalted digest cannot be reversed by guessing;
/// a stolen copy of the store therefore gives nobody a way to resume a conversation. Any instance
/// sharing the store can check a token presented on `hello` with ``matches(_:)``.
public struct VisitorTokenDigest: Sendable, Hashable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// The digest of `token`.
    public init(of token: VisitorToken) {
        bytes = SHA256.hash(token.rawValue.utf8)
    }

    /// A digest read back from storage, as the 64 lowercase hexadecimal digits of ``hex``;
    /// `nil` if `hex` is not that.
    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self.bytes = bytes
    }

    /// The digest as 64 lowercase hexadecimal digits (what stores persist).
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Whether `token` is the one this digest was made from (compared in constant time).
    public func matches(_ token: VisitorToken) -> Bool {
        let other = SHA256.hash(token.rawValue.utf8)
        guard other.count == bytes.count else { return false }
        var difference: UInt8 = 0
        for index in bytes.indices { difference |= bytes[index] ^ other[index] }
        return difference == 0
    }

    /// Never the digest itself: it identifies a visitor's conversation to whoever holds the token.
    public var description: String { "VisitorTokenDigest(…)" }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
