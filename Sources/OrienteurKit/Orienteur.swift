@_exported import MaSecuriteCore

/// The orienteur engine: content, navigation sessions, free-text search in
/// French and English, and emergency detection, ready to use.
///
/// ```swift
/// let orienteur = try Orienteur.bundled()
/// let answer = orienteur.ask("on m'a volé mon vélo devant la gare")
/// answer.results.first?.id // "a-veh-velo"
/// ```
public struct Orienteur: Sendable {
    /// The content in use.
    public let content: OrienteurContent
    /// The detector run before every search.
    public let emergencyDetector: EmergencyDetector
    let french: SearchIndex
    let english: SearchIndex

    /// Builds the engine (search indexes included) over `content`.
    /// - Parameter extraDocuments: searchable items the caller adds, e.g. the Teleservices catalog.
    public init(content: OrienteurContent, extraDocuments: [SearchDocument] = [], tuning: SearchTuning = SearchTuning()) {
        self.content = content
        emergencyDetector = EmergencyDetector()
        french = SearchIndex(content: content, language: .french, extraDocuments: extraDocuments, tuning: tuning)
        english = SearchIndex(content: content, language: .english, extraDocuments: extraDocuments, tuning: tuning)
    }

    /// The engine over `provider`'s content.
    public init(provider: any ContentProvider, extraDocuments: [SearchDocument] = []) throws(ContentLoadError) {
        self.init(content: try provider.loadContent(), extraDocuments: extraDocuments)
    }

    /// The engine over the content bundled with the SDK.
    public static func bundled(extraDocuments: [SearchDocument] = []) throws(ContentLoadError) -> Orienteur {
        try Orienteur(provider: BundledContentProvider(), extraDocuments: extraDocuments)
    }

    /// The search index for `language`.
    public func index(for language: Language) -> SearchIndex { language == .french ? french : english }

    /// Answers a citizen's own words: first whether it is a danger happening now
    /// (then the answer is the emergency numbers), then the best leaves, fiches
    /// and teleservices.
    /// - Parameters:
    ///   - language: the language of `sentence`; guessed when nil.
    ///   - limit: how many results at most.
    public func ask(_ sentence: String, language: Language? = nil, limit: Int = 5) -> AskResponse {
        let language = language ?? TextAnalyzer.guessLanguage(sentence)
        let alert = emergencyDetector.detect(sentence)
        let results = index(for: language).search(sentence, limit: limit)
        return AskResponse(language: language, emergency: alert, results: results)
    }

    /// A new navigation session over this content.
    public func session() -> OrientationSession { OrientationSession(content: content) }

    /// Restores a session from a token produced by ``OrientationSession/token``.
    public func session(token: String) throws(SessionTokenError) -> OrientationSession {
        try OrientationSession(token: token, content: content)
    }
}

/// The answer to ``Orienteur/ask(_:language:limit:)``. Encodes exactly as
/// `{"emergency": null | {"reason":…,"actions":[…]}, "results":[…]}`.
public struct AskResponse: Hashable, Sendable, Encodable {
    /// The language the question was read in.
    public let language: Language
    /// Set when the sentence describes a danger happening now: show these numbers first.
    public let emergency: EmergencyAlert?
    /// Ranked results, best first.
    public let results: [SearchResult]

    public init(language: Language, emergency: EmergencyAlert?, results: [SearchResult]) {
        self.language = language
        self.emergency = emergency
        self.results = results
    }

    private enum CodingKeys: String, CodingKey { case emergency, results }
    private struct EmergencyJSON: Encodable { let reason: String; let actions: [String] }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let emergencyJSON = emergency.map { EmergencyJSON(reason: $0.reason.explanation(in: language), actions: $0.actions.map(\.description)) }
        try container.encode(emergencyJSON, forKey: .emergency)
        try container.encode(results, forKey: .results)
    }
}
