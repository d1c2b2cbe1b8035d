import ChatProtocol
import Foundation
import Testing

@Suite struct MessageLimitsTests {
    let limits = MessageLimits()

    @Test func controlCharactersAreStrippedButLineFeedsKept() throws {
        #expect(try limits.sanitize("a\u{0}b\u{7}c\nd\u{1B}[31me") == "abc\nd[31me")
        #expect(try limits.sanitize("ligne 1\r\nligne 2\rligne 3") == "ligne 1\nligne 2\nligne 3")
        #expect(try limits.sanitize("abc\u{202E}def") == "abcdef")
        #expect(try limits.sanitize("Ça va ? 🙂") == "Ça va ? 🙂")
    }

    @Test func emptyAfterCleaningIsRejected() {
        #expect { try limits.sanitize("\u{0}\u{1}  \n") } throws: { ($0 as? ChatErrorFrame)?.code == .emptyMessage }
    }

    @Test func lengthCountsCharactersNotBytes() throws {
        #expect(try limits.sanitize(String(repeating: "é", count: 4_000)).count == 4_000)
        #expect { try limits.sanitize(String(repeating: "a", count: 4_001)) } throws: { error in
            let frame = error as? ChatErrorFrame
            return frame?.code == .messageTooLong && frame?.message.contains("4001") == true
        }
    }

    @Test func tokenBucketAllowsABurstThenRefillsOnTheInjectedClock() {
        var bucket = TokenBucket(capacity: 3, refillPerSecond: 0.5, now: testStart)
        #expect((0..<3).allSatisfy { _ in bucket.take(now: testStart) })
        let fourth = bucket.take(now: testStart)
        #expect(!fourth)
        #expect(bucket.secondsUntilNextToken(now: testStart) == 2)
        let early = bucket.take(now: testStart.addingTimeInterval(1.9))
        #expect(!early)
        let refilled = bucket.take(now: testStart.addingTimeInterval(2.1))
        #expect(refilled)
        let later = bucket.take(now: testStart.addingTimeInterval(100))
        #expect(later)
    }
}
