import Foundation

/// A raw JSON value, used to read rule expressions and example situations so
/// that every problem can be reported with its exact path.
enum JSONValue: Hashable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// A short description of the JSON kind, for error messages.
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as written in JSON, for error messages.
    var literalDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return FactValue.number(value).description
        case .string(let value): return "\"\(value)\""
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }
}

extension FactDefinition {
    /// Converts a JSON literal to a value of this fact's type, or explains why it cannot.
    func value(fromJSON json: JSONValue) -> Result<FactValue, TypeMismatch> {
        switch (type, json) {
        case (.bool, .bool(let value)):
            return .success(.bool(value))
        case (.number, .number(let value)) where value.isFinite:
            return .success(.number(value))
        case (.enum, .string(let value)):
            guard valueIDs.contains(value) else {
                return .failure(TypeMismatch("unknown enum value \"\(value)\" for fact '\(name)'; valid values: \(valueIDs.joined(separator: ", "))"))
            }
            return .success(.enumValue(value))
        case (.date, .string(let value)):
            guard let date = try? LocalDate(iso: value) else {
                return .failure(TypeMismatch("fact '\(name)' is a date: expected \"YYYY-MM-DD\", got \"\(value)\""))
            }
            return .success(.date(date))
        case (.departement, .string(let value)):
            guard let code = try? DepartementCode(value) else {
                return .failure(TypeMismatch("fact '\(name)' is a département: \"\(value)\" is not a département code"))
            }
            return .success(.departement(code))
        default:
            return .failure(TypeMismatch("wrong value type for fact '\(name)' (\(type.rawValue)): expected \(expectedValues), got \(json.kindName) \(json.literalDescription)"))
        }
    }

    /// Parses a value as typed on a command line or in a form (`true`, `oui`, `vol`, `17`, `2026-07-01`, `33`).
    func value(fromText raw: String) -> Result<FactValue, TypeMismatch> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch type {
        case .bool:
            switch text.lowercased() {
            case "true", "yes", "oui", "vrai": return .success(.bool(true))
            case "false", "no", "non", "faux": return .success(.bool(false))
            default: break
            }
        case .number:
            if let number = Double(text), number.isFinite { return .success(.number(number)) }
        case .enum:
            if valueIDs.contains(text) { return .success(.enumValue(text)) }
        case .date:
            if let date = try? LocalDate(iso: text) { return .success(.date(date)) }
        case .departement:
            if let code = try? DepartementCode(text) { return .success(.departement(code)) }
        }
        return .failure(TypeMismatch("fact '\(name)' expects \(expectedValues) (or ? for « I don't know »); got '\(raw)'"))
    }
}

/// Why a value does not fit a fact.
struct TypeMismatch: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
