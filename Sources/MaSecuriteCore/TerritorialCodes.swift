import Foundation

/// Why a French territorial code was rejected.
public enum TerritorialCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a département or overseas collectivity code; carries the input as given.
    case invalidDepartement(String)
    /// Not an INSEE commune code; carries the input as given.
    case invalidINSEECode(String)
    /// Not a French postal code; carries the input as given.
    case invalidPostalCode(String)

    /// A message quoting the rejected input and the expected form.
    public var description: String {
        switch self {
        case .invalidDepartement(let s):
            return "'\(s)' is not a French département code (expected 01…95, 2A, 2B, 971…978, 984, 986, 987 or 988)"
        case .invalidINSEECode(let s):
            return "'\(s)' is not an INSEE commune code (expected 5 characters: département + commune number, e.g. 33063, 2A004, 97209)"
        case .invalidPostalCode(let s):
            return "'\(s)' is not a French postal code (expected 5 digits starting 01…95, 97 or 98, e.g. 75001, 20000, 97200)"
        }
    }
}

private let overseasDepartements: Set<String> = ["971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988"]

/// A French département or overseas collectivity code: `01`…`95` (without `20`,
/// split since 1976 into `2A` Corse-du-Sud and `2B` Haute-Corse), the overseas
/// départements `971` Guadeloupe, `972` Martinique, `973` Guyane, `974` La Réunion,
/// `976` Mayotte, and the collectivities `975` Saint-Pierre-et-Miquelon,
/// `977` Saint-Barthélemy, `978` Saint-Martin, `984` TAAF, `986` Wallis-et-Futuna,
/// `987` Polynésie française, `988` Nouvelle-Calédonie.
///
/// `00`, `20`, `96`, `979`…`983`, `985` and `989` (Clipperton, which has no
/// département code of its own in this SDK) are rejected.
public struct DepartementCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written, e.g. `"33"`, `"2A"`, `"972"`.
    public let rawValue: String

    /// Validates `code` (surrounding spaces are ignored; `2a` is accepted as `2A`).
    /// - Throws: ``TerritorialCodeError/invalidDepartement(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let value = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard DepartementCode.isValid(value) else { throw .invalidDepartement(code) }
        rawValue = value
    }

    static func isValid(_ value: String) -> Bool {
        if value == "2A" || value == "2B" { return true }
        if value.count == 2, value.allSatisfy(\.isASCIIDigit), let n = Int(value) {
            return (1...95).contains(n) && n != 20
        }
        if value.count == 3 { return overseasDepartements.contains(value) }
        return false
    }

    /// Every valid code, in order: `01`…`19`, `21`…`95` with `2A` and `2B`
    /// between `29` and `30` (text order), then `971`…`988`.
    public static let all: [DepartementCode] = {
        let metropolitan = (1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"]
        let codes = metropolitan + overseasDepartements
        return codes.map { DepartementCode(uncheckedRawValue: $0) }.sorted()
    }()

    private init(uncheckedRawValue: String) { rawValue = uncheckedRawValue }

    /// The territory, which gives the time zone and the public holidays.
    public var territory: Territory {
        switch rawValue {
        case "57", "67", "68": return .alsaceMoselle
        case "971": return .guadeloupe
        case "972": return .martinique
        case "973": return .guyane
        case "974": return .reunion
        case "975": return .saintPierreEtMiquelon
        case "976": return .mayotte
        case "977": return .saintBarthelemy
        case "978": return .saintMartin
        case "984": return .terresAustralesEtAntarctiques
        case "986": return .wallisEtFutuna
        case "987": return .polynesieFrancaise
        case "988": return .nouvelleCaledonie
        default: return .metropole
        }
    }

    /// The local time zone of the département.
    public var timeZone: TimeZone { territory.timeZone }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the code's text (`01` < `19` < `21` < `2A` < `2B` < `95` < `971`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a JSON string; an invalid code is a
    /// `DecodingError.dataCorrupted` quoting it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// An INSEE commune code ("code officiel géographique"): 5 characters, the
/// département (2 characters, or 3 overseas) followed by the commune number,
/// e.g. `33063` (Bordeaux), `2A004` (Ajaccio), `97209` (Fort-de-France).
public struct INSEECode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written.
    public let rawValue: String
    /// The département the commune belongs to.
    public let departement: DepartementCode

    /// Validates `code`: 5 characters whose département prefix (3 characters
    /// for `97x`/`98x`, else 2) is a valid ``DepartementCode`` and whose rest is
    /// digits. Surrounding spaces are ignored and `2a004` is read as `2A004`.
    /// Monaco (`99138`) and Clipperton (`98901`), present in La Poste's base, are rejected.
    /// - Throws: ``TerritorialCodeError/invalidINSEECode(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let value = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard value.count == 5, value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) else {
            throw .invalidINSEECode(code)
        }
        let prefix: String
        if value.hasPrefix("97") || value.hasPrefix("98") {
            prefix = String(value.prefix(3))
        } else {
            prefix = String(value.prefix(2))
        }
        guard value.dropFirst(prefix.count).allSatisfy(\.isASCIIDigit),
              let departement = try? DepartementCode(prefix) else {
            throw .invalidINSEECode(code)
        }
        rawValue = value
        self.departement = departement
    }

    /// The territory of the commune, for time zone and public holidays.
    public var territory: Territory { departement.territory }

    /// The local time zone of the commune.
    public var timeZone: TimeZone { departement.timeZone }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the code's text (`01` < `19` < `21` < `2A` < `2B` < `95` < `971`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a JSON string; an invalid code is a
    /// `DecodingError.dataCorrupted` quoting it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A French postal code: 5 digits (`75001`, `20000`, `97200`, `98800`).
/// One postal code may serve several communes, and a commune several postal codes.
public struct PostalCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The 5 digits.
    public let rawValue: String

    /// Validates `code`: 5 ASCII digits whose first two are `01`…`95`
    /// (including `20` for Corsica), `97` or `98`. Surrounding spaces are ignored.
    /// CEDEX codes have the same shape and are accepted.
    /// - Throws: ``TerritorialCodeError/invalidPostalCode(_:)`` quoting `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let value = code.trimmingCharacters(in: .whitespaces)
        guard value.count == 5, value.allSatisfy(\.isASCIIDigit), let n = Int(value.prefix(2)),
              (1...95).contains(n) || n == 97 || n == 98 else {
            throw .invalidPostalCode(code)
        }
        rawValue = value
    }

    /// The territory the postal code belongs to, for time zone and holidays.
    /// Corsican codes (20xxx) are metropolitan; 57/67/68 are Alsace-Moselle;
    /// Saint-Barthélemy (97133) and Saint-Martin (97150) are recognised.
    public var territory: Territory {
        switch rawValue {
        case "97133": return .saintBarthelemy
        case "97150": return .saintMartin
        default: break
        }
        let p3 = String(rawValue.prefix(3))
        if rawValue.hasPrefix("97") || rawValue.hasPrefix("98"), let d = try? DepartementCode(p3) {
            return d.territory
        }
        switch rawValue.prefix(2) {
        case "57", "67", "68": return .alsaceMoselle
        default: return .metropole
        }
    }

    /// The local time zone (Europe/Paris for metropolitan France; 98000 Monaco
    /// shares Paris time).
    public var timeZone: TimeZone { territory.timeZone }

    /// The code as written.
    public var description: String { rawValue }

    /// Orders by the code's text (`01` < `19` < `21` < `2A` < `2B` < `95` < `971`).
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the code from a JSON string; an invalid code is a
    /// `DecodingError.dataCorrupted` quoting it.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the code as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
