import Foundation

/// A fact the guichet read in the citizen's own sentence (« j'ai compris que… »), shown so that
/// the citizen confirms or corrects it: it pre-answers an eligibility question, never silently.
public struct UnderstoodFact: Hashable, Sendable, Codable {
    /// The fact name, e.g. `author_known`.
    public var name: String
    /// The value as written on the command line (`false`, `15`); give another with `--fact name=value`.
    public var value: String
    /// The eligibility question it answers, in the answer's language.
    public var question: String
    /// The answer in plain words (« oui », « non », « 15 »).
    public var answer: String
    /// The words of the sentence that say it (folded: lowercase, no accents).
    public var evidence: String

    /// Creates a value from its fields.
    public init(name: String, value: String, question: String, answer: String, evidence: String) {
        self.name = name
        self.value = value
        self.question = question
        self.answer = answer
        self.evidence = evidence
    }
}
