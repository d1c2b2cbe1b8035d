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
    public let language: Language

    public init(language: Language) { self.language = language }

    /// The tokens of `text`, stop words removed.
    public func tokens(_ text: String) -> [AnalyzedToken] {
        var result: [AnalyzedToken] = []
        for word in TextAnalyzer.words(text) {
            guard let surface = strip(word) else { continue }
            let stops = language == .french ? TextAnalyzer.frenchStopWords : TextAnalyzer.englishStopWords
            if stops.contains(surface) { continue }
            let stem = language == .french ? FrenchStemmer.stem(surface) : EnglishStemmer.stem(surface)
            let term = TextAnalyzer.fold(stem)
            guard !term.isEmpty else { continue }
            result.append(AnalyzedToken(surface: surface, term: term))
        }
        return result
    }

    /// The search terms of `text`.
    public func terms(_ text: String) -> [String] { tokens(text).map(\.term) }

    /// Removes elisions and possessive endings; nil when nothing is left.
    func strip(_ word: String) -> String? {
        var word = word
        if word.contains("'") {
            let parts = word.split(separator: "'", omittingEmptySubsequences: true).map(String.init)
            guard !parts.isEmpty else { return nil }
            if language == .french {
                let elided: Set<String> = ["l", "d", "qu", "j", "m", "n", "s", "t", "c", "jusqu", "lorsqu", "puisqu", "quoiqu"]
                if parts.count >= 2, elided.contains(parts[0]) {
                    word = parts.dropFirst().joined(separator: "'")
                } else if word == "aujourd'hui" {
                    return word
                } else {
                    word = parts.joined()
                }
            } else {
                // English: drop possessive 's and contractions ('t, 're, 've, 'm, 'll, 'd).
                word = parts[0]
                if parts.count >= 2, parts[1] == "t", word.hasSuffix("n") { word = String(word.dropLast()) }
            }
        }
        return word.isEmpty ? nil : word
    }

    /// Splits `text` into lowercase words of letters and digits, keeping inner apostrophes.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(scalar)
            } else if scalar == "'" || scalar == "’" || scalar == "‘" || scalar == "`" {
                if !current.isEmpty { current.append("'") }
            } else {
                if !current.isEmpty { words.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
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
