/// One analysed word: the lowercased surface form and the search term
/// (stemmed, then accent-folded).
public struct AnalyzedToken: Hashable, Sendable {
    /// The word as written, lowercased, elision removed.
    public let surface: String
    /// The indexed form: stem with accents and ligatures folded.
    public let term: String
}

/// Turns text into search terms: lowercase, apostrophes and elisions
/// (`l'`, `d'`, `qu'`, `j'`, `m'`, `n'`, `s'`, `t'`, `c'`, also with `’`),
/// stop words, stemming (Snowball French or a light English stemmer), then
/// accent and ligature folding — after stemming, since the French rules need accents.
public struct TextAnalyzer: Sendable {
    /// The language.
    public let language: Language

    /// Creates a value from its fields.
    public init(language: Language) { self.language = language }

    /// The tokens of `text`, stop words removed.
    public func tokens(_ text: String) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        forEachSurface(text) { surface in
            let term = self.term(surface)
            if !term.isEmpty { result.append(AnalyzedToken(surface: surface, term: term)) }
        }
        return result
    }

    /// The words of `text` after elision removal, stop words dropped (lowercase, accents kept).
    func surfaceWords(_ text: String) -> [String] {
        var result: [String] = []
        forEachSurface(text) { result.append($0) }
        return result
    }

    /// Calls `body` with each surface word of `text` (lowercase, elision removed,
    /// accents kept), stop words dropped.
    @inline(__always)
    func forEachSurface(_ text: String, _ body: (String) -> Void) {
        let stops = language == .french ? TextAnalyzer.frenchStopWords : TextAnalyzer.englishStopWords
        forEachStrippedWord(text) { surface in
            if !stops.contains(surface) { body(surface) }
        }
    }

    /// Calls `body` with each word of `text` after elision removal (stop words kept).
    @inline(__always)
    func forEachStrippedWord(_ text: String, _ body: (String) -> Void) {
        let french = language == .french
        TextAnalyzer.forEachWord(text) { word in
            if let surface = TextAnalyzer.strip(word, french: french) { body(surface) }
        }
    }

    /// The search term of one surface word: stemmed, then folded.
    func term(_ surface: String) -> String {
        TextAnalyzer.fold(language == .french ? FrenchStemmer.stem(surface) : EnglishStemmer.stem(surface))
    }

    /// The search terms of `text`.
    public func terms(_ text: String) -> [String] { tokens(text).map(\.term) }

    /// Removes elisions and possessive endings; nil when nothing is left.
    func strip(_ word: String) -> String? {
        TextAnalyzer.strip(Array(word.utf8), french: language == .french)
    }

    static let apostrophe = UInt8(ascii: "'")
    static let frenchElisions: [[UInt8]] = ["l", "d", "qu", "j", "m", "n", "s", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu"].map { Array($0.utf8) }
    static let aujourdhui = Array("aujourd'hui".utf8)

    /// Removes elisions and possessive endings from one word (lowercase UTF-8,
    /// apostrophes as `'`); nil when nothing is left.
    static func strip(_ word: [UInt8], french: Bool) -> String? {
        guard word.contains(apostrophe) else {
            return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
        }
        let parts = word.split(separator: apostrophe, omittingEmptySubsequences: true)
        guard let first = parts.first else { return nil }
        var result: [UInt8]
        if french {
            if parts.count >= 2, frenchElisions.contains(where: { $0.elementsEqual(first) }) {
                result = Array(parts[1])
                for part in parts.dropFirst(2) {
                    result.append(apostrophe)
                    result.append(contentsOf: part)
                }
            } else if word == aujourdhui {
                return "aujourd'hui"
            } else {
                result = []
                for part in parts { result.append(contentsOf: part) }
            }
        } else {
            // English: drop possessive 's and contractions ('t, 're, 've, 'm, 'll, 'd).
            result = Array(first)
            if parts.count >= 2, parts[1].elementsEqual([UInt8(ascii: "t")]), result.last == UInt8(ascii: "n") { result.removeLast() }
        }
        return result.isEmpty ? nil : String(decoding: result, as: UTF8.self)
    }

    /// Splits `text` into lowercase words of letters and digits, keeping inner apostrophes.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each lowercase word of `text` (letters and digits, inner
    /// apostrophes as `'`) as UTF-8 bytes, reading the text's UTF-8 once.
    /// Same as lowercasing the whole text then splitting, without building it.
    @inline(__always)
    static func forEachWord(_ text: String, _ body: ([UInt8]) -> Void) {
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    i += 1
                    if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) {
                        current.append(byte)
                    } else if byte >= 65 && byte <= 90 {
                        current.append(byte + 32)
                    } else if byte == 39 || byte == 96 {
                        if !current.isEmpty { current.append(apostrophe) }
                    } else if !current.isEmpty {
                        body(current)
                        current.removeAll(keepingCapacity: true)
                    }
                    continue
                }
                // A multi-byte scalar (the string is valid UTF-8).
                var value = Self.multiByteScalar(bytes, at: &i)
                if value >= 0xC0 && value <= 0xFF && value != 0xD7 && value != 0xF7 {
                    // Latin-1 letters: uppercase ones lowercase by +0x20 (ß and ÿ are already lowercase).
                    if value <= 0xDE { value += 0x20 }
                    appendUTF8(value, to: &current)
                    continue
                }
                guard let scalar = Unicode.Scalar(value) else { continue }
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    let isWordScalar = lower.value < 128
                        ? (lower.value >= 97 && lower.value <= 122) || (lower.value >= 48 && lower.value <= 57)
                        : lower.properties.isAlphabetic
                    if isWordScalar {
                        appendUTF8(lower.value, to: &current)
                    } else if lower == "'" || lower == "’" || lower == "‘" || lower == "`" {
                        if !current.isEmpty { current.append(apostrophe) }
                    } else if !current.isEmpty {
                        body(current)
                        current.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        if !current.isEmpty { body(current) }
    }

    @inline(__always)
    /// The scalar of the multi-byte UTF-8 sequence starting at `index` (the buffer holds valid
    /// UTF-8, as a Swift string's does); `index` moves past it.
    static func multiByteScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let byte = bytes[index]
        if byte < 0xE0 {
            defer { index += 2 }
            return (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
        }
        if byte < 0xF0 {
            defer { index += 3 }
            return (UInt32(byte & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
        }
        defer { index += 4 }
        return (UInt32(byte & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12) | (UInt32(bytes[index + 2] & 0x3F) << 6)
            | UInt32(bytes[index + 3] & 0x3F)
    }

    static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// Folds accents and ligatures: `é` → `e`, `œ` → `oe`, `ç` → `c`.
    public static func fold(_ text: String) -> String {
        var needs = false
        for scalar in text.unicodeScalars where scalar.value > 127 { needs = true; break }
        guard needs else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 128 { result.append(scalar); continue }
            switch scalar {
            case "à", "â", "ä", "á", "ã", "å": result.append("a")
            case "ç", "ć": result.append("c")
            case "é", "è", "ê", "ë": result.append("e")
            case "î", "ï", "í", "ì": result.append("i")
            case "ô", "ö", "ó", "ò", "õ": result.append("o")
            case "ù", "û", "ü", "ú": result.append("u")
            case "ÿ", "ý": result.append("y")
            case "ñ": result.append("n")
            case "œ": result.append(contentsOf: "oe".unicodeScalars)
            case "æ": result.append(contentsOf: "ae".unicodeScalars)
            case "'": break
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The ASCII letters a non-ASCII lowercase scalar folds to (`é` → `e`, `œ` → `oe`), nil when it stays.
    static func folding(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "à", "â", "ä", "á", "ã", "å": "a"
        case "ç", "ć": "c"
        case "é", "è", "ê", "ë": "e"
        case "î", "ï", "í", "ì": "i"
        case "ô", "ö", "ó", "ò", "õ": "o"
        case "ù", "û", "ü", "ú": "u"
        case "ÿ", "ý": "y"
        case "ñ": "n"
        case "œ": "oe"
        case "æ": "ae"
        default: nil
        }
    }

    /// Guesses whether `text` is English or French from common function words
    /// (French when unsure, the reference language).
    public static func guessLanguage(_ text: String) -> Language {
        var english = 0
        var french = 0
        let englishMarkers: Set<String> = ["the", "my", "i", "is", "was", "someone", "me", "and", "what", "how", "it", "to", "of",
                                           "have", "has", "been", "in", "on", "at", "he", "she", "they", "stole", "stolen", "got",
                                           "want", "need", "can", "do", "where", "who", "with", "from", "this", "that", "am", "are", "im"]
        let frenchMarkers: Set<String> = ["le", "la", "les", "un", "une", "des", "mon", "ma", "mes", "je", "j", "il", "elle", "on",
                                          "est", "et", "de", "du", "que", "qui", "pour", "dans", "sur", "au", "pas", "ne", "me",
                                          "m", "l", "d", "c", "ai", "suis", "moi", "comment", "faire", "quoi", "jai", "chez", "avec"]
        for word in words(text) {
            let head = word.split(separator: "'").first.map(String.init) ?? word
            if englishMarkers.contains(head) { english += 1 }
            if frenchMarkers.contains(head) { french += 1 }
        }
        return english > french ? .english : .french
    }

    static let frenchStopWords: Set<String> = Set([
        "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "et",
        "eux", "il", "ils", "je", "j", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "même", "mes", "moi",
        "mon", "ne", "nos", "notre", "nous", "on", "ou", "où", "par", "pas", "pour", "qu", "que", "qui", "quoi", "sa", "se",
        "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "c", "d", "l",
        "m", "n", "s", "t", "ça", "ca", "cela", "ceci", "est", "es", "suis", "sommes", "êtes", "sont", "été", "être", "ai",
        "as", "avons", "avez", "ont", "avoir", "eu", "était", "étais", "avait", "avais", "fait", "faire", "fais", "très",
        "trop", "plus", "moins", "tout", "tous", "toute", "toutes", "si", "donc", "car", "alors", "comme", "quand", "aussi",
        "bien", "encore", "déjà", "ya", "il", "jai", "jsuis", "chui", "g", "ke", "kel", "koi", "stp", "svp", "bonjour",
        "merci", "slt", "salut", "bjr", "hello", "mdr", "lol", "euh", "bah", "ben", "genre", "vraiment", "juste", "là",
        "ici", "quelqu", "quelque", "chose", "veux", "voudrais", "voudrait", "peux", "dois", "faut", "comment", "quel",
        "quelle", "quels", "quelles", "ai-je", "dois-je", "peut", "va", "vais", "lors", "sans", "entre", "vers",
        "chez", "depuis", "après", "avant", "sous", "contre", "non", "oui", "rien", "qqn", "qlq", "pr", "ds",
        "ki", "jme", "jte", "cest", "aucun", "aucune", "dont", "lequel", "laquelle",
    ])

    static let englishStopWords: Set<String> = Set([
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about",
        "as", "is", "are", "was", "were", "be", "been", "being", "am", "i", "me", "my", "mine", "myself", "you", "your", "he",
        "him", "his", "she", "her", "it", "its", "we", "our", "they", "them", "their", "this", "that", "these", "those", "do",
        "does", "did", "have", "has", "had", "having", "what", "which", "who", "whom", "how", "when", "where", "why", "can",
        "could", "should", "would", "will", "shall", "may", "might", "must", "so", "too", "very", "just", "not", "no", "yes",
        "there", "here", "some", "any", "all", "up", "out", "off", "over", "again", "then", "than", "im", "ive", "dont",
        "please", "hi", "hello", "thanks", "want", "need", "get", "got", "someone", "somebody", "something", "thing", "do",
        "s", "t", "d", "ll", "m", "re", "ve",
    ])
}
