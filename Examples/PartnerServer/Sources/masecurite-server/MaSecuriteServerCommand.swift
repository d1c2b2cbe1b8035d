import Appointments
import ArgumentParser
import Foundation
import LocalInformation
import Logging
import PartnerServer
import PostgresBackends
import Signalements

/// `masecurite-server`: the partner HTTP + WebSocket API.
@main
struct MaSecuriteServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masecurite-server",
        abstract: "Serve the MaSecurite API (/v1) over HTTP and WebSocket.",
        discussion: """
            Without a database the bookings live in memory (or in --sqlite-path). With --postgres-url \
            (or DATABASE_URL) they live in PostgreSQL, shared by every instance; migrations run at start-up. \
            Signalements are filed in the same database's outbox (in memory without one) and delivered as Standard \
            Webhooks to --signalement-endpoint (with --signalement-secret) or the units of --signalement-endpoints.
            """)

    @Option(help: "Interface to bind.") var host = "127.0.0.1"
    @Option(help: "TCP port (0 picks a free one).") var port = 8080
    @Option(help: "PostgreSQL URL postgres://user:password@host:port/database (default: $DATABASE_URL).") var postgresURL: String?
    @Option(name: .customLong("postgres-sslmode"),
            help: "TLS to PostgreSQL: disable, prefer, require, verify-ca or verify-full (overrides the URL's ?sslmode=; default disable).")
    var postgresSSLMode: String?
    @Option(name: .customLong("postgres-sslrootcert"),
            help: "PEM file of the CA that signs the PostgreSQL server's certificate, for verify-ca / verify-full (overrides ?sslrootcert=).")
    var postgresSSLRootCert: String?
    @Option(help: "PostgreSQL schema holding the server's tables (several deployments may share one database).")
    var postgresSchema = "masecurite"
    @Option(help: "SQLite file for bookings when no PostgreSQL URL is given.") var sqlitePath: String?
    @Option(name: .customLong("cors-origin"), help: "An allowed CORS origin (repeat; '*' for any).") var corsOrigins: [String] = []
    @Option(help: "Requests per minute per client address (0 disables).") var rateLimit = 600
    @Option(help: "Largest request body in bytes.") var maxBodyBytes = 64 * 1024
    @Option(help: ArgumentHelp(
        "JSON file listing the chat operators (see operators.example.json).",
        discussion: "Each: {\"id\", \"display_name\", \"token\", \"role\" (officer, psychologist), \"platforms\" (tchat, pnav, espace-mineurs), "
            + "\"languages\", \"capacity\" (1-8 units per instance, default 8), \"vss_trained\", \"minors_trained\", \"shifts\"}."))
    var operatorsFile: String?
    @Option(help: "This instance's name in the chat cluster (PostgreSQL; default: random). Never shared by two running instances.")
    var instanceID: String?
    @Option(help: "Seconds a chat lease lasts (renewed every third): a dead instance's conversations are rerouted within it.")
    var leaseSeconds: Double = 6
    @Flag(help: "Read the client address from X-Forwarded-For (only behind a trusted proxy).") var trustForwardedFor = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(name: .customLong("demo-page"),
            help: "A self-contained HTML page to serve at / and /demo (e.g. Examples/DemoPage/index.html); read once at start-up.")
    var demoPage: String?
    @Option(name: .customLong("schedules"),
            help: ArgumentHelp(
                "A JSON file of appointment schedules (PublishedSchedules), added to those derived from the directory's published hours.",
                discussion: "Without it a station whose opening hours are not published offers no slot, as in the masecurite command and the guichet."))
    var schedules: String?
    @Option(name: .customLong("local-information"),
            help: "A local-information JSON file (the format of 'masecurite info validate') to serve instead of the bundled examples.")
    var localInformation: String?
    @Option(name: .customLong("team-token-file"),
            help: "A file of the avis team's bearer tokens, one per line (16+ characters): opens /v1/team (cases, answers, usage report).")
    var teamTokenFile: String?
    @Option(name: .customLong("feedback-rate-limit"),
            help: "« Je donne mon avis » submissions per client address and hour (0 disables; the general --rate-limit still applies).")
    var feedbackRateLimit = 20
    @Option(name: .customLong("usage-retention-days"), help: "Days usage events are kept (1-36500; 0 keeps them for ever).")
    var usageRetentionDays = LocalInformationRetention.standard.usageEventDays ?? 0
    @Option(name: .customLong("closed-case-retention-days"),
            help: "Days a closed avis case (its comment and answer) is kept after closing (1-36500; 0 keeps them for ever).")
    var closedCaseRetentionDays = LocalInformationRetention.standard.closedCaseDays ?? 0
    @Option(name: .customLong("retention-interval-hours"), help: "Hours between two retention purges (the first runs at start-up).")
    var retentionIntervalHours: Double = 6
    @Option(help: ArgumentHelp(
        "JSON file of the back office's staff accounts (see the server README).",
        discussion: "Each: {\"id\", \"token_sha256\" (hex SHA-256 of the bearer token), \"stations\" (station ids)}. Without it /v1/staff answers 401."))
    var staffFile: String?
    @Option(help: "URL of the gateway that sends appointment e-mails and SMS: each notification is POSTed there as a signed JSON webhook (default: none, nothing is sent).")
    var notifyWebhook: String?
    @Option(help: "File holding the webhook's signing secret (whsec_ followed by base64 of 24 to 64 random bytes); required with --notify-webhook.")
    var notifyWebhookSecretFile: String?
    @Option(help: "Seconds between two appointment maintenance passes (expired offers, notifications, purge); 0 runs none.")
    var maintenanceInterval: Double = 30
    @Option(help: "Notifications leased and sent at once.") var notifyBatch = 20
    @Option(help: "Seconds a leased notification is kept from other senders (must exceed a batch at 10 s per message).")
    var notifyLeaseSeconds = 300
    @Option(help: "Minutes a freed seat is kept for the first person of the waiting list.") var offerHoldMinutes = 30
    @Option(help: "File holding the secret (at least 16 bytes) the visio-plainte links are derived from; without it, visio-plainte is not offered.")
    var meetingSecretFile: String?
    @Option(help: "The video rooms' address prefix, the room token appended (https; with --meeting-secret-file).")
    var meetingBase: String?
    @Option(help: "Days after an appointment before its contact data is erased (0: as soon as it ends).") var purgeAfterDays = 1
    @Option(name: .customLong("signalement-endpoint"),
            help: "One URL receiving every unit's signalements as Standard Webhooks (with --signalement-secret).")
    var signalementEndpoint: String?
    @Option(name: .customLong("signalement-secret"),
            help: "The Standard Webhooks secret of --signalement-endpoint: whsec_ followed by the base64 of 24 to 64 random bytes.")
    var signalementSecret: String?
    @Option(name: .customLong("signalement-endpoints"),
            help: ArgumentHelp("A JSON file of the units' endpoints (as 'masecurite signalements deliver --endpoints').",
                               discussion: "{\"unit id\": {\"url\": …, \"secret\": \"whsec_…\"}, \"*\": {…} for the other units}."))
    var signalementEndpoints: String?
    @Option(name: .customLong("signalement-max-attempts"), help: "Delivery attempts before a signalement is dead-lettered.")
    var signalementMaxAttempts = 8
    @Option(name: .customLong("signalement-backoff"), help: "Seconds before the first retry of a delivery, doubled each time (at most an hour), with jitter.")
    var signalementBackoff: Double = 30
    @Option(name: .customLong("signalement-retention-days"), help: "Days a delivered signalement keeps its content (the receipt stays).")
    var signalementRetentionDays = 90
    @Option(name: .customLong("competence-file"),
            help: "The ministry's 'Compétence territoriale gendarmerie et police nationales' CSV; without it the competent unit is estimated (approximate).")
    var competenceFile: String?

    func run() async throws {
        var logger = Logger(label: "masecurite.server")
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        logger.logLevel = level
        var operators: [OperatorAccount] = []
        if let operatorsFile {
            do { operators = try OperatorsFile.load(path: operatorsFile) } catch { throw ValidationError(error.description) }
        }
        let databaseURL = postgresURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var configuration = ServerConfiguration(
            host: host, port: port, postgresURL: databaseURL, sqlitePath: sqlitePath, corsOrigins: corsOrigins,
            rateLimitPerMinute: rateLimit, maxBodyBytes: maxBodyBytes, operators: operators, trustForwardedFor: trustForwardedFor,
            demoPagePath: demoPage)
        configuration.postgresSchema = postgresSchema
        if let schedules {
            // A bad file stops here, located (file, station, field).
            configuration.schedulesPath = schedules
            do { _ = try configuration.publishedSchedules() } catch { throw ValidationError("invalid schedules file: \(error)") }
        }
        if let localInformation {
            // A refused file stops here with every located error (items[2].title.en…).
            configuration.localInformationPath = localInformation
            do { _ = try configuration.localInformationCatalog() } catch { throw ValidationError(error.description) }
        }
        if let teamTokenFile {
            do { configuration.teamTokens = try TeamTokensFile.load(path: teamTokenFile) } catch { throw ValidationError(error.description) }
        }
        guard feedbackRateLimit >= 0 else { throw ValidationError("--feedback-rate-limit must be 0 (off) or more") }
        configuration.feedbackRateLimitPerHour = feedbackRateLimit
        do {
            configuration.retention = try LocalInformationRetention(usageEventDays: usageRetentionDays == 0 ? nil : usageRetentionDays,
                                                                    closedCaseDays: closedCaseRetentionDays == 0 ? nil : closedCaseRetentionDays)
        } catch {
            let option = error.path == "usage_event_days" ? "--usage-retention-days" : "--closed-case-retention-days"
            throw ValidationError("\(option) must be 0 (keep) or 1 to \(LocalInformationRetention.dayLimit) days")
        }
        guard retentionIntervalHours >= 0.01, retentionIntervalHours <= 24 * 30 else {
            throw ValidationError("--retention-interval-hours must be between 0.01 and 720")
        }
        configuration.retentionIntervalSeconds = retentionIntervalHours * 3_600
        configuration.staffFilePath = staffFile
        guard maintenanceInterval >= 0, maintenanceInterval <= 3_600 else {
            throw ValidationError("--maintenance-interval must be between 0 (no pass) and 3600 seconds")
        }
        configuration.maintenanceIntervalSeconds = maintenanceInterval
        guard (1...500).contains(notifyBatch) else { throw ValidationError("--notify-batch must be between 1 and 500") }
        guard notifyLeaseSeconds > notifyBatch * 10, notifyLeaseSeconds <= 86_400 else {
            throw ValidationError("--notify-lease-seconds must exceed --notify-batch × 10 s (a webhook waits 10 s at most per message), here \(notifyBatch * 10), and be at most 86400")
        }
        configuration.notificationBatchSize = notifyBatch
        configuration.notificationLeaseSeconds = notifyLeaseSeconds
        guard (1...1_440).contains(offerHoldMinutes) else { throw ValidationError("--offer-hold-minutes must be between 1 and 1440") }
        configuration.offerHoldMinutes = offerHoldMinutes
        guard (0...3_650).contains(purgeAfterDays) else { throw ValidationError("--purge-after-days must be between 0 and 3650") }
        configuration.purgeAfterDays = purgeAfterDays
        switch (meetingSecretFile, meetingBase) {
        case (nil, nil): break
        case (nil, _?): throw ValidationError("--meeting-base needs --meeting-secret-file")
        case (let secretFile?, let base):
            guard let data = FileManager.default.contents(atPath: secretFile) else {
                throw ValidationError("--meeting-secret-file \(secretFile) cannot be read")
            }
            let secret = Array(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).utf8)
            guard secret.count >= 16 else { throw ValidationError("--meeting-secret-file \(secretFile) holds \(secret.count) bytes (at least 16 needed)") }
            if let base {
                guard let url = URL(string: base), url.scheme == "https", url.host != nil, base.count <= 200 else {
                    throw ValidationError("--meeting-base must be an https URL of at most 200 characters (got '\(base.prefix(80))')")
                }
                configuration.meetings = DerivedMeetingProvider(secret: secret, base: base)
            } else {
                configuration.meetings = DerivedMeetingProvider(secret: secret)
            }
        }
        switch (notifyWebhook, notifyWebhookSecretFile) {
        case (nil, nil): break
        case (let url?, let secretFile?):
            let text: String
            do { text = try String(contentsOfFile: secretFile, encoding: .utf8) } catch {
                throw ValidationError("--notify-webhook-secret-file \(secretFile) cannot be read")
            }
            do {
                configuration.notificationWebhook = try WebhookEndpoint(url: url, secret: WebhookSecret(text.trimmingCharacters(in: .whitespacesAndNewlines)))
            } catch {
                throw ValidationError("--notify-webhook: \(error.description)")
            }
        default:
            throw ValidationError("--notify-webhook and --notify-webhook-secret-file go together")
        }
        guard leaseSeconds >= 1, leaseSeconds <= 300 else { throw ValidationError("--lease-seconds must be between 1 and 300") }
        configuration.leaseSeconds = leaseSeconds
        if let instanceID {
            guard !instanceID.isEmpty, instanceID.count <= 64,
                  instanceID.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) })
            else { throw ValidationError("--instance-id must be 1 to 64 ASCII letters, digits, '-', '_' or '.'") }
            configuration.instanceID = instanceID
        }
        if let postgresSSLMode {
            guard let mode = PostgresSSLMode(rawValue: postgresSSLMode) else {
                throw ValidationError("--postgres-sslmode must be one of \(PostgresSSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.postgresSSLMode = mode
        }
        configuration.postgresSSLRootCert = postgresSSLRootCert
        try configureSignalements(&configuration)
        if databaseURL == nil, postgresSSLMode != nil || postgresSSLRootCert != nil {
            throw ValidationError("--postgres-sslmode and --postgres-sslrootcert need --postgres-url (or DATABASE_URL)")
        }
        // A bad URL, TLS mode or CA file stops here, in one sentence (the password is never repeated).
        do { _ = try configuration.postgresSettings() } catch { throw ValidationError(error.description) }
        let serverLogger = logger
        // A missing --demo-page file stops here with a DemoPageError naming the path.
        do {
            let app = try await PartnerServer.makeApplication(configuration: configuration, logger: serverLogger) { port in
                serverLogger.notice("listening", metadata: ["port": "\(port)"])
            }
            try await app.runService()
        } catch let error as StaffFileError {
            // A bad staff file stops the start-up, located (file, account, field).
            throw ValidationError(error.description)
        }
    }

    /// The signalement flags, each checked here so a mistake stops the start-up in one sentence
    /// (the secret is never repeated).
    func configureSignalements(_ configuration: inout ServerConfiguration) throws {
        switch (signalementEndpoints, signalementEndpoint, signalementSecret) {
        case (nil, nil, nil):
            break
        case (nil, let url?, let secret?):
            do {
                configuration.signalementEndpoints = WebhookEndpoints(fallback: try WebhookEndpoint(url: url, secret: try WebhookSecret(secret)))
            } catch {
                throw ValidationError("--signalement-endpoint / --signalement-secret: \(error.description)")
            }
        case (let file?, nil, nil):
            do { configuration.signalementEndpoints = try WebhookEndpoints(contentsOf: file) } catch {
                throw ValidationError("--signalement-endpoints: \(error.description)")
            }
        case (nil, .some, nil):
            throw ValidationError("--signalement-endpoint needs --signalement-secret whsec_…")
        case (nil, nil, .some):
            throw ValidationError("--signalement-secret needs --signalement-endpoint URL")
        default:
            throw ValidationError("give either --signalement-endpoints FILE or --signalement-endpoint URL with --signalement-secret, not both")
        }
        guard (1...100).contains(signalementMaxAttempts) else { throw ValidationError("--signalement-max-attempts must be between 1 and 100") }
        guard signalementBackoff >= 0, signalementBackoff <= 86_400 else { throw ValidationError("--signalement-backoff must be between 0 and 86400 seconds") }
        guard (0...3_650).contains(signalementRetentionDays) else { throw ValidationError("--signalement-retention-days must be between 0 and 3650") }
        configuration.signalementRetry = RetryPolicy(maximumAttempts: signalementMaxAttempts, baseDelay: signalementBackoff)
        configuration.signalementRetentionDays = signalementRetentionDays
        // A malformed file stops the start-up with its line and column (read once, when the services are built).
        configuration.competenceFilePath = competenceFile
    }
}
