import Testing
@testable import Teleservices

/// The Publicodes promise, checked by brute force on every needs-information
/// example of the bundled catalog: each fact reported missing could change the
/// verdict (some answers to the other missing facts make its value decisive).
@Suite struct MissingFactsPropertyTests {
    static func needsInformationExamples() throws -> [RuleExample] {
        try TeleserviceCatalog.bundled().services.flatMap(\.examples).filter { $0.verdict == .needsInformation }
    }

    /// A small domain of values per fact, enough to reach every branch of the bundled rules.
    static func domain(of fact: FactDefinition, around date: LocalDate) -> [FactValue] {
        switch fact.type {
        case .bool: return [.bool(true), .bool(false)]
        case .enum: return fact.valueIDs.map { .enumValue($0) }
        case .number: return [10, 17, 18, 40].map { .number($0) }
        case .date: return [-1, 2, 3, 10, 45, 46, 100, 200].map { .date(date.adding(days: $0)) }
        case .departement: return ["75", "33", "78", "72", "59", "17", "974"].compactMap { try? .departement(DepartementCode($0)) }
        }
    }

    @Test(arguments: try needsInformationExamples())
    func everyMissingFactCanChangeTheVerdict(_ example: RuleExample) throws {
        let catalog = try TeleserviceCatalog.bundled()
        let serviceID = String(example.path.prefix { $0 != "." })
        let service = try #require(catalog.service(id: serviceID))
        let missing = example.missing
        let domains = try missing.map { name in Self.domain(of: try #require(catalog.facts[name]), around: example.date) }

        // Every complete assignment of the missing facts.
        var assignments: [[FactValue]] = [[]]
        for domain in domains {
            assignments = assignments.flatMap { prefix in domain.map { prefix + [$0] } }
        }
        func verdict(_ values: [FactValue]) throws -> Verdict {
            var situation = example.situation
            for (name, value) in zip(missing, values) { situation = situation.setting(name, to: value) }
            return try catalog.evaluate(service, situation: situation, on: example.date).verdict
        }
        for (index, name) in missing.enumerated() {
            var decisive = false
            search: for assignment in assignments {
                let reference = try verdict(assignment)
                for other in domains[index] where other != assignment[index] {
                    var changed = assignment
                    changed[index] = other
                    if try verdict(changed) != reference { decisive = true; break search }
                }
            }
            #expect(decisive, "\(example.path): '\(name)' is reported missing but no answer to it changes the verdict")
        }
        // And with every missing fact answered, the verdict is always decided (unless
        // it also depends on a fact the citizen does not know).
        for assignment in assignments.prefix(200) where example.dontKnow.isEmpty {
            #expect(try verdict(assignment) != .needsInformation, "\(example.path): still undecided with \(assignment)")
        }
    }
}
