/// Finds index words at edit distance 1 (insertion, deletion, substitution or
/// transposition) through a deletion neighbourhood: every word is filed under
/// itself and each of its one-letter deletions.
struct TypoIndex: Sendable {
    /// folded surface word → its term.
    let surfaces: [String: String]
    /// deletion key → surface words.
    let surfaceNeighbours: [String: [String]]
    /// deletion key → terms.
    let termNeighbours: [String: [String]]
    let minimumLength: Int

    init(surfaces: [String: String], terms: Set<String>, minimumLength: Int) {
        self.surfaces = surfaces
        self.minimumLength = minimumLength
        surfaceNeighbours = TypoIndex.neighbourhood(surfaces.keys.filter { $0.utf8.count >= minimumLength - 1 })
        termNeighbours = TypoIndex.neighbourhood(terms.filter { $0.utf8.count >= minimumLength - 2 })
    }

    static func neighbourhood<S: Sequence>(_ words: S) -> [String: [String]] where S.Element == String {
        var result: [String: [String]] = [:]
        for word in words {
            result[word, default: []].append(word)
            for key in deletions(word) where key != word { result[key, default: []].append(word) }
        }
        return result
    }

    static func deletions(_ word: String) -> Set<String> {
        let bytes = Array(word.utf8)
        var keys: Set<String> = []
        guard bytes.count > 1 else { return keys }
        for index in bytes.indices {
            var copy = bytes
            copy.remove(at: index)
            keys.insert(String(decoding: copy, as: UTF8.self))
        }
        return keys
    }

    /// Terms for a misspelled word: through its surface form first, then its stem.
    func corrections(surface: String, term: String) -> [String] {
        var found: [String] = []
        for candidate in candidates(surface, in: surfaceNeighbours) {
            if let mapped = surfaces[candidate], !found.contains(mapped) { found.append(mapped) }
        }
        if found.isEmpty, term.utf8.count >= minimumLength - 2 {
            for candidate in candidates(term, in: termNeighbours) where !found.contains(candidate) { found.append(candidate) }
        }
        return Array(found.prefix(3))
    }

    private func candidates(_ word: String, in neighbours: [String: [String]]) -> [String] {
        var keys = TypoIndex.deletions(word)
        keys.insert(word)
        var result: [String] = []
        for key in keys {
            for candidate in neighbours[key] ?? [] where !result.contains(candidate) && TypoIndex.withinOne(word, candidate) {
                result.append(candidate)
            }
        }
        return result.sorted()
    }

    /// Whether `a` and `b` differ by at most one edit (with adjacent transposition as one edit).
    static func withinOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        if x == y { return true }
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            let diffs = x.indices.filter { x[$0] != y[$0] }
            if diffs.count == 1 { return true }
            if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] { return true }
            return false
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        var i = 0, j = 0, skipped = false
        while i < long.count, j < short.count {
            if long[i] == short[j] { i += 1; j += 1 } else {
                if skipped { return false }
                skipped = true
                i += 1
            }
        }
        return true
    }
}
