import Appointments
import Foundation
import LocalInformation
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
    /// A deployment's local-information file (the `LocalInformationCatalog` format, checked at
    /// start-up); `nil` serves the SDK's bundled **examples**.
    public var localInformationPath: String?
    /// The bearer tokens of the avis team (`/v1/team/…`: the cases, their answers, the usage report).
    /// Empty: those routes answer 403. Each is at least 16 characters.
    public var teamTokens: [String] = []
    /// « Je donne mon avis » submissions allowed per client address and hour (all may come at
    /// once, then one every `60 / n` minutes); 0 disables this limit (the general one still applies).
    public var feedbackRateLimitPerHour: Int = 20
    /// How long usage events and closed cases are kept (``LocalInformationRetention/standard``:
    /// 395 and 90 days); purged at start-up and every ``retentionIntervalSeconds``.
    public var retention: LocalInformationRetention = .standard
    /// Seconds between two retention purges (default six hours).
    public var retentionIntervalSeconds: Double = 6 * 3_600
    /// The back office's staff accounts given in code, checked with those of ``staffFilePath``.
    /// With none, every `/v1/staff` route answers `401`.
    public var staffAccounts: [StaffAccount] = []
    /// A staff file (`--staff-file`, see ``StaffAccount``), read and checked at start-up.
    public var staffFilePath: String?
    /// Where the server sends appointment notifications; `nil`: the gateway of
    /// ``notificationWebhook``, else ``DiscardingNotifier`` (nothing is sent).
    public var notifier: (any Notifier)?
    /// The gateway's webhook (`--notify-webhook`, signed with `--notify-webhook-secret-file`).
    public var notificationWebhook: WebhookEndpoint?
    /// Seconds between two passes of ``AppointmentMaintenance`` (expired offers,
    /// notifications, purge); 0 runs no pass. Default 30.
    public var maintenanceIntervalSeconds: Double = 30
    /// Notifications leased and sent at once. Default 20.
    public var notificationBatchSize: Int = 20
    /// How long a leased notification is kept from other senders, in seconds:
    /// longer than a batch can take (a webhook waits 10 seconds at most per message). Default 300.
    public var notificationLeaseSeconds: Int = 300
    /// The links of `visio-plainte` appointments (`--meeting-secret-file`, with
    /// `--meeting-base`: a ``Appointments/DerivedMeetingProvider``); `nil`:
    /// the motif is not offered, even where the catalog's pilot runs.
    public var meetings: (any MeetingProvider)?
    /// How long a freed seat is kept for the first person of the waiting list, in minutes. Default 30.
    public var offerHoldMinutes: Int = 30
    /// Days after an appointment ends before its contact data is erased. Default 1:
    /// the contact only serves the reminders and notices, all sent before the end.
    public var purgeAfterDays: Int = 1
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

    /// The SQLite file of subscriptions, avis cases and usage events beside the bookings' file
    /// `path` (``sqlitePath``): `bookings.sqlite` → `bookings-local-information.sqlite`.
    public static func localInformationSQLitePath(besides path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension.isEmpty ? "sqlite" : url.pathExtension
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-local-information.\(ext)").path
    }

    /// The local information served: ``localInformationPath``'s file, else the bundled examples.
    /// - Throws: ``LocalInformationFileError`` naming the file and every located error.
    public func localInformationCatalog() throws(LocalInformationFileError) -> LocalInformationCatalog {
        guard let path = localInformationPath else {
            do { return try LocalInformationCatalog.bundledExamples() } catch { throw LocalInformationFileError(path: "(bundled examples)", reason: error.description) }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LocalInformationFileError(path: path, reason: "the file cannot be read")
        }
        do { return try LocalInformationCatalog(data: data) } catch { throw LocalInformationFileError(path: path, reason: error.description) }
    }

    /// The PostgreSQL settings: ``postgresURL`` with ``postgresSSLMode`` and ``postgresSSLRootCert`` over its parameters.
    /// - Throws: ``PostgresBackends/PostgresURLError`` (a bad URL, TLS mode or CA file).
    public func postgresSettings() throws(PostgresURLError) -> PostgresURL? {
        guard let postgresURL else { return nil }
        return try PostgresURL(postgresURL, sslMode: postgresSSLMode, sslRootCert: postgresSSLRootCert)
    }
}

/// A local-information file the server cannot serve.
public struct LocalInformationFileError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What is wrong (for a refused file, every error with its place, e.g. `items[2].title.en`).
    public let reason: String
    public var description: String { "local-information file \(path): \(reason)" }
}

/// The avis team's tokens file (`--team-token-file`): one bearer token per line; blank lines and
/// lines starting with `#` are ignored.
public enum TeamTokensFile {
    /// The shortest token accepted.
    public static let minimumLength = 16

    /// Reads and checks the file at `path`.
    /// - Throws: ``TeamTokensFileError`` naming the file and the line.
    public static func load(path: String) throws(TeamTokensFileError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TeamTokensFileError(path: path, line: nil, reason: "the file cannot be read as UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// The tokens of `text` (the content of the file at `path`).
    public static func parse(_ text: String, path: String) throws(TeamTokensFileError) -> [String] {
        var tokens: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard line.count >= minimumLength, line.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f }) else {
                throw TeamTokensFileError(path: path, line: index + 1,
                                          reason: "a token is \(minimumLength) or more printable ASCII characters without spaces")
            }
            guard !tokens.contains(line) else { throw TeamTokensFileError(path: path, line: index + 1, reason: "this token is given twice") }
            tokens.append(line)
        }
        guard !tokens.isEmpty else { throw TeamTokensFileError(path: path, line: nil, reason: "the file holds no token") }
        return tokens
    }
}

/// A team tokens file that cannot be used (the token itself is never repeated).
public struct TeamTokensFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// The line (from 1), when one line is at fault.
    public let line: Int?
    /// What is wrong.
    public let reason: String
    public var description: String { "team tokens file \(path)\(line.map { ", line \($0)" } ?? ""): \(reason)" }
}
