import Foundation

/// A station near the citizen, with its hours and first free slots.
public struct NearbyStation: Hashable, Sendable, Codable {
    /// The directory id.
    public var id: String
    /// `police` or `gendarmerie`.
    public var kind: String
    /// Its name.
    public var name: String
    /// Street address, when published.
    public var address: String?
    /// Postal code.
    public var postalCode: String
    /// Commune.
    public var commune: String
    /// Département.
    public var departement: String
    /// Position.
    public var location: GeoPoint
    /// Great-circle distance from the citizen, metres (one decimal).
    public var distanceMetres: Double
    /// Phone as published.
    public var phone: String?
    /// Open at the guidance date: `true`, `false`, or `nil` when hours are unknown (never guessed).
    public var openNow: Bool?
    /// The next opening after the guidance date, when hours are known.
    public var nextOpening: Date?
    /// The source's note on hours, in French.
    public var hoursNote: String?
    /// The first free appointment slots for the motif (empty if none or not bookable).
    public var firstSlots: [SlotOffer]
    /// The station's time zone identifier (dates are written in it).
    public var timeZone: String

    /// Creates a value.
    public init(id: String, kind: String, name: String, address: String?, postalCode: String, commune: String, departement: String,
                location: GeoPoint, distanceMetres: Double, phone: String?, openNow: Bool?, nextOpening: Date?, hoursNote: String?,
                firstSlots: [SlotOffer], timeZone: String) {
        self.id = id
        self.kind = kind
        self.name = name
        self.address = address
        self.postalCode = postalCode
        self.commune = commune
        self.departement = departement
        self.location = location
        self.distanceMetres = distanceMetres
        self.phone = phone
        self.openNow = openNow
        self.nextOpening = nextOpening
        self.hoursNote = hoursNote
        self.firstSlots = firstSlots
        self.timeZone = timeZone
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, name, address, postalCode = "postal_code", commune, departement = "department", location
        case distanceMetres = "distance_m", phone, openNow = "open_now", nextOpening = "next_opening", hoursNote = "hours_note"
        case firstSlots = "first_slots", timeZone = "time_zone"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        kind = try c.decode(String.self, forKey: .kind)
        name = try c.decode(String.self, forKey: .name)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        postalCode = try c.decode(String.self, forKey: .postalCode)
        commune = try c.decode(String.self, forKey: .commune)
        departement = try c.decode(String.self, forKey: .departement)
        location = try c.decode(GeoPoint.self, forKey: .location)
        distanceMetres = try c.decode(Double.self, forKey: .distanceMetres)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        openNow = try c.decodeIfPresent(Bool.self, forKey: .openNow)
        nextOpening = try c.decodeIfPresent(String.self, forKey: .nextOpening).map { try RFC3339.decode($0, key: .nextOpening, in: c) }
        hoursNote = try c.decodeIfPresent(String.self, forKey: .hoursNote)
        firstSlots = try c.decodeIfPresent([SlotOffer].self, forKey: .firstSlots) ?? []
        timeZone = try c.decode(String.self, forKey: .timeZone)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let zone = TimeZone(identifier: timeZone)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
        try c.encode(postalCode, forKey: .postalCode)
        try c.encode(commune, forKey: .commune)
        try c.encode(departement, forKey: .departement)
        try c.encode(location, forKey: .location)
        try c.encode(distanceMetres, forKey: .distanceMetres)
        try c.encode(phone, forKey: .phone)
        try c.encode(openNow, forKey: .openNow)
        try c.encode(nextOpening.map { RFC3339.format($0, in: zone) }, forKey: .nextOpening)
        try c.encode(hoursNote, forKey: .hoursNote)
        try c.encode(firstSlots, forKey: .firstSlots)
        try c.encode(timeZone, forKey: .timeZone)
    }
}
