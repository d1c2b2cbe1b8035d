import Foundation

/// Folds place names for matching: lower case, no accents, punctuation
/// (hyphens, apostrophes, dots) as spaces, `st`/`ste` expanded to
/// `saint`/`sainte`, single spaces. "St-Étienne" and "saint etienne" both fold
/// to `saint etienne`.
enum NameFolding {
    /// The folded form as ASCII bytes.
    static func fold(_ text: String) -> [UInt8] {
        var letters: [UInt8] = []
        letters.reserveCapacity(text.utf8.count)
        var needsFoundation = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: letters.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: letters.append(byte)
                default: letters.append(0x20)
                }
            } else if let mapped = latinFolding[value] {
                letters.append(contentsOf: mapped.utf8)
            } else if (0x2018...0x2019).contains(value) || value == 0x2013 || value == 0x2014 || value == 0xA0 {
                letters.append(0x20)
            } else if (0x300...0x36F).contains(value) {
                continue // combining accent
            } else {
                needsFoundation = true
                break
            }
        }
        if needsFoundation {
            let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "fr_FR"))
            letters = folded.unicodeScalars.map { scalar in
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) { return UInt8(value) }
                if (0x41...0x5A).contains(value) { return UInt8(value) + 0x20 }
                return 0x20
            }
        }
        // Split into words, expand abbreviations, join with single spaces.
        var result: [UInt8] = []
        result.reserveCapacity(letters.count + 8)
        for word in letters.split(separator: 0x20) {
            if !result.isEmpty { result.append(0x20) }
            if word.elementsEqual("st".utf8) {
                result.append(contentsOf: "saint".utf8)
            } else if word.elementsEqual("ste".utf8) {
                result.append(contentsOf: "sainte".utf8)
            } else {
                result.append(contentsOf: word)
            }
        }
        return result
    }

    private static let latinFolding: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöøÒÓÔÕÖØ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"),
        ]
        for (letters, replacement) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = replacement }
        }
        for (scalar, replacement) in [("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss")] {
            for s in scalar.unicodeScalars { table[s.value] = replacement }
        }
        return table
    }()

    /// Optimal-string-alignment edit distance (insertions, deletions,
    /// substitutions, adjacent transpositions), or `nil` when above `limit`.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 { return m <= limit ? m : nil }
        if m == 0 { return n <= limit ? n : nil }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return previous[m] <= limit ? previous[m] : nil
    }
}
