import Testing
@testable import OrienteurKit

@Suite struct PhraseMatchingTests {
    static let lists = [[" bijoux ", " carte bancaire ", " portefeuil"], [" disparu ", " missing "]]
    static let vocabulary = PhraseSet.vocabulary(of: lists)
    let things = PhraseSet(lists[0], vocabulary: vocabulary)
    let gone = PhraseSet(lists[1], vocabulary: vocabulary)

    func sentence(_ text: String) -> CueSentence { CueSentence(text, vocabulary: Self.vocabulary) }

    /// `firstIndex` gives the word where the earliest phrase starts, whether it is a phrase of
    /// words or a one-word prefix, so that two cues can be read in their order.
    @Test func firstIndexIsTheEarliestPhraseWhateverItsKind() {
        let text = sentence("Sa carte bancaire et son portefeuille ont disparu")
        #expect(things.firstIndex(in: text) == 1)
        #expect(gone.firstIndex(in: text) == 7)
        #expect(things.firstMatch(in: text) == "portefeuille", "firstMatch reads prefixes first; firstIndex reads positions")
        #expect(things.firstIndex(in: sentence("son portefeuille, puis ses bijoux")) == 1)
        #expect(gone.firstIndex(in: sentence("il est rentré")) == nil)
    }
}
