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
    let phrases: [(terms: [String], expansion: [String])]
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
        func count(_ text: String) -> ([String: Int], Int) {
            var counts: [String: Int] = [:]
            let tokens = analyzer.tokens(text)
            for token in tokens {
                counts[token.term, default: 0] += 1
                surfaces[TextAnalyzer.fold(token.surface)] = token.term
            }
            return (counts, tokens.count)
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
        var phrases: [(terms: [String], expansion: [String])] = []
        for group in content.synonyms where group.lang == language {
            let members = group.terms.map { analyzer.terms($0) }.filter { !$0.isEmpty }
            let singles = Array(Set(members.filter { $0.count == 1 }.map { $0[0] }))
            for term in singles { synonymMap[term, default: []].formUnion(singles.filter { $0 != term }) }
            for member in members where member.count > 1 {
                let expansion = singles.isEmpty ? (members.first ?? member) : singles
                phrases.append((terms: member, expansion: expansion))
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
        var groups: [(surface: String, alternatives: [(String, Double)])] = []
        var seenTerms: Set<String> = []
        for token in tokens where seenTerms.insert(token.term).inserted {
            var alternatives: [(String, Double)] = []
            var base: [(String, Double)] = []
            if postings[token.term] != nil || synonyms[token.term] != nil {
                base.append((token.term, 1))
            } else if token.surface.count >= tuning.typoMinimumLength {
                for corrected in typos.corrections(surface: TextAnalyzer.fold(token.surface), term: token.term) {
                    base.append((corrected, tuning.typoWeight))
                }
            }
            for (term, weight) in base {
                alternatives.append((term, weight))
                for synonym in synonyms[term] ?? [] { alternatives.append((synonym, weight * tuning.synonymWeight)) }
            }
            if !alternatives.isEmpty { groups.append((token.surface, alternatives)) }
        }
        let terms = tokens.map(\.term)
        for phrase in phrases where phrase.terms.count <= terms.count {
            for start in 0...(terms.count - phrase.terms.count) where Array(terms[start..<(start + phrase.terms.count)]) == phrase.terms {
                let surface = tokens[start..<(start + phrase.terms.count)].map(\.surface).joined(separator: " ")
                groups.append((surface, phrase.expansion.map { ($0, tuning.synonymWeight) }))
                break
            }
        }
        var scores = [Double](repeating: 0, count: documents.count)
        var matched = [[String]](repeating: [], count: documents.count)
        var best = [Double](repeating: 0, count: documents.count)
        var touched: [Int] = []
        let k1 = tuning.k1
        for group in groups {
            touched.removeAll(keepingCapacity: true)
            for (term, weight) in group.alternatives {
                guard let list = postings[term], let termIDF = idf[term] else { continue }
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
                matched[document].append(group.surface)
                best[document] = 0
            }
        }
        var ranked: [(Int, Double)] = []
        for (document, score) in scores.enumerated() where score > 0 {
            // A small bonus for documents matching more of the question's words.
            ranked.append((document, score * (1 + 0.15 * Double(matched[document].count - 1))))
        }
        ranked.sort { $0.1 != $1.1 ? $0.1 > $1.1 : documents[$0.0].id < documents[$1.0].id }
        return ranked.prefix(max(0, limit)).map { document, score in
            let doc = documents[document]
            return SearchResult(kind: doc.kind, id: doc.id, title: doc.title, score: (score * 1000).rounded() / 1000,
                                actions: doc.actions, matched: matched[document])
        }
    }
}

import Foundation
