import Appointments
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PartnerServer
import Testing

/// A gateway that records what it accepted.
actor RecordingNotifier: Notifier {
    private(set) var accepted: [NotificationMessage] = []
    private var failuresLeft = 0

    func failNext(_ count: Int) { failuresLeft = count }

    func send(_ message: NotificationMessage) async throws {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw URLError(.timedOut)
        }
        accepted.append(message)
    }
}

/// `/v1/staff/stations/{station}/…`: authentication and scope, schedules, closures, the day's list.
@Suite struct StaffRouteTests {
    static let talence = "commissariat_police-33522-01"
    static let bordeauxToken = "token-accueil-bordeaux-0123456789"
    static let talenceToken = "token-accueil-talence-0123456789"

    static var configuration: ServerConfiguration {
        var configuration = TestSupport.configuration
        configuration.staffAccounts = [
            StaffAccount(id: "accueil-bordeaux", token: bordeauxToken, stations: [TestSupport.bordeaux]),
            StaffAccount(id: "accueil-talence", token: talenceToken, stations: [talence]),
        ]
        return configuration
    }

    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }

    static func application(clock: ManualWallClock, configuration: ServerConfiguration = StaffRouteTests.configuration) async throws -> some ApplicationProtocol {
        try await PartnerServer.makeApplication(configuration: configuration, clock: clock, logger: TestSupport.quietLogger)
    }

    @Test func tokensAreCheckedAndScopedToTheirStations() async throws {
        try await Self.application(clock: try WaitlistRouteTests.clock()).test(.router) { client in
            let path = "/v1/staff/stations/\(TestSupport.bordeaux)/appointments?day=2026-12-08"
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"masecurite-staff\"")
                let problem = try TestSupport.object(response.body)
                #expect(problem["type"] as? String == "urn:masecurite:problem:unauthorized")
            }
            try await client.execute(uri: path, method: .get, headers: Self.bearer("not-a-staff-token-at-all")) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
            }
            try await client.execute(uri: path, method: .get, headers: [.authorization: "Basic \(Self.bordeauxToken)"]) { response in
                #expect(response.status == .unauthorized)
            }
            let (forbidden, problem) = try await client.getJSON(path, headers: Self.bearer(Self.talenceToken))
            #expect(forbidden == .forbidden && problem["type"] as? String == "urn:masecurite:problem:forbidden")
            let (allowed, _) = try await client.getJSON(path, headers: Self.bearer(Self.bordeauxToken))
            #expect(allowed == .ok)
            // The other routes too, before reading any body.
            try await client.execute(uri: "/v1/staff/stations/\(TestSupport.bordeaux)/closures", method: .post,
                                     headers: Self.bearer(Self.talenceToken), body: ByteBuffer(string: #"{"day":"2026-12-08"}"#)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/v1/staff/stations/\(TestSupport.bordeaux)/schedule", method: .put, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func publishingAScheduleChangesTheSlotsAtOnce() async throws {
        try await Self.application(clock: try WaitlistRouteTests.clock()).test(.router) { client in
            let base = "/v1/staff/stations/\(TestSupport.bordeaux)/schedule"
            let auth = Self.bearer(Self.bordeauxToken)
            let (shown, before) = try await client.getJSON(base, headers: auth)
            #expect(shown == .ok && before["published"] is NSNull)
            #expect(((before["schedule"] as? [String: Any])?["ranges"] as? [String: Any])?["plainte"] != nil, "the file's schedule is in force")
            // Tuesdays 10:00–11:00, four counters, plainte only.
            let schedule: [String: Any] = [
                "territory": "metropole", "time_zone": "Europe/Paris", "minimum_notice_minutes": 60,
                "ranges": ["plainte": [["days": ["Tu"], "start": "10:00", "end": "11:00", "counters": 4]]],
                "exceptions": [["date": "2026-12-22", "closed": true]],
            ]
            let (put, published) = try await execute(client, base, method: .put, schedule, auth)
            #expect(put == .ok)
            let publication = try #require(published["published"] as? [String: Any])
            #expect(publication["version"] as? Int == 1 && publication["published_by"] as? String == "accueil-bordeaux")
            let (_, slots) = try await client.getJSON("/v1/appointments/slots?station=\(TestSupport.bordeaux)&motif=plainte&from=2026-12-08&days=1")
            let list = try #require(slots["slots"] as? [[String: Any]])
            #expect(list.map { $0["start"] as? String } == ["2026-12-08T10:00:00+01:00", "2026-12-08T10:30:00+01:00"])
            #expect(list.allSatisfy { $0["capacity"] as? Int == 4 })
            let (noMain, mainProblem) = try await client.getJSON("/v1/appointments/slots?station=\(TestSupport.bordeaux)&motif=main-courante&from=2026-12-08&days=1")
            #expect(noMain == .unprocessableContent && mainProblem["type"] as? String == "urn:masecurite:problem:motif-not-offered")
            let (_, replaced) = try await execute(client, base, method: .put, schedule, auth)
            #expect((replaced["published"] as? [String: Any])?["version"] as? Int == 2)

            // Mistakes are located; nothing is published.
            var zeroCounters = schedule
            zeroCounters["ranges"] = ["plainte": [["days": ["Tu"], "start": "10:00", "end": "11:00", "counters": 0]]]
            let (zero, zeroProblem) = try await execute(client, base, method: .put, zeroCounters, auth)
            #expect(zero == .unprocessableContent && zeroProblem["type"] as? String == "urn:masecurite:problem:invalid-schedule")
            #expect(zeroProblem["field"] as? String == "ranges" && (zeroProblem["detail"] as? String)?.contains("plainte") == true)
            var unknown = schedule
            unknown["colour"] = "blue"
            let (_, unknownProblem) = try await execute(client, base, method: .put, unknown, auth)
            #expect(unknownProblem["field"] as? String == "colour")
            var zone = schedule
            zone["time_zone"] = "Europe/Bordeaux"
            let (_, zoneProblem) = try await execute(client, base, method: .put, zone, auth)
            #expect(zoneProblem["field"] as? String == "time_zone")
            var territory = schedule
            territory["territory"] = "martinique"
            let (_, territoryProblem) = try await execute(client, base, method: .put, territory, auth)
            #expect(territoryProblem["field"] as? String == "territory")
            let (notObject, _) = try await execute(client, base, method: .put, ["not", "an", "object"], auth)
            #expect(notObject == .badRequest)
            let (_, after) = try await client.getJSON(base, headers: auth)
            #expect((after["published"] as? [String: Any])?["version"] as? Int == 2)
        }
    }

    @Test func closingADayCancelsItsBookingsAndTheDayListShowsTheMinimum() async throws {
        try await Self.application(clock: try WaitlistRouteTests.clock()).test(.router) { client in
            let station = TestSupport.bordeaux
            let auth = Self.bearer(Self.bordeauxToken)
            let (_, reachable) = try await client.postJSON("/v1/appointments", [
                "station": station, "motif": "plainte", "start": "2026-12-09T09:00:00+01:00",
                "contact": ["pseudonym": "Camille", "email": "camille@example.org", "phone": "+33600000000"],
            ])
            let (_, anonymous) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "main-courante", "start": "2026-12-09T14:00:00+01:00"])
            let reachableCode = try #require(reachable["code"] as? String), anonymousCode = try #require(anonymous["code"] as? String)

            // The day's list: reference, times, motif, status, counter, the name to call; never an address.
            try await client.execute(uri: "/v1/staff/stations/\(station)/appointments?day=2026-12-09", method: .get, headers: auth) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(!text.contains("@") && !text.contains("+336") && !text.contains(reachableCode))
                let body = try TestSupport.object(response.body)
                let list = try #require(body["appointments"] as? [[String: Any]])
                #expect(list.map { $0["reference"] as? String } == [String(reachableCode.suffix(4)), String(anonymousCode.suffix(4))])
                #expect(list.first?["pseudonym"] as? String == "Camille" && list.first?["counter"] as? Int == 1)
                #expect(list.first?["start"] as? String == "2026-12-09T09:00:00+01:00" && list.first?["motif"] as? String == "plainte")
                #expect(list.allSatisfy { $0["status"] as? String == "booked" })
            }

            // Closing the day cancels both; only the reachable one gets a notice.
            let (closed, closure) = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-09"], headers: auth)
            #expect(closed == .ok && closure["already_closed"] as? Bool == false)
            let cancelled = try #require(closure["cancelled"] as? [[String: Any]])
            #expect(cancelled.map { $0["notified"] as? Bool } == [true, false])
            #expect(cancelled.map { $0["reference"] as? String } == [String(reachableCode.suffix(4)), String(anonymousCode.suffix(4))])
            let (_, shown) = try await client.getJSON("/v1/appointments/\(reachableCode)")
            #expect(shown["status"] as? String == "cancelled-by-station")
            let (_, again) = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-09"], headers: auth)
            #expect(again["already_closed"] as? Bool == true && (again["cancelled"] as? [Any])?.isEmpty == true)
            let (refused, problem) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "plainte", "start": "2026-12-09T10:00:00+01:00"])
            #expect(refused == .conflict && problem["type"] as? String == "urn:masecurite:problem:day-closed")
            let (waitlist, waitlistProblem) = try await client.postJSON("/v1/appointments/waitlist", ["station": station, "motif": "plainte", "day": "2026-12-09"])
            #expect(waitlist == .conflict && waitlistProblem["type"] as? String == "urn:masecurite:problem:day-closed")
            let (_, list) = try await client.getJSON("/v1/staff/stations/\(station)/appointments?day=2026-12-09", headers: auth)
            let after = try #require(list["appointments"] as? [[String: Any]])
            #expect(after.allSatisfy { $0["status"] as? String == "cancelled-by-station" && $0["counter"] is NSNull && $0["pseudonym"] is NSNull })
            let (past, pastProblem) = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-06"], headers: auth)
            #expect(past == .badRequest && pastProblem["field"] as? String == "day")
        }
    }

    @Test func aClosedDayIsReopenedByStaffAndTakesBookingsAgain() async throws {
        try await Self.application(clock: try WaitlistRouteTests.clock()).test(.router) { client in
            let station = TestSupport.bordeaux
            let auth = Self.bearer(Self.bordeauxToken)
            let (_, booked) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "plainte", "start": "2026-12-09T09:00:00+01:00"])
            let code = try #require(booked["code"] as? String)
            _ = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-09"], headers: auth)
            func reopen(_ uri: String, _ headers: HTTPFields) async throws -> (HTTPResponse.Status, [String: Any]) {
                try await client.execute(uri: uri, method: .delete, headers: headers) { ($0.status, try TestSupport.object($0.body)) }
            }
            // Only an account of the station may reopen it.
            let (anonymous, _) = try await reopen("/v1/staff/stations/\(station)/closures/2026-12-09", [:])
            #expect(anonymous == .unauthorized)
            let (other, _) = try await reopen("/v1/staff/stations/\(station)/closures/2026-12-09", Self.bearer(Self.talenceToken))
            #expect(other == .forbidden)
            let (status, reopened) = try await reopen("/v1/staff/stations/\(station)/closures/2026-12-09", auth)
            #expect(status == .ok && reopened["reopened"] as? Bool == true && reopened["day"] as? String == "2026-12-09"
                    && reopened["station"] as? String == station, "\(reopened)")
            // Bookable again; the booking the closure cancelled stays cancelled.
            let (created, again) = try await client.postJSON("/v1/appointments", ["station": station, "motif": "plainte", "start": "2026-12-09T10:00:00+01:00"])
            #expect(created == .created, "\(again)")
            let (_, shown) = try await client.getJSON("/v1/appointments/\(code)")
            #expect(shown["status"] as? String == "cancelled-by-station")
            let (_, open) = try await reopen("/v1/staff/stations/\(station)/closures/2026-12-09", auth)
            #expect(open["reopened"] as? Bool == false)
            let (bad, badProblem) = try await reopen("/v1/staff/stations/\(station)/closures/9-12-2026", auth)
            #expect(bad == .badRequest && badProblem["field"] as? String == "day")
            let (past, pastProblem) = try await reopen("/v1/staff/stations/\(station)/closures/2026-12-06", auth)
            #expect(past == .badRequest && pastProblem["field"] as? String == "day")
        }
    }

    /// The maintenance loop running in the server sends the closure's notice through the notifier.
    @Test func theServerSendsTheClosureNoticeWithTheNextFreeSlots() async throws {
        let notifier = RecordingNotifier()
        var configuration = Self.configuration
        configuration.maintenanceIntervalSeconds = 0.1
        configuration.notifier = notifier
        try await Self.application(clock: try WaitlistRouteTests.clock(), configuration: configuration).test(.router) { client in
            let station = TestSupport.bordeaux
            let (_, booking) = try await client.postJSON("/v1/appointments", [
                "station": station, "motif": "plainte", "start": "2026-12-09T09:00:00+01:00", "contact": ["email": "camille@example.org"],
            ])
            let code = try #require(booking["code"] as? String)
            _ = try await client.postJSON("/v1/staff/stations/\(station)/closures", ["day": "2026-12-09"], headers: Self.bearer(Self.bordeauxToken))
            var sent: [NotificationMessage] = []
            for _ in 0..<100 where sent.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                sent = await notifier.accepted
            }
            let notice = try #require(sent.first, "the closure's notice was not sent within 5 seconds")
            #expect(sent.count == 1 && notice.kind == .cancelledByStation && notice.channel == .email && notice.address == "camille@example.org")
            #expect(notice.code?.formatted == code)
            // The next free slots, read when sent: the closed day is not among them.
            #expect(notice.body.contains("Prochains créneaux libres : 2026-12-07T10:00:00+01:00"))
            let alternatives = try #require(notice.body.components(separatedBy: "Prochains créneaux libres : ").last?.components(separatedBy: ". ").first)
            #expect(alternatives.components(separatedBy: ", ").count == 3 && !alternatives.contains("2026-12-09T"))
        }
    }

    @Test func theStaffFileIsCheckedWithLocatedErrors() throws {
        let stations: Set<String> = [TestSupport.bordeaux, Self.talence]
        let digest = StaffAccount(id: "x", token: Self.bordeauxToken, stations: []).tokenSHA256
        #expect(digest.count == 64)
        let good = try StaffFile.decode(Data(#"[{"id": "accueil-1", "token_sha256": "\#(digest)", "stations": ["\#(TestSupport.bordeaux)"]}]"#.utf8),
                                        isStation: stations.contains)
        #expect(StaffDirectory(good).account(token: Self.bordeauxToken)?.id == "accueil-1")
        #expect(StaffDirectory(good).account(token: Self.talenceToken) == nil)
        func error(_ json: String) -> StaffFileError? {
            do { _ = try StaffFile.decode(Data(json.utf8), isStation: stations.contains) } catch { return error }
            return nil
        }
        let unknown = error(#"[{"id": "a", "token_sha256": "\#(digest)", "stations": ["\#(TestSupport.bordeaux)"], "token": "plain"}]"#)
        #expect(unknown?.index == 0 && unknown?.field == "token")
        let badHex = error(#"[{"id": "a", "token_sha256": "ABC", "stations": ["\#(TestSupport.bordeaux)"]}]"#)
        #expect(badHex?.field == "token_sha256" && badHex?.accountID == "a")
        let station = error(#"[{"id": "a", "token_sha256": "\#(digest)", "stations": ["gendarmerie-00000-01"]}]"#)
        #expect(station?.field == "stations[0]")
        let none = error(#"[{"id": "a", "token_sha256": "\#(digest)", "stations": []}]"#)
        #expect(none?.field == "stations")
        let twice = error(#"[{"id": "a", "token_sha256": "\#(digest)", "stations": ["\#(Self.talence)"]}, {"id": "b", "token_sha256": "\#(digest)", "stations": ["\#(Self.talence)"]}]"#)
        #expect(twice?.index == 1 && twice?.field == "token_sha256")
        #expect(error(#"{"id": "a"}"#)?.index == nil)
        #expect(error(#"[{"id": "a", "stations": []}]"#)?.field == "token_sha256")
        #expect(unknown?.description.contains("account [0] ('a'), field 'token'") == true)
    }

    @Test func theExampleStaffFileLoads() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("staff.example.json").path
        let (_, stations, _) = try ServerServices.loadBundled()
        let accounts = try StaffFile.load(path: file) { stations.station(id: $0) != nil }
        #expect(!accounts.isEmpty && accounts.allSatisfy { !$0.stations.isEmpty })
    }

    private func execute(_ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method, _ value: Any,
                         _ headers: HTTPFields) async throws -> (HTTPResponse.Status, [String: Any]) {
        var all = TestSupport.jsonHeaders
        all.append(contentsOf: headers)
        return try await client.execute(uri: uri, method: method, headers: all, body: try TestSupport.json(value)) { response in
            (response.status, try TestSupport.object(response.body))
        }
    }
}
