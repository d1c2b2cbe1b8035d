import Foundation

/// A small learnt model of how citizens word each situation, which the search
/// blends with its BM25F ranking: the words of a sentence give a probability for
/// each leaf or fiche (multinomial naive Bayes over the search's own terms).
///
/// The content's titles, keywords and summaries say what a leaf is about in the
/// authors' words; citizens write "ya un mec qui force mon volet" or "my kid's
/// location is off". The model learns those words from evaluation sentences
/// labelled with the leaves that answer them (`masecurite content train-orientation`)
/// and from the leaves' examples, and is shipped as content
/// (`orientation-model.json`) so that a deployment can retrain it on its own
/// sentences. Without the file, the search is BM25F alone.
public struct OrientationModel: Hashable, Sendable, Codable {
    /// What the model knows of one leaf or fiche.
    public struct Target: Hashable, Sendable, Codable {
        /// The log prior of the target.
        public var prior: Double
        /// The log probability of a known term never seen with this target.
        public var unseen: Double
        /// The log probability of each term seen with this target.
        public var terms: [String: Double]

        /// Creates a value from its fields.
        public init(prior: Double, unseen: Double, terms: [String: Double]) {
            self.prior = prior
            self.unseen = unseen
            self.terms = terms
        }
    }

    /// The targets by leaf or fiche id.
    public let targets: [String: Target]
    /// How much the model's probability weighs against the best BM25F score of the
    /// query (normalised to 1): a result's score is `bm25 / best + blend × probability`.
    public let blend: Double
    /// The softening of the probabilities: log-likelihoods are divided by it before
    /// the softmax (naive Bayes is overconfident on short sentences).
    public let temperature: Double
    /// How the model was learnt (sets, sizes), for the people who ship it.
    public let trainedOn: String
    /// The same model laid out for scoring, built once when the model is made or decoded
    /// (so that both languages' indexes share it and building an index costs nothing more).
    let compiled: CompiledOrientationModel

    private enum CodingKeys: String, CodingKey { case targets, blend, temperature, trainedOn }

    /// Creates a value from its fields.
    public init(targets: [String: Target], blend: Double, temperature: Double, trainedOn: String) {
        self.targets = targets
        self.blend = blend
        self.temperature = temperature
        self.trainedOn = trainedOn
        compiled = CompiledOrientationModel(targets: targets, temperature: temperature)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(targets: try container.decode([String: Target].self, forKey: .targets),
                  blend: try container.decode(Double.self, forKey: .blend),
                  temperature: try container.decode(Double.self, forKey: .temperature),
                  trainedOn: try container.decode(String.self, forKey: .trainedOn))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(targets, forKey: .targets)
        try container.encode(blend, forKey: .blend)
        try container.encode(temperature, forKey: .temperature)
        try container.encode(trainedOn, forKey: .trainedOn)
    }

    public static func == (lhs: OrientationModel, rhs: OrientationModel) -> Bool {
        lhs.targets == rhs.targets && lhs.blend == rhs.blend && lhs.temperature == rhs.temperature && lhs.trainedOn == rhs.trainedOn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(targets.count)
        hasher.combine(blend)
        hasher.combine(trainedOn)
    }

    /// The probability of each target given the search terms of a sentence, highest first;
    /// empty when none of the terms is known to the model (then it has nothing to say).
    public func probabilities(_ terms: [String]) -> [(id: String, probability: Double)] {
        compiled.probabilities(terms).map { (compiled.ids[$0.target], $0.probability) }
            .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.id < $1.id }
    }

    /// Learns a model from sentences labelled with the ids that answer them, deterministic.
    /// - Parameters:
    ///   - examples: each sentence's search terms and its right answers, best first
    ///     (the first counts fully, the others half).
    ///   - smoothing: the additive (Laplace) smoothing of term counts.
    ///   - blend: see ``blend``.
    ///   - temperature: see ``temperature``.
    ///   - trainedOn: how the model was learnt, kept in the file.
    public static func train(_ examples: [(terms: [String], targets: [String])], smoothing: Double = 0.1, blend: Double = 0.6,
                             temperature: Double = 3, trainedOn: String) -> OrientationModel {
        var counts: [String: [String: Double]] = [:]
        var totals: [String: Double] = [:]
        var sentences: [String: Double] = [:]
        var vocabulary = Set<String>()
        for example in examples {
            let terms = Set(example.terms)
            vocabulary.formUnion(terms)
            for (rank, target) in example.targets.enumerated() {
                let weight = rank == 0 ? 1.0 : 0.5
                sentences[target, default: 0] += weight
                for term in terms {
                    counts[target, default: [:]][term, default: 0] += weight
                    totals[target, default: 0] += weight
                }
            }
        }
        let allSentences = sentences.values.reduce(0, +)
        let size = Double(max(vocabulary.count, 1))
        func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
        var targets: [String: Target] = [:]
        for (id, termCounts) in counts {
            let denominator = (totals[id] ?? 0) + smoothing * size
            var logs: [String: Double] = [:]
            for (term, count) in termCounts { logs[term] = rounded(log((count + smoothing) / denominator)) }
            targets[id] = Target(prior: rounded(log((sentences[id] ?? 0) / max(allSentences, 1))),
                                 unseen: rounded(log(smoothing / denominator)), terms: logs)
        }
        return OrientationModel(targets: targets, blend: blend, temperature: temperature, trainedOn: trainedOn)
    }
}

/// An ``OrientationModel`` laid out for scoring, built once per search index: per term, the
/// targets that saw it with how much more likely it is for them than for a target that never
/// did, so a sentence costs one pass over its terms' postings instead of a lookup per target.
struct CompiledOrientationModel: Sendable {
    /// Target ids, by target index (sorted, so results are deterministic).
    let ids: [String]
    /// Per target: the log prior.
    let priors: [Double]
    /// Per target: the log probability of a known term never seen with it.
    let unseen: [Double]
    /// Per term: (target index, log probability minus the target's `unseen`).
    let postings: [String: [(target: Int, delta: Double)]]
    let temperature: Double

    init(targets: [String: OrientationModel.Target], temperature: Double) {
        ids = targets.keys.sorted()
        priors = ids.map { targets[$0]?.prior ?? 0 }
        unseen = ids.map { targets[$0]?.unseen ?? 0 }
        var postings: [String: [(target: Int, delta: Double)]] = [:]
        for (index, id) in ids.enumerated() {
            guard let target = targets[id] else { continue }
            for (term, logProbability) in target.terms {
                postings[term, default: []].append((index, logProbability - target.unseen))
            }
        }
        self.postings = postings
        self.temperature = max(temperature, 0.01)
    }

    /// The probability of each target (by index) given `terms`; empty when no term is known.
    func probabilities(_ terms: [String]) -> [(target: Int, probability: Double)] {
        var seen = Set<String>()
        var known = 0
        var scores = priors
        for term in terms where seen.insert(term).inserted {
            guard let list = postings[term] else { continue }
            known += 1
            for entry in list { scores[entry.target] += entry.delta }
        }
        guard known > 0, !ids.isEmpty else { return [] }
        var top = -Double.infinity
        for index in scores.indices {
            scores[index] = (scores[index] + Double(known) * unseen[index]) / temperature
            top = max(top, scores[index])
        }
        var total = 0.0
        for index in scores.indices {
            scores[index] = exp(scores[index] - top)
            total += scores[index]
        }
        return scores.indices.map { ($0, scores[$0] / total) }
    }
}
