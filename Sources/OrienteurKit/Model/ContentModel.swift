/// Keywords per language: the words people use for a case.
public struct LocalizedKeywords: Hashable, Sendable, Codable {
    /// French keywords.
    public var french: [String]
    /// English keywords.
    public var english: [String]

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
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// The id of the first question.
    public var start: String

    public init(id: String, title: LocalizedText, description: LocalizedText, start: String) {
        self.id = id
        self.title = title
        self.description = description
        self.start = start
    }
}

/// One answer to a question, leading to another question or to a leaf.
public struct Choice: Hashable, Sendable, Codable {
    public var label: LocalizedText
    /// The id of the next question or of a leaf.
    public var target: String

    public init(label: LocalizedText, target: String) {
        self.label = label
        self.target = target
    }
}

/// A question of the decision tree, with 2 to 8 choices.
public struct QuestionNode: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var question: LocalizedText
    /// Optional help shown under the question.
    public var help: LocalizedText?
    public var choices: [Choice]

    public init(id: String, question: LocalizedText, help: LocalizedText? = nil, choices: [Choice]) {
        self.id = id
        self.question = question
        self.help = help
        self.choices = choices
    }
}

/// A sample citizen sentence that must lead to its leaf (used by tests and the search evaluation).
public struct LeafExample: Hashable, Sendable, Codable {
    public var lang: Language
    public var text: String

    public init(lang: Language, text: String) {
        self.lang = lang
        self.text = text
    }
}

/// A final orientation: what to do, as actions in priority order.
public struct Leaf: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText
    public var body: LocalizedText?
    public var keywords: LocalizedKeywords
    public var actions: [Action]
    /// Ids of the document lists to bring (for visits and appointments).
    public var documents: [String]
    /// Whether this leaf answers a danger happening now.
    public var emergency: Bool
    public var examples: [LeafExample]

    public init(id: String, title: LocalizedText, summary: LocalizedText, body: LocalizedText? = nil,
                keywords: LocalizedKeywords = LocalizedKeywords(), actions: [Action], documents: [String] = [],
                emergency: Bool = false, examples: [LeafExample] = []) {
        self.id = id
        self.title = title
        self.summary = summary
        self.body = body
        self.keywords = keywords
        self.actions = actions
        self.documents = documents
        self.emergency = emergency
        self.examples = examples
    }

    private enum CodingKeys: String, CodingKey {
        case id, title, summary, body, keywords, actions, documents, emergency, examples
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(LocalizedText.self, forKey: .title)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        body = try c.decodeIfPresent(LocalizedText.self, forKey: .body)
        keywords = try c.decodeIfPresent(LocalizedKeywords.self, forKey: .keywords) ?? LocalizedKeywords()
        actions = try c.decodeIfPresent([Action].self, forKey: .actions) ?? []
        documents = try c.decodeIfPresent([String].self, forKey: .documents) ?? []
        emergency = try c.decodeIfPresent(Bool.self, forKey: .emergency) ?? false
        examples = try c.decodeIfPresent([LeafExample].self, forKey: .examples) ?? []
    }
}

/// One section of a fiche: a heading and a few short sentences.
public struct FicheSection: Hashable, Sendable, Codable {
    public var heading: LocalizedText
    public var body: LocalizedText

    public init(heading: LocalizedText, body: LocalizedText) {
        self.heading = heading
        self.body = body
    }
}

/// A fiche pratique (practical guide): title, summary, sections and last-reviewed date.
public struct Fiche: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var summary: LocalizedText
    public var sections: [FicheSection]
    public var keywords: LocalizedKeywords
    /// Related actions, in priority order.
    public var actions: [Action]
    /// The day the content was last checked, `YYYY-MM-DD`.
    public var lastReviewed: String

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

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(LocalizedText.self, forKey: .title)
        summary = try c.decode(LocalizedText.self, forKey: .summary)
        sections = try c.decodeIfPresent([FicheSection].self, forKey: .sections) ?? []
        keywords = try c.decodeIfPresent(LocalizedKeywords.self, forKey: .keywords) ?? LocalizedKeywords()
        actions = try c.decodeIfPresent([Action].self, forKey: .actions) ?? []
        lastReviewed = try c.decodeIfPresent(String.self, forKey: .lastReviewed) ?? ""
    }
}

/// How a number can be reached.
public enum PhoneChannel: String, Hashable, Sendable, Codable {
    case call
    case sms
}

/// An emergency number or helpline, with its purpose and hours.
public struct PhoneNumber: Hashable, Sendable, Codable {
    /// Dialable digits only, e.g. `17`, `0800059595`.
    public var number: String
    public var name: LocalizedText
    public var purpose: LocalizedText
    public var hours: LocalizedText
    public var channels: [PhoneChannel]
    public var free: Bool
    public var emergency: Bool

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
    public var id: String
    public var title: LocalizedText
    public var items: [LocalizedText]
    /// How long it usually takes, if known.
    public var duration: LocalizedText?

    public init(id: String, title: LocalizedText, items: [LocalizedText], duration: LocalizedText? = nil) {
        self.id = id
        self.title = title
        self.items = items
        self.duration = duration
    }
}

/// Words treated as equivalent by search (the first term is the canonical one).
public struct SynonymGroup: Hashable, Sendable, Codable {
    public var lang: Language
    public var terms: [String]

    public init(lang: Language, terms: [String]) {
        self.lang = lang
        self.terms = terms
    }
}

/// A partner outside the police and gendarmerie (mairie — town hall, bank, operator…).
public struct Partner: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText
    public var url: String?

    public init(id: String, name: LocalizedText, description: LocalizedText, url: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.url = url
    }
}
