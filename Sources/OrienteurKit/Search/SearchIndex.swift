import Foundation

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
        let term: Int32
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
        let terms: [Int32]
        let expansion: [Int32]
    }

    /// A query word: its surface and its term id (`-1` when the term is unknown to the index).
    struct QueryToken {
        let surface: String
        let term: Int32
        /// The term text, kept only for terms unknown to the index.
        let unknownTerm: String
    }

    /// Marks a stop word in ``surfaceTerms``.
    static let stopWord: Int32 = -1
    /// Marks a word whose term is empty in ``surfaceTerms``.
    static let emptyTerm: Int32 = -2

    /// The language.
    public let language: Language
    /// Field weights and BM25 parameters.
    public let tuning: SearchTuning
    let analyzer: TextAnalyzer
    let documents: [Document]
    /// Memoised analysis: surface word → term id (or ``stopWord`` / ``emptyTerm``),
    /// for every word of the content and all stop words: each distinct word is stemmed once.
    let surfaceTerms: [String: Int32]
    /// Interned terms: term → id, and id → term.
    let termIDs: [String: Int32]
    let terms: [String]
    /// Postings as flat arrays: term id `t` owns `postingStarts[t]..<postingStarts[t + 1]`
    /// (documents ascending, weighted length-normalised term frequency).
    let postingStarts: [Int32]
    let postingDocuments: [Int32]
    let postingFrequencies: [Float]
    /// Per term id: BM25 idf (0 without postings).
    let idf: [Double]
    /// Per term id: other terms of its synonym groups (sorted by text), and whether it belongs to a group.
    let synonyms: [[Int32]]
    let inSynonymGroup: [Bool]
    /// Multi-word synonym phrases (terms) → the single terms they stand for.
    let phrases: [Phrase]
    /// Typo tolerance over folded surface words and terms.
    let typos: TypoIndex
    /// The learnt model of citizens' wording blended into the ranking, if the content has one.
    let model: CompiledOrientationModel?
    /// The model's blend weight (see ``OrientationModel/blend``).
    let modelBlend: Double
    /// Per model target: its document index, or nil when the index has no such document.
    let modelDocuments: [Int?]

    static let frenchSeed = seed(TextAnalyzer.frenchStopWords)
    static let englishSeed = seed(TextAnalyzer.englishStopWords)
    static func seed(_ stops: Set<String>) -> [String: Int32] {
        var memo: [String: Int32] = [:]
        memo.reserveCapacity(4096)
        for word in stops { memo[word] = stopWord }
        return memo
    }

    /// Builds the index for `language` from `content` and optional extra documents.
    public init(content: OrienteurContent, language: Language, extraDocuments: [SearchDocument] = [], tuning: SearchTuning = SearchTuning()) {
        self.language = language
        self.tuning = tuning
        let analyzer = TextAnalyzer(language: language)
        self.analyzer = analyzer
        let french = language == .french

        func text(_ value: LocalizedText?) -> String {
            guard let value else { return "" }
            return french ? value.french : (value.english ?? "")
        }

        var documents: [Document] = []
        documents.reserveCapacity(content.leaves.count + content.fiches.count + extraDocuments.count)
        var builder = IndexBuilder(analyzer: analyzer, memo: french ? SearchIndex.frenchSeed : SearchIndex.englishSeed)

        // Pass 1: the term ids of every field, in order (title, keywords, summary, body).
        func addDocument(_ document: Document, title: LocalizedText?, keywords: [String], summary: LocalizedText?, body: [String]) {
            documents.append(document)
            builder.add(text(title))
            builder.endField(0)
            for keyword in keywords { builder.add(keyword) }
            builder.endField(1)
            builder.add(text(summary))
            builder.endField(2)
            for part in body { builder.add(part) }
            builder.endField(3)
        }
        for leaf in content.leaves {
            addDocument(Document(kind: .leaf, id: leaf.id, title: leaf.title.text(in: language), actions: leaf.actions.map(\.description)),
                        title: leaf.title, keywords: leaf.keywords.words(in: language), summary: leaf.summary, body: [text(leaf.body)])
        }
        for fiche in content.fiches {
            addDocument(Document(kind: .fiche, id: fiche.id, title: fiche.title.text(in: language), actions: fiche.actions.map(\.description)),
                        title: fiche.title, keywords: fiche.keywords.words(in: language), summary: fiche.summary,
                        body: fiche.sections.flatMap { [text($0.heading), text($0.body)] })
        }
        for extra in extraDocuments {
            addDocument(Document(kind: extra.kind, id: extra.id, title: extra.title.text(in: language), actions: extra.actions.map(\.description)),
                        title: extra.title, keywords: extra.keywords.words(in: language), summary: extra.summary, body: [text(extra.body)])
        }
        let fieldTerms = builder.fieldTerms
        let fieldEnds = builder.fieldEnds
        let totals = builder.totals

        // Pass 2: weighted, length-normalised frequencies per document, then postings.
        let n = Double(max(documents.count, 1))
        let averages = totals.map { max($0 / n, 1) }
        let weights = [tuning.titleWeight, tuning.keywordsWeight, tuning.summaryWeight, tuning.bodyWeight]
        let documentTermCount = builder.terms.count
        var counts = [Int32](repeating: 0, count: documentTermCount)
        var weighted = [Double](repeating: 0, count: documentTermCount)
        var inDocument = [Bool](repeating: false, count: documentTermCount)
        var fieldTouched: [Int32] = []
        var documentTouched: [Int32] = []
        var entryTerms: [Int32] = []
        var entryDocuments: [Int32] = []
        var entryFrequencies: [Float] = []
        var documentFrequency = [Int32](repeating: 0, count: documentTermCount)
        for document in 0..<documents.count {
            documentTouched.removeAll(keepingCapacity: true)
            for field in 0..<4 {
                let slot = document * 4 + field
                let end = fieldEnds[slot]
                let start = slot == 0 ? 0 : fieldEnds[slot - 1]
                fieldTouched.removeAll(keepingCapacity: true)
                for index in start..<end {
                    let id = Int(fieldTerms[index])
                    if counts[id] == 0 { fieldTouched.append(Int32(id)) }
                    counts[id] += 1
                }
                let norm = 1 - tuning.b + tuning.b * Double(end - start) / averages[field]
                for id32 in fieldTouched {
                    let id = Int(id32)
                    if !inDocument[id] {
                        inDocument[id] = true
                        documentTouched.append(id32)
                    }
                    weighted[id] += weights[field] * Double(counts[id]) / norm
                    counts[id] = 0
                }
            }
            for id32 in documentTouched {
                let id = Int(id32)
                entryTerms.append(id32)
                entryDocuments.append(Int32(document))
                entryFrequencies.append(Float(weighted[id]))
                documentFrequency[id] += 1
                weighted[id] = 0
                inDocument[id] = false
            }
        }

        // Synonyms (they may add terms of their own).
        var synonymSets: [Int32: Set<Int32>] = [:]
        var phrases: [Phrase] = []
        for group in content.synonyms where group.lang == language {
            let members = group.terms.map { builder.memberTerms($0) }.filter { !$0.isEmpty }
            let terms = builder.terms
            let singles = Set(members.filter { $0.count == 1 }.map { $0[0] }).sorted { terms[Int($0)] < terms[Int($1)] }
            for term in singles { synonymSets[term, default: []].formUnion(singles.filter { $0 != term }) }
            for member in members where member.count > 1 {
                let expansion = singles.isEmpty ? (members.first ?? member) : singles
                phrases.append(Phrase(terms: member, expansion: expansion))
            }
        }
        let terms = builder.terms
        let termCount = terms.count
        var synonyms = [[Int32]](repeating: [], count: termCount)
        var inSynonymGroup = [Bool](repeating: false, count: termCount)
        for (term, others) in synonymSets {
            synonyms[Int(term)] = others.sorted { terms[Int($0)] < terms[Int($1)] }
            inSynonymGroup[Int(term)] = true
        }

        // Flat postings (a counting sort by term keeps documents ascending).
        var postingStarts = [Int32](repeating: 0, count: termCount + 1)
        for id in 0..<termCount { postingStarts[id + 1] = postingStarts[id] + (id < documentTermCount ? documentFrequency[id] : 0) }
        var cursor = Array(postingStarts.dropLast())
        var postingDocuments = [Int32](repeating: 0, count: entryTerms.count)
        var postingFrequencies = [Float](repeating: 0, count: entryTerms.count)
        for index in 0..<entryTerms.count {
            let id = Int(entryTerms[index])
            let slot = Int(cursor[id])
            postingDocuments[slot] = entryDocuments[index]
            postingFrequencies[slot] = entryFrequencies[index]
            cursor[id] += 1
        }
        var idf = [Double](repeating: 0, count: termCount)
        for id in 0..<documentTermCount where documentFrequency[id] > 0 {
            let df = Double(documentFrequency[id])
            idf[id] = log(1 + (n - df + 0.5) / (df + 0.5))
        }

        self.documents = documents
        self.surfaceTerms = builder.memo
        self.termIDs = builder.termIDs
        self.terms = terms
        self.postingStarts = postingStarts
        self.postingDocuments = postingDocuments
        self.postingFrequencies = postingFrequencies
        self.idf = idf
        self.synonyms = synonyms
        self.inSynonymGroup = inSynonymGroup
        self.phrases = phrases
        var vocabulary: [Int32] = []
        for id in 0..<termCount where postingStarts[id + 1] > postingStarts[id] || inSynonymGroup[id] { vocabulary.append(Int32(id)) }
        self.typos = TypoIndex(surfaces: builder.surfaces, terms: terms, vocabulary: vocabulary, minimumLength: tuning.typoMinimumLength)
        var byID: [String: Int] = [:]
        for (offset, document) in documents.enumerated() where byID[document.id] == nil { byID[document.id] = offset }
        let compiled = content.orientationModel?.compiled
        model = compiled
        modelBlend = content.orientationModel?.blend ?? 0
        modelDocuments = compiled?.ids.map { byID[$0] } ?? []
    }

    /// The terms of `query` as the search reads them (stems, stop words dropped), in order:
    /// what the ``OrientationModel`` learns from and reads.
    public func terms(of query: String) -> [String] { terms(of: queryTokens(query)) }

    /// The terms of analysed `tokens`, in order.
    func terms(of tokens: [QueryToken]) -> [String] {
        tokens.map { $0.term >= 0 ? terms[Int($0.term)] : $0.unknownTerm }
    }

    /// How many documents are indexed.
    public var documentCount: Int { documents.count }

    /// Whether term `id` has postings.
    @inline(__always)
    func hasPostings(_ id: Int32) -> Bool { postingStarts[Int(id) + 1] > postingStarts[Int(id)] }

    /// The analysed words of `query` (memoised analysis for the words the content uses).
    func queryTokens(_ query: String) -> [QueryToken] {
        var tokens: [QueryToken] = []
        let french = language == .french
        var previous = ""
        TextAnalyzer.forEachWord(query) { word in
            guard let surface = TextAnalyzer.strip(word, french: french) else { return }
            defer { previous = surface }
            // "le commissariat le plus proche": the nearest, a place; not "un proche", a relative who may be missing.
            if french, previous == "plus", surface == "proche" || surface == "proches" { return }
            if let cached = surfaceTerms[surface] {
                if cached >= 0 { tokens.append(QueryToken(surface: surface, term: cached, unknownTerm: "")) }
                return
            }
            let term = analyzer.term(surface)
            guard !term.isEmpty else { return }
            if let id = termIDs[term] {
                tokens.append(QueryToken(surface: surface, term: id, unknownTerm: ""))
            } else {
                tokens.append(QueryToken(surface: surface, term: -1, unknownTerm: term))
            }
        }
        return tokens
    }

    /// The `limit` best results for `query`, best first.
    ///
    /// Runs in time linear in the length of `query` (each distinct word is
    /// looked up once, in hash sets). The query is not bounded here:
    /// ``Orienteur/ask(_:language:limit:)`` reads at most
    /// ``QueryLimit/maximumCharacters`` characters of a sentence.
    public func search(_ query: String, limit: Int = 5) -> [SearchResult] {
        search(tokens: queryTokens(query), limit: limit)
    }

    /// The `limit` best results for a query already analysed by ``queryTokens(_:)``.
    func search(tokens: [QueryToken], limit: Int) -> [SearchResult] {
        guard !tokens.isEmpty, !documents.isEmpty else { return [] }
        // Each query word becomes a group of alternative terms with weights.
        var groups: [QueryGroup] = []
        var seenTerms = Set<Int32>()
        var seenUnknown = Set<String>()
        for token in tokens {
            if token.term >= 0 {
                guard seenTerms.insert(token.term).inserted else { continue }
            } else {
                guard seenUnknown.insert(token.unknownTerm).inserted else { continue }
            }
            var alternatives: [WeightedTerm] = []
            var base: [WeightedTerm] = []
            if token.term >= 0, hasPostings(token.term) || inSynonymGroup[Int(token.term)] {
                base.append(WeightedTerm(term: token.term, weight: 1))
            } else if token.surface.count >= tuning.typoMinimumLength {
                let term = token.term >= 0 ? terms[Int(token.term)] : token.unknownTerm
                for corrected in typos.corrections(surface: TextAnalyzer.fold(token.surface), term: term) {
                    base.append(WeightedTerm(term: corrected, weight: tuning.typoWeight))
                }
            }
            for entry in base {
                alternatives.append(entry)
                for synonym in synonyms[Int(entry.term)] {
                    alternatives.append(WeightedTerm(term: synonym, weight: entry.weight * tuning.synonymWeight))
                }
            }
            if !alternatives.isEmpty { groups.append(QueryGroup(surface: token.surface, alternatives: alternatives, counts: true)) }
        }
        // Where each known term occurs in the query, so that a phrase is only tried where its first word is.
        var occurrences: [Int32: [Int]] = [:]
        if !phrases.isEmpty {
            for (position, token) in tokens.enumerated() where token.term >= 0 {
                occurrences[token.term, default: []].append(position)
            }
        }
        var expanded = Set<[Int32]>()
        for phrase in phrases where phrase.terms.count <= tokens.count && !expanded.contains(phrase.expansion) {
            let length = phrase.terms.count
            guard let first = phrase.terms.first, let starts = occurrences[first] else { continue }
            for start in starts where start + length <= tokens.count {
                var equal = true
                for offset in 0..<length where tokens[start + offset].term != phrase.terms[offset] {
                    equal = false
                    break
                }
                guard equal else { continue }
                let surface = tokens[start..<(start + length)].map(\.surface).joined(separator: " ")
                // The phrase's own words are already counted; it adds its synonyms, not coverage.
                groups.append(QueryGroup(surface: surface, alternatives: phrase.expansion.map { WeightedTerm(term: $0, weight: tuning.synonymWeight) }, counts: false))
                expanded.insert(phrase.expansion)
                break
            }
        }
        let documentCount = documents.count
        var scores = [Double](repeating: 0, count: documentCount)
        var covered = [Int](repeating: 0, count: documentCount)
        var best = [Double](repeating: 0, count: documentCount)
        // Which groups matched each document (bit sets), to explain the ranking.
        let maskWords = (groups.count + 63) / 64
        var matchedGroups = [UInt64](repeating: 0, count: documentCount * maskWords)
        var touched: [Int] = []
        touched.reserveCapacity(documentCount)
        let k1 = tuning.k1
        postingDocuments.withUnsafeBufferPointer { postingDocuments in
            postingFrequencies.withUnsafeBufferPointer { postingFrequencies in
                for (groupIndex, group) in groups.enumerated() {
                    touched.removeAll(keepingCapacity: true)
                    for alternative in group.alternatives {
                        let weight = alternative.weight
                        let id = Int(alternative.term)
                        let start = Int(postingStarts[id])
                        let end = Int(postingStarts[id + 1])
                        guard start < end else { continue }
                        let termIDF = idf[id]
                        for index in start..<end {
                            let document = Int(postingDocuments[index])
                            let tf = Double(postingFrequencies[index])
                            let value = weight * termIDF * tf * (k1 + 1) / (tf + k1)
                            if best[document] == 0 { touched.append(document) }
                            if value > best[document] { best[document] = value }
                        }
                    }
                    let word = groupIndex >> 6
                    let bit = UInt64(1) << UInt64(groupIndex & 63)
                    for document in touched {
                        scores[document] += best[document]
                        matchedGroups[document * maskWords + word] |= bit
                        if group.counts { covered[document] += 1 }
                        best[document] = 0
                    }
                }
            }
        }
        var ranked: [RankedDocument] = []
        for (document, score) in scores.enumerated() where score > 0 {
            // A small bonus for documents matching more of the question's words.
            let boost = documents[document].kind == .leaf ? tuning.leafBoost : 1
            ranked.append(RankedDocument(document: document, score: boost * score * (1 + tuning.coverageBonus * Double(max(0, covered[document] - 1)))))
        }
        if let model { ranked = blend(ranked, model: model, tokens: tokens) }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : documents[$0.document].id < documents[$1.document].id }
        return ranked.prefix(max(0, limit)).map { entry in
            let document = entry.document
            let score = entry.score
            let doc = documents[document]
            var matched: [String] = []
            var seenSurfaces = Set<String>()
            for (groupIndex, group) in groups.enumerated() {
                let bit = UInt64(1) << UInt64(groupIndex & 63)
                if matchedGroups[document * maskWords + (groupIndex >> 6)] & bit != 0, seenSurfaces.insert(group.surface).inserted {
                    matched.append(group.surface)
                }
            }
            return SearchResult(kind: doc.kind, id: doc.id, title: doc.title, score: (score * 1000).rounded() / 1000,
                                actions: doc.actions, matched: matched)
        }
    }
}

extension SearchIndex {
    /// The lowest probability from which the model alone (no word of the query in a
    /// document's text) brings a document into the results.
    static let modelOnlyMinimum = 0.15

    /// `ranked` rescored with the model: BM25F normalised by the best score, plus the
    /// model's probability times its blend; documents the model is sure of join the results.
    func blend(_ ranked: [RankedDocument], model: CompiledOrientationModel, tokens: [QueryToken]) -> [RankedDocument] {
        let probabilities = model.probabilities(tokens.map { $0.term >= 0 ? terms[Int($0.term)] : $0.unknownTerm })
        guard !probabilities.isEmpty else { return ranked }
        var best = 0.0
        for entry in ranked where entry.score > best { best = entry.score }
        // Dense scores by document (-1: not a result), so the blend costs no hashing.
        var scores = [Double](repeating: -1, count: documents.count)
        for entry in ranked { scores[entry.document] = best > 0 ? entry.score / best : 0 }
        for (target, probability) in probabilities {
            guard let document = modelDocuments[target] else { continue }
            if scores[document] >= 0 {
                scores[document] += modelBlend * probability
            } else if probability >= Self.modelOnlyMinimum {
                scores[document] = modelBlend * probability
            }
        }
        var blended: [RankedDocument] = []
        blended.reserveCapacity(ranked.count + 4)
        for (document, score) in scores.enumerated() where score >= 0 { blended.append(RankedDocument(document: document, score: score)) }
        return blended
    }
}

/// The mutable state of an index build (a struct, so its accesses are checked
/// statically rather than through captured variables).
private struct IndexBuilder {
    let analyzer: TextAnalyzer
    let french: Bool
    /// surface word → term id or a negative mark (stop words seeded).
    var memo: [String: Int32]
    var termIDs: [String: Int32] = [:]
    var terms: [String] = []
    /// folded surface word → term id (typo tolerance).
    var surfaces: [String: Int32] = [:]
    var fieldTerms: [Int32] = []
    var fieldEnds: [Int] = []
    var totals = [0.0, 0.0, 0.0, 0.0]

    init(analyzer: TextAnalyzer, memo: [String: Int32]) {
        self.analyzer = analyzer
        french = analyzer.language == .french
        self.memo = memo
        termIDs.reserveCapacity(4096)
        terms.reserveCapacity(4096)
        surfaces.reserveCapacity(4096)
        fieldTerms.reserveCapacity(65536)
    }

    mutating func intern(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        termIDs[term] = id
        terms.append(term)
        return id
    }

    /// The term id of one surface word (memoised), or a negative mark. Content words
    /// record their folded surface for typo tolerance (the last one wins).
    mutating func termID(_ surface: String, recordsSurface: Bool = true) -> Int32 {
        if let cached = memo[surface] { return cached }
        let term = analyzer.term(surface)
        guard !term.isEmpty else {
            memo[surface] = SearchIndex.emptyTerm
            return SearchIndex.emptyTerm
        }
        let id = intern(term)
        memo[surface] = id
        if recordsSurface { surfaces[TextAnalyzer.fold(surface)] = id }
        return id
    }

    /// Adds the terms of `value` to the current field.
    mutating func add(_ value: String) {
        let french = french
        TextAnalyzer.forEachWord(value) { word in
            guard let surface = TextAnalyzer.strip(word, french: french) else { return }
            let id = termID(surface)
            if id >= 0 { fieldTerms.append(id) }
        }
    }

    mutating func endField(_ field: Int) {
        let start = fieldEnds.last ?? 0
        totals[field] += Double(fieldTerms.count - start)
        fieldEnds.append(fieldTerms.count)
    }

    /// The term ids of a synonym (its folded words recorded for typo tolerance when new).
    mutating func memberTerms(_ member: String) -> [Int32] {
        var ids: [Int32] = []
        var surfaceWords: [String] = []
        analyzer.forEachSurface(member) { surfaceWords.append($0) }
        for surface in surfaceWords {
            let id = termID(surface, recordsSurface: false)
            guard id >= 0 else { continue }
            let folded = TextAnalyzer.fold(surface)
            if surfaces[folded] == nil { surfaces[folded] = id }
            ids.append(id)
        }
        return ids
    }
}
