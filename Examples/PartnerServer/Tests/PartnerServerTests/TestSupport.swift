import Appointments
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PartnerServer
import Testing

/// Shared helpers of the partner server tests.
enum TestSupport {
    /// The PostgreSQL URL of the test database (CI sets it; without it the PostgreSQL tests are skipped).
    static let postgresURL: String? = ProcessInfo.processInfo.environment["MASECURITE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Why PostgreSQL tests were skipped.
    static let postgresSkipReason: Comment = "MASECURITE_TEST_POSTGRES_URL is not set: PostgreSQL tests skipped (.ci/steps/60-partner-server.sh sets it)"

    static var quietLogger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    /// The station most tests book at: Bordeaux's commissariat, whose opening hours the directory
    /// does not publish, so it offers slots only because ``schedulesFile`` publishes a schedule for it.
    static let bordeaux = "commissariat_police-33063-01"

    /// A deployment's schedules file (`--schedules`) giving ``bordeaux`` the standard schedule.
    static let schedulesFile: String = {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("masecurite-server-tests-\(ProcessInfo.processInfo.processIdentifier)-schedules.json").path
        let schedules = PublishedSchedules([bordeaux: .standard(territory: .metropole)])
        _ = FileManager.default.createFile(atPath: path, contents: try? schedules.encoded())
        return path
    }()

    /// The tests' usual configuration: in memory, no rate limit, ``schedulesFile``, no maintenance
    /// pass (tests that read the outbox run one themselves, with ``AppointmentMaintenance/pass(purge:)``).
    static var configuration: ServerConfiguration {
        var configuration = ServerConfiguration(port: 0, rateLimitPerMinute: 0)
        configuration.schedulesPath = schedulesFile
        configuration.maintenanceIntervalSeconds = 0
        return configuration
    }

    /// An application over in-memory stores (no network unless tested `.live`).
    static func application(_ configuration: ServerConfiguration = TestSupport.configuration)
        async throws -> some ApplicationProtocol {
        try await PartnerServer.makeApplication(configuration: configuration, logger: quietLogger)
    }

    /// Decodes a JSON object response body.
    static func object(_ buffer: ByteBuffer) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
        return try #require(value as? [String: Any], "the body is not a JSON object: \(String(buffer: buffer))")
    }

    /// The JSON body of `value`.
    static func json(_ value: Any) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: value))
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    /// An `Idempotency-Key` header.
    static func idempotency(_ key: String) throws -> HTTPFields {
        [try #require(HTTPField.Name("Idempotency-Key")): key]
    }
}

extension TestClientProtocol {
    /// GET `uri` and return status and JSON object.
    func getJSON(_ uri: String, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await execute(uri: uri, method: .get, headers: headers) { response in
            (response.status, try TestSupport.object(response.body))
        }
    }

    /// POST a JSON value to `uri` and return status and JSON object.
    func postJSON(_ uri: String, _ value: Any, headers: HTTPFields = [:]) async throws -> (HTTPResponse.Status, [String: Any]) {
        var all = TestSupport.jsonHeaders
        all.append(contentsOf: headers)
        return try await execute(uri: uri, method: .post, headers: all, body: try TestSupport.json(value)) { response in
            (response.status, try TestSupport.object(response.body))
        }
    }
}
