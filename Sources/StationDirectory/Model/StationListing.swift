import Foundation

/// One station as a list shows it to a citizen, at a given instant: where it
/// is, how to reach it, how far it is, whether it is open now and when it opens
/// next.
///
/// This is the JSON form the command line (`masecurite stations … --json`)
/// and the partner server (`/v1/stations/…`) share, so a partner decodes the
/// same fields whichever it uses. Keys are snake_case; an unknown value is an
/// explicit `null` (for instance `open_now` when the published hours are
/// unknown), so a reader never confuses "no data" with a missing field.
///
/// ```swift
/// let listing = StationListing(station, distanceMetres: 850, at: Date())
/// let json = try JSONEncoder().encode(listing)
/// ```
public struct StationListing: Hashable, Sendable, Codable {
    /// The station's stable identifier (see ``Station/id``).
    public var id: String
    /// Commissariat (police) or gendarmerie brigade.
    public var kind: StationKind
    /// The name as published.
    public var name: String
    /// Street address, when published.
    public var address: String?
    /// Postal code.
    public var postalCode: PostalCode
    /// Commune name.
    public var commune: String
    /// INSEE code of the commune.
    public var insee: INSEECode
    /// Département (JSON key `department`).
    public var departement: DepartementCode
    /// Latitude in degrees (WGS 84).
    public var latitude: Double
    /// Longitude in degrees (WGS 84).
    public var longitude: Double
    /// Distance from the searched point in metres, rounded to 0.1 m; `nil` when not searched by distance.
    public var distanceMetres: Double?
    /// The phone number as people dial it in France, e.g. `05 56 99 77 77`.
    public var phone: String?
    /// The same number in E.164, e.g. `+33556997777`, for `tel:` links.
    public var phoneE164: String?
    /// Contact e-mail, when published.
    public var email: String?
    /// Open at the listing's instant; `nil` when the hours are unknown.
    public var openNow: Bool?
    /// The next opening after the instant; `nil` when unknown or never. Written in
    /// RFC 3339 with the station's own offset (`2026-03-30T08:30:00-04:00` in Martinique).
    public var nextOpening: Date?
    /// The opening hours as an OpenStreetMap `opening_hours` rule; `nil` when unknown.
    public var openingHours: String?
    /// Free-text remark about the hours, as published.
    public var hoursNote: String?
    /// Accessibility for people with reduced mobility: `accessible`, `on_request`
    /// or `not_accessible`, followed by `: detail` when published.
    public var accessibility: String?
    /// How precise the coordinates are (see ``CoordinateQuality``).
    public var coordinateQuality: CoordinateQuality
    /// The day the source last updated the entry, `YYYY-MM-DD`.
    public var updated: String?
    /// The station's time zone (IANA identifier, e.g. `America/Martinique`): its hours,
    /// its next opening and its appointment slots are written in it.
    public var timeZone: String

    /// The listing of `station` at `instant`, `distanceMetres` from the searched point.
    public init(_ station: Station, distanceMetres: Double? = nil, at instant: Date) {
        id = station.id
        kind = station.kind
        name = station.name
        address = station.address
        postalCode = station.postalCode
        commune = station.commune
        insee = station.insee
        departement = station.departement
        latitude = station.location.latitude
        longitude = station.location.longitude
        self.distanceMetres = distanceMetres.map { ($0 * 10).rounded() / 10 }
        phone = station.phone?.display
        phoneE164 = station.phone?.e164
        email = station.email
        openNow = station.isOpen(at: instant)
        nextOpening = station.nextOpening(after: instant)
        openingHours = station.hours.osmText
        hoursNote = station.hoursNote
        accessibility = station.accessibility.map { access in
            access.detail.map { "\(access.level.rawValue): \($0)" } ?? access.level.rawValue
        }
        coordinateQuality = station.coordinateQuality
        updated = station.updated?.description
        timeZone = station.openingHoursContext.timeZone.identifier
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, name, address, postalCode = "postal_code", commune, insee, departement = "department"
        case latitude = "lat", longitude = "lon", distanceMetres = "distance_m", phone, phoneE164 = "phone_e164"
        case email, openNow = "open_now", nextOpening = "next_opening", openingHours = "opening_hours"
        case hoursNote = "hours_note", accessibility, coordinateQuality = "coordinate_quality", updated, timeZone = "time_zone"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(StationKind.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        postalCode = try c.decode(PostalCode.self, forKey: .postalCode)
        commune = try c.decode(String.self, forKey: .commune)
        insee = try c.decode(INSEECode.self, forKey: .insee)
        departement = try c.decode(DepartementCode.self, forKey: .departement)
        latitude = try c.decode(Double.self, forKey: .latitude)
        longitude = try c.decode(Double.self, forKey: .longitude)
        distanceMetres = try c.decodeIfPresent(Double.self, forKey: .distanceMetres)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        phoneE164 = try c.decodeIfPresent(String.self, forKey: .phoneE164)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        openNow = try c.decodeIfPresent(Bool.self, forKey: .openNow)
        nextOpening = try c.decodeIfPresent(String.self, forKey: .nextOpening).map { try RFC3339.decode($0, key: .nextOpening, in: c) }
        openingHours = try c.decodeIfPresent(String.self, forKey: .openingHours)
        hoursNote = try c.decodeIfPresent(String.self, forKey: .hoursNote)
        accessibility = try c.decodeIfPresent(String.self, forKey: .accessibility)
        coordinateQuality = try c.decode(CoordinateQuality.self, forKey: .coordinateQuality)
        updated = try c.decodeIfPresent(String.self, forKey: .updated)
        timeZone = try c.decode(String.self, forKey: .timeZone)
    }

    /// Writes every key; unknown values are `null`, and `distance_m` is left out
    /// when the station was not searched by distance.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
        try c.encode(postalCode, forKey: .postalCode)
        try c.encode(commune, forKey: .commune)
        try c.encode(insee, forKey: .insee)
        try c.encode(departement, forKey: .departement)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
        try c.encodeIfPresent(distanceMetres, forKey: .distanceMetres)
        try c.encode(phone, forKey: .phone)
        try c.encode(phoneE164, forKey: .phoneE164)
        try c.encode(email, forKey: .email)
        try c.encode(openNow, forKey: .openNow)
        try c.encode(nextOpening.map { RFC3339.format($0, in: TimeZone(identifier: timeZone) ?? .gmt) }, forKey: .nextOpening)
        try c.encode(openingHours, forKey: .openingHours)
        try c.encode(hoursNote, forKey: .hoursNote)
        try c.encode(accessibility, forKey: .accessibility)
        try c.encode(coordinateQuality, forKey: .coordinateQuality)
        try c.encode(updated, forKey: .updated)
        try c.encode(timeZone, forKey: .timeZone)
    }
}
