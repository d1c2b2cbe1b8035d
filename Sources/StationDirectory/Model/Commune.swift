/// A French commune (municipality) with its postal codes and centre point.
public struct Commune: Hashable, Sendable, Identifiable {
    /// INSEE code, e.g. `42218` (Saint-Étienne).
    public let insee: INSEECode
    /// Official name with accents, e.g. "Saint-Étienne".
    public let name: String
    /// Postal codes serving the commune (a commune may have several; a few have none).
    public let postalCodes: [PostalCode]
    /// Centre point of the commune.
    public let location: GeoPoint

    /// The INSEE code as identifier.
    public var id: INSEECode { insee }
    /// The commune's département.
    public var departement: DepartementCode { insee.departement }

    /// Creates a commune.
    public init(insee: INSEECode, name: String, postalCodes: [PostalCode], location: GeoPoint) {
        self.insee = insee
        self.name = name
        self.postalCodes = postalCodes
        self.location = location
    }
}
