import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// Each route family over in-memory stores.
@Suite struct RouteTests {
    @Test func healthAndReadiness() async throws {
        try await TestSupport.application().test(.router) { client in
            let (health, body) = try await client.getJSON("/v1/health")
            #expect(health == .ok && body["status"] as? String == "ok")
            let (ready, readyBody) = try await client.getJSON("/v1/ready")
            #expect(ready == .ok && readyBody["storage"] as? String == "memory")
        }
    }

    @Test func stationsNearAPointAreNearestFirst() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.getJSON("/v1/stations/near?lat=44.8378&lon=-0.5792&limit=3")
            #expect(status == .ok)
            let stations = try #require(body["stations"] as? [[String: Any]])
            #expect(stations.count == 3)
            let distances = stations.compactMap { $0["distance_m"] as? Double }
            #expect(distances == distances.sorted() && distances.count == 3)
            #expect(stations.first?["department"] as? String == "33")
        }
    }

    @Test func stationsNearAPostalCodeAndACommune() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.getJSON("/v1/stations/near?postal_code=33000&kind=police&limit=2")
            #expect(status == .ok)
            let place = try #require(body["place"] as? [String: Any])
            #expect(place["name"] as? String == "Bordeaux")
            let stations = try #require(body["stations"] as? [[String: Any]])
            #expect(!stations.isEmpty && stations.allSatisfy { $0["kind"] as? String == "police" })
            let (byName, named) = try await client.getJSON("/v1/stations/near?commune=Voiron")
            #expect(byName == .ok)
            #expect((named["place"] as? [String: Any])?["insee"] as? String == "38563")
            let (unknown, problem) = try await client.getJSON("/v1/stations/near?commune=Qxzwvklmnop")
            #expect(unknown == .notFound && problem["type"] as? String == "urn:masecurite:problem:place-not-found")
        }
    }

    @Test func stationsNearRejectsBadParameters() async throws {
        try await TestSupport.application().test(.router) { client in
            let (missing, body) = try await client.getJSON("/v1/stations/near")
            #expect(missing == .badRequest && body["type"] as? String == "urn:masecurite:problem:invalid-parameter")
            let (badLat, latBody) = try await client.getJSON("/v1/stations/near?lat=north&lon=2")
            #expect(badLat == .badRequest && latBody["field"] as? String == "lat")
            let (badLimit, limitBody) = try await client.getJSON("/v1/stations/near?lat=45&lon=2&limit=500")
            #expect(badLimit == .badRequest && limitBody["field"] as? String == "limit")
        }
    }

    @Test func stationShowAndNotFound() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, station) = try await client.getJSON("/v1/stations/commissariat_police-01053-01")
            #expect(status == .ok && station["name"] as? String == "Commissariat de police de Bourg-en-Bresse")
            let (missing, problem) = try await client.getJSON("/v1/stations/nowhere-00000-01")
            #expect(missing == .notFound && problem["type"] as? String == "urn:masecurite:problem:station-not-found")
        }
    }

    @Test func orientationWalksTheTreeWithTheToken() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, start) = try await client.getJSON("/v1/orientation")
            #expect(status == .ok && start["position"] as? String == "journey-choice")
            let journeys = try #require(start["journeys"] as? [[String: Any]])
            #expect(journeys.contains { $0["id"] as? String == "victime" })
            let (_, first) = try await client.postJSON("/v1/orientation/step", ["action": "start", "journey": "victime"])
            #expect(first["position"] as? String == "question")
            let token = try #require(first["token"] as? String)
            let (_, second) = try await client.postJSON("/v1/orientation/step", ["token": token, "action": "choose", "choice": 0])
            let secondToken = try #require(second["token"] as? String)
            #expect(secondToken != token)
            #expect((second["breadcrumb"] as? [Any])?.count ?? 0 >= 2)
            let (_, back) = try await client.postJSON("/v1/orientation/step", ["token": secondToken, "action": "back"])
            #expect(back["token"] as? String == token, "back returns to the same state")
            let (shown, same) = try await client.getJSON("/v1/orientation?token=\(token)&lang=en")
            #expect(shown == .ok && same["position"] as? String == "question")
            let (bad, problem) = try await client.postJSON("/v1/orientation/step", ["token": token, "action": "choose", "choice": 99])
            #expect(bad == .unprocessableContent && problem["type"] as? String == "urn:masecurite:problem:invalid-choice")
            let (tampered, tokenProblem) = try await client.getJSON("/v1/orientation?token=not-a-token")
            #expect(tampered == .badRequest && tokenProblem["type"] as? String == "urn:masecurite:problem:invalid-session-token")
        }
    }

    /// Walks every branch of the tree through the API: each leaf's documents and
    /// partners come resolved, and each fiche it names answers on `/v1/fiches/{id}`.
    @Test func everyLeafResolvesItsDocumentsPartnersAndFiches() async throws {
        try await TestSupport.application().test(.router) { client in
            let (_, start) = try await client.getJSON("/v1/orientation")
            var pending: [[String: Any]] = []
            for journey in try #require(start["journeys"] as? [[String: Any]]) {
                let (_, state) = try await client.postJSON("/v1/orientation/step", ["action": "start", "journey": journey["id"] as Any])
                pending.append(state)
            }
            var leaves = 0
            var fiches = Set<String>()
            while let state = pending.popLast() {
                let token = try #require(state["token"] as? String)
                if let question = state["question"] as? [String: Any] {
                    for choice in try #require(question["choices"] as? [[String: Any]]) {
                        let (status, next) = try await client.postJSON("/v1/orientation/step",
                                                                        ["token": token, "action": "choose", "choice": choice["index"] as Any])
                        try #require(status == .ok)
                        pending.append(next)
                    }
                    continue
                }
                let leaf = try #require(state["leaf"] as? [String: Any], "a state is a question or a leaf")
                leaves += 1
                let documents = try #require(leaf["documents"] as? [String])
                let lists = try #require(leaf["document_lists"] as? [[String: Any]])
                #expect(lists.compactMap { $0["id"] as? String } == documents, "leaf \(leaf["id"] ?? "")")
                #expect(lists.allSatisfy { ($0["items"] as? [String])?.isEmpty == false && $0["title"] is String })
                let actions = try #require(leaf["actions"] as? [String])
                let partnerIDs = actions.filter { $0.hasPrefix("partner:") }.map { String($0.dropFirst("partner:".count)) }
                let partners = try #require(leaf["partners"] as? [[String: Any]])
                #expect(partners.compactMap { $0["id"] as? String } == partnerIDs, "leaf \(leaf["id"] ?? "")")
                fiches.formUnion(actions.filter { $0.hasPrefix("fiche:") }.map { String($0.dropFirst("fiche:".count)) })
            }
            #expect(leaves >= 100, "the tree has 100+ orientations; walked \(leaves)")
            #expect(fiches.count >= 10)
            for id in fiches.sorted() {
                let (status, fiche) = try await client.getJSON("/v1/fiches/\(id)?lang=en")
                #expect(status == .ok, "fiche \(id)")
                #expect(fiche["id"] as? String == id)
                #expect((fiche["sections"] as? [[String: Any]])?.isEmpty == false, "fiche \(id) has sections")
                #expect(fiche["last_reviewed"] is String)
            }
            let (missing, problem) = try await client.getJSON("/v1/fiches/no-such-fiche")
            #expect(missing == .notFound && problem["type"] as? String == "urn:masecurite:problem:fiche-not-found")
        }
    }

    @Test func askFindsOrientationsAndFlagsEmergencies() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, body) = try await client.postJSON("/v1/orientation/ask", ["text": "on m'a volé mon vélo devant chez moi"])
            #expect(status == .ok)
            #expect(!(try #require(body["results"] as? [Any])).isEmpty)
            #expect(body["emergency"] is NSNull)
            let (_, urgent) = try await client.postJSON("/v1/orientation/ask", ["text": "quelqu'un essaie d'entrer chez moi en ce moment, j'ai peur"])
            #expect(urgent["emergency"] is [String: Any], "a danger happening now must be flagged")
        }
    }

    @Test func teleservicesListAndCheck() async throws {
        try await TestSupport.application().test(.router) { client in
            let (status, list) = try await client.getJSON("/v1/teleservices?department=33&date=2026-06-01")
            #expect(status == .ok && list["department"] as? String == "33")
            let services = try #require(list["services"] as? [[String: Any]])
            #expect(services.contains { $0["id"] as? String == "plainte-en-ligne" })
            let (checked, eligible) = try await client.postJSON("/v1/teleservices/plainte-en-ligne/check", [
                "facts": ["emergency_now": false, "offence": "vol", "author_known": false, "victim_is_minor": false, "happened_in_france": true],
                "date": "2026-06-01",
            ])
            #expect(checked == .ok && eligible["verdict"] as? String == "eligible")
            let (_, known) = try await client.postJSON("/v1/teleservices/plainte-en-ligne/check", [
                "facts": ["emergency_now": false, "offence": "vol", "author_known": true, "victim_is_minor": false, "happened_in_france": true],
            ])
            #expect(known["verdict"] as? String == "not-eligible")
            let (wrong, problem) = try await client.postJSON("/v1/teleservices/plainte-en-ligne/check", ["facts": ["author_known": 12]])
            #expect(wrong == .unprocessableContent && problem["field"] as? String == "facts.author_known")
            let (unknown, missing) = try await client.postJSON("/v1/teleservices/nope/check", ["facts": [:]])
            #expect(unknown == .notFound && missing["type"] as? String == "urn:masecurite:problem:teleservice-not-found")
            let (badDepartment, departmentProblem) = try await client.getJSON("/v1/teleservices?department=999")
            #expect(badDepartment == .badRequest && departmentProblem["field"] as? String == "department")
        }
    }

    @Test func appointmentErrorsHaveStableTypes() async throws {
        try await TestSupport.application().test(.router) { client in
            let (badCode, codeProblem) = try await client.getJSON("/v1/appointments/not-a-code")
            #expect(badCode == .badRequest && codeProblem["type"] as? String == "urn:masecurite:problem:invalid-code")
            let (unknown, unknownProblem) = try await client.getJSON("/v1/appointments/K7QM-4XTR-9BWE-2HPA-ZC3N")
            #expect(unknown == .notFound && unknownProblem["type"] as? String == "urn:masecurite:problem:booking-not-found")
            let (outside, outsideProblem) = try await client.postJSON("/v1/appointments", [
                "station": "commissariat_police-33063-01", "motif": "plainte", "start": "2020-01-06T03:17:00+01:00",
            ])
            #expect(outside == .unprocessableContent && outsideProblem["type"] as? String == "urn:masecurite:problem:outside-opening")
            let (motif, motifProblem) = try await client.getJSON("/v1/appointments/slots?station=commissariat_police-33063-01&motif=autre")
            #expect(motif == .unprocessableContent && motifProblem["type"] as? String == "urn:masecurite:problem:motif-not-offered")
            let (badStart, startProblem) = try await client.postJSON("/v1/appointments", [
                "station": "commissariat_police-33063-01", "motif": "plainte", "start": "tomorrow",
            ])
            #expect(badStart == .badRequest && startProblem["field"] as? String == "start")
        }
    }

    @Test func slotsFollowThePublishedSchedulesLikeTheCommandLineAndTheGuichet() async throws {
        // No --schedules file: the schedules derived from the directory's published opening hours only.
        try await TestSupport.application(ServerConfiguration(port: 0, rateLimitPerMinute: 0)).test(.router) { client in
            // Bordeaux's commissariat does not publish its hours: no slot, and the answer says why.
            let (unpublished, problem) = try await client.getJSON("/v1/appointments/slots?station=\(TestSupport.bordeaux)&motif=plainte&days=14")
            #expect(unpublished == .unprocessableContent && problem["type"] as? String == "urn:masecurite:problem:motif-not-offered"
                    && problem["field"] as? String == "station", "\(problem)")
            // Talence's publishes Mo-Fr 08:00-18:00: it offers slots, one counter each.
            let (published, body) = try await client.getJSON("/v1/appointments/slots?station=commissariat_police-33522-01&motif=plainte&days=14")
            let slots = try #require(body["slots"] as? [[String: Any]])
            #expect(published == .ok && !slots.isEmpty)
            #expect(slots.allSatisfy { $0["capacity"] as? Int == 1 })
        }
        // With the deployment's file, Bordeaux offers the slots the file gives it.
        try await TestSupport.application().test(.router) { client in
            let (listed, body) = try await client.getJSON("/v1/appointments/slots?station=\(TestSupport.bordeaux)&motif=plainte&days=14")
            #expect(listed == .ok && !((body["slots"] as? [[String: Any]]) ?? []).isEmpty)
        }
    }
}
