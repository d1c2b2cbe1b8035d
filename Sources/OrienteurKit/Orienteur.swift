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
    /// - Parameters:
    ///   - content: the content to answer from.
    ///   - extraDocuments: searchable items the caller adds, e.g. the Teleservices catalog.
    ///   - tuning: the search's field weights and BM25 parameters.
    public init(content: OrienteurContent, extraDocuments: [SearchDocument] = [], tuning: SearchTuning = SearchTuning()) {
        self.content = content
        emergencyDetector = EmergencyDetector(content: content)
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
    ///
    /// Never throws: a sentence longer than ``QueryLimit/maximumCharacters``
    /// is read up to the bound only (``QueryLimit/truncated(_:)``); call
    /// ``QueryLimit/check(_:)`` first to refuse it instead.
    /// - Parameters:
    ///   - sentence: what the citizen wrote.
    ///   - language: the language of `sentence`; guessed when nil.
    ///   - limit: how many results at most.
    public func ask(_ sentence: String, language: Language? = nil, limit: Int = 5) -> AskResponse {
        let sentence = QueryLimit.truncated(sentence)
        let guessed = TextAnalyzer.guessLanguage(sentence)
        let language = language ?? guessed
        let index = index(for: language)
        let tokens = index.queryTokens(sentence)
        // A few more candidates than asked, so that setting aside an emergency leaf still fills `limit`.
        var results = index.search(tokens: tokens, limit: limit + 3)
        // The emergency model reads the terms of the sentence's own language, the ones just analysed
        // unless the caller chose another language.
        // The sentence is read for its cues once; the checks below share that reading.
        let words = CueSentence(sentence, vocabulary: EmergencyCues.vocabulary)
        let reading = CueReading(words)
        var alert = emergencyDetector.assess(sentence, reading: reading, results: results,
                                             terms: language == guessed ? index.terms(of: tokens) : nil)
        // A long message that asks about something else first and tells a danger happening now last.
        if alert == nil, let told = emergencyDetector.dangerToldLast(in: sentence, words: words, search: { index.search($0, limit: limit + 3) }) {
            alert = told.alert
            results = told.results + results.filter { result in !told.results.contains { $0.id == result.id } }
        }
        if let alert {
            results = promotingEmergencyLeaves(for: alert, in: results, language: language)
        } else {
            // No danger now: a leaf for a situation in progress ("cambriolage en cours") is not the
            // answer to a past or calm sentence; its calm siblings (plainte, station) come first.
            // Nor is a leaf that only gives emergency numbers ("Danger immédiat : appelez les secours").
            func inProgress(_ result: SearchResult) -> Bool {
                guard result.kind == .leaf, let leaf = content.leaf(result.id) else { return false }
                return leaf.danger?.when == .ongoing
                    || (leaf.emergency && leaf.actions.allSatisfy { $0.kind == "call" || $0.kind == "sms" })
            }
            // Except when the sentence asks what to do if it happens ("que faire si je surprends un cambrioleur ?"):
            // the leaf for the situation in progress says what to do then.
            if !reading.hypothetical {
                results = results.filter { !inProgress($0) } + results.filter(inProgress)
            }
        }
        return AskResponse(language: language, emergency: alert, results: Array(results.prefix(limit)))
    }

    /// In danger, the first answers are the leaves that give the numbers: the one that fits the
    /// situation, then the content's leaf for the main reason (for the person in danger, or for a
    /// witness). Then the search's own order, so that the leaf for the situation itself (a false
    /// tradesman in the flat, a small child alone) stays in view; the content's other default
    /// leaves for the reason come last.
    private func promotingEmergencyLeaves(for alert: EmergencyAlert, in results: [SearchResult], language: Language) -> [SearchResult] {
        var first: [String] = []
        var defaults = emergencyDetector.defaultLeaves(for: alert.reason)
        if alert.fromWitness { defaults.reverse() }
        // Two leaves with the numbers: when the situation's leaf is itself the first default (a witness's
        // "call for help"), the other default (the person in danger's) is the second.
        for id in [alert.leafID].compactMap({ $0 }) + defaults where !first.contains(id) && first.count < 2 {
            first.append(id)
        }
        // A leaf the search did not rank, shown for its numbers.
        func unranked(_ id: String) -> SearchResult? {
            content.leaf(id).map { SearchResult(kind: .leaf, id: $0.id, title: $0.title.text(in: language), score: 0,
                                                actions: $0.actions.map(\.description), matched: []) }
        }
        let promoted = first.compactMap { id in results.first { $0.id == id } ?? unranked(id) }
        // Then the search's own order: a leaf for the situation itself (a false tradesman, a child
        // alone) is worth more than a second page of numbers; the other defaults come last.
        let rest = results.filter { !first.contains($0.id) }
        let others = defaults.dropFirst().filter { id in !first.contains(id) && !rest.contains { $0.id == id } }
        return promoted + rest + others.compactMap(unranked)
    }

    /// The features the learnt emergency model reads for `sentence` (see ``EmergencyDetector/features(of:results:)``),
    /// with the search run as ``ask(_:language:limit:)`` runs it (the model reads its first three results):
    /// what `masecurite content train-emergency` learns from.
    public func emergencyFeatures(of sentence: String, language: Language) -> [String] {
        let sentence = QueryLimit.truncated(sentence)
        return emergencyDetector.features(of: sentence, results: index(for: language).search(sentence, limit: 6))
    }

    /// A new navigation session over this content.
    public func session() -> OrientationSession { OrientationSession(content: content) }

    /// Restores a session from a token produced by ``OrientationSession/token``.
    public func session(token: String) throws(SessionTokenError) -> OrientationSession {
        try OrientationSession(token: token, content: content)
    }
}

/// The answer to ``Orienteur/ask(_:language:limit:)``. Encodes exactly as
/// `{"emergency": null | {"reason":…,"reasons":[…],"actions":[…],"cues":[…],"leaf":…,"possible":…}, "results":[…]}`.
public struct AskResponse: Hashable, Sendable, Encodable {
    /// The language the question was read in.
    public let language: Language
    /// Set when the sentence describes a danger happening now: show these numbers first.
    public let emergency: EmergencyAlert?
    /// Ranked results, best first.
    public let results: [SearchResult]

    /// Creates a value from its fields.
    public init(language: Language, emergency: EmergencyAlert?, results: [SearchResult]) {
        self.language = language
        self.emergency = emergency
        self.results = results
    }

    private enum CodingKeys: String, CodingKey { case emergency, results }
    private struct EmergencyJSON: Encodable {
        let reason: String
        let reasons: [String]
        let actions: [String]
        let cues: [String]
        let leaf: String?
        let possible: Bool
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let emergencyJSON = emergency.map { EmergencyJSON(reason: $0.reason.explanation(in: language), reasons: $0.reasons.map(\.rawValue),
                                                     actions: $0.actions.map(\.description), cues: $0.cues, leaf: $0.leafID,
                                                     possible: $0.isPossible) }
        try container.encode(emergencyJSON, forKey: .emergency)
        try container.encode(results, forKey: .results)
    }
}
