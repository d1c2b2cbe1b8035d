/// Keywords per language: the words people use for a case.
public struct LocalizedKeywords: Hashable, Sendable, Codable {
    /// French keywords.
    public var french: [String]
    /// English keywords.
    public var english: [String]

    /// Creates a value from its fields.
    public init(french: [String] = [], english: [String] = []) {
        self.french = french
        self.english = english
    }

    /// The keywords in `language`.
    public func words(in language: Language) -> [String] { language == .french ? french : english }

    private enum CodingKeys: String, CodingKey { case french = "fr", english = "en" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        french = try container.decodeIfPresent([String].self, forKey: .french) ?? []
        english = try container.decodeIfPresent([String].self, forKey: .english) ?? []
    }
}

/// One of the three entry journeys: *Je suis victime* (I am a victim), *Je signale*
/// (I report), *Je m'informe* (I want information).
public struct Journey: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// A short description.
    public var description: LocalizedText
    /// The id of the first question.
    public var start: String

    /// Creates a value from its fields.
    public init(id: String, title: LocalizedText, description: LocalizedText, start: String) {
        self.id = id
        self.title = title
        self.description = description
        self.start = start
    }
}

/// One answer to a question, leading to another question or to a leaf.
public struct Choice: Hashable, Sendable, Codable {
    /// The text of the choice.
    public var label: LocalizedText
    /// The id of the next question or of a leaf.
    public var target: String

    /// Creates a value from its fields.
    public init(label: LocalizedText, target: String) {
        self.label = label
        self.target = target
    }
}

/// A question of the decision tree, with 2 to 8 choices.
public struct QuestionNode: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The question asked.
    public var question: LocalizedText
    /// Optional help shown under the question.
    public var help: LocalizedText?
    /// The choices, 2 to 8.
    public var choices: [Choice]

    /// Creates a value from its fields.
    public init(id: String, question: LocalizedText, help: LocalizedText? = nil, choices: [Choice]) {
        self.id = id
        self.question = question
        self.help = help
        self.choices = choices
    }
}

/// A sample citizen sentence that must lead to its leaf (used by tests and the search evaluation).
public struct LeafExample: Hashable, Sendable, Codable {
    /// The language of the text.
    public var lang: Language
    /// The text.
    public var text: String

    /// Creates a value from its fields.
    public init(lang: Language, text: String) {
        self.lang = lang
        self.text = text
    }
}

/// A final orientation: what to do, as actions in priority order.
public struct Leaf: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// What to do and why, in one to three short sentences.
    public var summary: LocalizedText
    /// More detail in plain language.
    public var body: LocalizedText?
    /// The words people use for this case.
    public var keywords: LocalizedKeywords
    /// What to do, in priority order.
    public var actions: [Action]
    /// Ids of the document lists to bring (for visits and appointments).
    public var documents: [String]
    /// Whether this leaf answers a danger happening now: reaching it shows the emergency numbers only.
    public var emergency: Bool
    /// The danger this leaf's situation is, and when it is an emergency (read by ``EmergencyDetector``).
    public var danger: LeafDanger?
    /// What reaching this leaf tells about the situation, in the fact vocabulary of the
    /// Teleservices catalog (`offence`, `author_known`…), values as on the command line
    /// (`vol`, `false`, `33`). Checked against the catalog when a guichet is built.
    public var facts: [String: String]
    /// Sample citizen sentences that must lead here.
    public var examples: [LeafExample]
    /// Action strings that could not be parsed, with the reason (reported by validation).
    public var unparsedActions: [String] = []

    /// Creates a value from its fields.
    public init(id: String, title: LocalizedText, summary: LocalizedText, body: LocalizedText? = nil,
                keywords: LocalizedKeywords = LocalizedKeywords(), actions: [Action], documents: [String] = [],
                emergency: Bool = false, danger: LeafDanger? = nil, facts: [String: String] = [:], examples: [LeafExample] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.body = body
        self.keywords = keywords
        self.actions = actions
        self.documents = documents
        self.emergency = emergency
        self.danger = danger
        self.facts = facts
        self.examples = examples
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, summary, body, keywords, actions, documents, emergency, danger, facts, examples
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(summary, forKey: .summary)
        try c.encodeIfPresent(body, forKey: .body)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(actions, forKey: .actions)
        try c.encode(documents, forKey: .documents)
        if emergency { try c.encode(emergency, forKey: .emergency) }
        try c.encodeIfPresent(danger, forKey: .danger)
        if !facts.isEmpty { try c.encode(facts, forKey: .facts) }
        try c.encode(examples, forKey: .examples)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(LocalizedText.self, forKey: .title)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        body = try c.decodeIfPresent(LocalizedText.self, forKey: .body)
        keywords = try c.decodeIfPresent(LocalizedKeywords.self, forKey: .keywords) ?? LocalizedKeywords()
        (actions, unparsedActions) = Action.parseLeniently(try c.decodeIfPresent([String].self, forKey: .actions) ?? [])
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        emergency = try c.decodeIfPresent(Bool.self, forKey: .emergency) ?? false
        danger = try c.decodeIfPresent(LeafDanger.self, forKey: .danger)
        facts = try c.decodeIfPresent([String: String].self, forKey: .facts) ?? [:]
        examples = try c.decodeIfPresent([LeafExample].self, forKey: .examples) ?? []
    }
}

/// One section of a fiche: a heading and a few short sentences.
public struct FicheSection: Hashable, Sendable, Codable {
    /// The heading of the section.
    public var heading: LocalizedText
    /// More detail in plain language.
    public var body: LocalizedText

    /// Creates a value from its fields.
    public init(heading: LocalizedText, body: LocalizedText) {
        self.heading = heading
        self.body = body
    }
}

/// A fiche pratique (practical guide): title, summary, sections and last-reviewed date.
public struct Fiche: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// What to do and why, in one to three short sentences.
    public var summary: LocalizedText
    /// The sections, 2 to 6.
    public var sections: [FicheSection]
    /// The words people use for this case.
    public var keywords: LocalizedKeywords
    /// Related actions, in priority order.
    public var actions: [Action]
    /// The day the content was last checked, `YYYY-MM-DD`.
    public var lastReviewed: String
    /// Action strings that could not be parsed, with the reason (reported by validation).
    public var unparsedActions: [String] = []

    /// Creates a value from its fields.
    public init(id: String, title: LocalizedText, summary: LocalizedText, sections: [FicheSection],
                keywords: LocalizedKeywords = LocalizedKeywords(), actions: [Action] = [], lastReviewed: String) {
        self.id = id
        self.title = title
        self.summary = summary
        self.sections = sections
        self.keywords = keywords
        self.actions = actions
        self.lastReviewed = lastReviewed
    }

    private enum CodingKeys: String, CodingKey { case id, title, summary, sections, keywords, actions, lastReviewed }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(summary, forKey: .summary)
        try c.encode(sections, forKey: .sections)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(actions, forKey: .actions)
        try c.encode(lastReviewed, forKey: .lastReviewed)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(LocalizedText.self, forKey: .title)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        sections = try c.decodeIfPresent([FicheSection].self, forKey: .sections) ?? []
        keywords = try c.decodeIfPresent(LocalizedKeywords.self, forKey: .keywords) ?? LocalizedKeywords()
        (actions, unparsedActions) = Action.parseLeniently(try c.decodeIfPresent([String].self, forKey: .actions) ?? [])
        lastReviewed = try c.decodeIfPresent(String.self, forKey: .lastReviewed) ?? ""
    }
}

/// How a number can be reached.
public enum PhoneChannel: String, Hashable, Sendable, Codable {
    /// A voice call.
    case call
    /// A text message (SMS).
    case sms
}

/// A useful number (« numéro utile »): an emergency number or helpline, with its purpose and hours
/// (`numbers.json`). Not to be confused with a station's own phone, StationDirectory's `PhoneNumber`.
public struct UsefulNumber: Hashable, Sendable, Codable {
    /// Dialable digits only, e.g. `17`, `0800059595`.
    public var number: String
    /// The name.
    public var name: LocalizedText
    /// When to use it.
    public var purpose: LocalizedText
    /// When it can be reached.
    public var hours: LocalizedText
    /// How it can be reached (call, SMS).
    public var channels: [PhoneChannel]
    /// Whether it is free of charge.
    public var free: Bool
    /// Whether this is an emergency.
    public var emergency: Bool

    /// Creates a value from its fields.
    public init(number: String, name: LocalizedText, purpose: LocalizedText, hours: LocalizedText,
                channels: [PhoneChannel], free: Bool = true, emergency: Bool = false) {
        self.number = number
        self.name = name
        self.purpose = purpose
        self.hours = hours
        self.channels = channels
        self.free = free
        self.emergency = emergency
    }

    private enum CodingKeys: String, CodingKey { case number, name, purpose, hours, channels, free, emergency }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        number = try c.decode(String.self, forKey: .number)
        name = try c.decode(LocalizedText.self, forKey: .name)
        purpose = try c.decode(LocalizedText.self, forKey: .purpose)
        hours = try c.decode(LocalizedText.self, forKey: .hours)
        channels = try c.decodeIfPresent([PhoneChannel].self, forKey: .channels) ?? [.call]
        free = try c.decodeIfPresent(Bool.self, forKey: .free) ?? false
        emergency = try c.decodeIfPresent(Bool.self, forKey: .emergency) ?? false
    }
}

/// What to bring for a visit or an appointment.
public struct DocumentList: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The title.
    public var title: LocalizedText
    /// The items to bring.
    public var items: [LocalizedText]
    /// How long it usually takes, if known.
    public var duration: LocalizedText?

    /// Creates a value from its fields.
    public init(id: String, title: LocalizedText, items: [LocalizedText], duration: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.items = items
        self.duration = duration
    }
}

/// Words treated as equivalent by search (the first term is the canonical one).
public struct SynonymGroup: Hashable, Sendable, Codable {
    /// The language of the text.
    public var lang: Language
    /// The equivalent terms, canonical first.
    public var terms: [String]

    /// Creates a value from its fields.
    public init(lang: Language, terms: [String]) {
        self.lang = lang
        self.terms = terms
    }
}

/// A partner outside the police and gendarmerie (mairie — town hall, bank, operator…).
public struct Partner: Hashable, Sendable, Codable, Identifiable {
    /// The stable id (lowercase ASCII letters, digits and `-`).
    public var id: String
    /// The name.
    public var name: LocalizedText
    /// A short description.
    public var description: LocalizedText
    /// The website (https).
    public var url: String?

    /// Creates a value from its fields.
    public init(id: String, name: LocalizedText, description: LocalizedText, url: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.url = url
    }
}
