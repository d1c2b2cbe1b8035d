import Foundation

/// A small logistic model that reads, from a sentence's words, its cues of time
/// and the leaves the search found, whether it describes a danger happening now.
/// It is learnt from evaluation sentences (`masecurite content train-emergency`)
/// and shipped as content (`emergency-model.json`), so a deployment can retrain it
/// on its own sentences. It adds alerts that the cue rules missed (a hypothesis or a
/// danger that is over still blocks it) and, when the file sets ``veto``, silences
/// an alert of the rules that it finds very unlikely (a past event told with the
/// words of a present one), except suicidal intent and a sentence with a cue of the
/// present ("en ce moment", "il est encore là"), which it never silences.
public struct EmergencyModel: Hashable, Sendable, Codable {
    /// The weight of each feature (see ``EmergencyDetector/features(of:results:)``).
    public var weights: [String: Double]
    /// The intercept.
    public var bias: Double
    /// The probability from which the model raises an alert.
    public var threshold: Double
    /// The probability under which the model silences an alert of the cue rules; nil: it never does.
    public var veto: Double?
    /// How the model was learnt (sets, sizes), for the people who ship it.
    public var trainedOn: String
    /// The second opinion read from the sentence's letters and words alone; nil: the rules and this model only.
    public var text: TextEmergencyModel?

    /// Creates a value from its fields.
    public init(weights: [String: Double], bias: Double, threshold: Double, veto: Double? = nil, trainedOn: String,
                text: TextEmergencyModel? = nil) {
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.veto = veto
        self.trainedOn = trainedOn
        self.text = text
    }

    /// The probability that `features` describe a danger happening now.
    public func probability(_ features: [String]) -> Double {
        var sum = bias
        for feature in features { sum += weights[feature] ?? 0 }
        return 1 / (1 + exp(-sum))
    }

    /// The features that pushed most towards an emergency, strongest first.
    func strongest(_ features: [String], count: Int) -> [String] {
        features.compactMap { feature in weights[feature].map { (feature, $0) } }
            .filter { $0.1 > 0 }
            .sorted { $0.1 > $1.1 }
            .prefix(count)
            .map(\.0)
    }

    /// Learns a model by logistic regression (full-batch gradient descent, L2), deterministic.
    /// - Parameters:
    ///   - examples: each sentence's features and whether it is an emergency.
    ///   - epochs: passes of gradient descent.
    ///   - learningRate: the step of each pass.
    ///   - l2: the weight decay that keeps rare words from dominating.
    ///   - minimumCount: features seen in fewer examples are dropped.
    ///   - threshold: the probability from which the model alerts.
    ///   - veto: the probability under which the model silences the cue rules (nil: never).
    ///   - trainedOn: how the model was learnt, kept in the file.
    public static func train(_ examples: [(features: [String], emergency: Bool)], epochs: Int = 300, learningRate: Double = 0.5,
                             l2: Double = 0.001, minimumCount: Int = 2, threshold: Double = 0.5,
                             veto: Double? = nil, trainedOn: String) -> EmergencyModel {
        var counts: [String: Int] = [:]
        for example in examples { for feature in Set(example.features) { counts[feature, default: 0] += 1 } }
        let kept = counts.filter { $0.value >= minimumCount }.keys.sorted()
        var index: [String: Int] = [:]
        for (offset, feature) in kept.enumerated() { index[feature] = offset }
        let rows = examples.map { example in (Set(example.features.compactMap { index[$0] }).sorted(), example.emergency ? 1.0 : 0.0) }
        var weights = [Double](repeating: 0, count: kept.count)
        var bias = 0.0
        let n = Double(max(rows.count, 1))
        for _ in 0..<epochs {
            var gradient = [Double](repeating: 0, count: kept.count)
            var biasGradient = 0.0
            for (features, label) in rows {
                var sum = bias
                for feature in features { sum += weights[feature] }
                let error = 1 / (1 + exp(-sum)) - label
                biasGradient += error
                for feature in features { gradient[feature] += error }
            }
            for feature in weights.indices {
                weights[feature] -= learningRate * (gradient[feature] / n + l2 * weights[feature])
            }
            bias -= learningRate * biasGradient / n
        }
        var table: [String: Double] = [:]
        for (offset, feature) in kept.enumerated() where abs(weights[offset]) > 1e-4 {
            table[feature] = (weights[offset] * 10_000).rounded() / 10_000
        }
        return EmergencyModel(weights: table, bias: (bias * 10_000).rounded() / 10_000, threshold: threshold, veto: veto, trainedOn: trainedOn)
    }
}
