import Appointments
import Foundation
import PostgresBackends
import Signalements

/// Everything a deployment decides about one server instance.
///
/// Defaults give a server that runs with one command and no database: the
/// bookings live in memory (or in an SQLite file with ``sqlitePath``), and
/// ``postgresURL`` switches them to PostgreSQL so several instances share them.
public struct ServerConfiguration: Sendable {
    /// Interface to bind (default `127.0.0.1`).
    public var host: String
    /// TCP port (default 8080; 0 picks a free port).
    public var port: Int
    /// A `postgres://user:password@host:port/database` URL; `nil` keeps the local stores.
    public var postgresURL: String?
    /// The PostgreSQL schema holding the server's tables (default `masecurite`).
    public var postgresSchema: String = "masecurite"
    /// TLS to PostgreSQL, over the URL's `?sslmode=` (default: the URL's, else `disable`).
    public var postgresSSLMode: PostgresSSLMode?
    /// The CA file checking the PostgreSQL server's certificate (`verify-ca`, `verify-full`), over the URL's `?sslrootcert=`.
    public var postgresSSLRootCert: String?
    /// An SQLite file for bookings when ``postgresURL`` is `nil`; `nil` keeps them in memory.
    public var sqlitePath: String?
    /// Origins allowed by CORS: empty disables CORS headers, `["*"]` allows any origin.
    public var corsOrigins: [String]
    /// Requests per minute allowed per client address; 0 disables the limit.
    public var rateLimitPerMinute: Int
    /// Largest accepted request body, in bytes.
    public var maxBodyBytes: Int
    /// The chat operators: who they are, their bearer token, and what they may be given (see ``OperatorAccount``).
    public var operators: [OperatorAccount]
    /// When set, the client address for rate limiting is read from `X-Forwarded-For`
    /// (only behind a trusted load balancer).
    public var trustForwardedFor: Bool
    /// This instance's name in the chat cluster (PostgreSQL only; default: random at each start).
    /// Two running instances must never share one.
    public var instanceID: String?
    /// How long an instance's chat lease lasts, in seconds (renewed every third of it): when an
    /// instance dies, its conversations go back to the cluster's queue at most this long (plus one
    /// renewal period) later. Default 6.
    public var leaseSeconds: Double = 6
    /// A self-contained HTML page served at `GET /` and `GET /demo` (see ``DemoPage``),
    /// read once at start-up; `nil` serves nothing there (a `route-not-found` problem).
    public var demoPagePath: String?
    /// A deployment's appointment schedules (a `PublishedSchedules` JSON file), added to those
    /// derived from the opening hours the directory publishes (the file wins for a station both
    /// give). `nil`: the derived ones only, so a station whose hours are not published offers no
    /// slot — the same provider as the command line and the guichet
    /// (`PublishedScheduleProvider.standard(stations:catalog:published:)`).
    public var schedulesPath: String?
    /// Where signalements are delivered (unit id → endpoint, and a fallback for the others), from
    /// `--signalement-endpoint` with `--signalement-secret`, or `--signalement-endpoints FILE`. Empty:
    /// no deliverer runs and filed signalements wait in the outbox.
    public var signalementEndpoints = WebhookEndpoints()
    /// Backoff and attempts of signalement deliveries (default: 8 attempts from 30 s, doubling, with jitter).
    public var signalementRetry = RetryPolicy()
    /// How long a claimed delivery job is held before another deliverer (another instance) may take it, in seconds.
    public var signalementLeaseSeconds: Double = 60
    /// How often the deliverer looks for new jobs when the outbox is empty, in seconds (default 2).
    public var signalementPollSeconds: Double = 2
    /// Days a delivered signalement keeps its content before it is purged (the receipt stays). Default 90.
    public var signalementRetentionDays = 90
    /// The ministry's *Compétence territoriale gendarmerie et police nationales* CSV; `nil` estimates
    /// the competent unit from the station directory (every answer `approximate: true`).
    public var competenceFilePath: String?

    /// Creates a configuration.
    public init(host: String = "127.0.0.1", port: Int = 8080, postgresURL: String? = nil, sqlitePath: String? = nil,
                corsOrigins: [String] = [], rateLimitPerMinute: Int = 600, maxBodyBytes: Int = 64 * 1024,
                operators: [OperatorAccount] = [], trustForwardedFor: Bool = false, demoPagePath: String? = nil) {
        self.host = host
        self.port = port
        self.postgresURL = postgresURL
        self.sqlitePath = sqlitePath
        self.corsOrigins = corsOrigins
        self.rateLimitPerMinute = rateLimitPerMinute
        self.maxBodyBytes = maxBodyBytes
        self.operators = operators
        self.trustForwardedFor = trustForwardedFor
        self.demoPagePath = demoPagePath
    }
}

extension ServerConfiguration {
    /// The schedules of ``schedulesPath`` (none when it is `nil`).
    /// - Throws: `ScheduleFileError`, naming the file, the station and the field.
    public func publishedSchedules() throws(ScheduleFileError) -> PublishedSchedules {
        guard let schedulesPath else { return PublishedSchedules() }
        return try PublishedSchedules(contentsOf: URL(fileURLWithPath: schedulesPath))
    }

    /// The PostgreSQL settings: ``postgresURL`` with ``postgresSSLMode`` and ``postgresSSLRootCert`` over its parameters.
    /// - Throws: ``PostgresBackends/PostgresURLError`` (a bad URL, TLS mode or CA file).
    public func postgresSettings() throws(PostgresURLError) -> PostgresURL? {
        guard let postgresURL else { return nil }
        return try PostgresURL(postgresURL, sslMode: postgresSSLMode, sslRootCert: postgresSSLRootCert)
    }
}
