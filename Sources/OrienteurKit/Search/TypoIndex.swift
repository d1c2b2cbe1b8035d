/// Finds index words at edit distance 1 (insertion, deletion, substitution or
/// adjacent transposition). Words are bucketed by length in flat byte buffers,
/// so a lookup scans only the words one letter shorter, as long, or one letter
/// longer, without touching one allocation per word.
struct TypoIndex: Sendable {
    /// The words of one length, back to back, each with its term id.
    struct Bucket: Sendable {
        var bytes: [UInt8] = []
        var values: [Int32] = []
    }

    /// length → folded surface words of that length (value: their term id).
    let surfaceBuckets: [Bucket]
    /// length → terms of that length (value: the term id).
    let termBuckets: [Bucket]
    let minimumLength: Int

    /// - Parameters:
    ///   - surfaces: folded surface word → term id.
    ///   - terms: term id → term.
    ///   - vocabulary: the term ids that can be corrections.
    init(surfaces: [String: Int32], terms: [String], vocabulary: [Int32], minimumLength: Int) {
        self.minimumLength = minimumLength
        var surfaceBuckets: [Bucket] = []
        for (word, id) in surfaces where word.utf8.count >= minimumLength - 1 {
            TypoIndex.add(word, id, to: &surfaceBuckets)
        }
        var termBuckets: [Bucket] = []
        for id in vocabulary where terms[Int(id)].utf8.count >= minimumLength - 2 {
            TypoIndex.add(terms[Int(id)], id, to: &termBuckets)
        }
        self.surfaceBuckets = surfaceBuckets
        self.termBuckets = termBuckets
    }

    static func add(_ word: String, _ value: Int32, to buckets: inout [Bucket]) {
        let length = word.utf8.count
        while buckets.count <= length { buckets.append(Bucket()) }
        buckets[length].bytes.append(contentsOf: word.utf8)
        buckets[length].values.append(value)
    }

    /// Term ids for a misspelled word: through its folded surface form first, then its stem (at most 3).
    func corrections(surface: String, term: String) -> [Int32] {
        var found: [Int32] = []
        for (_, mapped) in candidates(Array(surface.utf8), in: surfaceBuckets) where !found.contains(mapped) { found.append(mapped) }
        if found.isEmpty, term.utf8.count >= minimumLength - 2 {
            for (_, candidate) in candidates(Array(term.utf8), in: termBuckets) where !found.contains(candidate) { found.append(candidate) }
        }
        return Array(found.prefix(3))
    }

    /// The words at distance 1 of `word`, sorted by text so results never depend on hashing.
    private func candidates(_ word: [UInt8], in buckets: [Bucket]) -> [(String, Int32)] {
        var result: [(String, Int32)] = []
        word.withUnsafeBufferPointer { word in
            for length in max(0, word.count - 1)...(word.count + 1) where length < buckets.count && length > 0 {
                let bucket = buckets[length]
                bucket.bytes.withUnsafeBufferPointer { bytes in
                    for index in 0..<bucket.values.count {
                        let candidate = UnsafeBufferPointer(rebasing: bytes[(index * length)..<((index + 1) * length)])
                        if TypoIndex.withinOne(word, candidate) && !candidate.elementsEqual(word) {
                            result.append((String(decoding: candidate, as: UTF8.self), bucket.values[index]))
                        }
                    }
                }
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func withinOne(_ a: String, _ b: String) -> Bool {
        Array(a.utf8).withUnsafeBufferPointer { x in Array(b.utf8).withUnsafeBufferPointer { y in withinOne(x, y) } }
    }

    /// Whether `x` and `y` differ by at most one edit (adjacent transposition counts as one).
    static func withinOne(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        if x.count == y.count {
            var first = -1
            var second = -1
            for index in 0..<x.count where x[index] != y[index] {
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
