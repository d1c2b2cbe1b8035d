import CSQLite
import Foundation

/// How a store reports a failure of SQLite: each store has its own error type
/// (`BookingStoreError`, `SignalementStoreError`…) with a `database` case of this shape,
/// which satisfies the requirement as it is.
package protocol SQLiteFailure: Error {
    /// The underlying database failed: SQLite result code, its message, and what was being done.
    static func database(code: Int32, message: String, operation: String) -> Self
    /// The file at `path` is an SQLite database of something else (it lacks the
    /// store's tables): the store refuses to add tables to it or change its journal.
    static func notOwnedDatabase(path: String, tables: [String]) -> Self
}

extension SQLiteFailure {
    /// By default a foreign database is reported as `SQLITE_NOTADB` with the tables found.
    package static func notOwnedDatabase(path: String, tables: [String]) -> Self {
        database(code: SQLITE_NOTADB,
                 message: "not a database of this store (it holds the tables \(tables.joined(separator: ", "))); refusing to change it",
                 operation: "opening \(path)")
    }
}

/// A value bound to or read from an SQLite statement.
package enum SQLiteValue: Sendable, Hashable {
    case integer(Int64)
    case text(String)
    case null
}

/// One SQLite connection with a cache of prepared statements, throwing the
/// owning store's error type. Not thread-safe by itself: always owned by one
/// actor (`SQLiteBookingStore`, `SQLiteSignalementStore`).
package final class SQLiteConnection<Failure: SQLiteFailure> {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    package let path: String

    /// `SQLITE_TRANSIENT`: SQLite copies the bound text (computed: generic types hold no stored statics).
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    /// Opens (creating if needed) the database at `path` with WAL, durable
    /// commits (`synchronous=FULL`), foreign keys and a busy timeout.
    /// - Parameters:
    ///   - readOnly: opens an existing file without creating it or changing
    ///     anything in it (no journal mode change); writes fail.
    ///   - requiredTables: when the file already holds tables, it must hold
    ///     these, else ``SQLiteFailure/notOwnedDatabase(path:tables:)`` is thrown
    ///     before anything is written (an empty file is always accepted).
    package init(path: String, busyTimeoutMilliseconds: Int32, readOnly: Bool = false,
                 requiredTables: Set<String> = []) throws(Failure) {
        self.path = path
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_FULLMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot allocate a connection"
            if let db { sqlite3_close_v2(db) }
            throw Failure.database(code: status, message: message, operation: "opening \(path)")
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        if !requiredTables.isEmpty {
            let rows = try query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                 operation: "opening \(path)")
            let tables = rows.compactMap { row -> String? in
                if case .text(let name)? = row.first { return name }
                return nil
            }
            if !tables.isEmpty, !requiredTables.isSubset(of: Set(tables)) {
                throw Failure.notOwnedDatabase(path: path, tables: tables)
            }
        }
        if readOnly {
            try execute("PRAGMA query_only=ON", operation: "opening read-only")
            return
        }
        try execute("PRAGMA journal_mode=WAL", operation: "enabling WAL")
        try execute("PRAGMA synchronous=FULL", operation: "enabling durable commits")
        try execute("PRAGMA foreign_keys=ON", operation: "enabling foreign keys")
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        if let handle { sqlite3_close_v2(handle) }
    }

    private func error(_ code: Int32, _ operation: String) -> Failure {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "closed connection"
        return Failure.database(code: code, message: message, operation: operation)
    }

    /// Runs SQL that may contain several statements and returns no rows of interest.
    package func execute(_ sql: String, operation: String) throws(Failure) {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "unknown error"
            sqlite3_free(message)
            throw Failure.database(code: status, message: text, operation: operation)
        }
    }

    private func prepared(_ sql: String) throws(Failure) -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else { throw error(status, "preparing \(sql.prefix(60))") }
        statements[sql] = statement
        return statement
    }

    /// Runs one statement with `bindings` and returns every row.
    @discardableResult
    package func query(_ sql: String, _ bindings: [SQLiteValue] = [], operation: String) throws(Failure) -> [[SQLiteValue]] {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (index, value) in bindings.enumerated() {
            let position = Int32(index + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite3_bind_int64(statement, position, number)
            case .text(let text): status = sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .null: status = sqlite3_bind_null(statement, position)
            }
            guard status == SQLITE_OK else { throw error(status, "binding parameter \(position) for \(operation)") }
        }
        var rows: [[SQLiteValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, operation) }
            let count = sqlite3_column_count(statement)
            var row: [SQLiteValue] = []
            row.reserveCapacity(Int(count))
            for column in 0..<count {
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, column)))
                case SQLITE_NULL: row.append(.null)
                default:
                    if let text = sqlite3_column_text(statement, column) {
                        row.append(.text(String(cString: text)))
                    } else {
                        row.append(.null)
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }

    /// Number of rows changed by the last statement.
    package var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT` (the write lock is taken
    /// at the start, so two writers never interleave); rolls back on error.
    @discardableResult
    package func immediateTransaction<T>(_ operation: String, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        try execute("BEGIN IMMEDIATE", operation: "starting a transaction for \(operation)")
        do {
            let result = try body()
            try execute("COMMIT", operation: "committing \(operation)")
            return result
        } catch {
            try? execute("ROLLBACK", operation: "rolling back \(operation)")
            throw error
        }
    }

    /// Brings the file's schema to `migrations.count`: applies, in one immediate
    /// transaction, each migration the file has not had yet and records its version in
    /// `schema_version`. A file written by newer code (a higher version) is refused,
    /// untouched, so nothing stored is lost to an older SDK.
    package func migrate(_ migrations: [String]) throws(Failure) {
        try immediateTransaction("migrating the schema") { () throws(Failure) in
            try execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_ms INTEGER NOT NULL)",
                        operation: "creating schema_version")
            let rows = try query("SELECT MAX(version) FROM schema_version", operation: "reading the schema version")
            var version = 0
            if case .integer(let value)? = rows.first?.first { version = Int(value) }
            guard version <= migrations.count else {
                throw Failure.database(code: 0, message: "the file has schema version \(version), newer than this code (\(migrations.count)); update the SDK",
                                       operation: "opening \(path)")
            }
            for index in version..<migrations.count {
                try execute(migrations[index], operation: "migrating to schema version \(index + 1)")
                try query("INSERT INTO schema_version (version, applied_ms) VALUES (?, ?)",
                          [.integer(Int64(index + 1)), .integer(Int64((Date().timeIntervalSince1970 * 1000).rounded()))],
                          operation: "recording schema version \(index + 1)")
            }
        }
    }
}

/// SQLite's constraint-violation result codes.
package enum SQLiteCodes {
    /// `SQLITE_CONSTRAINT_UNIQUE` (a C macro Swift does not import).
    package static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
}
