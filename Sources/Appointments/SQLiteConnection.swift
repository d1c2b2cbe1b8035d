import SQLiteSupport

/// The SQLite connection of ``SQLiteBookingStore``: the shared wrapper of
/// `SQLiteSupport`, throwing ``BookingStoreError`` values.
typealias SQLiteConnection = SQLiteSupport.SQLiteConnection<BookingStoreError>

/// `BookingStoreError.database(code:message:operation:)` is how SQLite failures reach callers.
extension BookingStoreError: SQLiteFailure {
    /// Another application's database is ``foreignDatabase(path:tables:)``.
    package static func notOwnedDatabase(path: String, tables: [String]) -> Self {
        .foreignDatabase(path: path, tables: tables)
    }
}
