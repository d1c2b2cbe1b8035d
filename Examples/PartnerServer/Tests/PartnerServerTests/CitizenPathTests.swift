import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// A whole citizen path over real HTTP on loopback: ask → station → slots →
/// book (with a retried Idempotency-Key) → calendar file → cancel.
@Suite struct CitizenPathTests {
    @Test func askStationSlotsBookCalendarCancel() async throws {
        try await TestSupport.application().test(.live) { client in
            // 1. The citizen says what happened; the answer points to a complaint.
            let (asked, answer) = try await client.postJSON("/v1/orientation/ask", ["text": "on a cambriolé ma maison cette nuit", "lang": "fr"])
            #expect(asked == .ok)
            #expect(!(answer["results"] as? [Any] ?? []).isEmpty)

            // 2. The nearest police station to Bordeaux.
            let (near, found) = try await client.getJSON("/v1/stations/near?postal_code=33000&kind=police&limit=1")
            #expect(near == .ok)
            let station = try #require((found["stations"] as? [[String: Any]])?.first?["id"] as? String)

            // 3. Its free complaint slots over the next two weeks.
            let (listed, slotsBody) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=plainte&days=14")
            #expect(listed == .ok)
            let slots = try #require(slotsBody["slots"] as? [[String: Any]])
            let start = try #require(slots.first?["start"] as? String, "a police station has complaint slots within two weeks")

            // 4. Book, then retry the same request: one booking only.
            let request: [String: Any] = ["station": station, "motif": "plainte", "start": start]
            let (booked, booking) = try await client.postJSON("/v1/appointments", request, headers: try TestSupport.idempotency("path-test-1"))
            #expect(booked == .created)
            let code = try #require(booking["code"] as? String)
            #expect(booking["status"] as? String == "booked")
            #expect(!(booking["documents"] as? [String] ?? []).isEmpty)
            let (retried, again) = try await client.postJSON("/v1/appointments", request, headers: try TestSupport.idempotency("path-test-1"))
            #expect(retried == .created && again["code"] as? String == code)
            let (conflict, problem) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "main-courante", "start": start],
                                                                headers: try TestSupport.idempotency("path-test-1"))
            #expect(conflict == .conflict && problem["type"] as? String == "urn:masecurite:problem:idempotency-conflict")

            // 5. The calendar file.
            try await client.execute(uri: "/v1/appointments/\(code).ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/calendar") == true)
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("BEGIN:VCALENDAR"))
                #expect(text.contains("BEGIN:VEVENT"))
            }

            // 6. Show, then cancel; a second cancel is refused.
            let (shown, same) = try await client.getJSON("/v1/appointments/\(code)")
            #expect(shown == .ok && same["start"] as? String == start)
            let (cancelled, after) = try await client.postJSON("/v1/appointments/\(code)/cancel", [String: Any]())
            #expect(cancelled == .ok && after["status"] as? String == "cancelled-by-citizen")
            let (twice, refusal) = try await client.postJSON("/v1/appointments/\(code)/cancel", [String: Any]())
            #expect(twice == .conflict && refusal["type"] as? String == "urn:masecurite:problem:not-active")

            // 7. The freed slot can be booked again.
            let (rebooked, _) = try await client.postJSON("/v1/appointments", request)
            #expect(rebooked == .created)
        }
    }

    @Test func rescheduleMovesTheBooking() async throws {
        try await TestSupport.application().test(.live) { client in
            let station = "commissariat_police-33063-01"
            let (_, slotsBody) = try await client.getJSON("/v1/appointments/slots?station=\(station)&motif=main-courante&days=14")
            let slots = try #require(slotsBody["slots"] as? [[String: Any]])
            try #require(slots.count >= 2)
            let first = try #require(slots[0]["start"] as? String), second = try #require(slots[1]["start"] as? String)
            let (_, booking) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "main-courante", "start": first])
            let code = try #require(booking["code"] as? String)
            let (moved, after) = try await client.postJSON("/v1/appointments/\(code)/reschedule", ["start": second])
            #expect(moved == .ok && after["start"] as? String == second)
            let (unknownField, problem) = try await client.postJSON("/v1/appointments/\(code)/reschedule", ["start": second, "station": station])
            #expect(unknownField == .badRequest && problem["field"] as? String == "station")
        }
    }
}
