import Foundation

/// Why a ``SignalementStore`` refused or failed an operation.
public enum SignalementStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A signalement with this reference or id already exists.
    case duplicateSignalement(String)
    /// A job with this webhook id already exists (nothing was filed).
    case duplicateJob(String)
    /// The job does not carry the signalement it is filed with.
    case mismatchedJob(jobID: String)
    /// No job has this id.
    case jobNotFound(String)
    /// The text is not a signalement reference.
    case invalidReference(String)
    /// The underlying database failed: SQLite result code, its message, and what was being done.
    case database(code: Int32, message: String, operation: String)
    /// Stored data could not be read back (column named).
    case corruptRow(String)
    /// The file is another application's SQLite database; it was left unchanged.
    case foreignDatabase(path: String, tables: [String])

    public var description: String {
        switch self {
        case .duplicateSignalement(let id): "a signalement \(id) already exists"
        case .duplicateJob(let id): "a delivery job \(id) already exists; nothing was filed"
        case .mismatchedJob(let id): "delivery job \(id) does not carry the signalement filed with it"
        case .jobNotFound(let id): "no delivery job \(id)"
        case .invalidReference(let text): "'\(text)' is not a signalement reference (expected S- and 20 symbols, e.g. S-K7QM-4XTR-9BWE-2HPA-ZC3N)"
        case .database(let code, let message, let operation): "SQLite error \(code) while \(operation): \(message)"
        case .corruptRow(let detail): "unreadable stored row: \(detail)"
        case .foreignDatabase(let path, let tables):
            "\(path) is not a MaSecurite signalements file (it holds the tables \(tables.prefix(5).joined(separator: ", "))); it was left unchanged"
        }
    }
}
