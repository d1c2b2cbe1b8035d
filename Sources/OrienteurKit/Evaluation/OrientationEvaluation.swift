import Foundation

/// A set of citizen sentences with the right answers, to measure the orienteur
/// on sentences its content's authors never wrote: emergency recall, false
/// alarms, the fitting number and the right answer in the top three.
///
/// The file format (JSON) is the one of `Tests/MaSecuriteTests/Evaluation/`:
/// `{"part": "development", "sentences": [{"id", "lang", "voice", "category", "text",
/// "emergency", "numbers", "accept"}]}`. Keep a held-out part that is never used to
/// tune the content or the detector, and report its score alone.
public struct EvaluationSet: Hashable, Sendable, Decodable {
    /// One sentence and what a right answer is.
    public struct Sentence: Hashable, Sendable, Decodable {
        /// A stable id (`D001`, `H001`…).
        public var id: String
        /// The language of the text.
        public var lang: Language
        /// How it is written (`sms`, `no-accents`, `english`, `long`…).
        public var voice: String?
        /// The situation it describes (`violence-in-progress`, `past-burglary`…).
        public var category: String
        /// What the citizen wrote.
        public var text: String
        /// Whether it is a danger happening now.
        public var emergency: Bool
        /// For an emergency, the numbers that fit, best first.
        public var numbers: [String]
        /// The leaf, fiche or teleservice ids that are right answers.
        public var accept: [String]
    }

    /// `development` or `held-out`.
    public var part: String
    /// The sentences.
    public var sentences: [Sentence]

    /// Reads a set; the error names the file and where the JSON is wrong.
    public static func load(from url: URL) throws(ContentLoadError) -> EvaluationSet {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ContentLoadError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        do { return try JSONDecoder().decode(EvaluationSet.self, from: data) } catch let error as DecodingError {
            throw ContentLoadError(file: url.path, message: ContentFiles.describe(error))
        } catch {
            throw ContentLoadError(file: url.path, message: "\(error)")
        }
    }
}

/// The scores of an ``EvaluationSet``: overall and per category.
public struct EvaluationReport: Hashable, Sendable, Encodable {
    /// The counts for one category (or for all).
    public struct Row: Hashable, Sendable, Encodable {
        /// The category, or `all`.
        public var category: String
        /// Sentences.
        public var sentences = 0
        /// Of which emergencies.
        public var emergencies = 0
        /// Emergencies that raised the alert.
        public var detected = 0
        /// Emergencies detected whose first expected number is among the alert's first three actions.
        public var numberFits = 0
        /// Non-emergencies.
        public var calm = 0
        /// Non-emergencies that raised the alert.
        public var falseAlarms = 0
        /// Sentences with an accepted id among the first three results.
        public var topThree = 0

        /// Emergencies detected / emergencies (1 when there are none).
        public var recall: Double { emergencies == 0 ? 1 : Double(detected) / Double(emergencies) }
        /// False alarms / non-emergencies (0 when there are none).
        public var falseAlarmRate: Double { calm == 0 ? 0 : Double(falseAlarms) / Double(calm) }
        /// Top-3 hits / sentences.
        public var topThreeRate: Double { sentences == 0 ? 1 : Double(topThree) / Double(sentences) }
        /// Numbers that fit / emergencies detected.
        public var numberFitRate: Double { detected == 0 ? 1 : Double(numberFits) / Double(detected) }

        mutating func add(_ outcome: Outcome) {
            sentences += 1
            if outcome.sentence.emergency {
                emergencies += 1
                if outcome.alerted { detected += 1 }
                if outcome.numberFits { numberFits += 1 }
            } else {
                calm += 1
                if outcome.alerted { falseAlarms += 1 }
            }
            if outcome.topThree { topThree += 1 }
        }
    }

    /// What happened to one sentence.
    public struct Outcome: Hashable, Sendable, Encodable {
        /// The sentence.
        public var sentence: EvaluationSet.Sentence
        /// Whether the alert was raised.
        public var alerted: Bool
        /// For a detected emergency, whether the first expected number is among the first three actions.
        public var numberFits: Bool
        /// Whether an accepted id is among the first three results.
        public var topThree: Bool
        /// The first three results' ids.
        public var results: [String]
        /// The alert's actions (`call:17`…), empty without an alert.
        public var actions: [String]
        /// Why the alert was raised: its reasons, cues and leaf (empty without an alert).
        public var why: [String] = []

        /// Whether the sentence was answered wrongly in any way measured.
        public var isMiss: Bool { alerted != sentence.emergency || !topThree || (sentence.emergency && alerted && !numberFits) }

        private enum CodingKeys: String, CodingKey { case id, alerted, numberFits = "number_fits", topThree = "top_three", results, actions }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(sentence.id, forKey: .id)
            try c.encode(alerted, forKey: .alerted)
            try c.encode(numberFits, forKey: .numberFits)
            try c.encode(topThree, forKey: .topThree)
            try c.encode(results, forKey: .results)
            try c.encode(actions, forKey: .actions)
        }
    }

    /// `development` or `held-out`.
    public var part: String
    /// All sentences together.
    public var total: Row
    /// One row per category, sorted by name.
    public var categories: [Row]
    /// Every sentence's outcome, in the set's order.
    public var outcomes: [Outcome]

    /// The table a person reads: one line per category, then the total.
    public func table() -> String {
        func percent(_ value: Double) -> String { String(format: "%5.1f%%", value * 100) }
        let width = max(24, (categories.map(\.category.count).max() ?? 0) + 1)
        func pad(_ text: String) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = ["\(pad("category")) sentences  recall (found/emerg.)  false alarms (n/calm)  top-3 (n/all)    number fits"]
        func line(_ row: Row) -> String {
            let recall = row.emergencies == 0 ? "     -                " : "\(percent(row.recall)) (\(row.detected)/\(row.emergencies))".padding(toLength: 22, withPad: " ", startingAt: 0)
            let alarms = row.calm == 0 ? "     -                 " : "\(percent(row.falseAlarmRate)) (\(row.falseAlarms)/\(row.calm))".padding(toLength: 23, withPad: " ", startingAt: 0)
            let top = "\(percent(row.topThreeRate)) (\(row.topThree)/\(row.sentences))".padding(toLength: 17, withPad: " ", startingAt: 0)
            let fits = row.detected == 0 ? "    -" : "\(percent(row.numberFitRate))"
            return "\(pad(row.category)) \(String(format: "%9d", row.sentences))  \(recall) \(alarms) \(top) \(fits)"
        }
        lines += categories.map(line)
        lines.append(line(total))
        return lines.joined(separator: "\n")
    }
}

extension Orienteur {
    /// Runs every sentence of `set` through ``ask(_:language:limit:)`` and scores the answers.
    public func evaluate(_ set: EvaluationSet) -> EvaluationReport {
        var total = EvaluationReport.Row(category: "all")
        var rows: [String: EvaluationReport.Row] = [:]
        var outcomes: [EvaluationReport.Outcome] = []
        for sentence in set.sentences {
            let answer = ask(sentence.text, language: sentence.lang, limit: 3)
            let accepted = Set(sentence.accept)
            let actions = answer.emergency?.actions ?? []
            let fits = sentence.numbers.first.map { first in actions.prefix(3).contains { $0.value == first } } ?? true
            let outcome = EvaluationReport.Outcome(
                sentence: sentence, alerted: answer.emergency != nil, numberFits: answer.emergency != nil && fits,
                topThree: answer.results.contains { accepted.contains($0.id) }, results: answer.results.map(\.id),
                actions: actions.map(\.description),
                why: answer.emergency.map { alert in alert.reasons.map(\.rawValue) + alert.cues.map { "«\($0)»" } + [alert.leafID ?? "-"] } ?? [])
            total.add(outcome)
            rows[sentence.category, default: EvaluationReport.Row(category: sentence.category)].add(outcome)
            outcomes.append(outcome)
        }
        return EvaluationReport(part: set.part, total: total, categories: rows.values.sorted { $0.category < $1.category },
                                outcomes: outcomes)
    }
}
