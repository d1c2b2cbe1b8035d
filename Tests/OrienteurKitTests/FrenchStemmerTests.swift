import Foundation
import Testing
@testable import OrienteurKit

@Suite struct FrenchStemmerTests {
    /// Reproduces every pair of the Snowball reference vocabulary (voc.txt → output.txt).
    @Test func reproducesEverySnowballReferencePair() throws {
        let words = try Fixture.lines("snowball-french/voc.txt")
        let stems = try Fixture.lines("snowball-french/output.txt")
        #expect(words.count == 21_655)
        try #require(words.count == stems.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) {
            let actual = FrenchStemmer.stem(word)
            if actual != expected { mismatches.append("\(word) → \(actual) (expected \(expected))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(25).joined(separator: "; "))")
    }

    @Test func stemsCommonCitizenWords() {
        #expect(FrenchStemmer.stem("cambriolage") == FrenchStemmer.stem("cambriolages"))
        #expect(FrenchStemmer.stem("volé") == FrenchStemmer.stem("voler"))
        #expect(FrenchStemmer.stem("l'agression") == FrenchStemmer.stem("agression"))
    }
}
