import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PartnerServer
import Synchronization
import Testing

/// Every log line, message and metadata, as text.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.add("\(event.level) \(event.message) \(all.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))")
    }
}

/// Confirmation codes, contacts and the citizen's words never reach the logs.
@Suite struct PrivacyLoggingTests {
    @Test func logsHoldRoutesNotCodesContactsOrWords() async throws {
        let capture = LogCapture()
        var logger = Logger(label: "privacy") { _ in CapturingLogHandler(capture: capture) }
        logger.logLevel = .info
        let app = try await PartnerServer.makeApplication(configuration: TestSupport.configuration, logger: logger)
        let station = "commissariat_police-33063-01"
        let code = try await app.test(.live) { client -> String in
            let (_, slotsBody) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=plainte&days=14")
            let start = try #require((slotsBody["slots"] as? [[String: Any]])?.first?["start"] as? String)
            let (_, booking) = try await client.postJSON("/v1/appointments", [
                "station": station, "motif": "plainte", "start": start,
                "contact": ["pseudonym": "Camille-Secret", "email": "camille.secret@example.org", "phone": "+33612345678"],
            ], headers: try TestSupport.idempotency("idem-secret-key"))
            let code = try #require(booking["code"] as? String)
            _ = try await client.getJSON("/v1/appointments/\(code)")
            _ = try await client.execute(uri: "/v1/appointments/\(code).ics", method: .get) { $0.status }
            _ = try await client.postJSON("/v1/appointments/\(code)/cancel", [String: Any]())
            _ = try await client.postJSON("/v1/orientation/ask", ["text": "mon voisin Zorglub me frappe"])
            return code
        }
        let lines = capture.all
        #expect(lines.contains { $0.contains("http.route=/v1/appointments/{code}/cancel") }, "the access log names the route template")
        let secrets = [code, code.replacingOccurrences(of: "-", with: ""), "Camille-Secret", "camille.secret", "+33612345678",
                       "idem-secret-key", "Zorglub"]
        for secret in secrets {
            #expect(!lines.contains { $0.contains(secret) }, "'\(secret)' appears in the logs")
        }
    }

    /// Waiting-list references, staff tokens and the notices' addresses stay out of the logs too;
    /// the back office's changes are logged with the account id (an audit trail).
    @Test func logsHoldNoReferenceTokenOrAddressOfTheWaitingListAndBackOffice() async throws {
        let capture = LogCapture()
        var logger = Logger(label: "privacy") { _ in CapturingLogHandler(capture: capture) }
        logger.logLevel = .info
        let notifier = RecordingNotifier()
        var configuration = StaffRouteTests.configuration
        configuration.maintenanceIntervalSeconds = 0.1
        configuration.notifier = notifier
        let app = try await PartnerServer.makeApplication(configuration: configuration, clock: try WaitlistRouteTests.clock(), logger: logger)
        let station = TestSupport.bordeaux
        let reference = try await app.test(.live) { client -> String in
            let (_, entry) = try await client.postJSON("/v1/appointments/waitlist", [
                "station": station, "motif": "plainte", "day": "2026-12-08", "contact": ["email": "attente.secret@example.org"],
            ])
            let reference = try #require(entry["reference"] as? String)
            _ = try await client.getJSON("/v1/appointments/waitlist/\(reference)")
            _ = try await client.postJSON("/v1/appointments", [
                "station": station, "motif": "plainte", "start": "2026-12-09T09:00:00+01:00", "contact": ["email": "ferme.secret@example.org"],
            ])
            _ = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-09"],
                                          headers: StaffRouteTests.bearer(StaffRouteTests.bordeauxToken))
            _ = try await client.getJSON("/v1/staff/stations/\(station)/appointments?day=2026-12-08",
                                         headers: StaffRouteTests.bearer(StaffRouteTests.talenceToken))
            for _ in 0..<100 where await notifier.accepted.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            return reference
        }
        #expect(await notifier.accepted.count == 1, "the closure's notice was sent")
        let lines = capture.all
        #expect(lines.contains { $0.contains("staff closed a day") && $0.contains("staff.account=accueil-bordeaux") })
        #expect(lines.contains { $0.contains("http.route=/v1/appointments/waitlist/{reference}") })
        for secret in [reference, StaffRouteTests.bordeauxToken, StaffRouteTests.talenceToken, "attente.secret", "ferme.secret"] {
            #expect(!lines.contains { $0.contains(secret) }, "'\(secret)' appears in the logs")
        }
    }
}
