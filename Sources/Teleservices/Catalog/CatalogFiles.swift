import Foundation
import MaSecuriteCore

/// The JSON shapes of `facts.json` and `catalog.json` (schema version 1).
enum CatalogFiles {
    static let schemaVersion = 1

    struct Facts: Decodable {
        let schema_version: Int
        let facts: [Fact]
    }

    struct Fact: Decodable {
        let name: String
        let type: String
        let values: [FactDefinition.EnumValue]?
        let question: LocalizedText
        let priority: Int
    }

    struct Catalog: Decodable {
        let schema_version: Int
        let version: String
        let licence: String
        let source: String
        let examples_on: String
        let services: [Service]
    }

    struct Service: Decodable {
        let id: String
        let name: LocalizedText
        let purpose: LocalizedText
        let url: String
        let channels: [String]
        let authentication: [String]
        let anonymity_possible: Bool
        let availability: [Window]
        let minimum_age: Int?
        let replaced_by: String?
        let rules: [JSONValue]?
        let examples: [Example]?
    }

    struct Window: Decodable {
        let national: Bool?
        let departements: [String]?
        let from: String?
        let until: String?
    }

    struct Example: Decodable {
        let name: String
        let on: String?
        let facts: [String: JSONValue]
        let expect: Expectation
    }

    struct Expectation: Decodable {
        let verdict: String
        let missing: [String]?
        let dont_know: [String]?
    }

    /// Decodes `data`, turning a decoding failure into a problem with its JSON path.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(TeleserviceCatalogError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let syntax = JSONSyntax.firstProblem(in: data) {
                throw TeleserviceCatalogError(problems: [CatalogProblem(file: file, path: "", message: "not valid JSON at \(syntax)")])
            }
            throw TeleserviceCatalogError(problems: [problem(error, file: file)])
        } catch {
            throw TeleserviceCatalogError(problems: [CatalogProblem(file: file, path: "", message: "unreadable JSON: \(error.localizedDescription)")])
        }
    }

    private static func problem(_ error: DecodingError, file: String) -> CatalogProblem {
        func render(_ path: [any CodingKey]) -> String {
            path.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return CatalogProblem(file: file, path: render(context.codingPath), message: "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return CatalogProblem(file: file, path: render(context.codingPath), message: "wrong type: expected \(type)")
        case .valueNotFound(let type, let context):
            return CatalogProblem(file: file, path: render(context.codingPath), message: "missing value: expected \(type)")
        case .dataCorrupted(let context):
            return CatalogProblem(file: file, path: render(context.codingPath), message: context.debugDescription)
        @unknown default:
            return CatalogProblem(file: file, path: "", message: "\(error)")
        }
    }
}
