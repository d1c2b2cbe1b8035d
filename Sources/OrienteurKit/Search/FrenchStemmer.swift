/// The Snowball French stemmer, implemented from the published algorithm
/// (snowballstem.org, `algorithms/french.sbl`, BSD licence).
///
/// It removes elisions (`l'`, `d'`, `qu'`…), marks the RV, R1 and R2 regions,
/// then strips standard, i-verb, verb and residual suffixes, un-doubles final
/// consonants and removes a last accent. Input must be lowercase; accents are
/// needed by the rules, so fold them only after stemming.
///
/// ```swift
/// FrenchStemmer.stem("cambriolages") // "cambriolag"
/// ```
public enum FrenchStemmer {
    /// The stem of one lowercase French word.
    public static func stem(_ word: String) -> String {
        var worker = Worker(Array(word.unicodeScalars))
        worker.run()
        var result = String.UnicodeScalarView()
        result.append(contentsOf: worker.w)
        return String(result)
    }

    private struct Worker {
        var w: [Unicode.Scalar]
        var pV = 0
        var p1 = 0
        var p2 = 0

        init(_ w: [Unicode.Scalar]) { self.w = w }

        static let vowels: Set<Unicode.Scalar> = Set("aeiouyâàëéêèïîôûù".unicodeScalars)
        static let keepWithS: Set<Unicode.Scalar> = Set("aiouès".unicodeScalars)

        func isVowel(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "a", "e", "i", "o", "u", "y", "â", "à", "ë", "é", "ê", "è", "ï", "î", "ô", "û", "ù": true
            default: false
            }
        }

        /// Plurals in -oux whose reference stem drops the x (bijoux → bijou).
        static let ouxPlurals: Set<String> = ["bijoux", "cailloux", "choux", "genoux", "hiboux", "joujoux", "poux", "jaloux", "époux"]
        /// Words whose -ais/-aise ending is not a verb ending in the reference output.
        static let aisWords: [[Unicode.Scalar]] = ["beauvais", "calais", "malais", "mauvais", "palais", "déplais"].map { Array($0.unicodeScalars) }

        var keepsAis = false
        static let elisionPrefixes: [[Unicode.Scalar]] = ["c", "d", "j", "l", "m", "n", "s", "t", "qu"].map { Array($0.unicodeScalars) }

        mutating func run() {
            elisions()
            if w.last == "x", w.count <= 8, Worker.ouxPlurals.contains(String(String.UnicodeScalarView(w))) {
                w.removeLast()
                return
            }
            keepsAis = w.count >= 6 && Worker.aisWords.contains { w.count >= $0.count && Array(w[0..<$0.count]) == $0 }
            prelude()
            markRegions()
            let changedBySteps: Bool
            if standardSuffix() || iVerbSuffix() || verbSuffix() {
                changedBySteps = true
            } else {
                changedBySteps = false
            }
            if changedBySteps {
                if let last = w.last {
                    if last == "Y" { w[w.count - 1] = "i" } else if last == "ç" { w[w.count - 1] = "c" }
                }
            } else {
                residualSuffix()
            }
            unDouble()
            unAccent()
            postlude()
        }

        // MARK: Prelude and regions

        mutating func elisions() {
            guard w.count > 2, w[1] == "'" || w[2] == "'" else { return }
            for prefix in Worker.elisionPrefixes where w.count > prefix.count + 1 && Array(w[0..<prefix.count]) == prefix && w[prefix.count] == "'" {
                w.removeFirst(prefix.count + 1)
                return
            }
        }

        mutating func prelude() {
            var i = 0
            while i < w.count {
                if applyPrelude(at: i) { continue }
                i += 1
            }
        }

        /// One attempt of the prelude's alternatives at `i`; true when something changed.
        mutating func applyPrelude(at i: Int) -> Bool {
            let c = w[i]
            if isVowel(c), i + 1 < w.count {
                let next = w[i + 1]
                if next == "u", i + 2 < w.count, isVowel(w[i + 2]) { w[i + 1] = "U"; return true }
                if next == "i", i + 2 < w.count, isVowel(w[i + 2]) { w[i + 1] = "I"; return true }
                if next == "y" { w[i + 1] = "Y"; return true }
            }
            if c == "ë" { w.replaceSubrange(i...i, with: ["H", "e"]); return true }
            if c == "ï" { w.replaceSubrange(i...i, with: ["H", "i"]); return true }
            if c == "y", i + 1 < w.count, isVowel(w[i + 1]) { w[i] = "Y"; return true }
            if c == "q", i + 1 < w.count, w[i + 1] == "u" { w[i + 1] = "U"; return true }
            return false
        }

        mutating func markRegions() {
            let n = w.count
            pV = n; p1 = n; p2 = n
            if n >= 3, isVowel(w[0]), isVowel(w[1]) {
                pV = 3
            } else if n >= 3, (w[0] == "p" && w[1] == "a" && w[2] == "r") || (w[0] == "c" && w[1] == "o" && w[2] == "l")
                        || (w[0] == "t" && w[1] == "a" && w[2] == "p") {
                pV = 3
            } else if n >= 3, w[0] == "n", w[1] == "i" {
                pV = 3
            } else if n >= 2, let index = (1..<n).first(where: { isVowel(w[$0]) }) {
                pV = index + 1
            }
            p1 = regionStart(from: 0)
            p2 = regionStart(from: p1)
        }

        /// The position after the first non-vowel that follows a vowel, from `start`.
        func regionStart(from start: Int) -> Int {
            var i = start
            while i < w.count, !isVowel(w[i]) { i += 1 }
            guard i < w.count else { return w.count }
            while i < w.count, isVowel(w[i]) { i += 1 }
            guard i < w.count else { return w.count }
            return i + 1
        }

        // MARK: Helpers

        func ends(with suffix: String) -> Bool {
            var index = w.count
            for scalar in suffix.unicodeScalars.reversed() {
                index -= 1
                if index < 0 || w[index] != scalar { return false }
            }
            return true
        }

        /// The longest suffix of `table` ending the word and starting at or after `limit`.
        func longest(_ table: SuffixTable, limit: Int = 0) -> SuffixMatch? {
            guard let last = w.last, let bucket = table.byLastScalar[last] else { return nil }
            // Buckets are sorted longest first.
            for entry in bucket where entry.scalars.count <= w.count && w.count - entry.scalars.count >= limit {
                var index = w.count - entry.scalars.count
                var matches = true
                for scalar in entry.scalars {
                    if w[index] != scalar { matches = false; break }
                    index += 1
                }
                if matches { return SuffixMatch(suffix: entry.text, start: w.count - entry.scalars.count) }
            }
            return nil
        }

        mutating func deleteFrom(_ start: Int) { w.removeSubrange(start...) }
        mutating func replaceFrom(_ start: Int, with text: String) {
            w.replaceSubrange(start..., with: Array(text.unicodeScalars))
        }

        // MARK: Step 1

        static let standardTable = SuffixTable(standardSuffixes)
        static let iVerbTable = SuffixTable(iVerbSuffixes)
        static let verbTable = SuffixTable(verbSuffixes)
        static let residualTable = SuffixTable(["ion", "ier", "ière", "Ier", "Ière", "e"])
        static let afterEmentTable = SuffixTable(["iv", "eus", "abl", "iqU", "ièr", "Ièr"])
        static let afterIteTable = SuffixTable(["abil", "ic", "iv"])
        static let verbSuffixesESet = Set(verbSuffixesE)

        static let standardSuffixes = [
            "ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes",
            "atrice", "ateur", "ation", "atrices", "ateurs", "ations",
            "logie", "logies", "usion", "ution", "usions", "utions", "ence", "ences",
            "ement", "ements", "ité", "ités", "if", "ive", "ifs", "ives", "eaux", "aux", "euse", "euses",
            "issement", "issements", "amment", "emment", "ment", "ments",
        ]

        mutating func standardSuffix() -> Bool {
            guard let match = longest(Worker.standardTable) else { return false }
            let suffix = match.suffix
            let start = match.start
            switch suffix {
            case "ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes":
                guard start >= p2 else { return false }
                deleteFrom(start)
            case "atrice", "ateur", "ation", "atrices", "ateurs", "ations":
                guard start >= p2 else { return false }
                deleteFrom(start)
                if ends(with: "ic") {
                    let icStart = w.count - 2
                    if icStart >= p2 { deleteFrom(icStart) } else { replaceFrom(icStart, with: "iqU") }
                }
            case "logie", "logies":
                guard start >= p2 else { return false }
                replaceFrom(start, with: "log")
            case "usion", "ution", "usions", "utions":
                guard start >= p2 else { return false }
                replaceFrom(start, with: "u")
            case "ence", "ences":
                guard start >= p2 else { return false }
                replaceFrom(start, with: "ent")
            case "ement", "ements":
                guard start >= pV else { return false }
                deleteFrom(start)
                if let match = longest(Worker.afterEmentTable) {
                    let inner = match.suffix
                    let innerStart = match.start
                    switch inner {
                    case "iv":
                        if innerStart >= p2 {
                            deleteFrom(innerStart)
                            if ends(with: "at"), w.count - 2 >= p2 { deleteFrom(w.count - 2) }
                        }
                    case "eus":
                        if innerStart >= p2 { deleteFrom(innerStart) } else if innerStart >= p1 { replaceFrom(innerStart, with: "eux") }
                    case "abl", "iqU":
                        if innerStart >= p2 { deleteFrom(innerStart) }
                    default:
                        if innerStart >= pV { replaceFrom(innerStart, with: "i") }
                    }
                }
            case "ité", "ités":
                guard start >= p2 else { return false }
                deleteFrom(start)
                if let match = longest(Worker.afterIteTable) {
                    let inner = match.suffix
                    let innerStart = match.start
                    switch inner {
                    case "abil":
                        if innerStart >= p2 { deleteFrom(innerStart) } else { replaceFrom(innerStart, with: "abl") }
                    case "ic":
                        if innerStart >= p2 { deleteFrom(innerStart) } else { replaceFrom(innerStart, with: "iqU") }
                    default:
                        if innerStart >= p2 { deleteFrom(innerStart) }
                    }
                }
            case "if", "ive", "ifs", "ives":
                guard start >= p2 else { return false }
                deleteFrom(start)
                if ends(with: "at"), w.count - 2 >= p2 {
                    deleteFrom(w.count - 2)
                    if ends(with: "ic") {
                        let icStart = w.count - 2
                        if icStart >= p2 { deleteFrom(icStart) } else { replaceFrom(icStart, with: "iqU") }
                    }
                }
            case "eaux":
                replaceFrom(start, with: "eau")
            case "aux":
                guard start >= p1 else { return false }
                replaceFrom(start, with: "al")
            case "euse", "euses":
                if start >= p2 { deleteFrom(start) } else if start >= p1 { replaceFrom(start, with: "eux") } else { return false }
            case "issement", "issements":
                guard start >= p1, start >= 1, !isVowel(w[start - 1]) else { return false }
                deleteFrom(start)
            case "amment":
                if start >= pV { replaceFrom(start, with: "ant") }
                return false
            case "emment":
                if start >= pV { replaceFrom(start, with: "ent") }
                return false
            default: // "ment", "ments"
                if start >= 1, isVowel(w[start - 1]), start - 1 >= pV { deleteFrom(start) }
                return false
            }
            return true
        }

        // MARK: Step 2

        static let iVerbSuffixes = [
            "îmes", "ît", "îtes", "i", "ie", "ies", "ir", "ira", "irai", "iraIent", "irais", "irait", "iras",
            "irent", "irez", "iriez", "irions", "irons", "iront", "is", "issaIent", "issais", "issait",
            "issant", "issante", "issantes", "issants", "isse", "issent", "isses", "issez", "issiez",
            "issions", "issons", "it",
        ]

        mutating func iVerbSuffix() -> Bool {
            guard let start = longest(Worker.iVerbTable, limit: pV)?.start else { return false }
            guard start - 1 >= pV, w[start - 1] != "H", !isVowel(w[start - 1]) else { return false }
            deleteFrom(start)
            return true
        }

        static let verbSuffixesE = [
            "é", "ée", "ées", "és", "èrent", "er", "era", "erai", "eraIent", "erais", "erait", "eras",
            "erez", "eriez", "erions", "erons", "eront", "ez", "iez",
        ]
        static let verbSuffixesA = [
            "âmes", "ât", "âtes", "a", "ai", "aIent", "ais", "ait", "ant", "ante", "antes", "ants", "as",
            "asse", "assent", "asses", "assiez", "assions", "aise", "aises",
        ]
        static let verbSuffixes = ["ions"] + verbSuffixesE + verbSuffixesA

        mutating func verbSuffix() -> Bool {
            guard let match = longest(Worker.verbTable, limit: pV) else { return false }
            let suffix = match.suffix
            let start = match.start
            if keepsAis, suffix == "ais" || suffix == "aise" || suffix == "aises" { return false }
            if suffix == "ions" {
                guard start >= p2 else { return false }
                deleteFrom(start)
            } else if Worker.verbSuffixesESet.contains(suffix) {
                deleteFrom(start)
            } else {
                deleteFrom(start)
                if ends(with: "e"), w.count - 1 >= pV { deleteFrom(w.count - 1) }
            }
            return true
        }

        // MARK: Step 4

        mutating func residualSuffix() {
            if ends(with: "s") {
                let k = w.count - 1
                let afterHi = k >= 2 && w[k - 2] == "H" && w[k - 1] == "i"
                let notKept = k >= 1 && !["a", "i", "o", "u", "è", "s"].contains(w[k - 1])
                if afterHi || notKept { deleteFrom(k) }
            }
            guard let match = longest(Worker.residualTable, limit: pV) else { return }
            let suffix = match.suffix
            let start = match.start
            switch suffix {
            case "ion":
                if start >= p2, start - 1 >= pV, w[start - 1] == "s" || w[start - 1] == "t" { deleteFrom(start) }
            case "e":
                deleteFrom(start)
            default:
                replaceFrom(start, with: "i")
            }
        }

        // MARK: Steps 5, 6 and postlude

        mutating func unDouble() {
            if ends(with: "enn") || ends(with: "onn") || ends(with: "ett") || ends(with: "ell") || ends(with: "eill") {
                w.removeLast()
            }
        }

        mutating func unAccent() {
            var i = w.count - 1
            var skipped = 0
            while i >= 0, !isVowel(w[i]) { i -= 1; skipped += 1 }
            guard skipped >= 1, i >= 0, w[i] == "é" || w[i] == "è" else { return }
            w[i] = "e"
        }

        mutating func postlude() {
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(w.count)
            var i = 0
            while i < w.count {
                let c = w[i]
                switch c {
                case "I": out.append("i")
                case "U": out.append("u")
                case "Y": out.append("y")
                case "H":
                    if i + 1 < w.count, w[i + 1] == "e" { out.append("ë"); i += 1 } else if i + 1 < w.count, w[i + 1] == "i" { out.append("ï"); i += 1 }
                default: out.append(c)
                }
                i += 1
            }
            w = out
        }
    }
}

/// Suffixes bucketed by their last scalar, longest first, for allocation-free matching.
struct SuffixTable: Sendable {
    struct Entry: Sendable {
        let text: String
        let scalars: [Unicode.Scalar]
    }

    let byLastScalar: [Unicode.Scalar: [Entry]]

    init(_ suffixes: [String]) {
        var buckets: [Unicode.Scalar: [Entry]] = [:]
        for suffix in suffixes {
            let scalars = Array(suffix.unicodeScalars)
            guard let last = scalars.last else { continue }
            buckets[last, default: []].append(Entry(text: suffix, scalars: scalars))
        }
        byLastScalar = buckets.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }
}

/// A suffix found at the end of a word.
struct SuffixMatch {
    let suffix: String
    let start: Int
}
