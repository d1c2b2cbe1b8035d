import Foundation

/// The limits every message text must respect, and the clean-up applied before storing.
public struct MessageLimits: Sendable, Hashable {
    /// The longest accepted text, in characters (grapheme clusters). 4,000 by default.
    public var maximumCharacters: Int

    /// Creates limits.
    public init(maximumCharacters: Int = 4_000) {
        self.maximumCharacters = maximumCharacters
    }

    /// Removes control characters (keeping line feeds; a carriage return before a line feed
    /// is dropped, a lone one becomes a line feed), then checks the text is not empty and not too long.
    ///
    /// - Throws: ``ChatErrorFrame`` with `empty_message` or `message_too_long`.
    public func sanitize(_ text: String) throws(ChatErrorFrame) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        var changed = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                changed = true
                continue
            }
            defer { previousWasCR = false }
            if scalar == "\n" {
                if previousWasCR { continue }
                scalars.append(scalar)
                continue
            }
            if scalar.properties.generalCategory == .control || Self.isInvisibleFormatting(scalar) {
                changed = true
                continue
            }
            scalars.append(scalar)
        }
        let cleaned = changed ? String(scalars) : text
        if cleaned.allSatisfy(\.isWhitespace) {
            throw ChatErrorFrame(code: .emptyMessage, message: "the message is empty once control characters are removed")
        }
        // Fast path: the UTF-8 length bounds the character count.
        if cleaned.utf8.count > maximumCharacters, cleaned.count > maximumCharacters {
            throw ChatErrorFrame(code: .messageTooLong,
                                 message: "the message has \(cleaned.count) characters; the limit is \(maximumCharacters)")
        }
        return cleaned
    }

    /// Bidirectional overrides can disguise text (e.g. a reversed link): they are removed.
    private static func isInvisibleFormatting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// A token bucket on an injected clock: `capacity` messages at once, refilled at
/// `refillPerSecond`. Used per visitor to slow floods without dropping the connection.
public struct TokenBucket: Sendable, Hashable {
    /// The burst size.
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    private var tokens: Double
    private var updatedAt: Date

    /// Creates a full bucket at `now`.
    public init(capacity: Double, refillPerSecond: Double, now: Date) {
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
        tokens = capacity
        updatedAt = now
    }

    /// Takes one token if there is one; returns whether the action may proceed.
    public mutating func take(now: Date) -> Bool {
        let elapsed = now.timeIntervalSince(updatedAt)
        if elapsed > 0 {
            tokens = min(capacity, tokens + elapsed * refillPerSecond)
            updatedAt = now
        }
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// Seconds until the next token (0 if one is available).
    public func secondsUntilNextToken(now: Date) -> Double {
        let current = min(capacity, tokens + max(0, now.timeIntervalSince(updatedAt)) * refillPerSecond)
        return current >= 1 ? 0 : (1 - current) / refillPerSecond
    }
}
