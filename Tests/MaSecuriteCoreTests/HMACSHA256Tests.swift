import MaSecuriteCore
import Testing

/// HMAC-SHA256 against the RFC 4231 test cases (section 4), including the
/// keys longer than a block (cases 6 and 7) and the truncated output of case 5.
@Suite struct HMACSHA256Tests {
    static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test(arguments: [
        // 1: 20-byte key of 0x0b, "Hi There".
        ("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265",
         "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        // 2: key "Jefe", "what do ya want for nothing?".
        ("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f",
         "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // 3: 20 bytes of 0xaa, 50 bytes of 0xdd.
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", String(repeating: "dd", count: 50),
         "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        // 4: key 0x01…0x19, 50 bytes of 0xcd.
        ("0102030405060708090a0b0c0d0e0f10111213141516171819", String(repeating: "cd", count: 50),
         "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        // 6: 131-byte key (hashed first), "Test Using Larger Than Block-Size Key - Hash Key First".
        (String(repeating: "aa", count: 131),
         "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
         "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        // 7: 131-byte key and a message longer than a block.
        (String(repeating: "aa", count: 131),
         "5468697320697320612074657374207573696e672061206c6172676572207468616e20626c6f636b2d73697a65206b657920616e642061206c6172676572207468616e20626c6f636b2d73697a6520646174612e20546865206b6579206e6565647320746f20626520686173686564206265666f7265206265696e6720757365642062792074686520484d414320616c676f726974686d2e",
         "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ])
    func rfc4231(_ key: String, _ data: String, _ expected: String) {
        let code = HMACSHA256.authenticationCode(for: Self.bytes(hex: data), key: Self.bytes(hex: key))
        #expect(Self.hex(code) == expected)
    }

    @Test func rfc4231TruncatedCase5() {
        // 5: the first 128 bits of the code are the test vector.
        let code = HMACSHA256.authenticationCode(for: Array("Test With Truncation".utf8), key: [UInt8](repeating: 0x0c, count: 20))
        #expect(Self.hex(Array(code.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func aKeyOfExactlyOneBlockIsUsedAsIs() {
        // A 64-byte key is not hashed; a 65-byte key is: the codes differ from the hashed-key form.
        let message = Array("abc".utf8)
        let block = [UInt8](repeating: 0x42, count: 64)
        let hashedForm = HMACSHA256.authenticationCode(for: message, key: SHA256.hash(block))
        #expect(HMACSHA256.authenticationCode(for: message, key: block) != hashedForm)
        let long = [UInt8](repeating: 0x42, count: 65)
        #expect(HMACSHA256.authenticationCode(for: message, key: long) == HMACSHA256.authenticationCode(for: message, key: SHA256.hash(long)))
    }

    @Test func constantTimeComparison() {
        #expect(HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!HMACSHA256.constantTimeEquals([1, 2, 3], [1, 2]))
    }
}
