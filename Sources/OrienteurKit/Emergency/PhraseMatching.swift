import Foundation

/// A sentence normalised for cue matching: lowercase, accents folded,
/// apostrophes and punctuation as spaces, `!` and `?` kept as words; each word with
/// its number in a phrase vocabulary (`-1` when no phrase uses it). Shared, within
/// the package, by the emergency detector and the facade's reading of plain facts.
package struct CueSentence {
    package var words: [String] = []
    package var ids: [Int32] = []

    package init(_ text: String, vocabulary: [String: Int32]) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            words.append(word)
            ids.append(vocabulary[word] ?? -1)
            current.removeAll(keepingCapacity: true)
        }
        func scalar(_ value: UInt32) {
            // Already lowercase and folded.
            if value < 128 {
                if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
                    current.append(UInt8(value))
                } else if value >= 65 && value <= 90 {
                    current.append(UInt8(value + 32))
                } else if value == 33 || value == 63 {
                    // "!" and "?" are kept as words: "! !" is urgency, "?" a question.
                    flush()
                    current.append(UInt8(value))
                    flush()
                } else {
                    flush()
                }
            } else if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic {
                TextAnalyzer.appendUTF8(value, to: &current)
            } else {
                flush()
            }
        }
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    scalar(UInt32(byte))
                    i += 1
                    continue
                }
                let value = TextAnalyzer.multiByteScalar(bytes, at: &i)
                guard let decoded = Unicode.Scalar(value) else { continue }
                // Lowercase, then fold accents and ligatures, as `TextAnalyzer.fold(text.lowercased())`.
                for lower in decoded.properties.lowercaseMapping.unicodeScalars {
                    if let folded = TextAnalyzer.folding(lower) {
                        for ascii in folded.utf8 { scalar(UInt32(ascii)) }
                    } else {
                        scalar(lower.value)
                    }
                }
            }
        }
        flush()
    }
}

/// Phrases written as `" word word "` (whole words) or `" word pre"` (the last
/// word is a prefix), matched against a sentence's word numbers without string search.
///
/// A phrase whose words are missing from the vocabulary (a list left out of it) still
/// matches, by comparing those words as text: it is only slower, never wrong. Its unlisted
/// words never match a sentence's unnumbered or blanked words by their shared `-1`.
package struct PhraseSet: Sendable {
    struct Phrase: Sendable {
        /// The word numbers (the last one unused when it is a prefix); ``PhraseSet/unlisted``
        /// for a word the vocabulary lacks, compared as text.
        let ids: [Int32]
        let words: [String]
        let lastIsPrefix: Bool
    }

    /// The number of a phrase word that the vocabulary lacks: no sentence word has it.
    static let unlisted = Int32.min

    /// Phrases by the number of their first word.
    let byFirst: [Int32: [Phrase]]
    /// Phrases whose first word the vocabulary lacks, by that word.
    let byUnlistedFirst: [String: [Phrase]]
    /// One-word prefixes (matched against every word).
    let prefixes: [String]

    /// Every word of `lists`' phrases, numbered: the vocabulary a ``CueSentence`` and
    /// the ``PhraseSet``s built from the same lists share.
    package static func vocabulary(of lists: [[String]]) -> [String: Int32] {
        var vocabulary: [String: Int32] = [:]
        for pattern in lists.joined() {
            for word in pattern.split(separator: " ") where vocabulary[String(word)] == nil {
                vocabulary[String(word)] = Int32(vocabulary.count)
            }
        }
        return vocabulary
    }

    /// The phrases `patterns`, numbered with `vocabulary` (which must hold all their words).
    package init(_ patterns: [String], vocabulary: [String: Int32]) {
        var byFirst: [Int32: [Phrase]] = [:]
        var byUnlistedFirst: [String: [Phrase]] = [:]
        var prefixes: [String] = []
        for pattern in patterns {
            let words = pattern.split(separator: " ").map(String.init)
            guard let first = words.first else { continue }
            let lastIsPrefix = !pattern.hasSuffix(" ")
            if words.count == 1 && lastIsPrefix {
                prefixes.append(first)
                continue
            }
            let phrase = Phrase(ids: words.map { vocabulary[$0] ?? Self.unlisted }, words: words, lastIsPrefix: lastIsPrefix)
            if phrase.ids[0] == Self.unlisted {
                byUnlistedFirst[first, default: []].append(phrase)
            } else {
                byFirst[phrase.ids[0], default: []].append(phrase)
            }
        }
        self.byFirst = byFirst
        self.byUnlistedFirst = byUnlistedFirst
        self.prefixes = prefixes
    }

    package func occurs(in sentence: CueSentence) -> Bool { firstMatch(in: sentence) != nil }

    /// The first phrase found in `sentence` (its words joined by spaces), or nil.
    package func firstMatch(in sentence: CueSentence) -> String? {
        for prefix in prefixes {
            if let word = sentence.words.first(where: { $0.hasPrefix(prefix) }) { return word }
        }
        for start in sentence.ids.indices {
            if let length = matchLength(at: start, in: sentence) {
                return sentence.words[start..<(start + length)].joined(separator: " ")
            }
        }
        return nil
    }

    /// The number of the word where the first phrase found in `sentence` starts, or nil.
    package func firstIndex(in sentence: CueSentence) -> Int? {
        var found: Int?
        for prefix in prefixes {
            if let index = sentence.words.firstIndex(where: { $0.hasPrefix(prefix) }) { found = min(found ?? index, index) }
        }
        for start in sentence.ids.indices where start < (found ?? Int.max) {
            if matchLength(at: start, in: sentence) != nil { return start }
        }
        return found
    }

    /// `sentence` with every occurrence of these phrases blanked out (word `_`, number -1), for the
    /// other cues to read what is left ("petit frère" is no small child, "hier soir" no earlier day).
    package func blanking(in sentence: CueSentence) -> CueSentence {
        var blanked = sentence
        for (index, word) in sentence.words.enumerated() where prefixes.contains(where: { word.hasPrefix($0) }) {
            blanked.words[index] = "_"
            blanked.ids[index] = -1
        }
        for start in sentence.ids.indices {
            guard let length = matchLength(at: start, in: sentence) else { continue }
            for index in start..<(start + length) {
                blanked.words[index] = "_"
                blanked.ids[index] = -1
            }
        }
        return blanked
    }

    /// The number of words of the first phrase (of two words or more, or one whole word) that
    /// starts at word `start` of `sentence`, or nil.
    private func matchLength(at start: Int, in sentence: CueSentence) -> Int? {
        let ids = sentence.ids
        let candidates = ids[start] >= 0 ? byFirst[ids[start]]
            : byUnlistedFirst.isEmpty ? nil : byUnlistedFirst[sentence.words[start]]
        guard let candidates else { return nil }
        for phrase in candidates where start + phrase.ids.count <= ids.count {
            var matches = true
            for offset in 1..<max(1, phrase.ids.count) {
                let isLast = offset == phrase.ids.count - 1
                if isLast && phrase.lastIsPrefix
                    ? !sentence.words[start + offset].hasPrefix(phrase.words[offset])
                    : phrase.ids[offset] == Self.unlisted
                    ? sentence.words[start + offset] != phrase.words[offset]
                    : ids[start + offset] != phrase.ids[offset] {
                    matches = false
                    break
                }
            }
            if matches { return phrase.ids.count }
        }
        return nil
    }
}
