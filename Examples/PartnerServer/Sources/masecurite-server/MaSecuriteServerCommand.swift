import ArgumentParser
import Foundation
import Logging
import PartnerServer

/// `masecurite-server`: the partner HTTP + WebSocket API.
@main
struct MaSecuriteServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "masecurite-server",
        abstract: "Serve the MaSecurite API (/v1) over HTTP and WebSocket.",
        discussion: """
            Without a database the bookings live in memory (or in --sqlite-path). With --postgres-url \
            (or DATABASE_URL) they live in PostgreSQL, shared by every instance; migrations run at start-up.
            """)

    @Option(help: "Interface to bind.") var host = "127.0.0.1"
    @Option(help: "TCP port (0 picks a free one).") var port = 8080
    @Option(help: "PostgreSQL URL postgres://user:password@host:port/database (default: $DATABASE_URL).") var postgresURL: String?
    @Option(help: "PostgreSQL schema holding the server's tables (several deployments may share one database).")
    var postgresSchema = "masecurite"
    @Option(help: "SQLite file for bookings when no PostgreSQL URL is given.") var sqlitePath: String?
    @Option(name: .customLong("cors-origin"), help: "An allowed CORS origin (repeat; '*' for any).") var corsOrigins: [String] = []
    @Option(help: "Requests per minute per client address (0 disables).") var rateLimit = 600
    @Option(help: "Largest request body in bytes.") var maxBodyBytes = 64 * 1024
    @Option(help: "JSON file listing chat operators: [{\"id\",\"display_name\",\"token\",\"languages\",\"capacity\"}] (capacity per instance, default 8).") var operatorsFile: String?
    @Flag(help: "Read the client address from X-Forwarded-For (only behind a trusted proxy).") var trustForwardedFor = false
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"
    @Option(name: .customLong("demo-page"),
            help: "A self-contained HTML page to serve at / and /demo (e.g. Examples/DemoPage/index.html); read once at start-up.")
    var demoPage: String?

    func run() async throws {
        var logger = Logger(label: "masecurite.server")
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        logger.logLevel = level
        var operators: [OperatorAccount] = []
        if let operatorsFile {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: operatorsFile)) } catch {
                throw ValidationError("cannot read --operators-file \(operatorsFile): \(error.localizedDescription)")
            }
            do { operators = try JSONDecoder().decode([OperatorAccount].self, from: data) } catch {
                throw ValidationError("--operators-file \(operatorsFile) is not a JSON list of {id, display_name, token, languages}")
            }
            if let weak = operators.first(where: { $0.token.count < 16 }) {
                throw ValidationError("operator \(weak.id): the token must have at least 16 characters")
            }
        }
        let databaseURL = postgresURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        var configuration = ServerConfiguration(
            host: host, port: port, postgresURL: databaseURL, sqlitePath: sqlitePath, corsOrigins: corsOrigins,
            rateLimitPerMinute: rateLimit, maxBodyBytes: maxBodyBytes, operators: operators, trustForwardedFor: trustForwardedFor,
            demoPagePath: demoPage)
        configuration.postgresSchema = postgresSchema
        let serverLogger = logger
        // A missing --demo-page file stops here with a DemoPageError naming the path.
        let app = try await PartnerServer.makeApplication(configuration: configuration, logger: serverLogger) { port in
            serverLogger.notice("listening", metadata: ["port": "\(port)"])
        }
        try await app.runService()
    }
}
