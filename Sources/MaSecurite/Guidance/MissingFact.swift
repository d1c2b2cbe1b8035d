import Foundation

/// A fact still unknown, and the question that asks it.
public struct MissingFact: Hashable, Sendable, Codable {
    /// The fact name in Teleservices' vocabulary, e.g. `author_known`.
    public var name: String
    /// The question to ask.
    public var question: String
    /// For an enum fact, the allowed values (`id`) with their labels; empty otherwise.
    public var choices: [FactChoice]
    /// The fact type: `bool`, `enum`, `number`, `date`, `departement`.
    public var type: String

    /// Creates a value.
    public init(name: String, question: String, choices: [FactChoice] = [], type: String) {
        self.name = name
        self.question = question
        self.choices = choices
        self.type = type
    }
}
