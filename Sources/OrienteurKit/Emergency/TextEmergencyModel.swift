import Foundation

/// A second opinion on a danger, read from the sentence's letters and words alone: a logistic model over
/// its character n-grams (2 to 5 letters, inside words) and its words and word pairs, weighted by how rare
/// they are (TF-IDF), hashed into ``bucketCount`` buckets. It knows nothing of the cue rules, so it does
/// not share their blind spots: measured on blind parts nobody had tuned on, it misses fewer emergencies
/// and raises far fewer false alarms than the rules. The detector combines the two (see
/// ``EmergencyDetector``): the rules' alert stands when this model gives it at least ``confirm``, and this
/// model alerts alone from ``alert``, and even past a hypothesis phrase ("si quelqu'un appelle la police il nous
/// tue", "football training") from ``overrule``. Learnt with the emergency model (`masecurite content
/// train-emergency`) and shipped in `emergency-model.json` as its `text` field.
public struct TextEmergencyModel: Hashable, Sendable {
    /// How many buckets the n-grams are hashed into (2^18).
    public static let bucketCount = 1 << 18
    /// The inverse document frequency of each bucket (1 for a bucket never seen in training).
    public var idf: [Float]
    /// The weight of each bucket.
    public var weights: [Float]
    /// The intercept.
    public var bias: Double
    /// The probability from which the model alerts on its own.
    public var alert: Double
    /// The probability under which an alert of the cue rules is silenced (never suicidal intent).
    public var confirm: Double
    /// The probability from which the model alerts alone even when the sentence holds a hypothesis phrase
    /// ("que faire si", "training"): in a long message such a phrase is often a threat told or a word in passing,
    /// not the writer's question. At least ``alert``; 0.9 when the file does not say.
    public var overrule: Double
    /// The probability from which the model alerts alone on a danger of a kind the rules have many words for
    /// (violence, a crime in progress, a child in danger, a weapon, a fire, someone hurt): there the rules' reading
    /// of time ("hier", "il est parti", "it's over") is good, and a hesitant second opinion is mostly a past event.
    /// At least ``alert``; 0.7 when the file does not say.
    public var namedDanger: Double
    /// The probability under which even a missing person found by the rules is silenced: the model is all but
    /// sure that nothing is happening ("comment j'annule le signalement, il est rentré", "a website that
    /// vanished"). At most ``confirm``; 0.02 when the file does not say.
    public var dismissMissing: Double
    /// ``overrule`` when the model's file does not give it. On parts 58-72, unseen by the model that chose it,
    /// none of 204 calm sentences with a hypothesis phrase reached 0.9, and 4 of the 4 emergencies a hypothesis
    /// phrase blocked reached 0.899 or more.
    public static let defaultOverrule = 0.9

    /// ``namedDanger`` when the model's file does not give it. Cross-validated over parts 1-90 (the model never
    /// saw the part it read), the 36 alerts of the model alone below 0.7 on such a danger were all false alarms.
    public static let defaultNamedDanger = 0.7

    /// ``dismissMissing`` when the model's file does not give it. Over parts 1-90 cross-validated (the model never
    /// saw the part it read) and parts 97-102 (written after the model), the 17 missing persons the rules found
    /// and the model put below 0.02 were all false alarms; the lowest emergency was at 0.023.
    public static let defaultDismissMissing = 0.02

    /// Creates a value from its fields; `idf` and `weights` hold ``bucketCount`` values each.
    public init(idf: [Float], weights: [Float], bias: Double, alert: Double, confirm: Double, overrule: Double = defaultOverrule,
                namedDanger: Double = defaultNamedDanger, dismissMissing: Double = defaultDismissMissing) {
        self.idf = idf
        self.weights = weights
        self.bias = bias
        self.alert = alert
        self.confirm = confirm
        self.overrule = overrule
        self.namedDanger = namedDanger
        self.dismissMissing = dismissMissing
    }

    /// The probability that `text` tells a danger happening now.
    public func probability(_ text: String) -> Double {
        var sum = bias
        for (bucket, value) in Self.vector(of: text, idf: idf) { sum += Double(weights[bucket]) * Double(value) }
        return 1 / (1 + exp(-sum))
    }

    /// The words of `text` that pushed most towards a danger (at most `count`, strongest first).
    func strongestWords(in text: String, count: Int) -> [String] {
        let bytes = Self.normalized(text)
        var scored: [(String, Float)] = []
        for word in Self.words(bytes) {
            let bucket = Self.bucket(of: word[...], family: 2)
            let weight = weights[bucket] * idf[bucket]
            if weight > 0, let name = String(bytes: word, encoding: .utf8) { scored.append((name, weight)) }
        }
        var seen = Set<String>()
        return scored.sorted { $0.1 > $1.1 }.map(\.0).filter { seen.insert($0).inserted }.prefix(count).map { $0 }
    }

    // MARK: Features

    /// The sentence lowercased, accents and ligatures folded (`é` → `e`, `œ` → `oe`), as UTF-8 bytes.
    static func normalized(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let folded = TextAnalyzer.folding(scalar) {
                bytes.append(contentsOf: folded.utf8)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// Words: runs of ASCII letters, digits and apostrophes.
    static func words(_ bytes: [UInt8]) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            if (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 39 {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// FNV-1a of the family tag and the bytes, reduced to a bucket.
    static func bucket<Bytes: Sequence>(of bytes: Bytes, family: UInt8) -> Int where Bytes.Element == UInt8 {
        reduce(hash(bytes, from: hash([family], from: fnvOffset)))
    }

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a of `bytes`, continued from `start`.
    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes, from start: UInt64) -> UInt64 where Bytes.Element == UInt8 {
        var hash = start
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    @inline(__always)
    static func reduce(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 20) & (bucketCount - 1) }

    /// Each family's buckets with their counts: family 1, character n-grams of 2 to 5 bytes inside each
    /// space-separated token padded with a space; family 2, words and pairs of words.
    static func counts(of text: String) -> [[Int: Int]] {
        let bytes = normalized(text)
        var characters: [Int: Int] = [:]
        var token: [UInt8] = [32]
        func flush() {
            guard token.count > 1 else { return }
            token.append(32)
            for length in 2...5 {
                if token.count <= length {
                    characters[bucket(of: token, family: 1), default: 0] += 1
                    break
                }
                for start in 0...(token.count - length) {
                    characters[bucket(of: token[start..<(start + length)], family: 1), default: 0] += 1
                }
            }
            token = [32]
        }
        for byte in bytes {
            if byte == 32 || byte == 9 || byte == 10 || byte == 13 { flush() } else { token.append(byte) }
        }
        flush()
        var words: [Int: Int] = [:]
        let list = Self.words(bytes)
        let family = hash([2], from: fnvOffset)
        for (index, word) in list.enumerated() {
            let single = hash(word, from: family)
            words[reduce(single), default: 0] += 1
            if index + 1 < list.count {
                words[reduce(hash(list[index + 1], from: hash([32], from: single))), default: 0] += 1
            }
        }
        return [characters, words]
    }

    /// The TF-IDF vector of `text` (sublinear counts, each family of unit length).
    static func vector(of text: String, idf: [Float]) -> [(Int, Float)] { weighted(counts(of: text), idf: idf) }

    /// Each family's counts weighted by `idf` (1 + ln count, times idf) and scaled to unit length, in bucket order
    /// so that the sums, hence the model learnt and each probability, are the same from run to run.
    static func weighted(_ families: [[Int: Int]], idf: [Float]) -> [(Int, Float)] {
        var vector: [(Int, Float)] = []
        for family in families {
            var part = family.map { ($0.key, (1 + Float(log(Double($0.value)))) * idf[$0.key]) }
            part.sort { $0.0 < $1.0 }
            let norm = part.reduce(Float(0)) { $0 + $1.1 * $1.1 }.squareRoot()
            guard norm > 0 else { continue }
            vector += part.map { ($0.0, $0.1 / norm) }
        }
        return vector
    }

    // MARK: Training

    /// Learns a model by logistic regression (stochastic gradient descent over the sentences in a fixed
    /// shuffled order, classes weighted to count equally, L2), deterministic.
    /// - Parameters:
    ///   - examples: each sentence and whether it tells an emergency.
    ///   - epochs: passes over the sentences.
    ///   - regularization: C, as in the usual formulation (larger fits the sentences more closely).
    ///   - alert: the probability from which the model alerts alone.
    ///   - confirm: the probability under which it silences an alert of the rules.
    ///   - overrule: the probability from which it alerts alone past a hypothesis phrase.
    ///   - namedDanger: the probability from which it alerts alone on a danger the rules have many words for.
    ///   - dismissMissing: the probability under which it silences a missing person found by the rules.
    public static func train(_ examples: [(text: String, emergency: Bool)], epochs: Int = 10, regularization: Double = 8,
                             alert: Double = 0.5, confirm: Double = 0.1, overrule: Double = defaultOverrule,
                             namedDanger: Double = defaultNamedDanger, dismissMissing: Double = defaultDismissMissing) -> TextEmergencyModel {
        let n = max(examples.count, 1)
        var frequency = [Int](repeating: 0, count: bucketCount)
        let counted = examples.map { example in counts(of: example.text) }
        for families in counted { for family in families { for bucket in family.keys { frequency[bucket] += 1 } } }
        var idf = [Float](repeating: 1, count: bucketCount)
        for bucket in 0..<bucketCount where frequency[bucket] > 0 {
            idf[bucket] = Float(log(Double(1 + n) / Double(1 + frequency[bucket])) + 1)
        }
        let rows = counted.map { weighted($0, idf: idf) }
        let positives = examples.filter(\.emergency).count
        let weightOf: [Bool: Double] = [true: Double(n) / Double(2 * max(positives, 1)),
                                        false: Double(n) / Double(2 * max(n - positives, 1))]
        let lambda = 1 / (regularization * Double(n))
        var weights = [Double](repeating: 0, count: bucketCount)
        var scale = 1.0  // the true weights are scale × weights (lazy L2)
        var bias = 0.0
        var order = Array(0..<examples.count)
        var seed: UInt64 = 0x9e37_79b9_7f4a_7c15
        // The step size falls as 1 / (λ (t0 + t)), from a first step sized for unit-length rows (as scikit-learn's "optimal").
        let firstRate = (1 / lambda.squareRoot()).squareRoot()
        let t0 = 1 / (firstRate * lambda)
        var step = 0.0
        for _ in 0..<epochs {
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(index, Int(seed >> 33) % (index + 1))
            }
            for row in order {
                let rate = 1 / (lambda * (t0 + step))
                var sum = bias
                for (bucket, value) in rows[row] { sum += scale * weights[bucket] * Double(value) }
                let label = examples[row].emergency
                let error = (1 / (1 + exp(-sum)) - (label ? 1 : 0)) * (weightOf[label] ?? 1)
                scale *= 1 - rate * lambda
                if scale < 1e-9 {
                    for bucket in weights.indices { weights[bucket] *= scale }
                    scale = 1
                }
                for (bucket, value) in rows[row] { weights[bucket] -= rate * error * Double(value) / scale }
                bias -= rate * error * 0.01
                step += 1
            }
        }
        let final = weights.map { Float($0 * scale) }
        return TextEmergencyModel(idf: idf, weights: final, bias: bias, alert: alert, confirm: confirm, overrule: overrule,
                                  namedDanger: namedDanger, dismissMissing: dismissMissing)
    }
}

extension TextEmergencyModel: Codable {
    private enum CodingKeys: String, CodingKey { case idf, weights, bias, alert, confirm, overrule, namedDanger, dismissMissing }

    /// Arrays travel as base64 of little-endian 32-bit floats: compact and quick to read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        idf = try Self.floats(container, .idf)
        weights = try Self.floats(container, .weights)
        bias = try container.decode(Double.self, forKey: .bias)
        alert = try container.decode(Double.self, forKey: .alert)
        confirm = try container.decode(Double.self, forKey: .confirm)
        overrule = try container.decodeIfPresent(Double.self, forKey: .overrule) ?? Self.defaultOverrule
        guard (0...1).contains(alert), (0...1).contains(confirm), confirm <= alert else {
            throw DecodingError.dataCorruptedError(forKey: .confirm, in: container,
                                                   debugDescription: "confirm and alert must lie in 0...1, confirm at most alert")
        }
        guard (alert...1).contains(overrule) else {
            throw DecodingError.dataCorruptedError(forKey: .overrule, in: container,
                                                   debugDescription: "overrule must lie between alert (\(alert)) and 1, got \(overrule)")
        }
        namedDanger = try container.decodeIfPresent(Double.self, forKey: .namedDanger) ?? Self.defaultNamedDanger
        guard (alert...1).contains(namedDanger) else {
            throw DecodingError.dataCorruptedError(forKey: .namedDanger, in: container,
                                                   debugDescription: "namedDanger must lie between alert (\(alert)) and 1, got \(namedDanger)")
        }
        dismissMissing = try container.decodeIfPresent(Double.self, forKey: .dismissMissing) ?? min(Self.defaultDismissMissing, confirm)
        guard (0...confirm).contains(dismissMissing) else {
            throw DecodingError.dataCorruptedError(forKey: .dismissMissing, in: container,
                                                   debugDescription: "dismissMissing must lie between 0 and confirm (\(confirm)), got \(dismissMissing)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.base64(idf), forKey: .idf)
        try container.encode(Self.base64(weights), forKey: .weights)
        try container.encode(bias, forKey: .bias)
        try container.encode(alert, forKey: .alert)
        try container.encode(confirm, forKey: .confirm)
        try container.encode(overrule, forKey: .overrule)
        try container.encode(namedDanger, forKey: .namedDanger)
        try container.encode(dismissMissing, forKey: .dismissMissing)
    }

    private static func base64(_ values: [Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 4)
        for value in values {
            let bits = value.bitPattern.littleEndian
            withUnsafeBytes(of: bits) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes).base64EncodedString()
    }

    private static func floats(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [Float] {
        let text = try container.decode(String.self, forKey: key)
        guard let data = Data(base64Encoded: text), data.count == bucketCount * 4 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                   debugDescription: "expected base64 of \(bucketCount) little-endian 32-bit floats")
        }
        var values = [Float](repeating: 0, count: bucketCount)
        data.withUnsafeBytes { raw in
            for index in 0..<bucketCount {
                values[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
        }
        return values
    }
}
