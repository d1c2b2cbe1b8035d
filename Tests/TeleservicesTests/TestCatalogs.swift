import Foundation
@testable import Teleservices

/// Small hand-written catalogs for testing the rule language in isolation.
enum TestCatalogs {
    static let factsJSON = """
    {
      "schema_version": 1,
      "facts": [
        {"name": "flag", "type": "bool", "priority": 1, "question": {"fr": "Drapeau ?", "en": "Flag?"}},
        {"name": "kind", "type": "enum", "priority": 2, "question": {"fr": "Genre ?", "en": "Kind?"},
         "values": [{"id": "a", "label": {"fr": "A", "en": "A"}}, {"id": "b", "label": {"fr": "B", "en": "B"}}, {"id": "c", "label": {"fr": "C", "en": "C"}}]},
        {"name": "count", "type": "number", "priority": 3, "question": {"fr": "Combien ?", "en": "How many?"}},
        {"name": "start", "type": "date", "priority": 4, "question": {"fr": "Début ?", "en": "Start?"}},
        {"name": "end", "type": "date", "priority": 5, "question": {"fr": "Fin ?", "en": "End?"}},
        {"name": "department", "type": "departement", "priority": 6, "question": {"fr": "Département ?", "en": "Département?"}},
        {"name": "age", "type": "number", "priority": 7, "question": {"fr": "Âge ?", "en": "Age?"}},
        {"name": "other", "type": "bool", "priority": 0, "question": {"fr": "Autre ?", "en": "Other?"}}
      ]
    }
    """

    /// One service `svc` with the given rules (a JSON array) and availability (a JSON array).
    static func catalogJSON(rules: String, availability: String = #"[{"national": true}]"#,
                            extra: String = "", examples: String = "[]") -> String {
        """
        {
          "schema_version": 1, "version": "test", "licence": "test", "source": "test", "examples_on": "2026-01-15",
          "services": [
            {"id": "svc", "name": {"fr": "Service", "en": "Service"}, "purpose": {"fr": "Tester", "en": "Test"},
             "url": "https://example.org", "channels": ["web-form"], "authentication": ["none"],
             "anonymity_possible": true, "availability": \(availability), \(extra)
             "rules": \(rules), "examples": \(examples)},
            {"id": "alt", "name": {"fr": "Autre", "en": "Other"}, "purpose": {"fr": "Autre", "en": "Other"},
             "url": "https://example.org/alt", "channels": ["chat"], "authentication": ["franceconnect"],
             "anonymity_possible": false, "availability": [{"national": true}]}
          ]
        }
        """
    }

    static func load(rules: String, availability: String = #"[{"national": true}]"#, extra: String = "",
                     examples: String = "[]") throws -> TeleserviceCatalog {
        try TeleserviceCatalog(catalogJSON: Data(catalogJSON(rules: rules, availability: availability, extra: extra, examples: examples).utf8),
                               factsJSON: Data(factsJSON.utf8))
    }

    /// A catalog whose only service has one rule, for evaluating one expression.
    static func single(_ expression: String) throws -> TeleserviceCatalog {
        try load(rules: "[\(ruleObject(expression))]")
    }

    static func ruleObject(_ expression: String) -> String {
        // Insert the reason next to the operator of the expression object.
        let body = expression.trimmingCharacters(in: .whitespaces)
        return "{" + #""reason": {"fr": "Non.", "en": "No."}, "# + body.dropFirst()
    }

    /// The problems of a catalog that should not load.
    static func problems(rules: String, availability: String = #"[{"national": true}]"#, extra: String = "",
                         examples: String = "[]") -> [CatalogProblem] {
        do {
            _ = try load(rules: rules, availability: availability, extra: extra, examples: examples)
            return []
        } catch let error as TeleserviceCatalogError {
            return error.problems
        } catch {
            return [CatalogProblem(file: "?", path: "?", message: "\(error)")]
        }
    }

    static let day = LocalDate(daysSinceEpoch: 20_468) // 2026-01-15
}

extension LocalDate {
    static func iso(_ text: String) -> LocalDate {
        (try? LocalDate(iso: text)) ?? LocalDate(daysSinceEpoch: 0)
    }
}
