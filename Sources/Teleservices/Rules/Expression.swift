/// A typechecked rule expression (compiled from the catalog's JSON).
indirect enum Expression: Hashable, Sendable {
    /// True when every part is true.
    case all([Expression])
    /// True when at least one part is true.
    case any([Expression])
    /// The negation.
    case not(Expression)
    /// `fact <op> operand`.
    case compare(ComparisonOperator, fact: String, Operand)
    /// `fact ∈ values`.
    case member(fact: String, values: [FactValue])
    /// Whether the citizen gave a value for the fact.
    case isKnown(String)

    /// The names of every fact the expression reads.
    var facts: Set<String> {
        switch self {
        case .all(let parts), .any(let parts):
            return parts.reduce(into: Set<String>()) { $0.formUnion($1.facts) }
        case .not(let inner):
            return inner.facts
        case .compare(_, let fact, let operand):
            if case .fact(let other, _) = operand { return [fact, other] }
            return [fact]
        case .member(let fact, _), .isKnown(let fact):
            return [fact]
        }
    }
}

/// The comparison operators of the rule language.
enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case eq, ne, lt, le, gt, ge

    /// Whether the operator needs ordered values (numbers or dates).
    var needsOrder: Bool { self != .eq && self != .ne }
}

/// The right-hand side of a comparison.
enum Operand: Hashable, Sendable {
    /// A constant of the fact's type.
    case literal(FactValue)
    /// Another fact of the same type, plus a number of days for dates.
    case fact(String, plusDays: Int)
    /// The evaluation date plus a number of days (dates only).
    case today(plusDays: Int)
}
