/// HMAC-SHA256 (RFC 2104 with ``SHA256``), dependency-free, for signing webhooks
/// (the Standard Webhooks `v1` signature) and anything else the SDK must authenticate.
/// Checked against the RFC 4231 test vectors in `MaSecuriteCoreTests`. `package` access:
/// shared by the SDK's modules, not public API.
package enum HMACSHA256 {
    /// SHA-256 works on 64-byte blocks; longer keys are hashed first (RFC 2104 §2).
    private static let blockSize = 64

    /// The 32-byte authentication code of `message` under `key`.
    package static func authenticationCode(for message: some Collection<UInt8>, key: some Collection<UInt8>) -> [UInt8] {
        var block = key.count > blockSize ? SHA256.hash(key) : Array(key)
        block.append(contentsOf: repeatElement(0, count: blockSize - block.count))
        var inner = block.map { $0 ^ 0x36 }
        inner.reserveCapacity(blockSize + message.count)
        inner.append(contentsOf: message)
        var outer = block.map { $0 ^ 0x5c }
        outer.append(contentsOf: SHA256.hash(inner))
        return SHA256.hash(outer)
    }

    /// Whether `a` and `b` are equal, in time that depends only on their lengths
    /// (for comparing a received signature with the expected one).
    package static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
