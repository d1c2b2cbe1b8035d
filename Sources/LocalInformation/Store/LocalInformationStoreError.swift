import Foundation
import SQLiteSupport

/// Why a local-information store refused or failed an operation.
public enum LocalInformationStoreError: Error, Hashable, Sendable, CustomStringConvertible, SQLiteFailure {
    /// Something with this key already exists (`subscription`, `case`).
    case duplicate(String)
    /// Nothing has this key (`case`).
    case notFound(String)
    /// The change is not allowed in the current state (e.g. answering a closed case).
    case invalidTransition(from: String, to: String)
    /// A stored row cannot be read back (names the table and column).
    case corruptRow(String)
    /// The database failed: SQLite result code, message and what was being done.
    case database(code: Int32, message: String, operation: String)

    public var description: String {
        switch self {
        case .duplicate(let what): "this \(what) already exists"
        case .notFound(let what): "no such \(what)"
        case .invalidTransition(let from, let to): "a case that is \(from) cannot become \(to)"
        case .corruptRow(let what): "a stored row cannot be read: \(what)"
        case .database(let code, let message, let operation): "database error \(code) while \(operation): \(message)"
        }
    }
}
