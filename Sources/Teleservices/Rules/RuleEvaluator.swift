/// The three-valued result of an expression: true, false, or unknown.
///
/// An unknown result says why: some facts are not asked yet (`missing`, the
/// "missing variables"), or the citizen answered « je ne sais pas » to them
/// (`dontKnow`). Either way, knowing any of these facts could change the result.
enum Truth: Hashable, Sendable {
    case yes
    case no
    /// Unknown; knowing any of these facts could change the result.
    case unknown(missing: Set<String>, dontKnow: Set<String>)

    /// Unknown because `fact` is not asked yet.
    static func notAsked(_ fact: String) -> Truth { .unknown(missing: [fact], dontKnow: []) }
    /// Unknown because the citizen does not know `fact`.
    static func notKnown(_ fact: String) -> Truth { .unknown(missing: [], dontKnow: [fact]) }
}

/// Evaluates compiled expressions with Kleene's strong three-valued logic.
///
/// A fact the citizen has not been asked and a fact they answered « je ne sais
/// pas » are both *unknown*: no operator turns an unknown fact into false (or
/// true) unless the result is the same whatever its value. `all` is false as
/// soon as one part is false (the unknown parts then do not matter and are not
/// reported); `any` is true as soon as one part is true; `not` keeps unknown
/// unknown. The one operator that reads the *answer* rather than the fact is
/// `is-known`: false for « je ne sais pas », unknown when not asked.
///
/// For expressions where each fact appears once, a fact is reported missing (or
/// not known) exactly when some answer to it could change the result.
struct RuleEvaluator {
    let situation: Situation
    /// The evaluation date (for `today_plus_days`).
    let today: LocalDate

    func evaluate(_ expression: Expression) -> Truth {
        switch expression {
        case .all(let parts):
            var pending = Pending()
            for part in parts {
                switch evaluate(part) {
                case .no: return .no
                case .unknown(let missing, let dontKnow): pending.add(missing, dontKnow)
                case .yes: break
                }
            }
            return pending.truth(otherwise: .yes)
        case .any(let parts):
            var pending = Pending()
            for part in parts {
                switch evaluate(part) {
                case .yes: return .yes
                case .unknown(let missing, let dontKnow): pending.add(missing, dontKnow)
                case .no: break
                }
            }
            return pending.truth(otherwise: .no)
        case .not(let inner):
            switch evaluate(inner) {
            case .yes: return .no
            case .no: return .yes
            case .unknown(let missing, let dontKnow): return .unknown(missing: missing, dontKnow: dontKnow)
            }
        case .isKnown(let fact):
            switch situation[fact] {
            case .value?: return .yes
            case .dontKnow?: return .no
            case nil: return .notAsked(fact)
            }
        case .member(let fact, let values):
            switch situation[fact] {
            case .value(let value)?: return values.contains(value) ? .yes : .no
            case .dontKnow?: return .notKnown(fact)
            case nil: return .notAsked(fact)
            }
        case .compare(let op, let fact, let operand):
            return compare(op, fact, operand)
        }
    }

    /// The unknown facts met so far in an `all` or `any`.
    private struct Pending {
        var missing = Set<String>()
        var dontKnow = Set<String>()
        var any = false

        mutating func add(_ missing: Set<String>, _ dontKnow: Set<String>) {
            any = true
            self.missing.formUnion(missing)
            self.dontKnow.formUnion(dontKnow)
        }

        func truth(otherwise decided: Truth) -> Truth {
            any ? .unknown(missing: missing, dontKnow: dontKnow) : decided
        }
    }

    private func compare(_ op: ComparisonOperator, _ fact: String, _ operand: Operand) -> Truth {
        var pending = Pending()
        let left: FactValue?
        switch situation[fact] {
        case .value(let value)?: left = value
        case .dontKnow?: left = nil; pending.add([], [fact])
        case nil: left = nil; pending.add([fact], [])
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
            case .dontKnow?: right = nil; pending.add([], [other])
            case nil: right = nil; pending.add([other], [])
            }
        }
        guard let left, let right else { return pending.truth(otherwise: .no) }
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
