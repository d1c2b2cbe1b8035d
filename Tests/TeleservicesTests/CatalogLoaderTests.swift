import Foundation
import Testing
@testable import Teleservices

/// Type errors in rule data are caught when the catalog is loaded, each named
/// by its file, service id and rule path; every problem is reported at once.
@Suite struct CatalogLoaderTests {
    func problem(_ expression: String) throws -> CatalogProblem {
        let problems = TestCatalogs.problems(rules: "[\(TestCatalogs.ruleObject(expression))]")
        #expect(problems.count == 1, "\(problems)")
        return try #require(problems.first)
    }

    @Test func unknownFactIsReportedWithServiceAndRulePath() throws {
        let found = try problem(#"{"all": [{"eq": ["card", true]}]}"#)
        #expect(found.file == "catalog.json")
        #expect(found.path == "svc.rules[0].all[0].eq[0]")
        #expect(found.message.contains("unknown fact 'card'"))
        #expect(found.message.contains("flag"), "the known facts are listed")
    }

    @Test func wrongValueTypeIsReported() throws {
        let found = try problem(#"{"any": [{"eq": ["flag", true]}, {"eq": ["count", "three"]}]}"#)
        #expect(found.path == "svc.rules[0].any[1].eq[1]")
        #expect(found.message.contains("wrong value type for fact 'count'"))
    }

    @Test func unknownEnumValueListsTheValidOnes() throws {
        let found = try problem(#"{"in": ["kind", ["a", "z"]]}"#)
        #expect(found.path == "svc.rules[0].in[1][1]")
        #expect(found.message.contains("unknown enum value \"z\""))
        #expect(found.message.contains("a, b, c"))
    }

    @Test func orderingABooleanIsATypeError() throws {
        let found = try problem(#"{"lt": ["flag", true]}"#)
        #expect(found.path == "svc.rules[0].lt")
        #expect(found.message.contains("number or date"))
    }

    @Test func badDatesDepartementsAndReferencesAreTypeErrors() throws {
        #expect(try problem(#"{"lt": ["start", "2026-02-30"]}"#).path == "svc.rules[0].lt[1]")
        #expect(try problem(#"{"eq": ["department", "20"]}"#).message.contains("not a département code"))
        #expect(try problem(#"{"lt": ["start", {"fact": "count"}]}"#).message.contains("cannot compare"))
        #expect(try problem(#"{"gt": ["count", {"today_plus_days": 2}]}"#).path == "svc.rules[0].gt[1]")
        #expect(try problem(#"{"is-known": "nope"}"#).path == "svc.rules[0].is-known")
    }

    @Test func malformedNodesAreReported() throws {
        #expect(try problem(#"{"all": []}"#).message.contains("non-empty"))
        #expect(try problem(#"{"xor": [{"eq": ["flag", true]}]}"#).message.contains("unknown operator 'xor'"))
        #expect(try problem(#"{"eq": ["flag", true], "ne": ["flag", false]}"#).message.contains("one operator per node"))
        #expect(try problem(#"{"eq": ["flag"]}"#).message.contains("expects [\"fact_name\", value]"))
    }

    @Test func ruleWithoutReasonAndUnknownAlternativeAreReported() {
        let problems = TestCatalogs.problems(rules: #"[{"eq": ["flag", true], "instead": ["nowhere"]}]"#)
        #expect(problems.map(\.path).sorted() == ["svc.rules[0].instead[0]", "svc.rules[0].reason"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let problems = TestCatalogs.problems(
            rules: "[" + TestCatalogs.ruleObject(#"{"eq": ["nope", 1]}"#) + "," + TestCatalogs.ruleObject(#"{"eq": ["kind", "zz"]}"#) + "]",
            availability: #"[{"departements": ["99"]}]"#,
            examples: #"[{"name": "x", "facts": {"ghost": true}, "expect": {"verdict": "maybe"}}]"#)
        let paths = Set(problems.map(\.path))
        #expect(paths.isSuperset(of: ["svc.rules[0].eq[0]", "svc.rules[1].eq[1]", "svc.availability[0].departements[0]",
                                      "svc.examples[0].facts.ghost", "svc.examples[0].expect.verdict"]), "\(problems)")
        let error = TeleserviceCatalogError(problems: problems)
        #expect(error.description.contains("svc.rules[1].eq[1]"))
    }

    @Test func serviceFieldsAreChecked() {
        let problems = TestCatalogs.problems(rules: "[]", availability: #"[{"national": true, "from": "2026-05-01", "until": "2026-01-01"}]"#,
                                             extra: #""replaced_by": "svc", "minimum_age": 300,"#)
        let paths = Set(problems.map(\.path))
        #expect(paths == ["svc.availability[0]", "svc.replaced_by", "svc.minimum_age"], "\(problems)")
    }

    @Test func missingFieldIsReportedWithItsJSONPath() {
        let json = TestCatalogs.catalogJSON(rules: "[]").replacingOccurrences(of: #""anonymity_possible": true,"#, with: "")
        do {
            _ = try TeleserviceCatalog(catalogJSON: Data(json.utf8), factsJSON: Data(TestCatalogs.factsJSON.utf8))
            Issue.record("a service without anonymity_possible loaded")
        } catch {
            #expect(error.problems.first?.path == "services[0]")
            #expect(error.problems.first?.message.contains("anonymity_possible") == true)
        }
    }

    @Test func factVocabularyIsChecked() {
        let facts = """
        {"schema_version": 1, "facts": [
          {"name": "x", "type": "enum", "priority": 1, "question": {"fr": "X ?"}},
          {"name": "x", "type": "colour", "priority": 2, "question": {"fr": "X ?"}},
          {"name": "Bad Name", "type": "bool", "priority": 3, "question": {"fr": ""}}
        ]}
        """
        do {
            _ = try TeleserviceCatalog(catalogJSON: Data(TestCatalogs.catalogJSON(rules: "[]").utf8), factsJSON: Data(facts.utf8))
            Issue.record("a broken vocabulary loaded")
        } catch {
            #expect(error.problems.allSatisfy { $0.file == "facts.json" })
            let messages = error.problems.map(\.message).joined(separator: "\n")
            #expect(messages.contains("an enum fact needs at least one value"))
            #expect(messages.contains("duplicate fact name 'x'"))
            #expect(messages.contains("unknown type 'colour'"))
            #expect(messages.contains("the French question is empty"))
        }
    }

    @Test func deploymentSourcesLoadTheirOwnCatalog() throws {
        let source = JSONTeleserviceCatalogSource(catalogJSON: Data(TestCatalogs.catalogJSON(rules: "[]").utf8),
                                                  factsJSON: Data(TestCatalogs.factsJSON.utf8))
        #expect(try source.loadCatalog().serviceIDs == ["svc", "alt"])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teleservices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(TestCatalogs.catalogJSON(rules: "[]").utf8).write(to: folder.appendingPathComponent("catalog.json"))
        try Data(TestCatalogs.factsJSON.utf8).write(to: folder.appendingPathComponent("facts.json"))
        let sources: [any TeleserviceCatalogSource] = [FileTeleserviceCatalogSource(directory: folder), BundledTeleserviceCatalogSource()]
        #expect(try sources[0].loadCatalog().service(id: "alt") != nil)
        #expect(try sources[1].loadCatalog().service(id: "plainte-en-ligne") != nil)

        let missing = FileTeleserviceCatalogSource(directory: folder.appendingPathComponent("nowhere"))
        #expect(throws: TeleserviceCatalogError.self) { try missing.loadCatalog() }
    }
}
