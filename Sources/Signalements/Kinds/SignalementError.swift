import Foundation

/// Why a signalement or the kinds file was refused. Each case names the field
/// path (`fields.when`, `fields.vehicles[3]`, `contact.email`) or the place in
/// the kinds file, and never repeats more of what was typed than
/// `Echo.maximumLength` characters.
public enum SignalementError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No kind has this id.
    case unknownKind(String, known: [String])
    /// A required field is missing or blank.
    case missingField(kind: String, path: String)
    /// The kind has no such field.
    case unknownField(kind: String, path: String, known: [String])
    /// The value cannot be read for its type.
    case invalidValue(path: String, value: String, reason: String)
    /// The field may be given only when another field has a given value
    /// (e.g. a chat excerpt only with the visitor's consent); nothing is kept.
    case notAllowed(path: String, reason: String)
    /// The value is longer than allowed.
    case tooLong(path: String, length: Int, limit: Int)
    /// Too many items (fields, vehicles).
    case tooMany(path: String, count: Int, limit: Int)
    /// The kinds file is malformed: where and why.
    case invalidCatalog(path: String, reason: String)

    /// A short code for programs: `unknown-kind`, `missing-field`, `unknown-field`,
    /// `invalid-value`, `not-allowed`, `too-long`, `too-many`, `invalid-catalog`.
    public var code: String {
        switch self {
        case .unknownKind: "unknown-kind"
        case .missingField: "missing-field"
        case .unknownField: "unknown-field"
        case .invalidValue: "invalid-value"
        case .notAllowed: "not-allowed"
        case .tooLong: "too-long"
        case .tooMany: "too-many"
        case .invalidCatalog: "invalid-catalog"
        }
    }

    /// The field path the error is about, when it is about one.
    public var path: String? {
        switch self {
        case .missingField(_, let path), .unknownField(_, let path, _), .invalidValue(let path, _, _), .notAllowed(let path, _),
             .tooLong(let path, _, _), .tooMany(let path, _, _), .invalidCatalog(let path, _):
            path
        case .unknownKind:
            nil
        }
    }

    public var description: String {
        switch self {
        case .unknownKind(let id, let known):
            return "unknown kind of signalement '\(Echo.truncated(id))'; known kinds: \(known.joined(separator: ", "))"
        case .missingField(let kind, let path):
            return "\(path) is required for a signalement of kind \(kind)"
        case .unknownField(let kind, let path, let known):
            return "\(path): a signalement of kind \(kind) has no such field; its fields are \(known.joined(separator: ", "))"
        case .invalidValue(let path, let value, let reason):
            return "\(path) '\(Echo.truncated(value))' is not valid: \(reason)"
        case .notAllowed(let path, let reason):
            return "\(path) is not accepted here: \(reason)"
        case .tooLong(let path, let length, let limit):
            return "\(path) is \(length) characters long; at most \(limit) are accepted"
        case .tooMany(let path, let count, let limit):
            return "\(path) has \(count) items; at most \(limit) are accepted"
        case .invalidCatalog(let path, let reason):
            return "kinds file, \(path): \(reason)"
        }
    }
}
