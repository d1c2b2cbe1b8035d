/// One fact of the vocabulary: a named, typed piece of the citizen's situation
/// with the question that asks for it.
public struct FactDefinition: Hashable, Sendable, Identifiable {
    /// One allowed value of an enum fact, with a label to show.
    public struct EnumValue: Hashable, Sendable, Codable {
        /// The identifier written in rules and situations, e.g. `"vol"`.
        public let id: String
        /// What to show to the citizen, e.g. « Vol » / "Theft".
        public let label: LocalizedText

        /// Creates an enum value.
        public init(id: String, label: LocalizedText) {
            self.id = id
            self.label = label
        }
    }

    /// The fact's name, e.g. `author_known` (lower case, digits and `_`).
    public let name: String
    /// The fact's type.
    public let type: FactType
    /// The allowed values when ``type`` is ``FactType/enum``; empty otherwise.
    public let values: [EnumValue]
    /// The question asked to the citizen, in French and English.
    public let question: LocalizedText
    /// Ask order: facts with a smaller priority are asked first (missing facts are listed in this order).
    public let priority: Int

    /// The identity of the fact is its name.
    public var id: String { name }

    /// Creates a fact definition.
    public init(name: String, type: FactType, values: [EnumValue] = [], question: LocalizedText, priority: Int) {
        self.name = name
        self.type = type
        self.values = values
        self.question = question
        self.priority = priority
    }

    /// The ids of the allowed values of an enum fact.
    public var valueIDs: [String] { values.map(\.id) }

    /// A short human description of what this fact accepts, for error messages.
    public var expectedValues: String {
        switch type {
        case .bool: return "true or false"
        case .enum: return "one of \(valueIDs.joined(separator: ", "))"
        case .number: return "a number"
        case .date: return "a date YYYY-MM-DD"
        case .departement: return "a département code (01…95, 2A, 2B, 971…976…)"
        }
    }
}
