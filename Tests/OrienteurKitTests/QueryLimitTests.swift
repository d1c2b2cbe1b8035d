import Testing
@testable import OrienteurKit

/// The documented bound on free text: 10,000 characters.
@Suite struct QueryLimitTests {
    @Test func checkAcceptsUpToTheBoundAndRefusesBeyond() throws {
        #expect(QueryLimit.maximumCharacters == 10_000)
        try QueryLimit.check("")
        try QueryLimit.check(String(repeating: "a", count: 10_000))
        #expect(throws: QueryTooLongError(limit: 10_000)) { try QueryLimit.check(String(repeating: "a", count: 10_001)) }
        // Characters, not bytes nor scalars: « é » written as e + combining accent is one character.
        try QueryLimit.check(String(repeating: "e\u{301}", count: 10_000))
        #expect(QueryTooLongError(limit: 10_000).description.contains("10000 characters"))
    }

    @Test func truncationKeepsWholeWords() {
        let short = "on m'a volé mon vélo"
        #expect(QueryLimit.truncated(short) == short)
        let words = String(repeating: "vélo ", count: 2_500) // 12,500 characters
        let cut = QueryLimit.truncated(words)
        #expect(cut.count <= 10_000)
        #expect(cut.split(separator: " ").allSatisfy { $0 == "vélo" })
        #expect(QueryLimit.truncated(String(repeating: "x", count: 12_000)).count == 10_000)
    }

    @Test func askReadsALongSentenceUpToTheBound() throws {
        let orienteur = try Orienteur.bundled()
        let head = "on m'a volé mon vélo devant la gare "
        let long = head + String(repeating: "blabla ", count: 20_000)
        let answer = orienteur.ask(long, language: .french)
        #expect(answer.results.first?.id == orienteur.ask(head, language: .french).results.first?.id)
    }

    @Test func searchGivesTheSameAnswerWhateverTheRepeatsAndUnknownWords() throws {
        let index = try Orienteur.bundled().index(for: .french)
        let sentence = "on m'a volé mon vélo devant la gare"
        let expected = index.search(sentence).map(\.id)
        #expect(index.search(sentence + " " + sentence + " vélo vélo volé").map(\.id) == expected)
        let matched = index.search(sentence + " " + sentence).first?.matched ?? []
        #expect(Set(matched).count == matched.count, "each matched word once: \(matched)")
    }
}
