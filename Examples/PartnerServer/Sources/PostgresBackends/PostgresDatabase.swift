import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// How the connection to PostgreSQL uses TLS, as libpq's `sslmode` says it.
public enum PostgresSSLMode: String, Sendable, Hashable, CaseIterable {
    /// No TLS (the default: a local socket or a private network).
    case disable
    /// TLS if the server offers it, without checking its certificate; plain otherwise.
    case prefer
    /// TLS or no connection; the certificate is not checked (protects against eavesdropping only).
    case require
    /// TLS, and the server's certificate must be signed by the CA (`sslrootcert`); its name is not checked.
    case verifyCA = "verify-ca"
    /// TLS, the certificate signed by the CA (`sslrootcert`) and issued for the host of the URL
    /// (a DNS name, or an IP address in its subject alternative names).
    case verifyFull = "verify-full"

    /// Whether the server's certificate is checked against a CA.
    public var verifiesCertificate: Bool { self == .verifyCA || self == .verifyFull }
}

/// Connection settings read from a `postgres://user:password@host:port/database` URL, with
/// libpq's TLS parameters `?sslmode=disable|prefer|require|verify-ca|verify-full&sslrootcert=/path/ca.pem`.
public struct PostgresURL: Sendable {
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
    /// How TLS is used (default ``PostgresSSLMode/disable``).
    public let sslMode: PostgresSSLMode
    /// The PEM file of the CA(s) that sign the server's certificate (`verify-ca`, `verify-full`);
    /// `nil` uses the system's trust store.
    public let sslRootCert: String?
    /// The TLS settings, with the CA file already read (so a missing or bad file fails at start-up).
    private let tlsConfiguration: TLSConfiguration?
    /// The same, as the context of a dedicated connection.
    private let sslContext: NIOSSLContext?

    /// The URL's query parameters this parser knows (anything else is refused, never ignored).
    public static let parameters: Set<String> = ["sslmode", "sslrootcert"]

    /// Parses `text`; `sslMode` and `sslRootCert` (e.g. from server flags) override the URL's parameters.
    /// - Throws: ``PostgresURLError`` naming the part that is wrong (the password is never repeated).
    public init(_ text: String, sslMode: PostgresSSLMode? = nil, sslRootCert: String? = nil) throws(PostgresURLError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw PostgresURLError(reason: "expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else { throw PostgresURLError(reason: "the host is missing") }
        guard let user = components.user, !user.isEmpty else { throw PostgresURLError(reason: "the user name is missing") }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw PostgresURLError(reason: "the database name is missing (…/database)") }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw PostgresURLError(reason: "unknown parameter '\(item.name)' (this server reads \(Self.parameters.sorted().joined(separator: ", ")))")
            }
            guard query[item.name] == nil else { throw PostgresURLError(reason: "parameter '\(item.name)' is given twice") }
            query[item.name] = item.value ?? ""
        }
        let mode: PostgresSSLMode
        if let sslMode {
            mode = sslMode
        } else if let name = query["sslmode"] {
            guard let parsed = PostgresSSLMode(rawValue: name) else {
                throw PostgresURLError(reason: "sslmode '\(name)' is not one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mode = parsed
        } else {
            mode = .disable
        }
        let rootCert = sslRootCert ?? query["sslrootcert"].flatMap { $0.isEmpty ? nil : $0 }
        if rootCert != nil, !mode.verifiesCertificate {
            throw PostgresURLError(reason: "sslrootcert is only used with sslmode=verify-ca or verify-full (sslmode is \(mode.rawValue))")
        }
        self.host = host
        port = components.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database
        self.sslMode = mode
        self.sslRootCert = rootCert
        let tlsConfiguration = try Self.tls(mode, rootCert: rootCert)
        self.tlsConfiguration = tlsConfiguration
        do {
            sslContext = try tlsConfiguration.map { try NIOSSLContext(configuration: $0) }
        } catch {
            throw PostgresURLError(reason: "the TLS settings cannot be used (\(error))")
        }
    }

    private static func tls(_ mode: PostgresSSLMode, rootCert: String?) throws(PostgresURLError) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let rootCert {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(rootCert)
            } catch {
                throw PostgresURLError(reason: "sslrootcert \(rootCert) cannot be read as PEM certificates (\(error))")
            }
            guard !certificates.isEmpty else { throw PostgresURLError(reason: "sslrootcert \(rootCert) holds no certificate") }
            configuration.trustRoots = .certificates(certificates)
        }
        return configuration
    }

    /// The TLS setting of PostgresNIO's configurations.
    private var tls: PostgresClient.Configuration.TLS {
        guard let tlsConfiguration else { return .disable }
        return sslMode == .prefer ? .prefer(tlsConfiguration) : .require(tlsConfiguration)
    }

    /// A PostgresNIO client configuration, with TLS as ``sslMode`` says.
    public var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// The same settings for one dedicated connection (e.g. ``ChatNotificationListener``'s `LISTEN`).
    public var connectionConfiguration: PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch (sslContext, sslMode) {
        case (nil, _): tls = .disable
        case (let context?, .prefer): tls = .prefer(context)
        case (let context?, _): tls = .require(context)
        }
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password, database: database, tls: tls)
    }

    /// Where and how this URL connects, for messages (never the password).
    public var summary: String { "\(username)@\(host):\(port)/\(database) (sslmode=\(sslMode.rawValue)\(sslRootCert.map { ", sslrootcert=\($0)" } ?? ""))" }

    /// Opens one connection and runs `SELECT 1`, so that a deployment learns at start-up, in one
    /// sentence, why the database cannot be reached: refused, no TLS on the server, a certificate
    /// not signed by the CA file, or issued for another name.
    /// - Throws: ``PostgresConnectionCheckError``.
    public func checkConnection(logger: Logger) async throws(PostgresConnectionCheckError) {
        do {
            let connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
            defer { Task { try? await connection.close() } }
            try await connection.query("SELECT 1", logger: logger)
        } catch {
            throw PostgresConnectionCheckError(summary: summary, reason: Self.explain(error, mode: sslMode, rootCert: sslRootCert))
        }
    }

    /// Whether this session is encrypted, as the server sees it (`pg_stat_ssl`).
    public static func sessionUsesTLS(_ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: logger)
        for try await ssl in rows.decode(Bool.self) { return ssl }
        return false
    }

    /// A sentence for a person: what failed, in TLS terms where it is TLS, without secrets.
    static func explain(_ error: any Error, mode: PostgresSSLMode, rootCert: String?) -> String {
        let underlying = (error as? PSQLError)?.underlying ?? error
        if let server = (error as? PSQLError)?.serverInfo, let message = server[.message] {
            return "the server refused: \(message) (SQLSTATE \(server[.sqlState] ?? "-"))"
        }
        if (error as? PSQLError)?.code == .sslUnsupported {
            return "the server does not offer TLS, and sslmode=\(mode.rawValue) requires it"
        }
        if let tlsError = underlying as? NIOSSLExtraError, "\(tlsError)".contains("failedToValidateHostname") {
            return "TLS: the server's certificate is not issued for this host (sslmode=verify-full checks the name or IP address): \(tlsError)"
        }
        if let tlsError = underlying as? NIOSSLError {
            let text = "\(tlsError)"
            if text.lowercased().contains("certificate") || text.contains("CERTIFICATE") {
                let trusted = rootCert.map { "the CA file \($0)" } ?? "the system's trust store (give sslrootcert)"
                return "TLS: the server's certificate is not trusted: it is not signed by \(trusted) (\(text))"
            }
            return "TLS handshake failed (\(text))"
        }
        if let code = (error as? PSQLError)?.code {
            return "\(code)" + (underlying is PSQLError ? "" : ": \(underlying)")
        }
        return "\(underlying)"
    }
}

/// A `postgres://` URL that cannot be used.
public struct PostgresURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    public var description: String { "invalid PostgreSQL URL: \(reason)" }
}

/// The database cannot be reached with these settings (see ``PostgresURL/checkConnection(logger:)``).
public struct PostgresConnectionCheckError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where and how it tried (no password).
    public let summary: String
    /// Why it failed, for a person.
    public let reason: String
    public var description: String { "cannot connect to PostgreSQL \(summary): \(reason)" }
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

    /// Whether the database answers `SELECT 1` (the stores' readiness check).
    static func answers(_ client: PostgresClient, logger: Logger) async -> Bool {
        do {
            try await client.query("SELECT 1", logger: logger)
            return true
        } catch {
            return false
        }
    }

    /// Runs a store's `body`, rethrowing the store's own errors (`E`) as they are and turning any
    /// other failure into the store's database error, made by `wrap` from a description without
    /// values and the `operation`.
    static func call<T: Sendable, E: Error>(_ client: PostgresClient, logger: Logger, _ operation: String,
                                            as wrap: (_ message: String, _ operation: String) -> E,
                                            _ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        do {
            return try await body(client, logger)
        } catch let error as E {
            throw error
        } catch {
            throw wrap(describe(error), operation)
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

    /// Creates `schema` and applies the `migrations` of `component` the database has not had yet,
    /// once, even when several instances start together (an advisory lock held for the
    /// transaction); each migration's statements write `$S` for the schema. A database written
    /// by a newer server is refused with `newer(found, known)`, untouched.
    /// - Returns: the schema version now in the database.
    static func migrate(_ client: PostgresClient, schema: String, component: String, migrations: [[String]], logger: Logger,
                        newer: @escaping @Sendable (_ found: Int, _ known: Int) -> any Error) async throws -> Int {
        try await transaction(client, logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(schema + ".migrations")))", logger: logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS \(unescaped: schema).schema_version (component TEXT NOT NULL, version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (component, version))",
                logger: logger)
            var version = 0
            for try await value in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM \(unescaped: schema).schema_version WHERE component = \(component)", logger: logger
            ).decode(Int.self) { version = value }
            guard version <= migrations.count else { throw newer(version, migrations.count) }
            for index in version..<migrations.count {
                for statement in migrations[index] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement.replacingOccurrences(of: "$S", with: schema)), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO \(unescaped: schema).schema_version (component, version) VALUES (\(component), \(index + 1))", logger: logger)
            }
            return migrations.count
        }
    }
    static func date(_ ms: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(ms) / 1000) }
}
