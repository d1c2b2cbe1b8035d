import Foundation

/// Where to go for a `visit:` or `appointment:` action.
public struct StationsAdvice: Hashable, Sendable, Codable {
    /// The motif, e.g. `plainte`, `main-courante`.
    public var motif: String
    /// Its name for people.
    public var motifName: String
    /// Whether appointments can be booked for this motif.
    public var bookable: Bool
    /// The nearest stations, nearest first (empty when the place is unknown).
    public var stations: [NearbyStation]

    /// Creates a value.
    public init(motif: String, motifName: String, bookable: Bool, stations: [NearbyStation]) {
        self.motif = motif
        self.motifName = motifName
        self.bookable = bookable
        self.stations = stations
    }

    private enum CodingKeys: String, CodingKey { case motif, motifName = "motif_name", bookable, stations }
}
