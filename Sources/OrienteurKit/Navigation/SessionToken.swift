/// Why a session token cannot be restored.
public enum SessionTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not base64url, too short, or the checksum does not match: the token was altered or truncated.
    case tampered
    /// Written by a newer or older token format.
    case unsupportedVersion(Int)
    /// The content changed since the token was made: start again.
    case staleContent(tokenVersion: String, currentVersion: String)
    /// The choices no longer lead anywhere in this content.
    case invalidPath(String)

    public var description: String {
        switch self {
        case .tampered: "the session token is damaged or was altered"
        case .unsupportedVersion(let version): "the session token format \(version) is not supported"
        case .staleContent(let old, let new): "the session token was made for content \(old); the content is now \(new): start again"
        case .invalidPath(let why): "the session token no longer leads anywhere: \(why)"
        }
    }
}

/// The compact opaque form of a session: base64url (no padding) of
/// `[format 1][content version][journey id][choices…]` followed by a 32-bit
/// FNV-1a checksum of those bytes. It is an integrity check against damage and
/// casual edits, not a secret: it holds no personal data.
public enum SessionToken {
    /// The current token format.
    public static let formatVersion: UInt8 = 1

    struct State: Equatable {
        var contentVersion: String
        var journeyID: String?
        var choices: [Int]
    }

    static func encode(contentVersion: String, journeyID: String?, choices: [Int]) -> String {
        var bytes: [UInt8] = [formatVersion]
        func string(_ text: String) {
            let utf8 = Array(text.utf8.prefix(255))
            bytes.append(UInt8(utf8.count))
            bytes.append(contentsOf: utf8)
        }
        string(contentVersion)
        string(journeyID ?? "")
        bytes.append(UInt8(min(choices.count, 255)))
        for choice in choices.prefix(255) { bytes.append(UInt8(clamping: choice)) }
        let sum = checksum(bytes)
        bytes.append(contentsOf: [UInt8(sum >> 24), UInt8((sum >> 16) & 0xff), UInt8((sum >> 8) & 0xff), UInt8(sum & 0xff)])
        return Base64URL.encode(bytes)
    }

    static func decode(_ token: String, expectedContentVersion: String) throws(SessionTokenError) -> State {
        guard let bytes = Base64URL.decode(token), bytes.count >= 8 else { throw .tampered }
        let payload = Array(bytes.dropLast(4))
        let tail = Array(bytes.suffix(4))
        let sum = checksum(payload)
        guard tail == [UInt8(sum >> 24), UInt8((sum >> 16) & 0xff), UInt8((sum >> 8) & 0xff), UInt8(sum & 0xff)] else { throw .tampered }
        guard payload[0] == formatVersion else { throw .unsupportedVersion(Int(payload[0])) }
        var offset = 1
        func string() throws(SessionTokenError) -> String {
            guard offset < payload.count else { throw .tampered }
            let length = Int(payload[offset])
            offset += 1
            guard offset + length <= payload.count else { throw .tampered }
            defer { offset += length }
            return String(decoding: payload[offset..<(offset + length)], as: UTF8.self)
        }
        let version = try string()
        let journey = try string()
        guard offset < payload.count else { throw .tampered }
        let count = Int(payload[offset])
        offset += 1
        guard offset + count == payload.count else { throw .tampered }
        let choices = payload[offset...].map(Int.init)
        guard version == expectedContentVersion else { throw .staleContent(tokenVersion: version, currentVersion: expectedContentVersion) }
        return State(contentVersion: version, journeyID: journey.isEmpty ? nil : journey, choices: choices)
    }

    /// 32-bit FNV-1a.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index + 2 < bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let n = UInt32(bytes[index]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)]]
        } else if rest == 2 {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)]]
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        for byte in text.utf8 {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt32(value))
        }
        if values.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var index = 0
        while index + 3 < values.count {
            let n = values[index] << 18 | values[index + 1] << 12 | values[index + 2] << 6 | values[index + 3]
            out += [UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)]
            index += 4
        }
        let rest = values.count - index
        if rest == 2 {
            let n = values[index] << 18 | values[index + 1] << 12
            out.append(UInt8(n >> 16 & 255))
        } else if rest == 3 {
            let n = values[index] << 18 | values[index + 1] << 12 | values[index + 2] << 6
            out += [UInt8(n >> 16 & 255), UInt8(n >> 8 & 255)]
        }
        return out
    }
}
