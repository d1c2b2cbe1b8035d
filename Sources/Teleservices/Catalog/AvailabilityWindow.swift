/// Where and when a service is offered: nationally or in a list of
/// départements (a pilot), from a date and until a date (both inclusive, both optional).
public struct AvailabilityWindow: Hashable, Sendable {
    /// Where the window applies.
    public enum Scope: Hashable, Sendable {
        /// Everywhere in France.
        case national
        /// Only in these départements (a pilot or a local service).
        case departements(Set<DepartementCode>)
    }

    /// Where.
    public let scope: Scope
    /// First day offered, if known.
    public let from: LocalDate?
    /// Last day offered, for retired services or ended pilots.
    public let until: LocalDate?

    /// Creates a window.
    public init(scope: Scope, from: LocalDate? = nil, until: LocalDate? = nil) {
        self.scope = scope
        self.from = from
        self.until = until
    }

    /// Whether `date` falls within the window's dates.
    public func covers(_ date: LocalDate) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }

    /// Whether `departement` is in the window's territory.
    public func covers(_ departement: DepartementCode) -> Bool {
        switch scope {
        case .national: return true
        case .departements(let codes): return codes.contains(departement)
        }
    }
}
