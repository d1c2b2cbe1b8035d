import Foundation
import Logging
import PostgresNIO

/// Connection settings read from a `postgres://user:password@host:port/database` URL.
public struct PostgresURL: Sendable, Hashable {
    /// Host name or address.
    public let host: String
    /// TCP port (default 5432).
    public let port: Int
    /// User name.
    public let username: String
    /// Password, if any.
    public let password: String?
    /// Database name.
    public let database: String

    /// Parses `text`.
    /// - Throws: ``PostgresURLError`` naming the part that is wrong (the password is never repeated).
    public init(_ text: String) throws(PostgresURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError(reason: "expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError(reason: "the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError(reason: "the user name is missing") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresURLError(reason: "the database name is missing (…/database)") }
        self.host = host
        port = components.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
    }

    /// A PostgresNIO client configuration (no TLS: use a local socket or a private network,
    /// or put TLS termination in front).
    public var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: .disable)
    }

    /// The same settings for one dedicated connection (e.g. ``ChatNotificationListener``'s `LISTEN`).
    public var connectionConfiguration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: .disable)
    }
}

/// A `postgres://` URL that cannot be used.
public struct PostgresURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    public var description: String { "invalid PostgreSQL URL: \(reason)" }
}

/// Small helpers shared by the PostgreSQL stores.
enum PG {
    /// Runs `body` inside `BEGIN … COMMIT` on one pooled connection; rolls back and
    /// rethrows the original error when `body` throws.
    static func transaction<T: Sendable>(_ client: PostgresClient, logger: Logger,
                                         _ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// The SQLSTATE of a server error (e.g. `23505` for a unique violation).
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// The constraint a server error names, if any.
    static func constraint(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.constraintName]
    }

    /// A description without values (the server's `detail`, which may quote
    /// personal data, is left out).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            let state = error.serverInfo?[.sqlState] ?? "-"
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            return "SQLSTATE \(state): \(message)"
        }
        return "\(type(of: error))"
    }

    /// A safe SQL identifier for a schema name (letters, digits, underscore).
    static func identifier(_ name: String) -> String? {
        guard let first = name.unicodeScalars.first, !name.isEmpty, name.utf8.count <= 63,
              CharacterSet.lowercaseLetters.contains(first) || first == "_",
              name.unicodeScalars.allSatisfy({ ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "_" }),
              name == name.lowercased() else { return nil }
        return "\"\(name)\""
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }
}
