import Foundation

/// One action of the orientation, resolved: a number to call, an online
/// service with its verdict, the nearest stations with free slots, a fiche, a partner or a link.
///
/// Exactly one of the detail fields is set, matching ``kind``.
public struct GuidanceStep: Hashable, Sendable, Codable {
    /// The action in canonical form, e.g. `teleservice:plainte-en-ligne`, `visit:plainte`.
    public var action: String
    /// The action kind: `call`, `sms`, `teleservice`, `visit`, `appointment`, `fiche`, `partner`, `link`.
    public var kind: String
    /// One line for people, e.g. « Appeler le 17 (Police secours) ».
    public var title: String
    /// For `call:` and `sms:`.
    public var number: NumberInfo?
    /// For `teleservice:`.
    public var teleservice: TeleserviceAdvice?
    /// For `visit:` and `appointment:`.
    public var stations: StationsAdvice?
    /// For `fiche:`.
    public var fiche: FicheInfo?
    /// For `partner:`.
    public var partner: PartnerInfo?
    /// For `link:`, and the address of a service or partner.
    public var url: String?

    /// Creates a step.
    public init(action: String, kind: String, title: String, number: NumberInfo? = nil, teleservice: TeleserviceAdvice? = nil,
                stations: StationsAdvice? = nil, fiche: FicheInfo? = nil, partner: PartnerInfo? = nil, url: String? = nil) {
        self.action = action
        self.kind = kind
        self.title = title
        self.number = number
        self.teleservice = teleservice
        self.stations = stations
        self.fiche = fiche
        self.partner = partner
        self.url = url
    }
}

/// A phone number or text line, with its purpose and hours.
public struct NumberInfo: Hashable, Sendable, Codable {
    /// Digits to dial, e.g. `17`, `3919`.
    public var number: String
    /// Its name.
    public var name: String
    /// What it is for.
    public var purpose: String
    /// When it answers.
    public var hours: String
    /// `call`, `sms` or both.
    public var channels: [String]
    /// Whether the call is free.
    public var free: Bool
    /// Whether it is an emergency number.
    public var emergency: Bool

    /// Creates a value.
    public init(number: String, name: String, purpose: String, hours: String, channels: [String], free: Bool, emergency: Bool) {
        self.number = number
        self.name = name
        self.purpose = purpose
        self.hours = hours
        self.channels = channels
        self.free = free
        self.emergency = emergency
    }
}

/// An online service (« téléservice ») with what is known of its fit.
public struct TeleserviceAdvice: Hashable, Sendable, Codable {
    /// The catalog id, e.g. `plainte-en-ligne`.
    public var id: String
    /// Its name.
    public var name: String
    /// What it is for.
    public var purpose: String
    /// Where to go.
    public var url: String
    /// How to sign in (`none`, `franceconnect`, `france-identite`, `account`).
    public var authentication: [String]
    /// Whether the citizen may stay anonymous.
    public var anonymityPossible: Bool
    /// Whether it is offered in the citizen's département on the date; `nil` when the département is unknown.
    public var available: Bool?
    /// `eligible`, `not-eligible` or `needs-information`.
    public var verdict: Verdict
    /// Why, in plain words.
    public var reasons: [String]
    /// The facts still to ask before being sure, in ask order, with their questions.
    public var missing: [MissingFact]
    /// Services to look at instead, when it does not fit.
    public var alternatives: [String]

    /// Creates a value.
    public init(id: String, name: String, purpose: String, url: String, authentication: [String], anonymityPossible: Bool,
                available: Bool?, verdict: Verdict, reasons: [String], missing: [MissingFact], alternatives: [String]) {
        self.id = id
        self.name = name
        self.purpose = purpose
        self.url = url
        self.authentication = authentication
        self.anonymityPossible = anonymityPossible
        self.available = available
        self.verdict = verdict
        self.reasons = reasons
        self.missing = missing
        self.alternatives = alternatives
    }

    private enum CodingKeys: String, CodingKey {
        case id, name, purpose, url, authentication, anonymityPossible = "anonymity_possible", available, verdict, reasons
        case missing, alternatives
    }
}

/// A fact still unknown, and the question that asks it.
public struct MissingFact: Hashable, Sendable, Codable {
    /// The fact name in Teleservices' vocabulary, e.g. `author_known`.
    public var name: String
    /// The question to ask.
    public var question: String
    /// For an enum fact, the allowed values (`id`) with their labels; empty otherwise.
    public var choices: [FactChoice]
    /// The fact type: `bool`, `enum`, `number`, `date`, `departement`.
    public var type: String

    /// Creates a value.
    public init(name: String, question: String, choices: [FactChoice] = [], type: String) {
        self.name = name
        self.question = question
        self.choices = choices
        self.type = type
    }
}

/// One allowed answer of an enum fact.
public struct FactChoice: Hashable, Sendable, Codable {
    /// The value id, e.g. `vol`.
    public var id: String
    /// Its label.
    public var label: String

    /// Creates a value.
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

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

/// A free appointment slot that can be booked as it is.
public struct SlotOffer: Hashable, Sendable, Codable {
    /// The station id.
    public var stationID: String
    /// The motif.
    public var motif: String
    /// Start.
    public var start: Date
    /// End.
    public var end: Date
    /// Counters still free.
    public var remaining: Int
    /// The station's time zone identifier.
    public var timeZone: String

    /// Creates a value.
    public init(stationID: String, motif: String, start: Date, end: Date, remaining: Int, timeZone: String) {
        self.stationID = stationID
        self.motif = motif
        self.start = start
        self.end = end
        self.remaining = remaining
        self.timeZone = timeZone
    }

    private enum CodingKeys: String, CodingKey {
        case stationID = "station_id", motif, start, end, remaining, timeZone = "time_zone"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stationID = try c.decode(String.self, forKey: .stationID)
        motif = try c.decode(String.self, forKey: .motif)
        start = try RFC3339.decode(c.decode(String.self, forKey: .start), key: .start, in: c)
        end = try RFC3339.decode(c.decode(String.self, forKey: .end), key: .end, in: c)
        remaining = try c.decode(Int.self, forKey: .remaining)
        timeZone = try c.decode(String.self, forKey: .timeZone)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let zone = TimeZone(identifier: timeZone)
        try c.encode(stationID, forKey: .stationID)
        try c.encode(motif, forKey: .motif)
        try c.encode(RFC3339.format(start, in: zone), forKey: .start)
        try c.encode(RFC3339.format(end, in: zone), forKey: .end)
        try c.encode(remaining, forKey: .remaining)
        try c.encode(timeZone, forKey: .timeZone)
    }
}

/// A fiche pratique (practical guide) to read.
public struct FicheInfo: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its summary.
    public var summary: String

    /// Creates a value.
    public init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

/// A partner outside the police and gendarmerie (mairie — town hall, bank, insurer…).
public struct PartnerInfo: Hashable, Sendable, Codable {
    /// Its id.
    public var id: String
    /// Its name.
    public var name: String
    /// What it does for the citizen.
    public var description: String
    /// Its website, if any.
    public var url: String?

    /// Creates a value.
    public init(id: String, name: String, description: String, url: String?) {
        self.id = id
        self.name = name
        self.description = description
        self.url = url
    }
}

/// A list of documents to bring.
public struct DocumentsToBring: Hashable, Sendable, Codable {
    /// The list id (`plainte-base`, `vol`…), or `motif:<motif>` for a motif's default list.
    public var id: String
    /// Its title.
    public var title: String
    /// The documents.
    public var items: [String]
    /// How long the visit usually takes, if known.
    public var duration: String?

    /// Creates a value.
    public init(id: String, title: String, items: [String], duration: String? = nil) {
        self.id = id
        self.title = title
        self.items = items
        self.duration = duration
    }
}

/// The chat with officers to use.
public struct ChatAdvice: Hashable, Sendable, Codable {
    /// The platform: `tchat` (general), `pnav` (violence victims) or `espace-mineurs` (under 18).
    public var platform: Platform
    /// Its name.
    public var name: String
    /// Where it is.
    public var url: String
    /// Why this one.
    public var reason: String

    /// Creates a value.
    public init(platform: Platform, name: String, url: String, reason: String) {
        self.platform = platform
        self.name = name
        self.url = url
        self.reason = reason
    }
}
