import Foundation
import StationDirectory

/// One station in responses: the same snake_case fields as the command line's
/// `stations --json` (`open_now` is true, false or null when hours are unknown).
struct StationJSON: Encodable {
    let station: Station
    let distance: Double?
    let openNow: Bool?
    let nextOpening: String?

    init(_ station: Station, distance: Double?, at instant: Date) {
        self.station = station
        self.distance = distance.map { ($0 * 10).rounded() / 10 }
        openNow = station.isOpen(at: instant)
        nextOpening = station.nextOpening(after: instant).map { Timestamps.format($0, in: station.openingHoursContext.timeZone) }
    }

    private enum Keys: String, CodingKey {
        case id, kind, name, address, postal_code, commune, insee, department, lat, lon, distance_m, phone, phone_e164
        case email, open_now, next_opening, opening_hours, hours_note, accessibility, coordinate_quality, updated
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(station.id, forKey: .id)
        try c.encode(station.kind.rawValue, forKey: .kind)
        try c.encode(station.name, forKey: .name)
        try c.encode(station.address, forKey: .address)
        try c.encode(station.postalCode.rawValue, forKey: .postal_code)
        try c.encode(station.commune, forKey: .commune)
        try c.encode(station.insee.rawValue, forKey: .insee)
        try c.encode(station.departement.rawValue, forKey: .department)
        try c.encode(station.location.latitude, forKey: .lat)
        try c.encode(station.location.longitude, forKey: .lon)
        if let distance { try c.encode(distance, forKey: .distance_m) }
        try c.encode(station.phone?.display, forKey: .phone)
        try c.encode(station.phone?.e164, forKey: .phone_e164)
        try c.encode(station.email, forKey: .email)
        try c.encode(openNow, forKey: .open_now)
        try c.encode(nextOpening, forKey: .next_opening)
        try c.encode(station.hours.osmText, forKey: .opening_hours)
        try c.encode(station.hoursNote, forKey: .hours_note)
        try c.encode(station.accessibility.map { access in
            access.detail.map { "\(access.level.rawValue): \($0)" } ?? access.level.rawValue
        }, forKey: .accessibility)
        try c.encode(station.coordinateQuality.rawValue, forKey: .coordinate_quality)
        try c.encode(station.updated?.description, forKey: .updated)
    }
}

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
