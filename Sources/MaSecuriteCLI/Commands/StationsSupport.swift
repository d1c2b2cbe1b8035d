import Foundation
import StationDirectory

/// The bundled directory, loaded once per process.
enum StationsCatalog {
    private static let shared: Result<StationFinder, any Error> = Result { try StationFinder.bundled() }

    static func finder() throws -> StationFinder {
        switch shared {
        case .success(let finder): return finder
        case .failure(let error): throw OperationError("cannot load the bundled station directory: \(error)")
        }
    }
}

/// One station in `--json` output (snake_case fields; `open_now` is true, false or null).
struct StationJSON: Encodable {
    let station: Station
    let distance: Double?
    let openNow: Bool?
    let nextOpening: String?

    init(_ station: Station, distance: Double?, at instant: Date) {
        self.station = station
        self.distance = distance.map { ($0 * 10).rounded() / 10 }
        openNow = station.isOpen(at: instant)
        nextOpening = station.nextOpening(after: instant).map { ISO8601.format($0, in: station.openingHoursContext.timeZone) }
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

/// Text helpers of the stations commands.
enum StationsFormatting {
    struct BadLine: Error {
        let message: String
    }

    /// `1234.56` → `"1234.6"` (fast; no locale).
    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `850 m` or `12.3 km`.
    static func distance(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres.rounded())) m" : "\(oneDecimal(metres / 1000)) km"
    }

    static func openStatus(_ station: Station, at instant: Date) -> String {
        switch station.isOpen(at: instant) {
        case .some(true): return "open"
        case .some(false):
            if let next = station.nextOpening(after: instant) {
                return "closed, opens \(ISO8601.format(next, in: station.openingHoursContext.timeZone))"
            }
            return "closed"
        case .none: return "hours unknown"
        }
    }

    static func isHeader(_ line: Substring) -> Bool {
        let compact = line.filter { $0 != " " && $0 != "\t" }.lowercased()
        return compact == "lat,lon"
    }

    private static func number(_ text: Substring) -> Double? {
        if let value = Double(text) { return value }
        return Double(text.trimmingCharacters(in: .whitespaces))
    }

    static func parsePoint(_ line: Substring) -> Result<GeoPoint, BadLine> {
        let parts = line.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return .failure(BadLine(message: "expected two fields 'lat,lon', found \(parts.count)"))
        }
        guard let latitude = number(parts[0]) else {
            return .failure(BadLine(message: "the latitude is not a decimal number"))
        }
        guard let longitude = number(parts[1]) else {
            return .failure(BadLine(message: "the longitude is not a decimal number"))
        }
        do {
            return .success(try GeoPoint(latitude: latitude, longitude: longitude))
        } catch {
            return .failure(BadLine(message: error.description))
        }
    }
}
