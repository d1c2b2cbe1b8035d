/// Finds index words at edit distance 1 (insertion, deletion, substitution or
/// adjacent transposition). Words are bucketed by length, so a lookup scans
/// only the words one letter shorter, as long, or one letter longer.
struct TypoIndex: Sendable {
    /// folded surface word → its term.
    let surfaces: [String: String]
    /// length → surface words (UTF-8) of that length.
    let surfaceBuckets: [Int: [[UInt8]]]
    /// length → terms (UTF-8) of that length.
    let termBuckets: [Int: [[UInt8]]]
    let minimumLength: Int

    init(surfaces: [String: String], terms: Set<String>, minimumLength: Int) {
        self.surfaces = surfaces
        self.minimumLength = minimumLength
        surfaceBuckets = TypoIndex.buckets(surfaces.keys.filter { $0.utf8.count >= minimumLength - 1 })
        termBuckets = TypoIndex.buckets(terms.filter { $0.utf8.count >= minimumLength - 2 })
    }

    static func buckets<S: Sequence>(_ words: S) -> [Int: [[UInt8]]] where S.Element == String {
        var result: [Int: [[UInt8]]] = [:]
        for word in words {
            let bytes = Array(word.utf8)
            result[bytes.count, default: []].append(bytes)
        }
        for key in result.keys { result[key]?.sort { $0.lexicographicallyPrecedes($1) } }
        return result
    }

    /// Terms for a misspelled word: through its surface form first, then its stem (at most 3).
    func corrections(surface: String, term: String) -> [String] {
        var found: [String] = []
        for candidate in candidates(Array(surface.utf8), in: surfaceBuckets) {
            if let mapped = surfaces[candidate], !found.contains(mapped) { found.append(mapped) }
        }
        if found.isEmpty, term.utf8.count >= minimumLength - 2 {
            for candidate in candidates(Array(term.utf8), in: termBuckets) where !found.contains(candidate) { found.append(candidate) }
        }
        return Array(found.prefix(3))
    }

    private func candidates(_ word: [UInt8], in buckets: [Int: [[UInt8]]]) -> [String] {
        var result: [String] = []
        for length in (word.count - 1)...(word.count + 1) {
            for candidate in buckets[length] ?? [] where TypoIndex.withinOne(word, candidate) && candidate != word {
                result.append(String(decoding: candidate, as: UTF8.self))
            }
        }
        return result
    }

    static func withinOne(_ a: String, _ b: String) -> Bool { withinOne(Array(a.utf8), Array(b.utf8)) }

    /// Whether `x` and `y` differ by at most one edit (adjacent transposition counts as one).
    static func withinOne(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        if x.count == y.count {
            var first = -1
            var second = -1
            for index in x.indices where x[index] != y[index] {
                if first < 0 { first = index } else if second < 0 { second = index } else { return false }
            }
            if first < 0 || second < 0 { return true }
            return second == first + 1 && x[first] == y[second] && x[second] == y[first]
        }
        if abs(x.count - y.count) != 1 { return false }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        var i = 0
        var j = 0
        var skipped = false
        while i < long.count, j < short.count {
            if long[i] == short[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                i += 1
            }
        }
        return true
    }
}
