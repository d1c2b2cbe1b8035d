import ChatProtocol
import Foundation
import Testing

/// Generated identifiers are kept as their 128 bits, others as text: both forms must behave like the text they stand for.
@Suite struct ConversationIDTests {
    @Test func generatedIdentifierKeepsItsTextAndIsFoundAgainFromIt() throws {
        for _ in 0..<200 {
            let id = ConversationID.random()
            let text = id.rawValue
            #expect(text.utf8.count == 34)
            #expect(text.hasPrefix("c_"))
            #expect(text.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) })
            let parsed = ConversationID(text)
            #expect(parsed == id)
            #expect(parsed.hashValue == id.hashValue)
            #expect(parsed.description == text)
            #expect(Set([id, parsed]).count == 1)
        }
    }

    @Test func randomIdentifiersDiffer() {
        let ids = Set((0..<1_000).map { _ in ConversationID.random() })
        #expect(ids.count == 1_000)
    }

    @Test(arguments: ["c_0123456789abcdef0123456789abcdef", "c_00000000000000000000000000000000", "c_ffffffffffffffffffffffffffffffff"])
    func generatedFormRoundTripsExactly(_ text: String) {
        #expect(ConversationID(text).rawValue == text)
        #expect(ConversationID(text) == ConversationID(String(text)))
    }

    /// Texts that only look like the generated form stay text: another case, length, prefix or digit is another identifier.
    @Test func otherTextsAreKeptAsTheyAreAndNeverEqualAGeneratedOne() {
        let generated = ConversationID("c_0123456789abcdef0123456789abcdef")
        let others = ["c_0123456789ABCDEF0123456789ABCDEF", "c_0123456789abcdef0123456789abcde", "c_0123456789abcdef0123456789abcdef0",
                      "C_0123456789abcdef0123456789abcdef", "c-0123456789abcdef0123456789abcdef", "c_0123456789abcdeg0123456789abcdef",
                      "conformance-1", "c", "", "c_é123456789abcdef0123456789abcde"]
        for text in others {
            let id = ConversationID(text)
            #expect(id.rawValue == text)
            #expect(id != generated)
            #expect(id == ConversationID(text))
            #expect(id.hashValue == ConversationID(text).hashValue)
        }
        #expect(Set(others.map(ConversationID.init)).count == others.count)
    }

    @Test func codingUsesTheText() throws {
        let ids = [ConversationID.random(), ConversationID("conversation-7")]
        let data = try JSONEncoder().encode(ids)
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(ids[0].rawValue)\",\"conversation-7\"]")
        #expect(try JSONDecoder().decode([ConversationID].self, from: data) == ids)
    }
}
