import Foundation

/// How a field's value is written and checked.
public enum FieldType: String, Hashable, Sendable, Codable, CaseIterable {
    /// Free text, trimmed, at most the field's `max_length` characters.
    case text
    /// One instant (`2026-03-29T22:00:00+02:00`) or a period `start/end` of two instants, start first.
    case timeOrRange = "time-or-range"
    /// How often it happens: one of ``Recurrence``.
    case recurrence
    /// Up to ``SignalementLimits/maximumVehicles`` vehicle descriptions separated by `;`.
    case vehicles
    /// One of the field's `choices`.
    case choice
}

/// How often what is reported happens.
public enum Recurrence: String, Hashable, Sendable, Codable, CaseIterable {
    /// It happened once.
    case once
    /// Several times, without a pattern.
    case occasional
    /// Every day or nearly.
    case daily
    /// Every week or nearly.
    case weekly
    /// Right now and continuing.
    case ongoing
}

/// One field a kind of signalement asks for.
public struct FieldSpec: Hashable, Sendable, Codable {
    /// The field's name, e.g. `place`; the key in ``Signalement/fields``.
    public let name: String
    /// How its value is written and checked.
    public let type: FieldType
    /// Whether the kind cannot be filed without it.
    public let required: Bool
    /// The longest value, in characters (text fields).
    public let maxLength: Int?
    /// The allowed values (choice fields).
    public let choices: [String]?
    /// The question shown to the citizen.
    public let label: LocalizedText
    /// Conditions for the field to be accepted at all: other field name → the
    /// value it must have, e.g. a chat excerpt only when `visitor_consent` is `yes`.
    public let onlyIf: [String: String]?

    /// Creates a field.
    public init(name: String, type: FieldType, required: Bool, maxLength: Int? = nil, choices: [String]? = nil, label: LocalizedText,
                onlyIf: [String: String]? = nil) {
        self.name = name
        self.type = type
        self.required = required
        self.maxLength = maxLength
        self.choices = choices
        self.label = label
        self.onlyIf = onlyIf
    }

    enum CodingKeys: String, CodingKey {
        case name, type, required, maxLength = "max_length", choices, label, onlyIf = "only_if"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        choices = try container.decodeIfPresent([String].self, forKey: .choices)
        label = try container.decode(BilingualText.self, forKey: .label).localized
        onlyIf = try container.decodeIfPresent([String: String].self, forKey: .onlyIf)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(required, forKey: .required)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(choices, forKey: .choices)
        try container.encode(BilingualText(label), forKey: .label)
        try container.encodeIfPresent(onlyIf, forKey: .onlyIf)
    }
}

/// A kind of signalement: what it is about and the fields it asks for.
/// Kinds are data (`Resources/kinds.json`), loaded by ``SignalementCatalog``.
public struct SignalementKind: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier, e.g. `point-de-deal`.
    public let id: String
    /// Short name.
    public let label: LocalizedText
    /// One sentence saying when to use it.
    public let summary: LocalizedText
    /// A notice to show before the form (e.g. "call 17 if someone is in danger now").
    public let urgentNotice: LocalizedText?
    /// The fields, in the order to ask them. Every kind also accepts the optional contact
    /// fields `contact.name`, `contact.email` and `contact.phone`.
    public let fields: [FieldSpec]

    /// Creates a kind.
    public init(id: String, label: LocalizedText, summary: LocalizedText, urgentNotice: LocalizedText? = nil, fields: [FieldSpec]) {
        self.id = id
        self.label = label
        self.summary = summary
        self.urgentNotice = urgentNotice
        self.fields = fields
    }

    /// The field named `name`.
    public func field(_ name: String) -> FieldSpec? { fields.first { $0.name == name } }

    enum CodingKeys: String, CodingKey {
        case id, label, summary, urgentNotice = "urgent_notice", fields
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        label = try container.decode(BilingualText.self, forKey: .label).localized
        summary = try container.decode(BilingualText.self, forKey: .summary).localized
        urgentNotice = try container.decodeIfPresent(BilingualText.self, forKey: .urgentNotice)?.localized
        fields = try container.decode([FieldSpec].self, forKey: .fields)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(BilingualText(label), forKey: .label)
        try container.encode(BilingualText(summary), forKey: .summary)
        try container.encodeIfPresent(urgentNotice.map(BilingualText.init), forKey: .urgentNotice)
        try container.encode(fields, forKey: .fields)
    }
}

/// `{"fr": …, "en": …}` as written in the kinds file.
struct BilingualText: Codable, Hashable {
    let fr: String
    let en: String?
    init(_ text: LocalizedText) {
        fr = text.french
        en = text.english
    }
    var localized: LocalizedText { LocalizedText(french: fr, english: en) }
}
