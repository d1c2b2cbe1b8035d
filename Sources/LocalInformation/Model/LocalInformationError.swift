import Foundation
import MaSecuriteCore

/// Why a local-information file, a subscription, an avis or a usage event was
/// refused. Each case names where: a path in the file (`items[2].window.until`)
/// or the field of a request (`comment`), and never repeats more of what was
/// typed than `Echo.maximumLength` characters.
public enum LocalInformationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be read as JSON of the expected shape.
    case malformed(path: String, reason: String)
    /// A required value is missing or blank (e.g. the English text).
    case missing(path: String)
    /// A value cannot be read for its type (a date, a code, an id).
    case invalidValue(path: String, value: String, reason: String)
    /// The validity window ends before it starts, or has already ended.
    case invalidWindow(path: String, reason: String)
    /// The id refers to nothing known (a fiche, a teleservice, a theme, a leaf).
    case unknownReference(path: String, kind: String, id: String)
    /// Two items (or themes) share this id.
    case duplicate(path: String, id: String)
    /// The text is longer than accepted.
    case tooLong(path: String, length: Int, limit: Int)
    /// Too many values.
    case tooMany(path: String, count: Int, limit: Int)

    /// A short code for programs: `malformed`, `missing`, `invalid-value`,
    /// `invalid-window`, `unknown-reference`, `duplicate`, `too-long`, `too-many`.
    public var code: String {
        switch self {
        case .malformed: "malformed"
        case .missing: "missing"
        case .invalidValue: "invalid-value"
        case .invalidWindow: "invalid-window"
        case .unknownReference: "unknown-reference"
        case .duplicate: "duplicate"
        case .tooLong: "too-long"
        case .tooMany: "too-many"
        }
    }

    /// Where the error is: a path in the file or the name of a field.
    public var path: String {
        switch self {
        case .malformed(let path, _), .missing(let path), .invalidValue(let path, _, _), .invalidWindow(let path, _),
             .unknownReference(let path, _, _), .duplicate(let path, _), .tooLong(let path, _, _), .tooMany(let path, _, _):
            path
        }
    }

    public var description: String {
        switch self {
        case .malformed(let path, let reason):
            return "\(path): \(reason)"
        case .missing(let path):
            return "\(path) is required and missing or blank"
        case .invalidValue(let path, let value, let reason):
            return "\(path) '\(Echo.truncated(value))' is not valid: \(reason)"
        case .invalidWindow(let path, let reason):
            return "\(path): \(reason)"
        case .unknownReference(let path, let kind, let id):
            return "\(path): no \(kind) has the id '\(Echo.truncated(id))'"
        case .duplicate(let path, let id):
            return "\(path): the id '\(Echo.truncated(id))' is used twice"
        case .tooLong(let path, let length, let limit):
            return "\(path) is \(length) characters long; at most \(limit) are accepted"
        case .tooMany(let path, let count, let limit):
            return "\(path) has \(count) values; at most \(limit) are accepted"
        }
    }
}

/// Every error found in a local-information file, in file order.
public struct LocalInformationValidationError: Error, Sendable, CustomStringConvertible {
    /// The errors, each located.
    public let errors: [LocalInformationError]

    /// Wraps `errors` (at least one).
    public init(errors: [LocalInformationError]) { self.errors = errors }

    public var description: String {
        "local information refused (\(errors.count) error\(errors.count == 1 ? "" : "s")):\n"
            + errors.map { "  - \($0.description)" }.joined(separator: "\n")
    }
}
