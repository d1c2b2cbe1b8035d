/// The type of a fact of the citizen's situation.
///
/// Types are checked twice: when a catalog is loaded (every literal in a rule
/// must have the type of its fact) and when a situation is evaluated.
public enum FactType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Yes or no (`true` / `false` in JSON).
    case bool
    /// One value from a closed list declared with the fact (a JSON string).
    case `enum`
    /// A number (a JSON number).
    case number
    /// A civil date, `"YYYY-MM-DD"` in JSON.
    case date
    /// A French département code such as `"33"`, `"2A"` or `"974"`.
    case departement

    /// Whether values of this type can be ordered with `lt`, `le`, `gt`, `ge`.
    var isOrdered: Bool { self == .number || self == .date }
}
