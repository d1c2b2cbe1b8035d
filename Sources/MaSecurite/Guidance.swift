import Foundation

/// The guichet's full answer for one citizen: what to do, in order, where and when.
///
/// Every part is resolved in the requested language, so a bot, a web page or a
/// server can hand the value on as it is (`Codable`, snake_case keys, dates as
/// RFC 3339 with the local offset).
///
/// Read it in this order: ``emergency`` first (when present, call now: no form
/// is offered), then ``orientation`` and ``steps`` (the leaf's actions in
/// priority order, each resolved), ``documents`` to bring, ``numbers`` and ``chat``.
public struct Guidance: Hashable, Sendable, Codable {
    /// The orienteur content version the answer comes from.
    public var contentVersion: String
    /// The language of every text in the answer.
    public var language: Language
    /// The instant the answer was computed for (opening hours, availability, slots).
    public var date: Date
    /// Danger now: the numbers to call, before anything else. `nil` when no emergency was detected.
    public var emergency: EmergencyBlock?
    /// The final orientation (leaf) chosen, if any.
    public var orientation: Orientation?
    /// Other possible answers to a sentence, best first (leaves, fiches, services).
    public var alternatives: [OrientationCandidate]
    /// Where the citizen is, once resolved.
    public var place: ResolvedPlace?
    /// The facts of the situation known so far, and where each comes from.
    public var facts: [KnownFact]
    /// The leaf's actions resolved, in priority order.
    public var steps: [GuidanceStep]
    /// Online services of the leaf that do not fit here or now, with the reasons.
    public var setAside: [TeleserviceAdvice]
    /// What to bring to a station.
    public var documents: [DocumentsToBring]
    /// Every phone number mentioned, with its purpose and hours.
    public var numbers: [NumberInfo]
    /// The chat with officers that fits (`tchat`, `pnav` or `espace-mineurs`); `nil` in an emergency.
    public var chat: ChatAdvice?
    /// Short remarks for the citizen (e.g. "give a postal code to see the nearest stations").
    public var notes: [String]

    /// Creates a value (the guichet builds it; public for tests and custom frontends).
    public init(contentVersion: String, language: Language, date: Date, emergency: EmergencyBlock? = nil,
                orientation: Orientation? = nil, alternatives: [OrientationCandidate] = [], place: ResolvedPlace? = nil,
                facts: [KnownFact] = [], steps: [GuidanceStep] = [], setAside: [TeleserviceAdvice] = [],
                documents: [DocumentsToBring] = [], numbers: [NumberInfo] = [], chat: ChatAdvice? = nil, notes: [String] = []) {
        self.contentVersion = contentVersion
        self.language = language
        self.date = date
        self.emergency = emergency
        self.orientation = orientation
        self.alternatives = alternatives
        self.place = place
        self.facts = facts
        self.steps = steps
        self.setAside = setAside
        self.documents = documents
        self.numbers = numbers
        self.chat = chat
        self.notes = notes
    }

    /// Every slot offered, nearest station first.
    public var slots: [SlotOffer] {
        steps.compactMap(\.stations).first?.stations.flatMap(\.firstSlots) ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case contentVersion = "content_version", language, date, emergency, orientation, alternatives, place, facts, steps
        case setAside = "set_aside", documents, numbers, chat, notes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        contentVersion = try c.decode(String.self, forKey: .contentVersion)
        language = try c.decode(Language.self, forKey: .language)
        date = try RFC3339.decode(c.decode(String.self, forKey: .date), key: CodingKeys.date, in: c)
        emergency = try c.decodeIfPresent(EmergencyBlock.self, forKey: .emergency)
        orientation = try c.decodeIfPresent(Orientation.self, forKey: .orientation)
        alternatives = try c.decodeIfPresent([OrientationCandidate].self, forKey: .alternatives) ?? []
        place = try c.decodeIfPresent(ResolvedPlace.self, forKey: .place)
        facts = try c.decodeIfPresent([KnownFact].self, forKey: .facts) ?? []
        steps = try c.decodeIfPresent([GuidanceStep].self, forKey: .steps) ?? []
        setAside = try c.decodeIfPresent([TeleserviceAdvice].self, forKey: .setAside) ?? []
        documents = try c.decodeIfPresent([DocumentsToBring].self, forKey: .documents) ?? []
        numbers = try c.decodeIfPresent([NumberInfo].self, forKey: .numbers) ?? []
        chat = try c.decodeIfPresent(ChatAdvice.self, forKey: .chat)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(contentVersion, forKey: .contentVersion)
        try c.encode(language, forKey: .language)
        try c.encode(RFC3339.format(date, in: place?.timeZone), forKey: .date)
        try c.encode(emergency, forKey: .emergency)
        try c.encode(orientation, forKey: .orientation)
        try c.encode(alternatives, forKey: .alternatives)
        try c.encode(place, forKey: .place)
        try c.encode(facts, forKey: .facts)
        try c.encode(steps, forKey: .steps)
        try c.encode(setAside, forKey: .setAside)
        try c.encode(documents, forKey: .documents)
        try c.encode(numbers, forKey: .numbers)
        try c.encode(chat, forKey: .chat)
        try c.encode(notes, forKey: .notes)
    }
}

/// Danger happening now: call, do not fill a form.
public struct EmergencyBlock: Hashable, Sendable, Codable {
    /// Why this is treated as an emergency, in plain words.
    public var reason: String
    /// The emergency actions in priority order, canonical form (`call:17`, `call:112`, `sms:114`…).
    public var actions: [String]
    /// The numbers of ``actions``, with purpose and hours.
    public var numbers: [NumberInfo]
    /// The kinds of danger found, main one first (``EmergencyReason`` raw values: `violence-now`, `missing-child`…).
    public var reasons: [String]
    /// The words of the sentence that raised the alert (empty when a leaf reached by choices did).
    public var cues: [String]
    /// The leaf whose situation raised the alert, when one did.
    public var leafID: String?
    /// Whether the danger is only likely (the words do not state it): the ordinary answer follows the numbers.
    public var possible: Bool

    /// Creates a block.
    public init(reason: String, actions: [String], numbers: [NumberInfo], reasons: [String] = [], cues: [String] = [],
                leafID: String? = nil, possible: Bool = false) {
        self.reason = reason
        self.actions = actions
        self.numbers = numbers
        self.reasons = reasons
        self.cues = cues
        self.leafID = leafID
        self.possible = possible
    }

    private enum CodingKeys: String, CodingKey { case reason, actions, numbers, reasons, cues, leafID = "leaf_id", possible }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.decode(String.self, forKey: .reason)
        actions = try c.decode([String].self, forKey: .actions)
        numbers = try c.decode([NumberInfo].self, forKey: .numbers)
        reasons = try c.decodeIfPresent([String].self, forKey: .reasons) ?? []
        cues = try c.decodeIfPresent([String].self, forKey: .cues) ?? []
        leafID = try c.decodeIfPresent(String.self, forKey: .leafID)
        possible = try c.decodeIfPresent(Bool.self, forKey: .possible) ?? false
    }
}

/// The final orientation (a leaf of the orienteur's tree).
public struct Orientation: Hashable, Sendable, Codable {
    /// The leaf id, e.g. `a-veh-velo`.
    public var leafID: String
    /// Its title.
    public var title: String
    /// What to do and why, in one to three short sentences.
    public var summary: String
    /// More detail, when the content has some.
    public var body: String?
    /// Search relevance when the leaf was found from a sentence; `nil` for a chosen leaf.
    public var score: Double?
    /// The words of the sentence that matched.
    public var matched: [String]

    /// Creates a value.
    public init(leafID: String, title: String, summary: String, body: String? = nil, score: Double? = nil, matched: [String] = []) {
        self.leafID = leafID
        self.title = title
        self.summary = summary
        self.body = body
        self.score = score
        self.matched = matched
    }

    private enum CodingKeys: String, CodingKey { case leafID = "leaf_id", title, summary, body, score, matched }
}

/// Another possible answer to a sentence.
public struct OrientationCandidate: Hashable, Sendable, Codable {
    /// `leaf`, `fiche` or `teleservice`.
    public var kind: String
    /// Its id.
    public var id: String
    /// Its title.
    public var title: String
    /// Search relevance (comparable only within one answer).
    public var score: Double

    /// Creates a value.
    public init(kind: String, id: String, title: String, score: Double) {
        self.kind = kind
        self.id = id
        self.title = title
        self.score = score
    }
}

/// One fact of the situation (Teleservices' vocabulary) and where it comes from.
public struct KnownFact: Hashable, Sendable, Codable {
    /// Where a fact comes from.
    public enum Origin: String, Hashable, Sendable, Codable {
        /// Given by the citizen or the host app.
        case citizen
        /// Read from the place (the département).
        case place
        /// Implied by the orientation reached (e.g. a theft by someone unknown).
        case orientation
        /// Read from the sentence (an age, "I am a minor").
        case sentence
        /// Set by emergency detection.
        case emergency
    }

    /// The fact name, e.g. `department`, `author_known`.
    public var name: String
    /// The value as written on the command line (`33`, `false`, `vol`), or `?` for « I don't know ».
    public var value: String
    /// Where it comes from.
    public var origin: Origin

    /// Creates a value.
    public init(name: String, value: String, origin: Origin) {
        self.name = name
        self.value = value
        self.origin = origin
    }
}

/// A place once resolved to a commune (or a département centre).
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
