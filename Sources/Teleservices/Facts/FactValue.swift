import Foundation

/// A typed value of a fact: what a citizen answered to a question.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
    /// A yes/no answer.
    case bool(Bool)
    /// One of the values declared for an enum fact (its id, e.g. `"vol"`).
    case enumValue(String)
    /// A number, e.g. an age.
    case number(Double)
    /// A civil date.
    case date(LocalDate)
    /// A département.
    case departement(DepartementCode)

    /// The type of this value.
    public var type: FactType {
        switch self {
        case .bool: return .bool
        case .enumValue: return .enum
        case .number: return .number
        case .date: return .date
        case .departement: return .departement
        }
    }

    /// The value as a citizen or a command line writes it (`true`, `vol`, `17`, `2026-07-01`, `33`).
    public var description: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .enumValue(let value): return value
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .date(let value): return value.description
        case .departement(let value): return value.rawValue
        }
    }

    /// Orders two values of the same ordered type (number or date); `nil` otherwise.
    func compare(to other: FactValue) -> ComparisonResult? {
        switch (self, other) {
        case (.number(let a), .number(let b)):
            return a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        case (.date(let a), .date(let b)):
            return a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
        default:
            return nil
        }
    }
}
