/// What a search result points to.
public enum SearchResultKind: String, Hashable, Sendable, Codable {
    /// A final orientation of the decision tree.
    case leaf
    /// A fiche pratique (practical guide).
    case fiche
    /// An online service of the Teleservices catalog (documents injected by the caller).
    case teleservice
}

/// A searchable item the caller adds to the content, e.g. the Teleservices
/// catalog entries (OrienteurKit cannot see the catalog itself).
public struct SearchDocument: Hashable, Sendable {
    public var kind: SearchResultKind
    public var id: String
    public var title: LocalizedText
    public var keywords: LocalizedKeywords
    public var summary: LocalizedText
    public var body: LocalizedText?
    /// What to do, e.g. `[.teleservice("thesee")]`.
    public var actions: [Action]

    public init(kind: SearchResultKind = .teleservice, id: String, title: LocalizedText, keywords: LocalizedKeywords = LocalizedKeywords(),
                summary: LocalizedText, body: LocalizedText? = nil, actions: [Action]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.keywords = keywords
        self.summary = summary
        self.body = body
        self.actions = actions
    }
}

/// One ranked answer to a free-text question.
public struct SearchResult: Hashable, Sendable, Codable {
    public var kind: SearchResultKind
    public var id: String
    /// The title in the language of the question.
    public var title: String
    /// BM25F relevance (higher is better; comparable only within one query).
    public var score: Double
    /// The actions, in canonical string form.
    public var actions: [String]
    /// The words of the question that matched (explains the ranking).
    public var matched: [String]

    public init(kind: SearchResultKind, id: String, title: String, score: Double, actions: [String], matched: [String]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.score = score
        self.actions = actions
        self.matched = matched
    }
}

/// Field weights and BM25 parameters of the search.
public struct SearchTuning: Hashable, Sendable {
    public var k1: Double = 1.2
    public var b: Double = 0.75
    public var titleWeight: Double = 2.5
    public var keywordsWeight: Double = 2.0
    public var summaryWeight: Double = 1.0
    public var bodyWeight: Double = 0.5
    /// Weight of a term reached through the synonym table.
    public var synonymWeight: Double = 0.85
    /// Weight of a term reached through typo tolerance (edit distance 1).
    public var typoWeight: Double = 0.7
    /// Typo tolerance applies to words of at least this many letters.
    public var typoMinimumLength: Int = 5

    public init() {}
}
