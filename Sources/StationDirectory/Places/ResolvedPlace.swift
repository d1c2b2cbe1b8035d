import Foundation

/// A place once resolved to a commune (or a département centre) by
/// ``StationFinder/resolve(_:)``.
public struct ResolvedPlace: Hashable, Sendable, Codable {
    /// The place as given.
    public var query: Place
    /// The commune used, when known.
    public var commune: String?
    /// Its INSEE code.
    public var insee: String?
    /// The postal code given or the commune's first one.
    public var postalCode: String?
    /// The département.
    public var departement: DepartementCode
    /// The point stations are searched around.
    public var location: GeoPoint
    /// `true` when the point is only the centre of the département's stations.
    public var approximate: Bool
    /// Other communes served by the same postal code, or other close name matches.
    public var otherCommunes: [String]

    /// Creates a value.
    public init(query: Place, commune: String?, insee: String?, postalCode: String?, departement: DepartementCode,
                location: GeoPoint, approximate: Bool, otherCommunes: [String] = []) {
        self.query = query
        self.commune = commune
        self.insee = insee
        self.postalCode = postalCode
        self.departement = departement
        self.location = location
        self.approximate = approximate
        self.otherCommunes = otherCommunes
    }

    /// The local time zone of the place.
    public var timeZone: TimeZone { departement.timeZone }

    private enum CodingKeys: String, CodingKey {
        case query, commune, insee, postalCode = "postal_code", departement = "department", location, approximate
        case otherCommunes = "other_communes"
    }
}
