import Foundation
import StationDirectory

/// A commune in responses.
struct PlaceJSON: Encodable {
    let insee: String
    let name: String
    let postal_codes: [String]
    let department: String
    let lat: Double
    let lon: Double

    init(_ commune: Commune) {
        insee = commune.insee.rawValue
        name = commune.name
        postal_codes = commune.postalCodes.map(\.rawValue)
        department = commune.departement.rawValue
        lat = commune.location.latitude
        lon = commune.location.longitude
    }
}
