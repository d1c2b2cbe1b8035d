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

    /// A list left out of the vocabulary still matches by its words, and its unlisted words never
    /// stand for any unknown or blanked word of the sentence (both are numbered -1 there).
    @Test func aListLeftOutOfTheVocabularyStillMatchesByItsWords() {
        let unlisted = PhraseSet([" porte fracturee ", " vient de partir ", " bijoux vol"], vocabulary: Self.vocabulary)
        #expect(unlisted.firstMatch(in: sentence("La porte fracturée, ils sont partis")) == "porte fracturee")
        #expect(unlisted.firstIndex(in: sentence("mes bijoux volés hier")) == 1)
        #expect(unlisted.firstMatch(in: sentence("il vient de partir")) == "vient de partir")
        #expect(unlisted.firstMatch(in: sentence("il vient de rentrer")) == nil)
        #expect(unlisted.firstMatch(in: sentence("une porte ouverte")) == nil)
        // A listed first word followed by an unlisted one: "carte" is numbered, "grise" is not.
        let mixed = PhraseSet([" carte grise "], vocabulary: Self.vocabulary)
        #expect(mixed.occurs(in: sentence("ma carte grise a disparu")))
        #expect(!mixed.occurs(in: sentence("ma carte vitale a disparu")), "an unknown word is not an unlisted one")
        let blanked = gone.blanking(in: sentence("carte disparu"))
        #expect(blanked.words == ["carte", "_"])
        #expect(!mixed.occurs(in: blanked), "nor is a blanked word")
    }
}
