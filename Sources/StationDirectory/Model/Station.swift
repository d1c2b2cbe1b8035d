import Foundation

/// A police or gendarmerie site that receives the public: a commissariat
/// (police station) or a brigade de gendarmerie (gendarmerie station).
public struct Station: Hashable, Sendable, Identifiable {
    /// Stable identifier of the source, e.g. `commissariat_police-33063-01`, `gendarmerie-01004-01`.
    public let id: String
    /// Police or gendarmerie.
    public let kind: StationKind
    /// Name as published, e.g. "Commissariat de police de Bourg-en-Bresse".
    public let name: String
    /// Street address (lines joined with ", "); `nil` when the source has none.
    public let address: String?
    /// Postal code (may be a CEDEX code).
    public let postalCode: PostalCode
    /// Commune name as published.
    public let commune: String
    /// INSEE code of the commune.
    public let insee: INSEECode
    /// Département (or overseas collectivity) of the commune.
    public let departement: DepartementCode
    /// Location (WGS 84).
    public let location: GeoPoint
    /// How far ``location`` can be trusted.
    public internal(set) var coordinateQuality: CoordinateQuality
    /// Telephone, when published.
    public let phone: PhoneNumber?
    /// E-mail address, when published (mostly police).
    public let email: String?
    /// Opening hours, or ``StationHours/unknown``.
    public let hours: StationHours
    /// Free-text note on hours in French, as published (e.g. "Fermée le dimanche et jours fériés").
    public let hoursNote: String?
    /// Wheelchair access, when published.
    public let accessibility: Accessibility?
    /// Date the source last updated the record.
    public let updated: LocalDate?
    /// `false` when the source says the unit does not receive the public
    /// (motorised units, or a brigade whose note says so).
    public let receivesPublic: Bool
    /// Whether this is a motorised or motorway gendarmerie unit (brigade
    /// motorisée, peloton d'autoroute), normally not open to the public.
    public let isMotorisedUnit: Bool

    /// Creates a station.
    public init(id: String, kind: StationKind, name: String, address: String?, postalCode: PostalCode,
                commune: String, insee: INSEECode, location: GeoPoint,
                coordinateQuality: CoordinateQuality = .unchecked, phone: PhoneNumber? = nil,
                email: String? = nil, hours: StationHours = .unknown, hoursNote: String? = nil,
                accessibility: Accessibility? = nil, updated: LocalDate? = nil,
                receivesPublic: Bool = true, isMotorisedUnit: Bool = false) {
        self.id = id
        self.kind = kind
        self.name = name
        self.address = address
        self.postalCode = postalCode
        self.commune = commune
        self.insee = insee
        departement = insee.departement
        self.location = location
        self.coordinateQuality = coordinateQuality
        self.phone = phone
        self.email = email
        self.hours = hours
        self.hoursNote = hoursNote
        self.accessibility = accessibility
        self.updated = updated
        self.receivesPublic = receivesPublic
        self.isMotorisedUnit = isMotorisedUnit
    }

    /// The time zone and public holidays that apply to the station.
    public var openingHoursContext: OpeningHoursContext {
        OpeningHoursContext(territory: departement.territory)
    }

    /// Whether the station is open at `instant`, in its own time zone and with
    /// its territory's public holidays. `nil` when its hours are unknown.
    public func isOpen(at instant: Date) -> Bool? {
        guard let hours = hours.openingHours else { return nil }
        return hours.isOpen(at: instant, in: openingHoursContext)
    }

    /// The next instant at or after `instant` when the station is open; `nil`
    /// when its hours are unknown or it does not open within a year.
    public func nextOpening(after instant: Date) -> Date? {
        guard let hours = hours.openingHours else { return nil }
        return hours.nextOpening(after: instant, in: openingHoursContext)
    }
}
