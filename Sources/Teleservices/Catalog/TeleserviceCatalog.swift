import Foundation

/// The catalog of online services (« téléservices ») with their eligibility
/// rules and the fact vocabulary the rules use.
///
/// Load the bundled catalog with ``bundled()``, or a deployment's own files
/// through a ``TeleserviceCatalogSource``. Every rule is typechecked at load
/// time; a catalog value is always consistent.
public struct TeleserviceCatalog: Sendable {
    /// The name of the département fact used for territorial availability.
    public static let departmentFact = "department"
    /// The name of the number fact checked against a service's minimum age.
    public static let ageFact = "age"

    /// The catalog's content version, e.g. `2026.11.25`.
    public let version: String
    /// The licence of the catalog's content.
    public let licence: String
    /// Where the facts of the catalog come from.
    public let source: String
    /// The fact vocabulary.
    public let facts: FactVocabulary
    /// Every service, in catalog order (retired ones included).
    public let services: [Teleservice]
    private let byID: [String: Int]

    init(version: String, licence: String, source: String, facts: FactVocabulary, services: [Teleservice]) {
        self.version = version
        self.licence = licence
        self.source = source
        self.facts = facts
        self.services = services
        var index: [String: Int] = [:]
        for (position, service) in services.enumerated() where index[service.id] == nil {
            index[service.id] = position
        }
        byID = index
    }

    /// Loads a catalog from the JSON of `catalog.json` and `facts.json`.
    /// - Throws: ``TeleserviceCatalogError`` listing every problem (file, service id and rule path).
    public init(catalogJSON: Data, factsJSON: Data) throws(TeleserviceCatalogError) {
        let vocabulary = try CatalogLoader.loadFacts(factsJSON, file: "facts.json")
        self = try CatalogLoader.loadCatalog(catalogJSON, file: "catalog.json", facts: vocabulary)
    }

    /// The catalog bundled with the SDK (loaded once, then shared).
    public static func bundled() throws(TeleserviceCatalogError) -> TeleserviceCatalog {
        try BundledTeleserviceCatalogSource().loadCatalog()
    }

    /// The service with this id, if any.
    public func service(id: String) -> Teleservice? {
        byID[id].map { services[$0] }
    }

    /// The ids of every service, in catalog order.
    public var serviceIDs: [String] { services.map(\.id) }

    /// The services offered in `departement` on `date` (retired services excluded by their dates).
    public func services(availableIn departement: DepartementCode, on date: LocalDate) -> [Teleservice] {
        services.filter { $0.isAvailable(in: departement, on: date) }
    }

    /// The services offered in `departement` at `instant` (its civil date in the département's time zone).
    public func services(availableIn departement: DepartementCode, on instant: Date) -> [Teleservice] {
        services(availableIn: departement, on: LocalDate(instant, in: departement.timeZone))
    }

    /// Evaluates the service with id `id`.
    /// - Throws: ``SituationError`` for an unknown id, an unknown fact or a value of the wrong type.
    public func evaluate(serviceID id: String, situation: Situation, on date: LocalDate) throws(SituationError) -> Eligibility {
        guard let service = service(id: id) else { throw .unknownService(id, valid: serviceIDs) }
        return try evaluate(service, situation: situation, on: date)
    }

    /// Evaluates one service against a situation on a date: eligible, not
    /// eligible (with reasons and alternatives) or needs information (with the
    /// facts still to ask, in ask order). Availability (département, dates,
    /// pilots) and the minimum age are part of the verdict.
    /// - Throws: ``SituationError`` when the situation uses an unknown fact or a wrong value type.
    public func evaluate(_ service: Teleservice, situation: Situation, on date: LocalDate) throws(SituationError) -> Eligibility {
        try facts.validate(situation)
        return EligibilityEvaluator(catalog: self, situation: situation, date: date).evaluate(service)
    }

    /// Every service that fits, best first, then those that need more answers
    /// (fewest missing facts first, then fewest « je ne sais pas »). Retired and not-eligible services are left out.
    ///
    /// Ranking: a service whose rules read more of the citizen's facts fits
    /// more precisely and comes first; ties keep catalog order.
    /// - Throws: ``SituationError`` when the situation uses an unknown fact or a wrong value type.
    public func suggest(_ situation: Situation, on date: LocalDate) throws(SituationError) -> [Eligibility] {
        try facts.validate(situation)
        let evaluator = EligibilityEvaluator(catalog: self, situation: situation, date: date)
        let ranked = services.enumerated().compactMap { position, service -> (Eligibility, Int, Int)? in
            guard !service.isRetired else { return nil }
            let result = evaluator.evaluate(service)
            guard result.verdict != .notEligible else { return nil }
            return (result, evaluator.specificity(of: service), position)
        }
        return ranked.sorted { lhs, rhs in
            let (a, b) = (lhs.0, rhs.0)
            if a.verdict != b.verdict { return a.verdict == .eligible }
            if a.verdict == .needsInformation && a.missing.count != b.missing.count {
                return a.missing.count < b.missing.count
            }
            if a.verdict == .needsInformation && a.dontKnow.count != b.dontKnow.count {
                return a.dontKnow.count < b.dontKnow.count
            }
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            return lhs.2 < rhs.2
        }.map(\.0)
    }

    /// The next facts to ask so that the suggestions become precise: every fact
    /// missing for at least one suggestion, in ask order.
    public func nextQuestions(_ situation: Situation, on date: LocalDate) throws(SituationError) -> [FactDefinition] {
        let missing = try suggest(situation, on: date).reduce(into: Set<String>()) { $0.formUnion($1.missing) }
        return facts.inAskOrder(missing).compactMap { facts[$0] }
    }
}
