import Appointments
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// `/v1/appointments/waitlist`: join, read with the reference, accept the kept seat, leave.
@Suite struct WaitlistRouteTests {
    /// Monday 7 December 2026, 08:00 in Bordeaux.
    static func clock() throws -> ManualWallClock { ManualWallClock(try Date("2026-12-07T07:00:00Z", strategy: .iso8601)) }

    static func application(clock: ManualWallClock, configuration: ServerConfiguration = TestSupport.configuration) async throws -> some ApplicationProtocol {
        try await PartnerServer.makeApplication(configuration: configuration, clock: clock, logger: TestSupport.quietLogger)
    }

    /// Tuesday 8 December, 09:00 in Bordeaux: a slot of the standard schedule (two counters).
    static let start = "2026-12-08T09:00:00+01:00"

    @Test func aFreedSeatIsKeptForTheFirstInLineWhoAcceptsItByReference() async throws {
        let clock = try Self.clock()
        try await Self.application(clock: clock).test(.router) { client in
            let station = TestSupport.bordeaux
            var codes: [String] = []
            for _ in 0..<2 {
                let (status, booking) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "plainte", "start": Self.start])
                try #require(status == .created)
                codes.append(try #require(booking["code"] as? String))
            }
            // Two people join: one for the day, one for a range around the slot.
            let (joined, first) = try await client.postJSON("/v1/appointments/waitlist", [
                "station": station, "motif": "plainte", "day": "2026-12-08", "contact": ["email": "attente@example.org", "pseudonym": "Sam"],
            ])
            #expect(joined == .created && first["status"] as? String == "waiting" && first["position"] as? Int == 1)
            #expect(first["contact"] == nil, "the answer never echoes the contact")
            let one = try #require(first["reference"] as? String)
            let (_, second) = try await client.postJSON("/v1/appointments/waitlist", [
                "station": station, "motif": "plainte", "from": "2026-12-08T08:00:00+01:00", "to": "2026-12-08T12:00:00+01:00",
            ])
            let two = try #require(second["reference"] as? String)
            #expect(second["position"] as? Int == 2 && second["earliest"] as? String == "2026-12-08T08:00:00+01:00")
            let (early, notYet) = try await client.postJSON("/v1/appointments/waitlist/\(one)/accept", [String: Any]())
            #expect(early == .conflict && notYet["type"] as? String == "urn:masecurite:problem:offer-not-yet-made")

            // A seat frees: it is kept 30 minutes for the first in line, and nobody else sees it.
            let (cancelled, _) = try await client.postJSON("/v1/appointments/\(codes[0])/cancel", [String: Any]())
            #expect(cancelled == .ok)
            let (read, offered) = try await client.getJSON("/v1/appointments/waitlist/\(one)")
            #expect(read == .ok && offered["status"] as? String == "offered" && offered["position"] is NSNull)
            let offer = try #require(offered["offer"] as? [String: Any])
            #expect(offer["start"] as? String == Self.start && offer["expires_at"] as? String == "2026-12-07T08:30:00+01:00")
            let (_, slots) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=plainte&from=2026-12-08&days=1")
            #expect(!(try #require(slots["slots"] as? [[String: Any]])).contains { $0["start"] as? String == Self.start })
            let (_, secondNow) = try await client.getJSON("/v1/appointments/waitlist/\(two)")
            #expect(secondNow["position"] as? Int == 1)

            // Accepted; a retry (a lost answer) gives the same booking.
            let (accepted, booking) = try await client.postJSON("/v1/appointments/waitlist/\(one)/accept", ["contact": ["pseudonym": "Sam B."]])
            #expect(accepted == .created && booking["start"] as? String == Self.start && booking["status"] as? String == "booked")
            let code = try #require(booking["code"] as? String)
            let (retried, again) = try await client.postJSON("/v1/appointments/waitlist/\(one)/accept", [String: Any]())
            #expect(retried == .created && again["code"] as? String == code)
            let (gone, problem) = try await client.getJSON("/v1/appointments/waitlist/\(one)")
            #expect(gone == .notFound && problem["type"] as? String == "urn:masecurite:problem:waitlist-entry-not-found")

            // Another seat frees for the second, who lets it run out.
            _ = try await client.postJSON("/v1/appointments/\(codes[1])/cancel", [String: Any]())
            clock.advance(by: 31 * 60)
            let (_, expired) = try await client.getJSON("/v1/appointments/waitlist/\(two)")
            #expect(expired["status"] as? String == "offer-expired")
            let (late, unavailable) = try await client.postJSON("/v1/appointments/waitlist/\(two)/accept", [String: Any]())
            #expect(late == .conflict && unavailable["type"] as? String == "urn:masecurite:problem:offer-unavailable")
            let (left, departure) = try await client.execute(uri: "/v1/appointments/waitlist/\(two)", method: .delete) { response in
                (response.status, try TestSupport.object(response.body))
            }
            #expect(left == .ok && departure["status"] as? String == "left" && departure["declined_offer"] as? Bool == true)
            let (_, freeAgain) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=plainte&from=2026-12-08&days=1")
            #expect((try #require(freeAgain["slots"] as? [[String: Any]])).contains { $0["start"] as? String == Self.start && $0["remaining"] as? Int == 1 })
        }
    }

    @Test func leavingWhileWaitingAndBadRequests() async throws {
        let clock = try Self.clock()
        try await Self.application(clock: clock).test(.router) { client in
            let station = TestSupport.bordeaux
            let (_, entry) = try await client.postJSON("/v1/appointments/waitlist", ["station": station, "motif": "main-courante", "day": "2026-12-09"])
            let reference = try #require(entry["reference"] as? String)
            let (left, departure) = try await client.execute(uri: "/v1/appointments/waitlist/\(reference)", method: .delete) { response in
                (response.status, try TestSupport.object(response.body))
            }
            #expect(left == .ok && departure["declined_offer"] as? Bool == false)
            let (twice, _) = try await client.execute(uri: "/v1/appointments/waitlist/\(reference)", method: .delete) { response in
                (response.status, try TestSupport.object(response.body))
            }
            #expect(twice == .notFound)
            let (bad, badProblem) = try await client.getJSON("/v1/appointments/waitlist/not-a-reference")
            #expect(bad == .badRequest && badProblem["field"] as? String == "reference")
            let (both, bothProblem) = try await client.postJSON("/v1/appointments/waitlist", [
                "station": station, "motif": "plainte", "day": "2026-12-08", "from": "2026-12-08T09:00:00+01:00",
            ])
            #expect(both == .badRequest && bothProblem["type"] as? String == "urn:masecurite:problem:invalid-body")
            let (reversed, reversedProblem) = try await client.postJSON("/v1/appointments/waitlist", [
                "station": station, "motif": "plainte", "from": "2026-12-09T09:00:00+01:00", "to": "2026-12-08T09:00:00+01:00",
            ])
            #expect(reversed == .badRequest && reversedProblem["field"] as? String == "to")
            let (past, pastProblem) = try await client.postJSON("/v1/appointments/waitlist", ["station": station, "motif": "plainte", "day": "2026-12-01"])
            #expect(past == .unprocessableContent && pastProblem["type"] as? String == "urn:masecurite:problem:too-late")
            let (unknown, unknownProblem) = try await client.postJSON("/v1/appointments/waitlist", ["station": station, "motif": "plainte", "day": "2026-12-08", "email": "x@example.org"])
            #expect(unknown == .badRequest && unknownProblem["field"] as? String == "email")
            let (nowhere, nowhereProblem) = try await client.postJSON("/v1/appointments/waitlist", ["station": "nowhere-00000-01", "motif": "plainte", "day": "2026-12-08"])
            #expect(nowhere == .notFound && nowhereProblem["type"] as? String == "urn:masecurite:problem:station-not-found")
        }
    }
}
