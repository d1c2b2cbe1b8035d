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
    /// What the guichet understood from the sentence (« j'ai compris que… »), for the citizen to confirm or correct.
    public var understood: [UnderstoodFact] = []
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
        case contentVersion = "content_version", language, date, emergency, orientation, alternatives, place, facts, understood, steps
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
        understood = try c.decodeIfPresent([UnderstoodFact].self, forKey: .understood) ?? []
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
        try c.encode(understood, forKey: .understood)
        try c.encode(steps, forKey: .steps)
        try c.encode(setAside, forKey: .setAside)
        try c.encode(documents, forKey: .documents)
        try c.encode(numbers, forKey: .numbers)
        try c.encode(chat, forKey: .chat)
        try c.encode(notes, forKey: .notes)
    }
}
