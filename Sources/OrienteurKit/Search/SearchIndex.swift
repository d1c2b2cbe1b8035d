/// A BM25F index over leaves, fiches and injected documents, for one language.
///
/// Fields are weighted title > keywords > summary > body; each query word is
/// expanded through the synonym table, and words of 5+ letters unknown to the
/// index are matched to index words at edit distance 1.
public struct SearchIndex: Sendable {
    struct Document: Sendable {
        let kind: SearchResultKind
        let id: String
        let title: String
        let actions: [String]
    }

    struct WeightedTerm: Sendable {
        let term: String
        let weight: Double
    }

    struct QueryGroup: Sendable {
        let surface: String
        let alternatives: [WeightedTerm]
        let counts: Bool
    }

    struct RankedDocument: Sendable {
        let document: Int
        let score: Double
    }

    struct Phrase: Sendable {
        let terms: [String]
        let expansion: [String]
    }

    struct Posting: Sendable {
        let document: Int32
        let frequency: Float
    }

    public let language: Language
    public let tuning: SearchTuning
    let analyzer: TextAnalyzer
    let documents: [Document]
    /// term → postings (weighted, length-normalised term frequency per document).
    let postings: [String: [Posting]]
    let idf: [String: Double]
    /// term → other terms of its synonym groups.
    let synonyms: [String: [String]]
    /// Multi-word synonym phrases (terms) → the single terms they stand for.
    let phrases: [Phrase]
    /// Typo tolerance over folded surface words and terms.
    let typos: TypoIndex

    /// Builds the index for `language` from `content` and optional extra documents.
    public init(content: OrienteurContent, language: Language, extraDocuments: [SearchDocument] = [], tuning: SearchTuning = SearchTuning()) {
        self.language = language
        self.tuning = tuning
        let analyzer = TextAnalyzer(language: language)
        self.analyzer = analyzer

        struct Fields { var title: String; var keywords: [String]; var summary: String; var body: String }
        var sources: [(Document, Fields)] = []
        func text(_ value: LocalizedText?) -> String {
            guard let value else { return "" }
            return language == .french ? value.french : (value.english ?? "")
        }
        for leaf in content.leaves {
            sources.append((Document(kind: .leaf, id: leaf.id, title: leaf.title.text(in: language), actions: leaf.actions.map(\.description)),
                            Fields(title: text(leaf.title), keywords: leaf.keywords.words(in: language), summary: text(leaf.summary), body: text(leaf.body))))
        }
        for fiche in content.fiches {
            let body = fiche.sections.map { text($0.heading) + ". " + text($0.body) }.joined(separator: " ")
            sources.append((Document(kind: .fiche, id: fiche.id, title: fiche.title.text(in: language), actions: fiche.actions.map(\.description)),
                            Fields(title: text(fiche.title), keywords: fiche.keywords.words(in: language), summary: text(fiche.summary), body: body)))
        }
        for extra in extraDocuments {
            sources.append((Document(kind: extra.kind, id: extra.id, title: extra.title.text(in: language), actions: extra.actions.map(\.description)),
                            Fields(title: text(extra.title), keywords: extra.keywords.words(in: language), summary: text(extra.summary), body: text(extra.body))))
        }

        // Term counts per field.
        var surfaces: [String: String] = [:]
        // Each distinct word is stemmed once (content repeats its words a lot).
        var termCache: [String: String] = [:]
        func count(_ text: String) -> ([String: Int], Int) {
            var counts: [String: Int] = [:]
            var length = 0
            for surface in analyzer.surfaceWords(text) {
                let term: String
                if let cached = termCache[surface] {
                    term = cached
                } else {
                    term = analyzer.term(surface)
                    termCache[surface] = term
                    if !term.isEmpty { surfaces[TextAnalyzer.fold(surface)] = term }
                }
                guard !term.isEmpty else { continue }
                counts[term, default: 0] += 1
                length += 1
            }
            return (counts, length)
        }
        var fieldCounts: [[([String: Int], Int)]] = []
        var totals = [0.0, 0.0, 0.0, 0.0]
        for (_, fields) in sources {
            let counts = [count(fields.title), count(fields.keywords.joined(separator: " . ")), count(fields.summary), count(fields.body)]
            for (offset, entry) in counts.enumerated() { totals[offset] += Double(entry.1) }
            fieldCounts.append(counts)
        }
        let n = Double(max(sources.count, 1))
        let averages = totals.map { max($0 / n, 1) }
        let weights = [tuning.titleWeight, tuning.keywordsWeight, tuning.summaryWeight, tuning.bodyWeight]
        var postings: [String: [Posting]] = [:]
        for (documentIndex, counts) in fieldCounts.enumerated() {
            var weighted: [String: Double] = [:]
            for (field, entry) in counts.enumerated() {
                let norm = 1 - tuning.b + tuning.b * Double(entry.1) / averages[field]
                for (term, frequency) in entry.0 { weighted[term, default: 0] += weights[field] * Double(frequency) / norm }
            }
            for (term, frequency) in weighted {
                postings[term, default: []].append(Posting(document: Int32(documentIndex), frequency: Float(frequency)))
            }
        }
        var idf: [String: Double] = [:]
        for (term, list) in postings {
            let df = Double(list.count)
            idf[term] = log(1 + (n - df + 0.5) / (df + 0.5))
        }
        self.documents = sources.map(\.0)
        self.postings = postings
        self.idf = idf

        // Synonyms.
        var synonymMap: [String: Set<String>] = [:]
        var phrases: [Phrase] = []
        for group in content.synonyms where group.lang == language {
            let members = group.terms.map { analyzer.terms($0) }.filter { !$0.isEmpty }
            let singles = Array(Set(members.filter { $0.count == 1 }.map { $0[0] }))
            for term in singles { synonymMap[term, default: []].formUnion(singles.filter { $0 != term }) }
            for member in members where member.count > 1 {
                let expansion = singles.isEmpty ? (members.first ?? member) : singles
                phrases.append(Phrase(terms: member, expansion: expansion))
            }
            for member in group.terms {
                for token in analyzer.tokens(member) where surfaces[TextAnalyzer.fold(token.surface)] == nil {
                    surfaces[TextAnalyzer.fold(token.surface)] = token.term
                }
            }
        }
        self.synonyms = synonymMap.mapValues { $0.sorted() }
        self.phrases = phrases
        var vocabulary = Set(postings.keys)
        vocabulary.formUnion(synonymMap.keys)
        self.typos = TypoIndex(surfaces: surfaces, terms: vocabulary, minimumLength: tuning.typoMinimumLength)
    }

    /// How many documents are indexed.
    public var documentCount: Int { documents.count }

    /// The `limit` best results for `query`, best first.
    public func search(_ query: String, limit: Int = 5) -> [SearchResult] {
        let tokens = analyzer.tokens(query)
        guard !tokens.isEmpty, !documents.isEmpty else { return [] }
        // Each query word becomes a group of alternative terms with weights.
        var groups: [QueryGroup] = []
        var seenTerms: Set<String> = []
        for token in tokens where seenTerms.insert(token.term).inserted {
            var alternatives: [WeightedTerm] = []
            var base: [WeightedTerm] = []
            if postings[token.term] != nil || synonyms[token.term] != nil {
                base.append(WeightedTerm(term: token.term, weight: 1))
            } else if token.surface.count >= tuning.typoMinimumLength {
                for corrected in typos.corrections(surface: TextAnalyzer.fold(token.surface), term: token.term) {
                    base.append(WeightedTerm(term: corrected, weight: tuning.typoWeight))
                }
            }
            for entry in base {
                alternatives.append(entry)
                for synonym in synonyms[entry.term] ?? [] {
                    alternatives.append(WeightedTerm(term: synonym, weight: entry.weight * tuning.synonymWeight))
                }
            }
            if !alternatives.isEmpty { groups.append(QueryGroup(surface: token.surface, alternatives: alternatives, counts: true)) }
        }
        let terms = tokens.map(\.term)
        var expanded: Set<[String]> = []
        for phrase in phrases where phrase.terms.count <= terms.count && !expanded.contains(phrase.expansion) {
            for start in 0...(terms.count - phrase.terms.count) where Array(terms[start..<(start + phrase.terms.count)]) == phrase.terms {
                let surface = tokens[start..<(start + phrase.terms.count)].map(\.surface).joined(separator: " ")
                // The phrase's own words are already counted; it adds its synonyms, not coverage.
                groups.append(QueryGroup(surface: surface, alternatives: phrase.expansion.map { WeightedTerm(term: $0, weight: tuning.synonymWeight) }, counts: false))
                expanded.insert(phrase.expansion)
                break
            }
        }
        var scores = [Double](repeating: 0, count: documents.count)
        var matched = [[String]](repeating: [], count: documents.count)
        var covered = [Int](repeating: 0, count: documents.count)
        var best = [Double](repeating: 0, count: documents.count)
        var touched: [Int] = []
        let k1 = tuning.k1
        for group in groups {
            touched.removeAll(keepingCapacity: true)
            for alternative in group.alternatives {
                let weight = alternative.weight
                guard let list = postings[alternative.term], let termIDF = idf[alternative.term] else { continue }
                for posting in list {
                    let document = Int(posting.document)
                    let tf = Double(posting.frequency)
                    let value = weight * termIDF * tf * (k1 + 1) / (tf + k1)
                    if best[document] == 0 { touched.append(document) }
                    if value > best[document] { best[document] = value }
                }
            }
            for document in touched {
                scores[document] += best[document]
                if !matched[document].contains(group.surface) { matched[document].append(group.surface) }
                if group.counts { covered[document] += 1 }
                best[document] = 0
            }
        }
        var ranked: [RankedDocument] = []
        for (document, score) in scores.enumerated() where score > 0 {
            // A small bonus for documents matching more of the question's words.
            let boost = documents[document].kind == .leaf ? tuning.leafBoost : 1
            ranked.append(RankedDocument(document: document, score: boost * score * (1 + tuning.coverageBonus * Double(max(0, covered[document] - 1)))))
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : documents[$0.document].id < documents[$1.document].id }
        return ranked.prefix(max(0, limit)).map { entry in
            let document = entry.document
            let score = entry.score
            let doc = documents[document]
            return SearchResult(kind: doc.kind, id: doc.id, title: doc.title, score: (score * 1000).rounded() / 1000,
                                actions: doc.actions, matched: matched[document])
        }
    }
}

import Foundation
