/// The three-valued result of an expression: true, false, or unknown because
/// some facts are not answered yet (the "missing variables").
enum Truth: Hashable, Sendable {
    case yes
    case no
    /// Unknown; knowing any of these facts could change the result.
    case unknown(missing: Set<String>)
}

/// Evaluates compiled expressions with Kleene's three-valued logic.
///
/// `all` is false as soon as one part is false (the unknown parts then do not
/// matter and are not reported missing); `any` is true as soon as one part is
/// true. For expressions where each fact appears once, a fact is reported
/// missing exactly when some answer to it could change the result.
struct RuleEvaluator {
    let situation: Situation
    /// The evaluation date (for `today_plus_days`).
    let today: LocalDate

    func evaluate(_ expression: Expression) -> Truth {
        switch expression {
        case .all(let parts):
            var missing = Set<String>()
            for part in parts {
                switch evaluate(part) {
                case .no: return .no
                case .unknown(let facts): missing.formUnion(facts)
                case .yes: break
                }
            }
            return missing.isEmpty ? .yes : .unknown(missing: missing)
        case .any(let parts):
            var missing = Set<String>()
            for part in parts {
                switch evaluate(part) {
                case .yes: return .yes
                case .unknown(let facts): missing.formUnion(facts)
                case .no: break
                }
            }
            return missing.isEmpty ? .no : .unknown(missing: missing)
        case .not(let inner):
            switch evaluate(inner) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let facts): return .unknown(missing: facts)
            }
        case .isKnown(let fact):
            switch situation[fact] {
            case .value?: return .yes
            case .dontKnow?: return .no
            case nil: return .unknown(missing: [fact])
            }
        case .member(let fact, let values):
            switch situation[fact] {
            case .value(let value)?: return values.contains(value) ? .yes : .no
            case .dontKnow?: return .no
            case nil: return .unknown(missing: [fact])
            }
        case .compare(let op, let fact, let operand):
            return compare(op, fact, operand)
        }
    }

    private func compare(_ op: ComparisonOperator, _ fact: String, _ operand: Operand) -> Truth {
        var missing = Set<String>()
        var knownFalse = false
        let left: FactValue?
        switch situation[fact] {
        case .value(let value)?: left = value
        case .dontKnow?: left = nil; knownFalse = true
        case nil: left = nil; missing.insert(fact)
        }
        let right: FactValue?
        switch operand {
        case .literal(let value):
            right = value
        case .today(let days):
            right = .date(today.adding(days: days))
        case .fact(let other, let days):
            switch situation[other] {
            case .value(.date(let date))?: right = .date(date.adding(days: days))
            case .value(let value)?: right = value
            case .dontKnow?: right = nil; knownFalse = true
            case nil: right = nil; missing.insert(other)
            }
        }
        if knownFalse { return .no }
        guard let left, let right else { return .unknown(missing: missing) }
        let holds: Bool
        switch op {
        case .eq: holds = left == right
        case .ne: holds = left != right
        case .lt: holds = left.compare(to: right) == .orderedAscending
        case .le: holds = [.orderedAscending, .orderedSame].contains(left.compare(to: right))
        case .gt: holds = left.compare(to: right) == .orderedDescending
        case .ge: holds = [.orderedDescending, .orderedSame].contains(left.compare(to: right))
        }
        return holds ? .yes : .no
    }
}
