/// All the content of the orienteur: the decision tree, fiches, numbers,
/// document lists, synonyms and partners, with lookups by id.
///
/// Load it with a ``ContentProvider`` (``BundledContentProvider`` for the
/// content shipped with the SDK, ``DirectoryContentProvider`` for a deployment's own).
public struct OrienteurContent: Sendable, Hashable {
    /// The schema version this SDK reads.
    public static let supportedSchemaVersion = 1

    /// The version of the file format.
    public var schemaVersion: Int
    /// The version of the content itself, e.g. `2026.11.25`; carried in session tokens.
    public var contentVersion: String
    /// The journeys.
    public var journeys: [Journey]
    /// The questions.
    public var nodes: [QuestionNode]
    /// The leaves (final orientations).
    public var leaves: [Leaf]
    /// The fiches pratiques (practical guides).
    public var fiches: [Fiche]
    /// The phone numbers with purpose and hours.
    public var numbers: [UsefulNumber]
    /// The numbers that fit each kind of emergency (`emergencyAnswers` in `numbers.json`).
    public var emergencyAnswers: [EmergencyAnswer]
    /// The learnt emergency model (`emergency-model.json`), if any.
    public var emergencyModel: EmergencyModel?
    /// The learnt model of citizens' wording that the search blends in (`orientation-model.json`), if any.
    public var orientationModel: OrientationModel?
    /// The lists of documents to bring.
    public var documentLists: [DocumentList]
    /// The synonym groups used by search.
    public var synonyms: [SynonymGroup]
    /// The partners outside the police.
    public var partners: [Partner]
    /// Schema versions found in the other files, by file name (checked by validation).
    public var fileSchemaVersions: [String: Int]

    private var nodeIndex: [String: Int] = [:]
    private var leafIndex: [String: Int] = [:]
    private var ficheIndex: [String: Int] = [:]
    private var numberIndex: [String: Int] = [:]
    private var documentIndex: [String: Int] = [:]
    private var partnerIndex: [String: Int] = [:]

    /// Creates a value from its fields.
    public init(schemaVersion: Int = OrienteurContent.supportedSchemaVersion, contentVersion: String,
                journeys: [Journey], nodes: [QuestionNode], leaves: [Leaf], fiches: [Fiche] = [],
                numbers: [UsefulNumber] = [], emergencyAnswers: [EmergencyAnswer] = [], emergencyModel: EmergencyModel? = nil,
                orientationModel: OrientationModel? = nil, documentLists: [DocumentList] = [], synonyms: [SynonymGroup] = [], partners: [Partner] = [],
                fileSchemaVersions: [String: Int] = [:]) {
        self.schemaVersion = schemaVersion
        self.contentVersion = contentVersion
        self.journeys = journeys
        self.nodes = nodes
        self.leaves = leaves
        self.fiches = fiches
        self.numbers = numbers
        self.emergencyAnswers = emergencyAnswers
        self.emergencyModel = emergencyModel
        self.orientationModel = orientationModel
        self.documentLists = documentLists
        self.synonyms = synonyms
        self.partners = partners
        self.fileSchemaVersions = fileSchemaVersions
        reindex()
    }

    private mutating func reindex() {
        func index<T>(_ items: [T], _ key: (T) -> String) -> [String: Int] {
            var result: [String: Int] = [:]
            for (offset, item) in items.enumerated() where result[key(item)] == nil { result[key(item)] = offset }
            return result
        }
        nodeIndex = index(nodes, \.id)
        leafIndex = index(leaves, \.id)
        ficheIndex = index(fiches, \.id)
        numberIndex = index(numbers, \.number)
        documentIndex = index(documentLists, \.id)
        partnerIndex = index(partners, \.id)
    }

    /// The journey with `id`.
    public func journey(_ id: String) -> Journey? { journeys.first { $0.id == id } }
    /// The question with `id`.
    public func node(_ id: String) -> QuestionNode? { nodeIndex[id].map { nodes[$0] } }
    /// The leaf with `id`.
    public func leaf(_ id: String) -> Leaf? { leafIndex[id].map { leaves[$0] } }
    /// The fiche with `id`.
    public func fiche(_ id: String) -> Fiche? { ficheIndex[id].map { fiches[$0] } }
    /// The phone number entry for `number` (digits).
    public func number(_ number: String) -> UsefulNumber? { numberIndex[number].map { numbers[$0] } }
    /// The document list with `id`.
    public func documentList(_ id: String) -> DocumentList? { documentIndex[id].map { documentLists[$0] } }
    /// The partner with `id`.
    public func partner(_ id: String) -> Partner? { partnerIndex[id].map { partners[$0] } }

    /// Returns this content with `overlay` applied: items with an existing id replace
    /// it, new ones are appended. A deployment uses this to add local fiches and
    /// leaves (and replace a question to link them) without copying the bundle.
    public func merging(_ overlay: ContentOverlay) -> OrienteurContent {
        func merge<T>(_ base: [T], _ extra: [T], _ key: (T) -> String) -> [T] {
            var result = base
            var positions: [String: Int] = [:]
            for (offset, item) in base.enumerated() { positions[key(item)] = offset }
            for item in extra {
                if let position = positions[key(item)] { result[position] = item } else {
                    positions[key(item)] = result.count
                    result.append(item)
                }
            }
            return result
        }
        return OrienteurContent(
            schemaVersion: schemaVersion,
            contentVersion: overlay.contentVersion.map { "\(contentVersion)+\($0)" } ?? contentVersion,
            journeys: merge(journeys, overlay.journeys, \.id),
            nodes: merge(nodes, overlay.nodes, \.id),
            leaves: merge(leaves, overlay.leaves, \.id),
            fiches: merge(fiches, overlay.fiches, \.id),
            numbers: merge(numbers, overlay.numbers, \.number),
            emergencyAnswers: merge(emergencyAnswers, overlay.emergencyAnswers, \.reason.rawValue),
            emergencyModel: overlay.emergencyModel ?? emergencyModel,
            orientationModel: overlay.orientationModel ?? orientationModel,
            documentLists: merge(documentLists, overlay.documentLists, \.id),
            synonyms: synonyms + overlay.synonyms,
            partners: merge(partners, overlay.partners, \.id),
            fileSchemaVersions: fileSchemaVersions)
    }

    public static func == (lhs: OrienteurContent, rhs: OrienteurContent) -> Bool {
        lhs.schemaVersion == rhs.schemaVersion && lhs.contentVersion == rhs.contentVersion && lhs.journeys == rhs.journeys
            && lhs.nodes == rhs.nodes && lhs.leaves == rhs.leaves && lhs.fiches == rhs.fiches && lhs.numbers == rhs.numbers
            && lhs.emergencyAnswers == rhs.emergencyAnswers && lhs.documentLists == rhs.documentLists && lhs.synonyms == rhs.synonyms && lhs.partners == rhs.partners
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(contentVersion)
        hasher.combine(leaves.count)
        hasher.combine(nodes.count)
    }
}

/// A deployment's own additions to the bundled content (local fiches, leaves,
/// numbers…). Items whose id exists replace the bundled ones.
public struct ContentOverlay: Sendable, Hashable {
    /// A version suffix for the merged content, e.g. `"gironde.3"`; changes the content version.
    public var contentVersion: String?
    /// The journeys.
    public var journeys: [Journey]
    /// The questions.
    public var nodes: [QuestionNode]
    /// The leaves (final orientations).
    public var leaves: [Leaf]
    /// The fiches pratiques (practical guides).
    public var fiches: [Fiche]
    /// The phone numbers with purpose and hours.
    public var numbers: [UsefulNumber]
    /// The numbers for each kind of emergency; one for a reason already known replaces it.
    public var emergencyAnswers: [EmergencyAnswer]
    /// A learnt emergency model that replaces the bundled one.
    public var emergencyModel: EmergencyModel?
    /// A learnt orientation model that replaces the bundled one.
    public var orientationModel: OrientationModel?
    /// The lists of documents to bring.
    public var documentLists: [DocumentList]
    /// The synonym groups used by search.
    public var synonyms: [SynonymGroup]
    /// The partners outside the police.
    public var partners: [Partner]

    /// Creates a value from its fields.
    public init(contentVersion: String? = nil, journeys: [Journey] = [], nodes: [QuestionNode] = [], leaves: [Leaf] = [],
                fiches: [Fiche] = [], numbers: [UsefulNumber] = [], emergencyAnswers: [EmergencyAnswer] = [], emergencyModel: EmergencyModel? = nil,
                orientationModel: OrientationModel? = nil, documentLists: [DocumentList] = [],
                synonyms: [SynonymGroup] = [], partners: [Partner] = []) {
        self.contentVersion = contentVersion
        self.journeys = journeys
        self.nodes = nodes
        self.leaves = leaves
        self.fiches = fiches
        self.numbers = numbers
        self.emergencyAnswers = emergencyAnswers
        self.emergencyModel = emergencyModel
        self.orientationModel = orientationModel
        self.documentLists = documentLists
        self.synonyms = synonyms
        self.partners = partners
    }
}
