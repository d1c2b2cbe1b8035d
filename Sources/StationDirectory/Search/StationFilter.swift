import Foundation

/// Conditions a station must meet to be returned by a search.
public struct StationFilter: Sendable, Hashable {
    /// Only these kinds (`nil`: all).
    public var kinds: Set<StationKind>?
    /// Only this département (`nil`: all).
    public var departement: DepartementCode?
    /// Only stations known to be open at this instant, in their own time zone
    /// and with their territory's public holidays. Stations whose hours are
    /// unknown are left out (unknown is not open).
    public var openAt: Date?
    /// Only stations at most this many metres away (inclusive).
    public var maxDistanceMetres: Double?

    /// Creates a filter; the default accepts every station.
    public init(kinds: Set<StationKind>? = nil, departement: DepartementCode? = nil, openAt: Date? = nil,
                maxDistanceMetres: Double? = nil) {
        self.kinds = kinds
        self.departement = departement
        self.openAt = openAt
        self.maxDistanceMetres = maxDistanceMetres
    }

    /// Accepts every station.
    public static let none = StationFilter()

    /// Whether the filter looks at anything besides the distance.
    var testsStations: Bool { kinds != nil || departement != nil || openAt != nil }

    /// Whether `station` passes (the distance is checked by the index).
    func accepts(_ station: Station) -> Bool {
        if let kinds, !kinds.contains(station.kind) { return false }
        if let departement, station.departement != departement { return false }
        if let openAt, station.isOpen(at: openAt) != true { return false }
        return true
    }
}

/// A station found by a search, with its distance.
public struct StationResult: Hashable, Sendable {
    /// The station.
    public let station: Station
    /// Great-circle distance from the query point, in metres.
    public let distanceMetres: Double
}
