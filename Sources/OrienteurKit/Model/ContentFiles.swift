import Foundation
import MaSecuriteCore

/// The JSON file formats of the content (see the "Authoring content" article).
enum ContentFiles {
    struct TreeFile: Codable {
        var schemaVersion: Int
        var contentVersion: String
        var journeys: [Journey]
        var nodes: [QuestionNode]
        var leaves: [Leaf]
    }

    struct OverlayTreeFile: Codable {
        var contentVersion: String?
        var journeys: [Journey]?
        var nodes: [QuestionNode]?
        var leaves: [Leaf]?
    }

    struct FichesFile: Codable { var schemaVersion: Int?; var fiches: [Fiche] }
    struct NumbersFile: Codable { var schemaVersion: Int?; var numbers: [UsefulNumber]; var emergencyAnswers: [EmergencyAnswer]? }
    struct DocumentsFile: Codable { var schemaVersion: Int?; var documentLists: [DocumentList] }
    struct SynonymsFile: Codable { var schemaVersion: Int?; var synonyms: [SynonymGroup] }
    struct PartnersFile: Codable { var schemaVersion: Int?; var partners: [Partner] }

    static func load(from directory: URL) throws(ContentLoadError) -> OrienteurContent {
        guard let tree = try decode(TreeFile.self, "tree.json", in: directory) else {
            throw ContentLoadError(file: directory.appendingPathComponent("tree.json").path, message: "file not found")
        }
        let fiches = try decode(FichesFile.self, "fiches.json", in: directory)
        let numbers = try decode(NumbersFile.self, "numbers.json", in: directory)
        let documents = try decode(DocumentsFile.self, "documents.json", in: directory)
        let synonyms = try decode(SynonymsFile.self, "synonyms.json", in: directory)
        let partners = try decode(PartnersFile.self, "partners.json", in: directory)
        let model = try decode(EmergencyModel.self, "emergency-model.json", in: directory)
        var versions: [String: Int] = [:]
        versions["fiches.json"] = fiches?.schemaVersion
        versions["numbers.json"] = numbers?.schemaVersion
        versions["documents.json"] = documents?.schemaVersion
        versions["synonyms.json"] = synonyms?.schemaVersion
        versions["partners.json"] = partners?.schemaVersion
        return OrienteurContent(
            schemaVersion: tree.schemaVersion, contentVersion: tree.contentVersion, journeys: tree.journeys,
            nodes: tree.nodes, leaves: tree.leaves, fiches: fiches?.fiches ?? [], numbers: numbers?.numbers ?? [],
            emergencyAnswers: numbers?.emergencyAnswers ?? [], emergencyModel: model,
            orientationModel: try decode(OrientationModel.self, "orientation-model.json", in: directory), documentLists: documents?.documentLists ?? [], synonyms: synonyms?.synonyms ?? [],
            partners: partners?.partners ?? [], fileSchemaVersions: versions)
    }

    static func loadOverlay(from directory: URL) throws(ContentLoadError) -> ContentOverlay {
        let tree = try decode(OverlayTreeFile.self, "tree.json", in: directory)
        let numbers = try decode(NumbersFile.self, "numbers.json", in: directory)
        return ContentOverlay(
            contentVersion: tree?.contentVersion, journeys: tree?.journeys ?? [], nodes: tree?.nodes ?? [],
            leaves: tree?.leaves ?? [],
            fiches: try decode(FichesFile.self, "fiches.json", in: directory)?.fiches ?? [],
            numbers: numbers?.numbers ?? [], emergencyAnswers: numbers?.emergencyAnswers ?? [],
            emergencyModel: try decode(EmergencyModel.self, "emergency-model.json", in: directory),
            orientationModel: try decode(OrientationModel.self, "orientation-model.json", in: directory),
            documentLists: try decode(DocumentsFile.self, "documents.json", in: directory)?.documentLists ?? [],
            synonyms: try decode(SynonymsFile.self, "synonyms.json", in: directory)?.synonyms ?? [],
            partners: try decode(PartnersFile.self, "partners.json", in: directory)?.partners ?? [])
    }

    /// Decodes `name` in `directory`; nil when the file does not exist.
    static func decode<T: Decodable>(_ type: T.Type, _ name: String, in directory: URL) throws(ContentLoadError) -> T? {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ContentLoadError(file: url.path, message: "cannot be read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, let problem = JSONSyntax.firstProblem(in: data) {
                throw ContentLoadError(file: url.path, message: "not valid JSON at \(problem)")
            }
            throw ContentLoadError(file: url.path, message: describe(error))
        } catch {
            throw ContentLoadError(file: url.path, message: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing field '\(key.stringValue)' at \(path(context.codingPath).isEmpty ? "top level" : path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "invalid value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
