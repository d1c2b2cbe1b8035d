import SQLiteSupport

/// The SQLite connection of ``SQLiteSignalementStore``: the shared wrapper of
/// `SQLiteSupport`, throwing ``SignalementStoreError`` values.
typealias SQLiteConnection = SQLiteSupport.SQLiteConnection<SignalementStoreError>

/// `SignalementStoreError.database(code:message:operation:)` is how SQLite failures reach callers.
extension SignalementStoreError: SQLiteFailure {
    /// Another application's database is ``foreignDatabase(path:tables:)``.
    package static func notOwnedDatabase(path: String, tables: [String]) -> Self {
        .foreignDatabase(path: path, tables: tables)
    }
}
