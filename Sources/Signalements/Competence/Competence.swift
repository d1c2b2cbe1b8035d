import Foundation

/// Which force is territorially competent for a commune.
public enum Institution: String, Hashable, Sendable, Codable, CaseIterable {
    /// Police nationale (zone police).
    case policeNationale = "police-nationale"
    /// Gendarmerie nationale (zone gendarmerie).
    case gendarmerieNationale = "gendarmerie-nationale"
    /// Préfecture de police: Paris and the petite couronne (Hauts-de-Seine,
    /// Seine-Saint-Denis, Val-de-Marne), where the police nationale answers to the préfet de police.
    case prefectureDePolice = "prefecture-de-police"

    /// The départements whose police is under the Préfecture de police.
    public static let prefectureDePoliceDepartements: Set<String> = ["75", "92", "93", "94"]

    /// The institution for a commune of `departement` whose force is `self`:
    /// the police nationale of Paris and the petite couronne is the Préfecture de police.
    public func adjusted(for departement: DepartementCode) -> Institution {
        self == .policeNationale && Self.prefectureDePoliceDepartements.contains(departement.rawValue) ? .prefectureDePolice : self
    }

    /// Its name in French and English.
    public var name: LocalizedText {
        switch self {
        case .policeNationale: LocalizedText("Police nationale", en: "National Police")
        case .gendarmerieNationale: LocalizedText("Gendarmerie nationale", en: "National Gendarmerie")
        case .prefectureDePolice: LocalizedText("Préfecture de police", en: "Paris Police Prefecture")
        }
    }
}

/// A unit that receives the signalements of its territory.
public struct CompetentUnit: Hashable, Sendable, Codable {
    /// The unit's identifier in its source (the official file's service id, or a station id).
    public let id: String
    /// Its name.
    public let name: String
    /// Its institution.
    public let institution: Institution

    /// Creates a unit.
    public init(id: String, name: String, institution: Institution) {
        self.id = id
        self.name = name
        self.institution = institution
    }
}

/// Who is competent for one commune, and how sure the answer is.
public struct Competence: Hashable, Sendable, Codable {
    /// The commune's INSEE code.
    public let insee: String
    /// The commune's name, when the source knows it.
    public let commune: String?
    /// The competent unit (with its institution).
    public let unit: CompetentUnit
    /// `true` when the answer is an estimate (e.g. derived from station
    /// locations), not the ministry's official assignment: a deployment must
    /// plug the official file before relying on it.
    public let approximate: Bool
    /// Which source answered, e.g. `official-file` or `station-directory`.
    public let source: String

    /// The institution (the unit's).
    public var institution: Institution { unit.institution }

    /// Creates an answer.
    public init(insee: String, commune: String?, unit: CompetentUnit, approximate: Bool, source: String) {
        self.insee = insee
        self.commune = commune
        self.unit = unit
        self.approximate = approximate
        self.source = source
    }

    private enum CodingKeys: String, CodingKey { case insee, commune, unit, approximate, source, institution }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        insee = try container.decode(String.self, forKey: .insee)
        commune = try container.decodeIfPresent(String.self, forKey: .commune)
        unit = try container.decode(CompetentUnit.self, forKey: .unit)
        approximate = try container.decode(Bool.self, forKey: .approximate)
        source = try container.decode(String.self, forKey: .source)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(insee, forKey: .insee)
        try container.encodeIfPresent(commune, forKey: .commune)
        try container.encode(unit, forKey: .unit)
        try container.encode(institution, forKey: .institution)
        try container.encode(approximate, forKey: .approximate)
        try container.encode(source, forKey: .source)
    }
}

/// Why competence could not be found or loaded.
public enum CompetenceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The source has no row for this commune.
    case unknownCommune(String)
    /// No commune has this postal code in the source.
    case unknownPostalCode(String)
    /// The competence file is malformed: its line (1-based, the header is line 1),
    /// the column when known, and why.
    case invalidFile(line: Int, column: String?, reason: String)
    /// The competence file could not be read.
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownCommune(let insee):
            return "the competence source has no commune with INSEE code \(Echo.truncated(insee))"
        case .unknownPostalCode(let code):
            return "the competence source has no commune with postal code \(Echo.truncated(code))"
        case .invalidFile(let line, let column, let reason):
            return "competence file, line \(line)\(column.map { ", column \($0)" } ?? ""): \(reason)"
        case .unreadable(let path, let reason):
            return "cannot read the competence file \(path): \(reason)"
        }
    }
}

/// Where the competent unit of a commune comes from.
///
/// Implementations: ``CompetenceFile`` (the ministry's official file, exact),
/// and in the `MaSecurite` facade `StationDirectoryCompetence` (derived from
/// the bundled station directory, every answer `approximate`).
public protocol CompetenceSource: Sendable {
    /// The competent unit for the commune with INSEE code `insee`.
    /// - Throws: ``CompetenceError/unknownCommune(_:)`` when the source does not know it.
    func competence(for insee: INSEECode) throws(CompetenceError) -> Competence

    /// The communes the source lists under `postalCode`, most relevant first;
    /// empty when the source has no postal codes (callers then use a gazetteer).
    func communes(postalCode: PostalCode) -> [INSEECode]
}

extension CompetenceSource {
    public func communes(postalCode: PostalCode) -> [INSEECode] { [] }
}

extension INSEECode {
    /// For an arrondissement of Paris, Lyon or Marseille (75101–75120,
    /// 69381–69389, 13201–13216), the code of the whole commune (75056, 69123,
    /// 13055), which files listing one row per commune use; `nil` otherwise.
    public var municipality: INSEECode? {
        guard let number = Int(rawValue) else { return nil }
        let code: String? = switch number {
        case 75101...75120: "75056"
        case 69381...69389: "69123"
        case 13201...13216: "13055"
        default: nil
        }
        return code.flatMap { try? INSEECode($0) }
    }
}
