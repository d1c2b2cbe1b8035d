/// A light English suffix stripper in the spirit of Porter's step 1 and a few
/// common derivational endings. Applied the same way to content and queries,
/// so it only needs to conflate the usual variants (stolen/steal aside):
/// `burglaries` → `burglari`, `hacked` → `hack`, `harassing` → `harass`.
public enum EnglishStemmer {
    /// The stem of one lowercase English word.
    public static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        guard w.count > 3 else { return word }
        func ends(_ s: String) -> Bool {
            let t = Array(s.unicodeScalars)
            return w.count >= t.count && Array(w[(w.count - t.count)...]) == t
        }
        func hasVowel(_ upTo: Int) -> Bool {
            w[0..<max(0, upTo)].contains { "aeiouy".unicodeScalars.contains($0) }
        }
        func replace(_ suffix: String, _ with: String, minStem: Int = 2) -> Bool {
            guard ends(suffix) else { return false }
            let stemLength = w.count - suffix.unicodeScalars.count
            guard stemLength >= minStem else { return false }
            w.removeLast(suffix.unicodeScalars.count)
            w.append(contentsOf: with.unicodeScalars)
            return true
        }
        // Step 1a: plurals.
        if ends("sses") { w.removeLast(2) } else if ends("ies") { w.removeLast(2) } else if ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            w.removeLast()
        }
        // Step 1b: -eed, -ed, -ing.
        if ends("eed") {
            if w.count > 4 { w.removeLast() }
        } else {
            var removed = false
            for suffix in ["ing", "ed"] where ends(suffix) && hasVowel(w.count - suffix.unicodeScalars.count) && w.count - suffix.unicodeScalars.count >= 3 {
                w.removeLast(suffix.unicodeScalars.count)
                removed = true
                break
            }
            if removed {
                if ends("at") || ends("bl") || ends("iz") {
                    w.append("e")
                } else if w.count >= 2, w[w.count - 1] == w[w.count - 2], !"lsz".unicodeScalars.contains(w[w.count - 1]),
                          !"aeiou".unicodeScalars.contains(w[w.count - 1]) {
                    w.removeLast()
                }
            }
        }
        // Step 1c: y → i.
        if ends("y"), w.count > 2, hasVowel(w.count - 1) { w[w.count - 1] = "i" }
        // A few derivational endings.
        for (suffix, with) in [("ational", "ate"), ("tional", "tion"), ("ization", "ize"), ("fulness", "ful"), ("ousness", "ous"),
                               ("iveness", "ive"), ("ment", ""), ("ness", ""), ("ful", ""), ("ably", "able"), ("ly", "")] {
            if replace(suffix, with, minStem: 4) { break }
        }
        // Final -e.
        if ends("e"), w.count > 4 { w.removeLast() }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: w)
        return String(result)
    }
}
