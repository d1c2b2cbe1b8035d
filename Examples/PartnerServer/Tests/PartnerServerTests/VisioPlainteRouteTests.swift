import Appointments
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// `visio-plainte` through the server: offered where the catalog's pilot runs
/// once a meeting provider is configured, each booking carrying its link.
@Suite struct VisioPlainteRouteTests {
    /// Plaisir (78), Yvelines: in the pilot, hours published in the bundled default.
    static let plaisir = "commissariat_police-78172-01"

    static func application(meetings: (any MeetingProvider)?) async throws -> some ApplicationProtocol {
        var configuration = TestSupport.configuration
        configuration.meetings = meetings
        // Monday 7 December 2026, 08:00 in Paris.
        let clock = ManualWallClock(try Date("2026-12-07T07:00:00Z", strategy: .iso8601))
        return try await PartnerServer.makeApplication(configuration: configuration, clock: clock, logger: TestSupport.quietLogger)
    }

    @Test func aVisioPlainteBookingCarriesItsMeetingLinkWhereThePilotRuns() async throws {
        let provider = DerivedMeetingProvider(secret: Array("a test secret of 32 bytes, fixed".utf8), base: "https://visio.example.org/salle/")
        try await Self.application(meetings: provider).test(.router) { client in
            let (listed, slots) = try await client.getJSON("/v1/appointments/slots?station=\(Self.plaisir)&motif=visio-plainte&from=2026-12-08&days=1")
            #expect(listed == .ok, "\(slots)")
            let list = try #require(slots["slots"] as? [[String: Any]], "\(slots)")
            try #require(list.count >= 2, "\(slots)")
            let start = try #require(list[0]["start"] as? String), later = try #require(list[1]["start"] as? String)
            let (created, booking) = try await client.postJSON("/v1/appointments", ["station": Self.plaisir, "motif": "visio-plainte", "start": start],
                                                               headers: [HTTPField.Name("Idempotency-Key")!: "visio-1"])
            #expect(created == .created && booking["motif"] as? String == "visio-plainte", "\(booking)")
            let link = try #require(booking["meeting_url"] as? String, "\(booking)")
            let token = String(link.dropFirst("https://visio.example.org/salle/".count))
            #expect(link.hasPrefix("https://visio.example.org/salle/") && token.count == 32 && token.allSatisfy(\.isHexDigit))
            #expect((booking["documents"] as? [String])?.isEmpty == false)
            // The same booking always has the same link: a retry, a read by code.
            let (_, retried) = try await client.postJSON("/v1/appointments", ["station": Self.plaisir, "motif": "visio-plainte", "start": start],
                                                         headers: [HTTPField.Name("Idempotency-Key")!: "visio-1"])
            #expect(retried["meeting_url"] as? String == link)
            let code = try #require(booking["code"] as? String)
            let (_, read) = try await client.getJSON("/v1/appointments/\(code)")
            #expect(read["meeting_url"] as? String == link)
            // Another booking, another link; a visit has none.
            let (_, other) = try await client.postJSON("/v1/appointments", ["station": Self.plaisir, "motif": "visio-plainte", "start": later])
            #expect(other["meeting_url"] as? String != nil && other["meeting_url"] as? String != link, "\(other)")
            let (_, visit) = try await client.postJSON("/v1/appointments", ["station": TestSupport.bordeaux, "motif": "plainte",
                                                                            "start": "2026-12-08T09:00:00+01:00"])
            #expect(visit["code"] != nil && visit["meeting_url"] == nil, "\(visit)")
            // Outside the pilot (Gironde): refused.
            let (outside, refusal) = try await client.getJSON("/v1/appointments/slots?station=\(TestSupport.bordeaux)&motif=visio-plainte&from=2026-12-08&days=1")
            #expect(outside.code >= 400 && refusal["type"] as? String == "urn:masecurite:problem:motif-not-offered", "\(refusal)")
        }
    }

    @Test func withoutAMeetingProviderVisioPlainteIsNotOffered() async throws {
        try await Self.application(meetings: nil).test(.router) { client in
            let (status, problem) = try await client.getJSON("/v1/appointments/slots?station=\(Self.plaisir)&motif=visio-plainte&from=2026-12-08&days=1")
            #expect(status.code >= 400 && problem["type"] as? String == "urn:masecurite:problem:motif-not-offered", "\(problem)")
        }
    }
}
