import Foundation

/// Why a French territorial code was rejected.
public enum TerritorialCodeError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidDepartement(String)
    case invalidINSEECode(String)
    case invalidPostalCode(String)

    public var description: String {
        switch self {
        case .invalidDepartement(let s):
            return "'\(s)' is not a French département code (expected 01…95, 2A, 2B, 971…978, 984, 986, 987 or 988)"
        case .invalidINSEECode(let s):
            return "'\(s)' is not an INSEE commune code (expected 5 characters: département + commune number, e.g. 33063, 2A004, 97209)"
        case .invalidPostalCode(let s):
            return "'\(s)' is not a French postal code (expected 5 digits, e.g. 75001, 97200)"
        }
    }
}

private let overseasDepartements: Set<String> = ["971", "972", "973", "974", "975", "976", "977", "978", "984", "986", "987", "988"]

/// A French département or overseas collectivity code: `01`…`95` (without `20`),
/// `2A`/`2B` (Corsica), `971`…`976`, and the collectivities `975`, `977`, `978`,
/// `984` (TAAF), `986`, `987`, `988`.
public struct DepartementCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The code as written, e.g. `"33"`, `"2A"`, `"972"`.
    public let rawValue: String

    /// Validates `code` (surrounding spaces are ignored; `2a` is accepted as `2A`).
    public init(_ code: String) throws(TerritorialCodeError) {
        let value = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard DepartementCode.isValid(value) else { throw .invalidDepartement(code) }
        rawValue = value
    }

    static func isValid(_ value: String) -> Bool {
        if value == "2A" || value == "2B" { return true }
        if value.count == 2, let n = Int(value), value.allSatisfy(\.isASCIIDigit) {
            return (1...95).contains(n) && n != 20
        }
        if value.count == 3 { return overseasDepartements.contains(value) }
        return false
    }

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

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

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

    /// Validates `code`.
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

    /// The local time zone of the commune.
    public var timeZone: TimeZone { departement.timeZone }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

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

    /// Validates `code`.
    public init(_ code: String) throws(TerritorialCodeError) {
        let value = code.trimmingCharacters(in: .whitespaces)
        guard value.count == 5, value.allSatisfy(\.isASCIIDigit), let n = Int(value.prefix(2)),
              (1...98).contains(n) else {
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

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        do { try self.init(raw) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
