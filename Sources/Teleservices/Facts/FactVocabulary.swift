import Foundation

/// The facts a catalog's rules may use, defined once (in `facts.json`), with
/// their types, allowed values, questions and ask order.
public struct FactVocabulary: Sendable {
    /// Every fact, in ask order (priority, then name).
    public let facts: [FactDefinition]
    private let byName: [String: FactDefinition]

    /// Creates a vocabulary; names must be unique (checked by the loader).
    public init(facts: [FactDefinition]) {
        self.facts = facts.sorted { ($0.priority, $0.name) < ($1.priority, $1.name) }
        var index: [String: FactDefinition] = [:]
        for fact in facts where index[fact.name] == nil { index[fact.name] = fact }
        byName = index
    }

    /// The fact named `name`, if defined.
    public subscript(name: String) -> FactDefinition? { byName[name] }

    /// Every fact name in ask order.
    public var names: [String] { facts.map(\.name) }

    /// Parses a command-line answer for `fact`: a value of its type, or `?` for « I don't know ».
    public func answer(for fact: String, text: String) throws(SituationError) -> Situation.Answer {
        guard let definition = byName[fact] else { throw .unknownFact(fact, valid: names) }
        if text.trimmingCharacters(in: .whitespaces) == "?" { return .dontKnow }
        switch definition.value(fromText: text) {
        case .success(let value): return .value(value)
        case .failure(let mismatch): throw .invalidValue(fact: fact, message: mismatch.message)
        }
    }

    /// Checks that every answered fact exists and has a value of its type.
    public func validate(_ situation: Situation) throws(SituationError) {
        for name in situation.answers.keys.sorted() {
            guard let definition = byName[name] else { throw .unknownFact(name, valid: names) }
            guard case .value(let value)? = situation[name] else { continue }
            guard value.type == definition.type else {
                throw .invalidValue(fact: name, message: "fact '\(name)' expects \(definition.expectedValues); got \(value.type.rawValue) '\(value)'")
            }
            if case .enumValue(let id) = value, !definition.valueIDs.contains(id) {
                throw .invalidValue(fact: name, message: "fact '\(name)' expects \(definition.expectedValues); got '\(id)'")
            }
        }
    }

    /// `names` sorted in ask order.
    func inAskOrder(_ names: Set<String>) -> [String] {
        names.sorted { lhs, rhs in
            let l = byName[lhs]?.priority ?? Int.max
            let r = byName[rhs]?.priority ?? Int.max
            return (l, lhs) < (r, rhs)
        }
    }
}
